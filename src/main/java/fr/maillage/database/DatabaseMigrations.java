package fr.maillage.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import ac.simons.neo4j.migrations.core.Migrations;
import ac.simons.neo4j.migrations.core.MigrationsConfig;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Proof that the database answered and that the versioned migrations of {@code neo4j/migrations} are applied: beans
 * that read or write the graph at start take this as a constructor argument so they run after it.
 */
public final class DatabaseMigrations {

    private static final Logger log = LoggerFactory.getLogger(DatabaseMigrations.class);
    private static final String LOCATION = "neo4j/migrations";

    private final String version;

    private DatabaseMigrations(String version) {
        this.version = version;
    }

    /**
     * The digest of the migration files last applied in full, kept so that a restart need not check them again. Its
     * label starts with "__" like the library's own bookkeeping: it belongs to the store, not to the graph (backups
     * leave it out).
     */
    private static final String APPLIED = """
            OPTIONAL MATCH (v:__MaillageMigrations) RETURN v.version AS version, v.digest AS digest""";
    private static final String STAMP = """
            MERGE (v:__MaillageMigrations)
            SET v.version = $version, v.digest = $digest, v.appliedAt = datetime()""";

    static DatabaseMigrations apply(Driver driver, DatabaseProperties properties) {
        awaitDatabase(driver, properties);
        long started = System.nanoTime();
        var files = scan(List.of(LOCATION));
        var digest = digest(files);
        // one read: the very files applied last time, nothing to check or apply (the library would read and
        // verify the whole chain, seconds at every restart)
        var applied = driver.executableQuery(APPLIED).execute().records().get(0);
        if (digest.equals(applied.get("digest").asString(null))) {
            var version = applied.get("version").asString();
            log.info("Database schema at migration {}, files unchanged ({} ms)", version,
                    (System.nanoTime() - started) / 1_000_000);
            return new DatabaseMigrations(version);
        }
        var config = MigrationsConfig.builder()
                .withLocationsToScan("classpath:" + LOCATION)
                .withResourceScanner(DatabaseMigrations::scan)
                .withTransactionMode(MigrationsConfig.TransactionMode.PER_STATEMENT)
                // building an index on a large store outlasts a request's budget
                .withTransactionTimeout(BulkWork.TIMEOUT)
                .build();
        var version = new Migrations(config, driver).apply().map(Object::toString).orElse("none");
        driver.executableQuery(STAMP).withParameters(Map.of("version", version, "digest", digest)).execute();
        log.info("Database schema at migration {} ({} ms)", version, (System.nanoTime() - started) / 1_000_000);
        return new DatabaseMigrations(version);
    }

    /** SHA-256 over the migration files, by name then content: any file added, removed or edited changes it. */
    static String digest(List<URL> files) {
        try {
            var sha = MessageDigest.getInstance("SHA-256");
            var byName = new TreeMap<String, URL>();
            files.forEach(url -> byName.put(url.getPath().substring(url.getPath().lastIndexOf('/') + 1), url));
            for (var file : byName.entrySet()) {
                sha.update(file.getKey().getBytes(StandardCharsets.UTF_8));
                try (var in = file.getValue().openStream()) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the migrations", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The migration files of each location, found through the class loader. The library's default scanner walks
     * every jar of the class path (the embedded Neo4j brings hundreds), which cost seconds at every start.
     */
    private static List<URL> scan(List<String> locations) {
        var resolver = new PathMatchingResourcePatternResolver(DatabaseMigrations.class.getClassLoader());
        var found = new ArrayList<URL>();
        for (var location : locations) {
            var folder = location.startsWith("/") ? location.substring(1) : location;
            try {
                for (var resource : resolver.getResources("classpath*:" + folder + "/*.cypher")) {
                    found.add(resource.getURL());
                }
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot list the migrations of " + location, e);
            }
        }
        return found;
    }

    public String version() {
        return version;
    }

    /** Waits up to the startup timeout (a server started beside us may still be booting), then fails clearly. */
    private static void awaitDatabase(Driver driver, DatabaseProperties properties) {
        long deadline = System.nanoTime() + properties.startupTimeout().toNanos();
        RuntimeException last;
        do {
            try {
                driver.verifyConnectivity();
                return;
            } catch (RuntimeException e) {
                last = e;
                sleep(Duration.ofMillis(500));
            }
        } while (System.nanoTime() < deadline);
        throw new DatabaseUnreachableException(properties.isEmbedded() ? "in-process Neo4j" : properties.uri(),
                properties.startupTimeout(), last);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the database", e);
        }
    }
}
