package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/** The command-line import, run in-process against the test database exactly as the jar runs it. */
class ImportCommandTests extends ImportIntegrationTest {

    @Autowired
    ImportService imports;

    @TempDir
    Path directory;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private int run(String... args) {
        var command = new ImportCommand(imports, new PrintStream(output, true, StandardCharsets.UTF_8));
        command.run(new DefaultApplicationArguments(args));
        return command.getExitCode();
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    private Path copy(String fixture) throws IOException {
        var file = directory.resolve(fixture);
        Files.write(file, fixture(fixture));
        return file;
    }

    @Test
    void importsAFileAndExitsWithZeroWhenEveryRowIsAccepted() throws IOException {
        var file = copy("places-semicolon.csv");

        assertThat(run("--import=places", "--file=" + file)).isEqualTo(ImportCommand.OK);

        assertThat(output()).contains("Import places : 6 lignes, 6 créées");
        assertThat(count("MATCH (p:Place) RETURN count(p)")).isEqualTo(6);
    }

    @Test
    void aDryRunWritesNothing() throws IOException {
        var file = copy("places.json");

        assertThat(run("--import=places", "--file=" + file, "--dry-run")).isEqualTo(ImportCommand.ROWS_REJECTED);

        assertThat(output()).contains("essai à blanc").contains("2 créées").contains("1 rejetées")
                .contains("ligne 24 rejetée — adresse : obligatoire");
        assertThat(count("MATCH (p:Place) RETURN count(p)")).isZero();
    }

    @Test
    void printsTheRejectedRowsAndExitsWithTwo() throws IOException {
        var file = copy("employers.csv");

        assertThat(run("--import=employers", "--file=" + file)).isEqualTo(ImportCommand.ROWS_REJECTED);

        assertThat(output()).contains("4 créées").contains("3 rejetées")
                .contains("ligne 6 rejetée — siret : le SIRET 20007695800013 ne respecte pas la clé de contrôle (Luhn)");
        assertThat(count("MATCH (e:Employer) RETURN count(e)")).isEqualTo(4);
    }

    @Test
    void exitsWithOneWhenTheFileCannotBeReadOrTheArgumentsAreWrong() throws IOException {
        assertThat(run("--import=places", "--file=" + directory.resolve("absent.csv"))).isEqualTo(ImportCommand.FAILED);
        assertThat(output()).contains("Fichier illisible");

        var empty = Files.writeString(directory.resolve("vide.csv"), "");
        assertThat(run("--import=places", "--file=" + empty)).isEqualTo(ImportCommand.FAILED);
        assertThat(output()).contains("Fichier refusé").contains("le fichier est vide");

        assertThat(run("--import=lieux", "--file=" + empty)).isEqualTo(ImportCommand.FAILED);
        assertThat(run("--import=places")).isEqualTo(ImportCommand.FAILED);
        assertThat(output()).contains("Usage : --import=places|employers|advisers|partners");
    }
}
