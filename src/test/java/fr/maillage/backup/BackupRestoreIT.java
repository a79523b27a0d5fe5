package fr.maillage.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import fr.maillage.support.PackagedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The documented commands on the packaged jar, in child JVMs: a store filled by the command-line import is saved with
 * {@code --backup}, restored with {@code --restore} into a second, fresh store, which is saved in turn: both files
 * announce the same counts per label and per relationship type. A restore into a store that holds data exits with 1
 * and writes nothing. Run by failsafe after {@code package}.
 */
class BackupRestoreIT {

    @TempDir
    Path directory;

    @Test
    void aStoreSavedAndRestoredByTheJarHoldsTheSameGraph() throws Exception {
        var first = directory.resolve("first");
        var second = directory.resolve("second");
        var employers = Files.writeString(directory.resolve("employeurs.csv"), """
                siret;nom;type_juridique;code_insee
                20007695800012;Collectivité de Corse;Collectivité territoriale;2A004
                21200004600004;Commune d'Ajaccio;TERRITORIAL_COLLECTIVITY;2A004
                """, StandardCharsets.UTF_8);
        var imported = PackagedJar.run(directory, first, "--import=employers", "--file=" + employers);
        assertThat(imported.exitCode()).as(imported.output()).isZero();
        var saved = directory.resolve("first.jsonl.gz");

        var backup = PackagedJar.run(directory, first, "--backup=" + saved);

        assertThat(backup.exitCode()).as(backup.output()).isZero();
        assertThat(backup.output()).contains("Sauvegarde écrite dans " + saved).contains("Employer 2")
                .doesNotContain("Territories sha256", "Demo network");

        var restore = PackagedJar.run(directory, second, "--restore=" + saved);

        assertThat(restore.exitCode()).as(restore.output()).isZero();
        assertThat(restore.output()).contains("Restauration terminée depuis " + saved)
                .doesNotContain("Territories sha256", "Demo network");
        var again = directory.resolve("second.jsonl.gz");
        var backupOfRestored = PackagedJar.run(directory, second, "--backup=" + again);
        assertThat(backupOfRestored.exitCode()).as(backupOfRestored.output()).isZero();
        var before = header(saved);
        var after = header(again);
        assertThat(after.path("nodes")).isEqualTo(before.path("nodes"));
        assertThat(after.path("relationships")).isEqualTo(before.path("relationships"));
        assertThat(after.path("labels")).isEqualTo(before.path("labels"));
        assertThat(after.path("types")).isEqualTo(before.path("types"));
        assertThat(before.path("labels").path("Commune").asLong()).isGreaterThan(30_000);
        assertThat(before.path("labels").path("Employer").asLong()).isEqualTo(2);

        var refused = PackagedJar.run(directory, second, "--restore=" + saved);

        assertThat(refused.exitCode()).as(refused.output()).isEqualTo(1);
        assertThat(refused.output()).contains("Restauration refusée, rien n'a été écrit : le magasin contient déjà des"
                + " données");
    }

    private static JsonNode header(Path file) throws IOException {
        try (var reader = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8))) {
            return JsonMapper.builder().build().readTree(reader.readLine());
        }
    }
}
