package fr.maillage.support;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import fr.maillage.security.DevTokens;
import fr.maillage.security.Role;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Base of the integration tests: the whole service on a random port with the real referential loaded, spoken to
 * over real HTTP. Every subclass shares one application context, hence one database load per run.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(TestClock.Configuration.class)
@ExtendWith(BackendCondition.class)
public abstract class IntegrationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected Driver driver;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    protected WebTestClient http() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .responseTimeout(Duration.ofSeconds(60)).build();
    }

    @Autowired
    protected DevTokens devTokens;

    /** The service's clock: real time unless a test sets the day. */
    @Autowired
    protected TestClock clock;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    /** A development token for a role and scope (the test profile trusts them, like the local profile). */
    protected String token(Role role, Map<String, List<String>> scope, String adviserId) {
        return devTokens.issue("test-" + role.name().toLowerCase(), role, scope.getOrDefault("departments", List.of()),
                scope.getOrDefault("regions", List.of()), scope.getOrDefault("sirets", List.of()), adviserId,
                Duration.ofMinutes(30));
    }

    protected String anct() {
        return token(Role.ANCT, Map.of(), null);
    }

    /** GraphQL over HTTP with a bearer token. */
    protected HttpGraphQlTester graphQl(String bearer) {
        return graphQl().mutate().headers(headers -> headers.setBearerAuth(bearer)).build();
    }

    /** GraphQL over HTTP as ANCT, the national role that may do everything: for fixtures and behaviour tests. */
    protected HttpGraphQlTester asAnct() {
        return graphQl(anct());
    }

    /** Plain HTTP with a bearer token. */
    protected WebTestClient http(String bearer) {
        return http().mutate().defaultHeaders(headers -> headers.setBearerAuth(bearer)).build();
    }

    protected HttpGraphQlTester graphQl() {
        return HttpGraphQlTester.create(WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(60)).build());
    }

    /** A single value straight from the database, to check what the API says against the graph itself. */
    protected long count(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.run(cypher, parameters).single().get(0).asLong();
        }
    }

    /**
     * Removes every actor of the network, leaving the territories: tests that write call it so that each starts
     * from the bare referential, whatever ran before in the shared context.
     */
    protected void clearNetwork() {
        try (var session = driver.session()) {
            session.run("""
                    MATCH (n) WHERE n:Employer OR n:Adviser OR n:Hub OR n:Place OR n:Partner OR n:Governance
                      OR n:AuditEvent OR n:CoordinatorApplication OR n:ApplicationEvent OR n:Activity
                    DETACH DELETE n""").consume();
            // campaigns other than the reference one are test data
            session.run("""
                    MATCH (c:Campaign) WHERE c.code <> 'AAC-COORD-2023'
                    OPTIONAL MATCH (c)-[:FUNDS]->(r:FundingRule)
                    DETACH DELETE c, r""").consume();
            session.run("MATCH (v:DataVersion) WHERE v.name <> 'territories' DELETE v").consume();
        }
    }

    /** Runs a write statement directly, for fixtures. */
    protected void write(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            session.executeWriteWithoutResult(tx -> tx.run(cypher, parameters).consume());
        }
    }

    protected long count(String cypher) {
        return count(cypher, Map.of());
    }

    /** The id of the adviser with this programme id (random: never derived from the programme id). */
    protected String adviserIdOf(String externalId) {
        try (var session = driver.session()) {
            return session.run("MATCH (a:Adviser {externalId: $externalId}) RETURN a.id",
                    Map.of("externalId", externalId)).single().get(0).asString();
        }
    }
}
