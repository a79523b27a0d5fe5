package fr.maillage.imports;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar maillage.jar --import=places --file=lieux.csv [--dry-run] [--atomic]}: imports against the
 * configured database without the web server, prints the summary and the rejected rows, and exits with 0 when every row
 * was accepted, 1 when nothing was imported (unreadable file, bad arguments, failed write, an atomic import with
 * rejected rows), 2 when some rows were rejected (the others were imported). Wrong arguments and a missing file are reported before the application (and its database) starts:
 * see {@link #checkArguments}.
 */
@Component
@ConditionalOnProperty("import")
public class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final int OK = 0;
    public static final int FAILED = 1;
    static final int ROWS_REJECTED = 2;

    private final ImportService imports;
    private final PrintStream out;
    private int exitCode = OK;

    @Autowired
    ImportCommand(ImportService imports) {
        this(imports, System.out);
    }

    ImportCommand(ImportService imports, PrintStream out) {
        this.imports = imports;
        this.out = out;
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode = execute(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /**
     * What can be told wrong from the command line alone (usage, kind, a file that cannot be read), printed on
     * {@code out}: {@link #FAILED}, or {@link #OK} when the import may start. Called before the application starts,
     * so that a typo does not cost the start of the database.
     */
    public static int checkArguments(String[] args, PrintStream out) {
        return check(new DefaultApplicationArguments(args), out) ? OK : FAILED;
    }

    private static boolean check(ApplicationArguments args, PrintStream out) {
        var kindName = args.getOptionValues("import");
        var file = args.getOptionValues("file");
        if (kindName == null || kindName.size() != 1 || file == null || file.size() != 1) {
            out.println("Usage : --import=places|employers|advisers|partners|activities --file=<fichier .csv, .xlsx ou"
                    + " .json> [--dry-run] [--atomic]");
            return false;
        }
        if (ImportKind.fromPath(kindName.get(0)).isEmpty()) {
            out.println("Type d'import inconnu « " + kindName.get(0) + " » : " + ImportKind.names());
            return false;
        }
        var path = Path.of(file.get(0));
        if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
            out.println("Fichier illisible " + path + " : " + (Files.exists(path) ? "ce n'est pas un fichier lisible"
                    : "il n'existe pas"));
            return false;
        }
        return true;
    }

    int execute(ApplicationArguments args) {
        if (!check(args, out)) {
            return FAILED;
        }
        var kind = ImportKind.fromPath(args.getOptionValues("import").get(0)).orElseThrow();
        var path = Path.of(args.getOptionValues("file").get(0));
        try {
            if (Files.size(path) > imports.limits().maxBytes()) {
                throw imports.limits().fileTooLarge();
            }
            var report = imports.run(kind, Files.readAllBytes(path),
                    SourceReader.Format.fromContentType(null, path.getFileName().toString()),
                    args.containsOption("dry-run"), args.containsOption("atomic"));
            print(report);
            if (report.failure() != null) {
                return FAILED;
            }
            return report.count(RowStatus.REJECTED) > 0 ? ROWS_REJECTED : OK;
        } catch (IOException e) {
            out.println("Fichier illisible " + path + " : " + e.getMessage());
            return FAILED;
        } catch (ImportException e) {
            out.println("Fichier refusé " + path + " : " + e.getMessage());
            return FAILED;
        }
    }

    /** The summary, then every rejected row and every row placed otherwise than by its INSEE code or read with notes. */
    private void print(ImportReport report) {
        out.println(report.summary());
        report.notes().forEach(note -> out.println("  " + note));
        for (var row : report.rows()) {
            if (row.status() == RowStatus.REJECTED) {
                var reasons = row.errors().stream().map(e -> e.field() + " : " + e.reason()).toList();
                out.println("  ligne " + row.line() + " rejetée — " + String.join(" ; ", reasons));
            } else {
                if (row.placement() != null && row.placement().by() != Communes.PlacedBy.INSEE_CODE) {
                    out.println("  ligne " + row.line() + " placée à " + row.placement().communeName() + " ("
                            + row.placement().communeCode() + ") — " + row.placement().how());
                }
                row.notes().forEach(note -> out.println("  ligne " + row.line() + " — " + note.field() + " : "
                        + note.reason()));
            }
        }
    }
}
