package fr.maillage.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.Neo4jException;

/**
 * The in-process database stops any transaction at the configured timeout, and bulk work gets its own. Started here
 * on its own, with a timeout of two seconds.
 */
class TransactionTimeoutTests {

    static final String ENDLESS = "UNWIND range(1, 2000000000) AS x WITH x WHERE x % 7 = 10 RETURN count(x)";

    @TempDir
    static Path directory;
    static EmbeddedNeo4j database;
    static Driver driver;

    @BeforeAll
    static void start() throws Exception {
        database = EmbeddedNeo4j.start(new DatabaseProperties.Embedded(Files.createDirectories(directory.resolve("db")),
                0, "64m"), Duration.ofSeconds(2));
        driver = GraphDatabase.driver(database.boltUri(), AuthTokens.none());
        driver.verifyConnectivity();
    }

    @AfterAll
    static void stop() {
        driver.close();
        database.close();
    }

    @Test
    void aStatementRunningPastTheTimeoutIsStoppedByTheDatabase() {
        Neo4jException stopped = null;
        try (var session = driver.session()) {
            session.run(ENDLESS).consume();
        } catch (Neo4jException e) {
            stopped = e;
        }
        assertThat(stopped).as("a statement running past db.transaction.timeout").isNotNull();
        assertThat(stopped.code()).contains("TransactionTimedOut");
    }

    @Test
    void bulkWorkAsksForItsOwnTimeout() {
        assertThat(BulkWork.CONFIG.timeout()).isEqualTo(BulkWork.TIMEOUT).isGreaterThan(Duration.ofMinutes(10));
        // a statement well within the timeout is not disturbed
        try (var session = driver.session()) {
            int one = session.executeRead(tx -> tx.run("RETURN 1 AS one").single().get("one").asInt(), BulkWork.CONFIG);
            assertThat(one).isEqualTo(1);
        }
    }
}
