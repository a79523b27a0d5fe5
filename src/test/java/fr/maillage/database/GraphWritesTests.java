package fr.maillage.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;

/**
 * Which transactions move the graph's version, on a real Neo4j: every write that can change an answer, and not the
 * audit trail's records, which are written on reads of personal data.
 */
class GraphWritesTests {

    @TempDir
    static Path store;
    static DatabaseManagementService management;
    static GraphDatabaseService database;
    static final GraphWrites writes = new GraphWrites();

    @BeforeAll
    static void start() {
        management = EmbeddedNeo4j.builder(store, new SocketAddress("127.0.0.1", 0), "16m", Duration.ofSeconds(30))
                .build();
        management.registerTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, writes);
        database = management.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        run("CREATE (:Adviser {id: 'A1', lastName: 'Martin'}), (:AuditEvent {id: 'E0', action: 'READ_PERSONAL_DATA'})");
    }

    @AfterAll
    static void stop() {
        management.shutdown();
    }

    static void run(String cypher) {
        database.executeTransactionally(cypher);
    }

    static long version() {
        return writes.settled().orElseThrow();
    }

    @Test
    void anAuditRecordAloneDoesNotMoveTheVersion() {
        long before = version();
        run("""
                CREATE (:AuditEvent {id: randomUUID(), at: datetime(), subject: 'coordinateur', action: 'READ_PERSONAL_DATA',
                  adviserIds: ['A1']})""");
        run("CREATE (:AuditEvent {id: 'E1'}), (:AuditEvent {id: 'E2'})");
        run("MATCH (a:Adviser {id: 'A1'}) RETURN a.lastName");

        assertThat(version()).isEqualTo(before);
    }

    @Test
    void everyOtherWriteMovesIt() {
        for (var write : new String[] {
                "MATCH (a:Adviser {id: 'A1'}) SET a.phone = '0102030405'",
                "CREATE (:Place {id: 'P1'})",
                // a record beside any other change, or tied to the network, or changed after its creation
                "CREATE (:AuditEvent {id: 'E3'}), (:Partner {id: 'T1'})",
                "MATCH (a:Adviser {id: 'A1'}) CREATE (:AuditEvent {id: 'E4'})-[:ABOUT]->(a)",
                "CREATE (:AuditEvent:Adviser {id: 'E5'})",
                "MATCH (e:AuditEvent {id: 'E0'}) SET e.action = 'WRITE'",
                "MATCH (e:AuditEvent {id: 'E0'}) SET e:Adviser",
                "MATCH (e:AuditEvent {id: 'E0'}) DELETE e",
                "MATCH (p:Place {id: 'P1'}) DELETE p" }) {
            long before = version();
            run(write);
            assertThat(version()).as(write).isEqualTo(before + 1);
        }
    }

    @Test
    void aWriteRolledBackBeforeItsCommitDoesNotMoveIt() {
        long before = version();
        try (Transaction transaction = database.beginTx()) {
            transaction.execute("CREATE (:Adviser {id: 'A9'})").close();
            transaction.rollback();
        }

        assertThat(version()).isEqualTo(before);
    }

    @Test
    void aWriteThatFailsWhileBeingCommittedMovesItAndLeavesAVersion() {
        TransactionEventListener<Void> refusing = new Listener() {
            @Override
            public Void beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService service) {
                throw new IllegalStateException("refused at commit");
            }
        };
        long before = version();
        management.registerTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, refusing);
        try {
            assertThatThrownBy(() -> run("CREATE (:Adviser {id: 'A10'})")).hasStackTraceContaining("refused at commit");
        } finally {
            management.unregisterTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, refusing);
        }

        // counted as begun, then ended by the rollback: no version would be stuck "in flight"
        assertThat(version()).isEqualTo(before + 1);
    }

    /** A listener of the test, beside the counting one. */
    abstract static class Listener implements TransactionEventListener<Void> {
        @Override
        public void afterCommit(TransactionData data, Void state, GraphDatabaseService service) {
        }

        @Override
        public void afterRollback(TransactionData data, Void state, GraphDatabaseService service) {
        }
    }

    @Test
    void noVersionWhileAWriteIsBeingCommitted() throws Exception {
        var committing = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        TransactionEventListener<Void> holding = new Listener() {
            @Override
            public Void beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService service)
                    throws Exception {
                committing.countDown();
                release.await(30, TimeUnit.SECONDS);
                return null;
            }
        };
        long before = version();
        management.registerTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, holding);
        try {
            var write = CompletableFuture.runAsync(() -> run("CREATE (:Employer {id: 'E-held'})"));
            assertThat(committing.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(writes.settled()).isEqualTo(OptionalLong.empty());
            release.countDown();
            write.get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
            management.unregisterTransactionEventListener(GraphDatabaseSettings.DEFAULT_DATABASE_NAME, holding);
        }
        assertThat(version()).isEqualTo(before + 1);
    }
}
