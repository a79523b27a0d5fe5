package fr.maillage.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The database going away under a running service: users get a clear GraphQL error, health says DOWN. Runs on its
 * own in-process database (with Corsica only, to start fast) since it stops it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "maillage.territories.resource=classpath:territories/corsica.tsv.gz")
@ActiveProfiles("test")
@DirtiesContext
class DatabaseDownTests {

    @LocalServerPort
    int port;

    @Autowired
    DatabaseConfiguration.EmbeddedNeo4jHolder embedded;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) throws IOException {
        var directory = Files.createTempDirectory("maillage-down-neo4j").toString();
        registry.add("maillage.database.uri", () -> "");
        registry.add("maillage.database.embedded.directory", () -> directory);
    }

    @Test
    void answersAClearErrorWhenTheDatabaseGoesAway() {
        var client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
        var graphQl = HttpGraphQlTester.create(client.mutate().baseUrl("http://localhost:" + port + "/graphql").build());
        graphQl.document("{ territory(level: REGION, code: \"94\") { name } }").execute()
                .path("territory.name").entity(String.class).isEqualTo("Corse");
        client.get().uri("/actuator/health").exchange().expectStatus().isOk();

        embedded.database().close();

        graphQl.document("{ territory(level: REGION, code: \"94\") { name } }").execute()
                .errors().expect(error -> "DATABASE_UNAVAILABLE".equals(error.getErrorType().toString())
                        && error.getMessage().equals("La base de données ne répond pas ; réessayez dans un instant.")
                        && error.getExtensions().keySet().stream().noneMatch(k -> k.contains("stack")))
                .verify()
                .path("territory").valueIsNull();
        client.get().uri("/actuator/health").exchange().expectStatus().isEqualTo(503)
                .expectBody().jsonPath("$.components.neo4j.status").isEqualTo("DOWN");
        assertThat(embedded.database()).isNotNull();
    }
}
