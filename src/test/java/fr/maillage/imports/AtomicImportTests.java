package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import fr.maillage.network.NetworkKeys;
import fr.maillage.network.Siret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/**
 * All or nothing: an atomic import ({@code atomic=true}, {@code --atomic}) writes nothing when one row is rejected, and
 * any import whose write fails part-way, in a later batch, leaves nothing of its file behind.
 */
class AtomicImportTests extends ImportIntegrationTest {

    private static final String ONE_BAD_ROW = """
            siret;nom;type_juridique;code_insee
            20007695800012;Collectivité de Corse;Collectivité territoriale;2A004
            21200004600004;Commune d'Ajaccio;TERRITORIAL_COLLECTIVITY;2A004
            20007695800013;Mauvaise clé;Collectivité territoriale;2A004
            77567227200009;Association Balagna Numerica;Association;2A004
            """;

    @Autowired
    ImportService imports;

    @TempDir
    Path directory;

    private Answer importAtomically(String csv) {
        var body = csv.getBytes(StandardCharsets.UTF_8);
        var spec = http(anct()).post().uri("/api/imports/employers?atomic=true").contentType(CSV).bodyValue(body)
                .exchange();
        var result = spec.expectBody(ImportReport.class).returnResult();
        return new Answer(result.getStatus().value(), result.getResponseBody());
    }

    record Answer(int status, ImportReport report) {
    }

    @Test
    void anAtomicImportWithOneRejectedRowWritesNothingAndSaysWhy() {
        var before = graphCounts();

        var answer = importAtomically(ONE_BAD_ROW);

        assertThat(answer.status()).isEqualTo(422);
        var report = answer.report();
        assertThat(report.atomic()).isTrue();
        assertThat(report.committed()).isFalse();
        assertThat(report.failure()).startsWith("import atomique : aucune ligne écrite car 1 ligne est rejetée");
        assertThat(report.counts()).containsEntry(RowStatus.REJECTED, 1).containsEntry(RowStatus.NOT_WRITTEN, 3)
                .containsEntry(RowStatus.CREATED, 0);
        assertRejected(report, 4, "siret", "clé de contrôle");
        assertThat(graphCounts()).isEqualTo(before);
        assertThat(count("MATCH (e:Employer) RETURN count(e)")).isZero();
    }

    @Test
    void theDefaultImportWritesTheGoodRowsOfTheSameFile() {
        var report = importCsv("employers", ONE_BAD_ROW);

        assertThat(report.atomic()).isFalse();
        assertThat(report.committed()).isTrue();
        assertThat(report.failure()).isNull();
        assertThat(report.counts()).containsEntry(RowStatus.CREATED, 3).containsEntry(RowStatus.REJECTED, 1);
        assertThat(count("MATCH (e:Employer) RETURN count(e)")).isEqualTo(3);
    }

    @Test
    void anAtomicImportWithoutRejectedRowsWritesEveryRow() {
        var answer = importAtomically(ONE_BAD_ROW.replace("20007695800013;Mauvaise clé", "13002526500013;Bonne clé"));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.report().committed()).isTrue();
        assertThat(answer.report().counts()).containsEntry(RowStatus.CREATED, 4);
        assertThat(count("MATCH (e:Employer) RETURN count(e)")).isEqualTo(4);
    }

    @Test
    void twoRejectedRowsAreCountedInTheRefusal() {
        var answer = importAtomically(ONE_BAD_ROW + "21200004600005;Autre mauvaise clé;Commune;2A004\n");

        assertThat(answer.report().failure())
                .startsWith("import atomique : aucune ligne écrite car 2 lignes sont rejetées");
        assertThat(count("MATCH (e:Employer) RETURN count(e)")).isZero();
    }

    @Test
    void theCommandLineAtomicImportExitsWithOneAndWritesNothing() throws IOException {
        var file = Files.writeString(directory.resolve("employeurs.csv"), ONE_BAD_ROW, StandardCharsets.UTF_8);
        var output = new ByteArrayOutputStream();
        var command = new ImportCommand(imports, new PrintStream(output, true, StandardCharsets.UTF_8));

        command.run(new DefaultApplicationArguments("--import=employers", "--file=" + file, "--atomic"));

        assertThat(command.getExitCode()).isEqualTo(ImportCommand.FAILED);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("import atomique : aucune ligne écrite car 1 ligne est rejetée")
                .contains("ligne 4 rejetée — siret");
        assertThat(count("MATCH (e:Employer) RETURN count(e)")).isZero();
    }

    @Test
    void aWriteThatFailsInALaterBatchLeavesNothingOfTheFile() {
        // 1,500 valid rows: the first batch of 1,000 is written in the transaction, then the id of row 1,200's
        // employer, already held by another node, fails the id constraint in the second batch
        var csv = new StringBuilder("siret;nom;type_juridique;code_insee\n");
        String failing = null;
        for (int i = 0; i < 1_500; i++) {
            var siret = Siret.withCheckDigit("200076958" + String.format("%04d", i));
            csv.append(siret).append(";Structure ").append(i).append(";Association;2A004\n");
            if (i == 1_200) {
                failing = siret;
            }
        }
        write("CREATE (:Employer {id: $id, siret: '41234567000001', name: 'Occupant'})",
                Map.of("id", NetworkKeys.employerId(failing)));
        var before = graphCounts();

        // the report of 1,500 rows is larger than the client's default buffer
        var report = http(anct()).mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 << 20)).build()
                .post().uri("/api/imports/employers").contentType(CSV)
                .bodyValue(csv.toString().getBytes(StandardCharsets.UTF_8)).exchange()
                .expectStatus().isEqualTo(409).expectBody(ImportReport.class).returnResult().getResponseBody();

        assertThat(report.committed()).isFalse();
        assertThat(report.failure()).startsWith("l'écriture a échoué, rien n'a été écrit");
        assertThat(report.counts()).containsEntry(RowStatus.NOT_WRITTEN, 1_500).containsEntry(RowStatus.CREATED, 0);
        assertThat(graphCounts()).isEqualTo(before);
        assertThat(count("MATCH (e:Employer) RETURN count(e)")).isEqualTo(1);
    }
}
