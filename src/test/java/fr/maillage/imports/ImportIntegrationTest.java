package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Imports through the real endpoint, from the fixtures under src/test/resources/imports/, on an empty network. */
abstract class ImportIntegrationTest extends IntegrationTest {

    static final MediaType CSV = MediaType.parseMediaType("text/csv;charset=UTF-8");

    @BeforeEach
    void emptyNetwork() {
        clearActivities();
        clearNetwork();
    }

    /** Activities are not the network's actors: removed here, before and after, so that none outlives its test. */
    @AfterEach
    void clearActivities() {
        write("MATCH (x:Activity) DETACH DELETE x", Map.of());
    }

    static byte[] fixture(String name) {
        try (var in = new ClassPathResource("imports/" + name).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static MediaType typeOf(String name) {
        return name.endsWith(".json") ? MediaType.APPLICATION_JSON : CSV;
    }

    /** Imports a fixture, expecting 200. */
    ImportReport importFixture(String kind, String fixture, boolean dryRun) {
        return importBody(kind, fixture(fixture), typeOf(fixture), dryRun);
    }

    /** Imports a CSV written in the test, expecting 200. */
    ImportReport importCsv(String kind, String csv) {
        return importBody(kind, csv.getBytes(StandardCharsets.UTF_8), CSV, false);
    }

    ImportReport importBody(String kind, byte[] body, MediaType type, boolean dryRun) {
        return send(kind, body, type, dryRun).expectStatus().isOk()
                .expectBody(ImportReport.class).returnResult().getResponseBody();
    }

    /** Imports the fixture again: every accepted row is UNCHANGED and the graph is exactly as it was. */
    void assertReimportChangesNothing(String kind, String fixture, int acceptedRows) {
        var before = graphCounts();

        var again = importFixture(kind, fixture, false);

        assertThat(again.counts()).containsEntry(RowStatus.UNCHANGED, acceptedRows).containsEntry(RowStatus.CREATED, 0)
                .containsEntry(RowStatus.UPDATED, 0);
        assertThat(graphCounts()).isEqualTo(before);
    }

    static String text(String fixture) {
        return new String(fixture(fixture), StandardCharsets.UTF_8);
    }

    WebTestClient.ResponseSpec send(String kind, byte[] body, MediaType type, boolean dryRun) {
        return http(anct()).post().uri("/api/imports/{kind}?dryRun={dryRun}", kind, dryRun).contentType(type)
                .bodyValue(body).exchange();
    }

    static ImportReport.Row row(ImportReport report, int line) {
        return report.rows().stream().filter(r -> r.line() == line).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + line + " in " + report.rows()));
    }

    /** The row was rejected and one of its errors names {@code field}, with a reason containing {@code reason}. */
    static void assertRejected(ImportReport report, int line, String field, String reason) {
        var row = row(report, line);
        assertThat(row.status()).as("line %d", line).isEqualTo(RowStatus.REJECTED);
        assertThat(row.id()).isNull();
        assertThat(row.errors()).as("line %d errors", line)
                .anySatisfy(e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).contains(reason);
                });
    }

    /** Every network node and activity, and their relationships, to compare the graph before and after. */
    Map<String, Long> graphCounts() {
        return Map.of("nodes", count("""
                        MATCH (n) WHERE n:Employer OR n:Adviser OR n:Place OR n:Partner OR n:Activity
                        RETURN count(n)"""),
                "relationships", count("""
                        MATCH (n)-[r]->() WHERE n:Employer OR n:Adviser OR n:Place OR n:Partner OR n:Activity
                        RETURN count(r)"""),
                "updatedAt", count("""
                        MATCH (n) WHERE n:Employer OR n:Adviser OR n:Place OR n:Partner OR n:Activity
                        RETURN coalesce(sum(n.updatedAt.epochMillis), 0)"""));
    }
}
