package fr.maillage.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --database-server}'s command line: defaults, and every mistake told before the database starts. */
class DatabaseServerArgumentsTests {

    @TempDir
    Path directory;

    @Test
    void defaultsAreTheLoopbackPortAndAStoreUnderData() {
        var settings = DatabaseServer.Settings.parse(new String[] {"--database-server"}, "long enough");

        assertThat(settings.store()).isEqualTo(Path.of("data", "neo4j-server").toAbsolutePath());
        assertThat(settings.bolt()).hasToString("127.0.0.1:7687");
        assertThat(settings.transactionTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.pageCache()).isEqualTo("512m");
    }

    @Test
    void readsEveryOption() {
        var settings = DatabaseServer.Settings.parse(new String[] {"--database-server", "--store=" + directory,
                "--bolt-address=0.0.0.0:17687", "--transaction-timeout=2m", "--page-cache=1g"}, "long enough");

        assertThat(settings.store()).isEqualTo(directory.toAbsolutePath());
        assertThat(settings.bolt()).hasToString("0.0.0.0:17687");
        assertThat(settings.transactionTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(settings.pageCache()).isEqualTo("1g");
    }

    @Test
    void onlyTheLoopbackIsQuietAnyOtherAddressIsWarnedOf() {
        assertThat(DatabaseServer.isLoopback("127.0.0.1")).isTrue();
        assertThat(DatabaseServer.isLoopback("localhost")).isTrue();
        assertThat(DatabaseServer.isLoopback("::1")).isTrue();
        assertThat(DatabaseServer.isLoopback("0.0.0.0")).isFalse();
        assertThat(DatabaseServer.isLoopback("192.168.1.10")).isFalse();
    }

    @Test
    void everyMistakeIsToldWithTheUsageAndNothingStarts() {
        var store = directory.resolve("store");
        assertThat(refusal(Map.of(), "--store=" + store)).contains("NEO4J_PASSWORD manque");
        assertThat(refusal(Map.of("NEO4J_PASSWORD", "court"), "--store=" + store))
                .contains("NEO4J_PASSWORD est trop court : 5 caractères, il en faut au moins 8");
        var password = Map.of("NEO4J_PASSWORD", "long enough");
        assertThat(refusal(password, "--store=" + store, "--bolt-address=7687"))
                .contains("--bolt-address attend hôte:port (par exemple 127.0.0.1:7687), pas « 7687 »");
        assertThat(refusal(password, "--store=" + store, "--bolt-address=localhost:99999"))
                .contains("--bolt-address attend hôte:port");
        assertThat(refusal(password, "--store=" + store, "--transaction-timeout=-5s"))
                .contains("--transaction-timeout attend une durée positive");
        assertThat(refusal(password, "--store=" + store, "--page-cache=beaucoup"))
                .contains("--page-cache attend une taille");
        assertThat(refusal(password, "--store=" + store, "--port=7687")).contains("Argument inconnu : « --port=7687 »");
        assertThat(refusal(password, "--store")).contains("Argument sans valeur : « --store »");
        assertThat(store).doesNotExist();
    }

    private static String refusal(Map<String, String> environment, String... options) {
        var args = new String[options.length + 1];
        args[0] = DatabaseServer.OPTION;
        System.arraycopy(options, 0, args, 1, options.length);
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int status = DatabaseServer.run(args, environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        return err.toString(StandardCharsets.UTF_8);
    }
}
