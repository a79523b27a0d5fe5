package fr.maillage.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.storageengine.api.TransactionIdStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Neo4j running inside this JVM, reachable over Bolt on the loopback interface only. */
final class EmbeddedNeo4j implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

    private final DatabaseManagementService management;
    private final URI boltUri;
    private final GraphWrites writes;

    private EmbeddedNeo4j(DatabaseManagementService management, URI boltUri, GraphWrites writes) {
        this.management = management;
        this.boltUri = boltUri;
        this.writes = writes;
    }

    public static EmbeddedNeo4j start(DatabaseProperties.Embedded settings, Duration transactionTimeout) {
        var directory = settings.directory().toAbsolutePath();
        int port = settings.boltPort() > 0 ? settings.boltPort() : freeLoopbackPort();
        long started = System.nanoTime();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the Neo4j store directory " + directory, e);
        }
        var management = builder(directory, new SocketAddress("127.0.0.1", port), settings.pageCache(),
                transactionTimeout).build();
        var uri = URI.create("bolt://127.0.0.1:" + port);
        // before any statement: every write from now on is counted
        var writes = new GraphWrites();
        management.registerTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, writes);
        log.info("In-process Neo4j started in {} ms, store {}, Bolt {}", (System.nanoTime() - started) / 1_000_000,
                directory, uri);
        return new EmbeddedNeo4j(management, uri, writes);
    }

    /** The engine's settings shared by the in-process database and {@link DatabaseServer}: Bolt on one address. */
    static DatabaseManagementServiceBuilder builder(Path directory, SocketAddress bolt, String pageCache,
            Duration transactionTimeout) {
        return new DatabaseManagementServiceBuilder(directory)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, bolt)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                // no statement of a request runs longer than this; bulk work asks for more (BulkWork)
                .setConfig(GraphDatabaseSettings.transaction_timeout, transactionTimeout);
    }

    public URI boltUri() {
        return boltUri;
    }

    private volatile GraphDatabaseAPI database;
    private volatile TransactionIdStore transactions;

    /**
     * The version of the graph (see {@link GraphVersion}): the number of counted writes ended ({@link GraphWrites}),
     * when none is in flight and every committed transaction of the default database is also closed (applied and
     * visible to reads; a second guard, whatever the order in which Neo4j closes a transaction and tells its
     * listeners). Empty otherwise, and when the database is not available.
     */
    OptionalLong settledVersion() {
        try {
            if (transactions == null) {
                var found = (GraphDatabaseAPI) management.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
                transactions = found.getDependencyResolver().resolveDependency(TransactionIdStore.class);
                database = found;
            }
            var version = writes.settled();
            if (version.isEmpty() || !database.isAvailable()) {
                return OptionalLong.empty();
            }
            // closed first: closed <= committed always, so equal means nothing was in flight when committed was read
            long closed = transactions.getLastClosedTransactionId();
            long committed = transactions.getLastCommittedTransactionId();
            return closed == committed && writes.settled().equals(version) ? version : OptionalLong.empty();
        } catch (RuntimeException stopped) {
            return OptionalLong.empty();
        }
    }

    private boolean closed;

    /** Stops the database; the store stays on disk. Stopping twice is harmless: the second does nothing. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            management.shutdown();
        } catch (RuntimeException e) {
            log.warn("In-process Neo4j did not shut down cleanly", e);
        }
    }

    private static int freeLoopbackPort() {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free loopback port for Bolt", e);
        }
    }
}
