package fr.maillage.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import fr.maillage.security.DevTokens;
import fr.maillage.security.Role;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What one caller may spend, on a service of its own with small budgets (Corsica only, to start fast): 20 requests
 * and a cost of 600 per minute, one request at a time.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "maillage.territories.resource=classpath:territories/corsica.tsv.gz",
        "maillage.api.per-caller.requests-per-minute=20", "maillage.api.per-caller.cost-per-minute=600",
        "maillage.api.per-caller.concurrent-requests=1"})
@ActiveProfiles("test")
@DirtiesContext
class CallerBudgetTests {

    @LocalServerPort
    int port;

    @Autowired
    DevTokens devTokens;

    @Autowired
    Driver driver;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws java.io.IOException {
        var directory = java.nio.file.Files.createTempDirectory("maillage-budget-neo4j").toString();
        registry.add("maillage.database.uri", () -> "");
        registry.add("maillage.database.embedded.directory", () -> directory);
    }

    WebTestClient.ResponseSpec post(String subject, String query) {
        var client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
        var token = devTokens.issue(subject, Role.PREFECTURE, List.of("2A"), List.of(), List.of(), null,
                Duration.ofMinutes(10));
        return client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).bodyValue(Map.of("query", query)).exchange();
    }

    @Test
    void aCallerOverItsRequestRateIsToldToComeBackLater() {
        // the bucket refills as time passes (20 a minute: one every 3 s), so a few more may pass than 20
        var admitted = admittedBefore429("rate-1", "{ territory(level: REGION, code: \"94\") { name } }", 30);
        assertThat(admitted).isBetween(20, 24);
        post("rate-1", "{ territory(level: REGION, code: \"94\") { name } }").expectStatus().isEqualTo(429)
                .expectHeader().value(HttpHeaders.RETRY_AFTER, value -> assertThat(Long.parseLong(value)).isPositive())
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).startsWith("Trop de requêtes"))
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("TOO_MANY_REQUESTS");
        // another caller is not held back by the first one
        post("rate-2", "{ territory(level: REGION, code: \"94\") { name } }").expectStatus().isOk();
    }

    @Test
    void aCallerWhoSpentItsCostWaitsWhateverTheNumberOfRequests() {
        // a diagnosis weighs 250, its population nothing: 600 → 350 → 100 → -150, then the caller waits (the bucket
        // refills 10 a second, so a slow machine may let a fourth one through)
        var admitted = admittedBefore429("cost-1", "{ diagnosis(level: DEPARTMENT, code: \"2A\") { population } }", 8);
        assertThat(admitted).isBetween(3, 4);
        // cheap requests of the same caller wait as well: the debt is paid in time, not in requests
        post("cost-1", "{ territory(level: REGION, code: \"94\") { name } }").expectStatus().isEqualTo(429);
    }

    @Test
    void anExportIsChargedByItsRowsInTheSameBudget() {
        // 400 places in Ajaccio: 5 to start, then one per row, 405 in all: 600 → 195 → -210, then the caller waits
        try (var session = driver.session()) {
            session.run("""
                    MATCH (c:Commune {code: '2A004'})
                    UNWIND range(1, 400) AS i
                    CREATE (:Place {id: 'budget-' + i, key: 'budget-' + i, name: 'Lieu ' + i, communeCode: c.code,
                      departmentCode: c.departmentCode, regionCode: c.regionCode,
                      epciCode: c.epciCode})-[:IN_COMMUNE]->(c)""").consume();
        }
        try {
            var client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                    .responseTimeout(Duration.ofSeconds(60)).build();
            var token = devTokens.issue("export-1", Role.PREFECTURE, List.of("2A"), List.of(), List.of(), null,
                    Duration.ofMinutes(10));
            var uri = "/exports/places.csv?within=REGION:94";
            for (int i = 0; i < 2; i++) {
                var body = client.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                        .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
                assertThat(body.split("\r\n")).hasSize(401);
            }
            client.get().uri(uri).header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER)
                    .expectBody().jsonPath("$.status").isEqualTo(429)
                    .jsonPath("$.error").value(String.class, m -> assertThat(m).startsWith("Trop de téléchargements"));
            // found by probing: a percent-encoded letter once took a request out of every budget
            client.get().uri(URI.create("http://localhost:" + port + "/%65xports/places.csv?within=REGION:94"))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                    .expectStatus().isEqualTo(429);
            client.post().uri(URI.create("http://localhost:" + port + "/%67raphql"))
                    .header(HttpHeaders.AUTHORIZATION, "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("query", "{ territory(level: REGION, code: \"94\") { name } }")).exchange()
                    .expectStatus().isEqualTo(429);
            // the debt holds for GraphQL too: one budget per caller
            post("export-1", "{ territory(level: REGION, code: \"94\") { name } }").expectStatus().isEqualTo(429);
        } finally {
            try (var session = driver.session()) {
                session.run("MATCH (p:Place) WHERE p.id STARTS WITH 'budget-' DETACH DELETE p").consume();
            }
        }
    }

    /** How many requests pass before the first 429 (fails if none comes within {@code attempts}). */
    int admittedBefore429(String subject, String query, int attempts) {
        for (int i = 0; i < attempts; i++) {
            var status = post(subject, query).returnResult(String.class).getStatus().value();
            if (status == 429) {
                return i;
            }
            assertThat(status).isEqualTo(200);
        }
        throw new AssertionError("no 429 within " + attempts + " requests");
    }
}
