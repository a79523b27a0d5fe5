package fr.maillage.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import fr.maillage.support.ChildProcess;
import fr.maillage.support.DatabaseServerProcess;
import fr.maillage.support.PackagedJar;
import fr.maillage.support.ServiceProcess;
import fr.maillage.support.TestSirets;
import fr.maillage.support.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;
import tools.jackson.databind.JsonNode;

/**
 * The packaged jar's {@code --database-server} killed with {@code kill -9} under load, then started again on the
 * same store: a bulk import is in the graph entirely or not at all, and a running service answers
 * {@code DATABASE_UNAVAILABLE} during the outage and serves again once the server is back, without a restart. One
 * server per class: its first use loads France's territories. No duration is asserted: every wait is a condition
 * with a generous bound.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseServerFaultIT {

    private static final String HEADER = "siret;nom;secteur;type_juridique;code_insee;code_postal;commune\n";
    private static final int BULK_ROWS = 10_000;
    private static final Duration IMPORT_WITHIN = Duration.ofMinutes(15);

    @TempDir
    static Path directory;

    static DatabaseServerProcess server;

    @BeforeAll
    static void startServer() {
        server = DatabaseServerProcess.ofJar(PackagedJar.jar(), directory.resolve("server")).start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void badArgumentsOrAMissingPasswordStopBeforeTheDatabaseStarts() {
        var store = directory.resolve("never-created");
        var noPassword = ChildProcess.java(List.of("-jar", PackagedJar.jar().toString(), DatabaseServer.OPTION,
                "--store=" + store), environment(Map.of("NEO4J_PASSWORD", "")), directory.resolve("no-password.log"));
        assertThat(noPassword.awaitEnd(Duration.ofMinutes(3))).isEqualTo(1);
        assertThat(noPassword.output()).contains("NEO4J_PASSWORD manque").doesNotContain(DatabaseServer.READY);

        var badAddress = ChildProcess.java(List.of("-jar", PackagedJar.jar().toString(), DatabaseServer.OPTION,
                "--store=" + store, "--bolt-address=7687"), environment(Map.of("NEO4J_PASSWORD", "long enough")),
                directory.resolve("bad-address.log"));
        assertThat(badAddress.awaitEnd(Duration.ofMinutes(3))).isEqualTo(1);
        assertThat(badAddress.output()).contains("--bolt-address attend hôte:port").doesNotContain("Started");
        assertThat(store).doesNotExist();
    }

    @Test
    @Order(3)
    void aBulkImportCutByAKilledDatabaseIsInTheGraphEntirelyOrNotAtAll() throws Exception {
        // first an import of one row: it loads the territories and applies the migrations on the fresh server
        var warmUp = importEmployers(csv("one.csv", 1, 1));
        assertThat(warmUp.awaitEnd(IMPORT_WITHIN)).as(warmUp.output()).isZero();
        var before = census();

        var file = csv("bulk.csv", 2, BULK_ROWS);
        var bulk = importEmployers(file);
        awaitImportWriting(bulk);
        server.killHard();
        int status = bulk.awaitEnd(IMPORT_WITHIN);
        server.start();
        var after = census();

        assertThat(status).as(bulk.output()).isEqualTo(1);
        assertThat(bulk.output()).contains("rien n'a été écrit");
        // the same file run to its end: what "all of it" looks like, whatever the crash left
        var again = importEmployers(file);
        assertThat(again.awaitEnd(IMPORT_WITHIN)).as(again.output()).isZero();
        var whole = census();
        assertThat(whole.get("label Employer")).isEqualTo(before.get("label Employer") + BULK_ROWS);
        assertThat(after).as("after the crash: the graph before the import or with the whole file")
                .isIn(before, whole);
        System.out.println("DatabaseServerFaultIT: after the crash the graph holds "
                + (after.equals(before) ? "nothing of the file" : "the whole file"));
    }

    @Test
    @Order(4)
    void aRunningServiceAnswersDatabaseUnavailableDuringAnOutageAndServesAgainAfterIt() throws Exception {
        try (var service = ServiceProcess.start(PackagedJar.jar(), environment(Map.of()),
                directory.resolve("service.log"), "--maillage.demo.enabled=false",
                // the 20 requests below come from one address: let them all in at once
                "--maillage.api.per-caller.concurrent-requests=64")) {
            assertThat(regionName(service)).isEqualTo("Corse");
            assertThat(service.get("/actuator/health", null).statusCode()).isEqualTo(200);

            server.killHard();

            var pool = Executors.newFixedThreadPool(20);
            try {
                var answers = new ArrayList<java.util.concurrent.Future<JsonNode>>();
                for (int i = 0; i < 20; i++) {
                    answers.add(pool.submit((Callable<JsonNode>) () -> service.graphQl(REGION, Map.of(), null)));
                }
                for (var answer : answers) {
                    // a generous bound: each request must come back, with the clear error, not hang
                    var body = answer.get(5, TimeUnit.MINUTES);
                    assertThat(body.path("errors").path(0).path("extensions").path("classification").asString())
                            .as(body.toString()).isEqualTo("DATABASE_UNAVAILABLE");
                }
            } finally {
                pool.shutdownNow();
            }
            var health = service.get("/actuator/health", null);
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(health.body()).contains("DOWN");

            server.start();

            Waits.await(() -> service.get("/actuator/health", null).statusCode() == 200, Duration.ofMinutes(5),
                    "the service's health back UP once the server is back:\n" + service.output());
            assertThat(regionName(service)).isEqualTo("Corse");
            assertThat(service.pid()).as("the same service process").isPositive();
        }
    }

    @Test
    @Order(5)
    void aSigtermStopsTheServerCleanlyAndItStartsAgainWithTheSamePassword() {
        var before = census();
        server.stop();
        assertThat(server.output()).contains("Neo4j server stopped cleanly");
        server.start();
        // authentication is on: the password of the environment opens the same graph, another one nothing
        assertThat(census()).containsKey("label Region").isEqualTo(before);
        try (var driver = GraphDatabase.driver(server.uri(), AuthTokens.basic("neo4j", "not-the-password"))) {
            assertThat(catchThrowable(driver::verifyConnectivity)).isInstanceOf(AuthenticationException.class);
        }
    }

    private static final String REGION = "{ territory(level: REGION, code: \"94\") { name } }";

    private static String regionName(ServiceProcess service) {
        var body = service.graphQl(REGION, Map.of(), null);
        return body.path("data").path("territory").path("name").asString();
    }

    /** The service's connection to the server, as an operator sets it. */
    private static Map<String, String> environment(Map<String, String> more) {
        var environment = new HashMap<String, String>();
        environment.put("NEO4J_URI", server.uri());
        environment.put("NEO4J_USERNAME", DatabaseServerProcess.USERNAME);
        environment.put("NEO4J_PASSWORD", server.password());
        environment.put("SPRING_PROFILES_ACTIVE", "server");
        environment.put("MAILLAGE_DATABASE_STARTUP_TIMEOUT", "300s");
        environment.putAll(more);
        return environment;
    }

    private static ChildProcess importEmployers(Path file) {
        return ChildProcess.java(List.of("-Xmx1g", "-jar", PackagedJar.jar().toString(), "--import=employers",
                "--file=" + file), environment(Map.of()),
                directory.resolve("import-" + System.nanoTime() + ".log"));
    }

    /**
     * Waits until the import's transaction runs its writing statement (the one that stores fingerprints), this very
     * statement aside.
     */
    private static void awaitImportWriting(ChildProcess importer) {
        try (var driver = GraphDatabase.driver(server.uri(), AuthTokens.basic("neo4j", server.password()))) {
            Waits.await(() -> {
                if (!importer.isAlive()) {
                    throw new AssertionError("the import ended before the database was killed:\n" + importer.output());
                }
                try (var session = driver.session()) {
                    return session.run("""
                            SHOW TRANSACTIONS YIELD currentQuery
                            WHERE currentQuery CONTAINS 'importFingerprint' AND NOT currentQuery STARTS WITH 'SHOW'
                            RETURN count(*) > 0""").single().get(0).asBoolean();
                }
            }, IMPORT_WITHIN, "the import's write");
        }
    }

    /** Employers numbered {@code from}.., one per row, in Ajaccio: SIRETs valid and of their own. */
    private static Path csv(String name, int from, int rows) throws Exception {
        var content = new StringBuilder(HEADER);
        for (int i = from; i < from + rows; i++) {
            content.append(TestSirets.valid('8', i)).append(";Structure ").append(i)
                    .append(";privé;Association;2A004;;\n");
        }
        return Files.writeString(directory.resolve(name), content, StandardCharsets.UTF_8);
    }

    /** How many nodes of each label and relationships of each type the server holds. */
    private static Map<String, Long> census() {
        var census = new TreeMap<String, Long>();
        try (var driver = GraphDatabase.driver(server.uri(), AuthTokens.basic("neo4j", server.password()));
                var session = driver.session()) {
            for (var label : session.run("CALL db.labels() YIELD label RETURN label").list(r -> r.get(0).asString())) {
                census.put("label " + label, session.run("MATCH (n:`" + label + "`) RETURN count(n)").single()
                        .get(0).asLong());
            }
            for (var type : session.run("CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType")
                    .list(r -> r.get(0).asString())) {
                census.put("type " + type, session.run("MATCH ()-[r:`" + type + "`]->() RETURN count(r)").single()
                        .get(0).asLong());
            }
        }
        census.values().removeIf(count -> count == 0);
        return census;
    }
}
