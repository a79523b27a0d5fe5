package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import fr.maillage.support.PackagedJar;
import fr.maillage.support.PackagedJar.Run;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The documented command line, {@code java -jar target/maillage-<version>.jar --import=<kind> --file=<file>
 * [--dry-run]}, run on the packaged jar in a child JVM, on a fresh in-process store of its own
 * ({@code MAILLAGE_DATA_DIR}): it starts without a web server, loads the referential but not the demo, prints the
 * summary and exits with 0 (every row accepted), 2 (some rows rejected) or 1 (nothing imported; a missing file is
 * told before anything starts). Run by failsafe
 * after {@code package}; each start on the store takes a while (the first one loads every territory of France).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineImportIT {

    private static final String HEADER = "siret;nom;secteur;type_juridique;code_insee;code_postal;commune\n";
    private static final String VALID_ROWS = """
            200 076 958 00012;Collectivité de Corse;public;Collectivité territoriale;2A004;;
            21200004600004;Commune d'Ajaccio;;TERRITORIAL_COLLECTIVITY;;20000;Ajaccio
            77567227200009;Association Balagna Numerica;privé;Association;;20220;L'Île-Rousse
            """;
    private static final String BAD_LUHN = "20007695800013;Mauvaise clé;public;Collectivité territoriale;2A004;;\n";

    @TempDir
    static Path directory;

    @Test
    @Order(1)
    void aDryRunOnAFreshStoreReportsWithoutWriting() throws Exception {
        var file = csv("employeurs.csv", HEADER + VALID_ROWS + BAD_LUHN);

        var run = importEmployers(file, "--dry-run");

        assertThat(run.output()).doesNotContain("APPLICATION FAILED TO START");
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output())
                .contains("Import employers (essai à blanc, rien n'est écrit) : 4 lignes, 3 créées, 0 modifiées,"
                        + " 0 inchangées, 1 rejetées")
                .contains("ligne 5 rejetée — siret : le SIRET 20007695800013 ne respecte pas la clé de contrôle (Luhn)")
                // the referential is loaded, the demo network is not: an import writes only its file
                .contains("Territories")
                .doesNotContain("Demo network");
    }

    @Test
    @Order(2)
    void aRealRunImportsTheAcceptedRowsAndExitsWithTwoForTheRejectedOne() throws Exception {
        var file = csv("employeurs.csv", HEADER + VALID_ROWS + BAD_LUHN);

        var run = importEmployers(file);

        // the dry run wrote nothing: the rows are created now
        assertThat(run.exitCode()).as(run.output()).isEqualTo(2);
        assertThat(run.output()).contains("Import employers : 4 lignes, 3 créées, 0 modifiées, 0 inchangées, 1 rejetées")
                .contains("ligne 5 rejetée — siret").doesNotContain("Demo network");
    }

    @Test
    @Order(3)
    void theSameRowsAgainAreUnchangedAndExitWithZero() throws Exception {
        var file = csv("employeurs-valides.csv", HEADER + VALID_ROWS);

        var run = importEmployers(file);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Import employers : 3 lignes, 0 créées, 0 modifiées, 3 inchangées, 0 rejetées");
    }

    @Test
    @Order(4)
    void aMissingFileExitsWithOneBeforeTheDatabaseStarts() throws Exception {
        var run = importEmployers(directory.resolve("absent.csv"));

        assertThat(run.exitCode()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("Fichier illisible").contains("absent.csv : il n'existe pas")
                .doesNotContain("Starting MaillageApplication");
    }

    private static Path csv(String name, String content) throws IOException {
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static Run importEmployers(Path file, String... options) throws Exception {
        var arguments = new ArrayList<>(List.of("--import=employers", "--file=" + file));
        arguments.addAll(List.of(options));
        return PackagedJar.run(directory, directory.resolve("neo4j"), arguments.toArray(String[]::new));
    }
}
