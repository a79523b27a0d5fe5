package fr.maillage.backup;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar maillage.jar --backup=FILE} writes the graph of the configured database to {@code FILE};
 * {@code --restore=FILE} loads such a file into an empty store. Both run without the web server, like the
 * command-line import, and exit with 0 when done, 1 otherwise (the message says why and what became of the store).
 * The in-process store is locked by a running service: stop it first. The start they make applies the migrations but
 * loads neither the territories nor the demo network (the application runs with lazy beans: only what the command
 * needs is created).
 */
@Component
@ConditionalOnExpression("'${backup:}' != '' or '${restore:}' != ''")
public class BackupCommand implements ApplicationRunner, ExitCodeGenerator {

    public static final int OK = 0;
    public static final int FAILED = 1;
    private static final String USAGE = "Usage : --backup=<fichier.jsonl.gz> (sauvegarde) ou --restore=<fichier.jsonl.gz>"
            + " (restauration dans un magasin vide)";

    private final GraphBackup backup;
    private final GraphRestore restore;
    private final PrintStream out;
    private int exitCode = OK;

    @Autowired
    BackupCommand(GraphBackup backup, GraphRestore restore) {
        this(backup, restore, System.out);
    }

    BackupCommand(GraphBackup backup, GraphRestore restore, PrintStream out) {
        this.backup = backup;
        this.restore = restore;
        this.out = out;
    }

    /** {@code --backup=...} or {@code --restore=...} on the command line runs this command instead of the service. */
    public static boolean requested(String[] args) {
        return Arrays.stream(args).anyMatch(arg -> arg.equals("--backup") || arg.startsWith("--backup=")
                || arg.equals("--restore") || arg.startsWith("--restore="));
    }

    /**
     * What the command line alone tells wrong, printed on {@code out}: {@link #FAILED}, or {@link #OK} when the command
     * may start. Called before the application starts, so that a typo does not cost the start of the database.
     */
    public static int checkArguments(String[] args, PrintStream out) {
        return check(new DefaultApplicationArguments(args), out) ? OK : FAILED;
    }

    private static boolean check(ApplicationArguments args, PrintStream out) {
        var backupFile = args.getOptionValues("backup");
        var restoreFile = args.getOptionValues("restore");
        if ((backupFile == null) == (restoreFile == null) || args.containsOption("import")
                || (backupFile != null ? backupFile : restoreFile).size() != 1
                || (backupFile != null ? backupFile : restoreFile).get(0).isBlank()) {
            out.println(USAGE);
            return false;
        }
        if (backupFile != null) {
            var path = Path.of(backupFile.get(0)).toAbsolutePath();
            if (Files.exists(path)) {
                out.println("Le fichier " + path + " existe déjà : une sauvegarde n'en écrase pas une autre, choisissez"
                        + " un autre nom");
                return false;
            }
            if (!Files.isDirectory(path.getParent()) || !Files.isWritable(path.getParent())) {
                out.println("Impossible d'écrire dans " + path.getParent() + " : le répertoire n'existe pas ou n'est"
                        + " pas accessible en écriture");
                return false;
            }
            return true;
        }
        // a file that exists but cannot be read is told by the restore itself, which reads it before writing
        var path = Path.of(restoreFile.get(0));
        if (!Files.isRegularFile(path)) {
            out.println("Sauvegarde introuvable : " + path + " n'est pas un fichier");
            return false;
        }
        return true;
    }

    @Override
    public void run(ApplicationArguments args) {
        exitCode = execute(args);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    int execute(ApplicationArguments args) {
        if (!check(args, out)) {
            return FAILED;
        }
        if (args.containsOption("backup")) {
            var path = Path.of(args.getOptionValues("backup").get(0)).toAbsolutePath();
            try {
                var header = backup.write(path);
                out.println("Sauvegarde écrite dans " + path + " : " + describe(header));
                warning(header).ifPresent(out::println);
                return OK;
            } catch (IOException | RuntimeException e) {
                out.println("Sauvegarde échouée, aucun fichier écrit : " + e.getMessage());
                return FAILED;
            }
        }
        var path = Path.of(args.getOptionValues("restore").get(0)).toAbsolutePath();
        try {
            var header = restore.restore(path, out::println);
            out.println("Restauration terminée depuis " + path + " (sauvegarde du " + header.createdAt() + ") : "
                    + describe(header));
            return OK;
        } catch (GraphRestore.RestoreRefused e) {
            out.println("Restauration refusée, rien n'a été écrit : " + e.getMessage());
            return FAILED;
        } catch (RuntimeException e) {
            out.println("Restauration échouée : " + e.getMessage());
            return FAILED;
        }
    }

    /**
     * A store without communes was most likely started empty by this very command, on the wrong directory: every
     * started service holds the territories.
     */
    static Optional<String> warning(BackupFile.Header header) {
        return header.labels().containsKey("Commune") ? Optional.empty()
                : Optional.of("Attention : ce magasin ne contient aucune commune ; est-ce le bon (MAILLAGE_DATA_DIR ou"
                        + " NEO4J_URI) ? Un répertoire absent est créé vide au démarrage.");
    }

    private static String describe(BackupFile.Header header) {
        return header.nodes() + " nœuds, " + header.relationships() + " relations (schéma " + header.schemaVersion()
                + ")\n  labels : " + header.labels().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "))
                + "\n  relations : " + header.types().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", "));
    }
}
