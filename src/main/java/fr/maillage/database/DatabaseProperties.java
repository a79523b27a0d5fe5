package fr.maillage.database;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the graph lives. With no {@code uri} the service runs Neo4j in-process; with one (NEO4J_URI) it connects to
 * that server or cluster ({@code bolt://}, {@code neo4j://}, {@code neo4j+s://}). {@code transactionTimeout} is the
 * database's own limit on any transaction ({@code db.transaction.timeout}): set on the in-process database, and to be
 * set alike on a server; bulk work (loaders, imports) asks for a longer one with {@link BulkWork}.
 */
@ConfigurationProperties("maillage.database")
record DatabaseProperties(String uri, String username, String password, Duration startupTimeout,
        Duration transactionTimeout, Embedded embedded) {

    public DatabaseProperties {
        startupTimeout = startupTimeout == null ? Duration.ofSeconds(30) : startupTimeout;
        transactionTimeout = transactionTimeout == null ? Duration.ofSeconds(30) : transactionTimeout;
        embedded = embedded == null ? new Embedded(null, 0, null) : embedded;
    }

    public boolean isEmbedded() {
        return uri == null || uri.isBlank();
    }

    /**
     * @param directory store directory; it survives restarts
     * @param boltPort  loopback port of the in-process Bolt connector, 0 for any free port
     * @param pageCache Neo4j page cache size, e.g. "512m"
     */
    public record Embedded(Path directory, int boltPort, String pageCache) {
        public Embedded {
            directory = directory == null ? Path.of("data", "neo4j") : directory;
            pageCache = pageCache == null ? "512m" : pageCache;
        }
    }
}
