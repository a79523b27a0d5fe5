package fr.maillage.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.bootstrap.DefaultBootstrapContext;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * The in-process database started beside Spring's own start, on a real Neo4j: the service's database bean takes it
 * when its settings are the ones it was started with; otherwise, and when the start fails before the bean, the store
 * is closed (a second start on the same store would find it locked if it were not).
 */
class EmbeddedNeo4jEarlyStartTests {

    @TempDir
    Path directory;

    @Test
    void theDatabaseStartedEarlyIsTheOneTheServiceTakesAndItAnswers() {
        var early = startedOn(directory.resolve("store"));
        var database = early.take(settings(directory.resolve("store")));

        try {
            assertThat(database).isNotNull();
            assertThat(answerOf(database)).isEqualTo(1);
            assertThat(early.take(settings(directory.resolve("store")))).as("taken once only").isNull();
        } finally {
            database.close();
        }
    }

    @Test
    void otherSettingsGetADatabaseOfTheirOwnAndTheOneStartedEarlyIsClosed() {
        var early = startedOn(directory.resolve("store"));

        assertThat(early.take(settings(directory.resolve("elsewhere")))).isNull();

        // the store started early is free again: a database can start on it
        var again = EmbeddedNeo4j.start(settings(directory.resolve("store")).embedded(),
                settings(directory.resolve("store")).transactionTimeout());
        try {
            assertThat(answerOf(again)).isEqualTo(1);
        } finally {
            again.close();
        }
    }

    @Test
    void aStartThatFailsBeforeTheDatabaseIsTakenClosesIt() {
        var early = startedOn(directory.resolve("store"));

        early.onApplicationEvent(new ApplicationFailedEvent(new SpringApplication(), new String[0], null,
                new IllegalStateException("a bean failed before the database's")));

        assertThat(early.take(settings(directory.resolve("store")))).isNull();
        var again = EmbeddedNeo4j.start(settings(directory.resolve("store")).embedded(),
                settings(directory.resolve("store")).transactionTimeout());
        again.close();
    }

    @Test
    void aFailedStartFailsWhereTheServiceTakesTheDatabase() throws Exception {
        // a file where the store's directory should be: Neo4j cannot start there
        var notADirectory = Files.writeString(directory.resolve("a-file"), "not a store");
        var early = startedOn(notADirectory);

        assertThatThrownBy(() -> early.take(settings(notADirectory))).isInstanceOf(RuntimeException.class)
                .hasMessageContaining(notADirectory.toString());
    }

    @Test
    void nothingStartsEarlyAgainstAServer() {
        var early = new EmbeddedNeo4jEarlyStart();
        early.onApplicationEvent(prepared(Map.of("maillage.database.uri", "bolt://neo4j.example:7687")));

        assertThat(early.take(settings(directory.resolve("store")))).isNull();
        assertThat(directory.resolve("store")).doesNotExist();
    }

    private static EmbeddedNeo4jEarlyStart startedOn(Path store) {
        var early = new EmbeddedNeo4jEarlyStart();
        early.onApplicationEvent(prepared(Map.of("maillage.database.embedded.directory", store.toString(),
                "maillage.database.embedded.page-cache", "16m")));
        return early;
    }

    private static ApplicationEnvironmentPreparedEvent prepared(Map<String, Object> properties) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return new ApplicationEnvironmentPreparedEvent(new DefaultBootstrapContext(), new SpringApplication(),
                new String[0], environment);
    }

    /** The settings the service's bean binds from the same configuration. */
    private static DatabaseProperties settings(Path store) {
        var environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", Map.of(
                "maillage.database.embedded.directory", store.toString(), "maillage.database.embedded.page-cache", "16m")));
        return Binder.get(environment).bindOrCreate("maillage.database", DatabaseProperties.class);
    }

    private static int answerOf(EmbeddedNeo4j database) {
        try (var driver = GraphDatabase.driver(database.boltUri(), AuthTokens.none()); var session = driver.session()) {
            return session.run("RETURN 1 AS one").single().get("one").asInt();
        }
    }
}
