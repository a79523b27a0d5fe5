package fr.maillage.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart reads the migrations it applied once: a stamp holds the digest of the migration files applied in full, and
 * while the files are the same, no migration is checked again (the library reads and verifies the whole chain, seconds
 * at every start); another file, or an edited one, and the library runs again.
 */
class MigrationStampTests extends IntegrationTest {

    private static final String STAMP = "MATCH (v:__MaillageMigrations) RETURN v.version AS version, v.digest AS digest";

    private final DatabaseProperties properties = new DatabaseProperties(null, null, null, Duration.ofSeconds(30),
            Duration.ofSeconds(30), null);

    @Test
    void theStartStampsTheLastMigrationAndTheDigestOfTheFiles() throws Exception {
        var stamp = driver.executableQuery(STAMP).execute().records().get(0);
        try (var files = Files.list(Path.of("neo4j", "migrations"))) {
            var last = files.map(f -> f.getFileName().toString()).sorted().reduce((a, b) -> b).orElseThrow();
            assertThat(last).startsWith("V" + stamp.get("version").asString() + "__");
        }
        assertThat(stamp.get("digest").asString()).hasSize(64);
    }

    @Test
    void whileTheFilesAreTheSameTheStampAloneAnswersAndAStaleOneRunsTheMigrationsAgain() {
        var stamp = driver.executableQuery(STAMP).execute().records().get(0);
        var version = stamp.get("version").asString();
        var digest = stamp.get("digest").asString();
        try {
            // the stamp is believed: a version only it holds comes back, so the library's chain was not read
            write("MATCH (v:__MaillageMigrations) SET v.version = 'from-the-stamp'", Map.of());
            assertThat(DatabaseMigrations.apply(driver, properties).version()).isEqualTo("from-the-stamp");

            // other files: the library checks its chain (everything applied) and the stamp is written anew
            write("MATCH (v:__MaillageMigrations) SET v.digest = 'other files'", Map.of());
            assertThat(DatabaseMigrations.apply(driver, properties).version()).isEqualTo(version);
            assertThat(driver.executableQuery(STAMP).execute().records().get(0).get("digest").asString())
                    .isEqualTo(digest);
        } finally {
            write("MATCH (v:__MaillageMigrations) SET v.version = $version, v.digest = $digest",
                    Map.of("version", version, "digest", digest));
        }
    }

    @Test
    void theDigestChangesWithAFileAddedOrEdited(@TempDir Path directory) throws Exception {
        var first = Files.writeString(directory.resolve("V0001__A.cypher"), "CREATE INDEX a IF NOT EXISTS FOR (n:A) ON (n.a);");
        var second = Files.writeString(directory.resolve("V0002__B.cypher"), "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.b);");
        var one = DatabaseMigrations.digest(List.of(first.toUri().toURL()));
        var two = DatabaseMigrations.digest(List.of(second.toUri().toURL(), first.toUri().toURL()));
        assertThat(two).isNotEqualTo(one)
                .isEqualTo(DatabaseMigrations.digest(List.of(first.toUri().toURL(), second.toUri().toURL())));
        Files.writeString(second, "CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.c);");
        assertThat(DatabaseMigrations.digest(List.of(first.toUri().toURL(), second.toUri().toURL()))).isNotEqualTo(two);
    }
}
