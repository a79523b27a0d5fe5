package fr.maillage.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.exceptions.TransientException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link RetriedOnConflict} as the service wires it: a writer built by the application's own bean factory (so with
 * its transaction and retry proxies) writes a node, then fails as the driver fails the loser of a deadlock. The
 * failed attempt is rolled back and the method runs again in a new transaction; a deadlock that persists gives up
 * after the retries; a writer called inside another's transaction leaves the retry to the outer one; any other failure
 * is not retried. A key taken by another write between the check and the creation makes the writer run again and give
 * the answer it would have given afterwards.
 */
class ConflictRetryTests extends IntegrationTest {

    static final String DEADLOCK = "Neo.TransientError.Transaction.DeadlockDetected";

    @Autowired
    ApplicationContext context;

    @AfterEach
    void removeProbes() {
        write("MATCH (p:RetryProbe) DELETE p", Map.of());
        write("MATCH (h:Hub {id: 'retry-probe-hub'}) DELETE h", Map.of());
    }

    /** Writes a probe node per attempt, then fails as told: a deadlock for the first {@code deadlocks} attempts. */
    @Transactional
    @RetriedOnConflict
    static class ProbeWriter {

        private final AtomicInteger attempts = new AtomicInteger();

        @Autowired
        Cypher cypher;

        @Autowired
        Neo4jClient neo4j;

        @Autowired
        Driver driver;

        /** Through the proxy, like every call: the proxy's own fields are not the writer's. */
        int attempts() {
            return attempts.get();
        }

        void write(String key, int deadlocks) {
            int attempt = attempts.incrementAndGet();
            cypher.run("CREATE (:RetryProbe {key: $key, attempt: $attempt})", Map.of("key", key, "attempt", attempt));
            if (attempt <= deadlocks) {
                throw new TransientException(DEADLOCK, "probe: deadlock on attempt " + attempt);
            }
        }

        void fail(String key) {
            attempts.incrementAndGet();
            cypher.run("CREATE (:RetryProbe {key: $key})", Map.of("key", key));
            throw new IllegalStateException("probe: not a transient failure");
        }

        /**
         * Registers hub {@code id} unless it exists, as the writers check a key before they create it; on the first
         * attempt another writer registers it between the check and the creation.
         */
        void register(String id) {
            int attempt = attempts.incrementAndGet();
            if (neo4j.query("MATCH (h:Hub {id: $id}) RETURN count(h) > 0").bind(id).to("id").fetchAs(Boolean.class)
                    .one().orElse(false)) {
                throw new IllegalArgumentException("hub already registered");
            }
            if (attempt == 1) {
                try (var session = driver.session()) {
                    session.executeWriteWithoutResult(tx -> tx.run("CREATE (:Hub {id: $id, name: 'other'})",
                            Map.of("id", id)).consume());
                }
            }
            cypher.run("CREATE (:Hub {id: $id, name: 'mine'})", Map.of("id", id));
        }

        /** Writes through {@code inner} inside this writer's own transaction. */
        void around(ProbeWriter inner, String key, int innerDeadlocks) {
            attempts.incrementAndGet();
            cypher.run("CREATE (:RetryProbe {key: $key, outer: true})", Map.of("key", key));
            inner.write(key, innerDeadlocks);
        }
    }

    ProbeWriter writer() {
        return context.getAutowireCapableBeanFactory().createBean(ProbeWriter.class);
    }

    long probes(String key) {
        return count("MATCH (p:RetryProbe {key: $key}) RETURN count(p)", Map.of("key", key));
    }

    @Test
    void aDeadlockedTransactionRunsAgainAndOnlyTheLastAttemptIsWritten() {
        var writer = writer();
        writer.write("twice", 2);
        assertThat(writer.attempts()).isEqualTo(3);
        assertThat(count("MATCH (p:RetryProbe {key: 'twice'}) RETURN p.attempt")).isEqualTo(3);
        assertThat(probes("twice")).isEqualTo(1);
    }

    @Test
    void aDeadlockThatPersistsGivesUpAfterFourRetriesHavingWrittenNothing() {
        var writer = writer();
        assertThatThrownBy(() -> writer.write("always", Integer.MAX_VALUE))
                .satisfies(failure -> assertThat(WriteConflicts.lostRace(failure)).isTrue());
        assertThat(writer.attempts()).isEqualTo(5);
        assertThat(probes("always")).isZero();
    }

    @Test
    void aWriterInsideAnothersTransactionLeavesTheRetryToTheOuterOne() {
        var outer = writer();
        var inner = writer();
        outer.around(inner, "nested", 1);
        // the inner writer failed once inside the outer transaction, which was rolled back and run again whole
        assertThat(inner.attempts()).isEqualTo(2);
        assertThat(outer.attempts()).isEqualTo(2);
        assertThat(probes("nested")).isEqualTo(2);
        assertThat(count("MATCH (p:RetryProbe {key: 'nested', outer: true}) RETURN count(p)")).isEqualTo(1);
    }

    @Test
    void aKeyTakenBetweenTheCheckAndTheCreationIsCheckedAgainAndAnsweredAsTaken() {
        var writer = writer();
        assertThatThrownBy(() -> writer.register("retry-probe-hub")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hub already registered");
        assertThat(writer.attempts()).isEqualTo(2);
        assertThat(count("MATCH (h:Hub {id: 'retry-probe-hub'}) WHERE h.name = 'other' RETURN count(h)"))
                .isEqualTo(1);
    }

    @Test
    void anyOtherFailureIsNotRetried() {
        var writer = writer();
        assertThatThrownBy(() -> writer.fail("once")).isInstanceOf(IllegalStateException.class);
        assertThat(writer.attempts()).isEqualTo(1);
        assertThat(probes("once")).isZero();
    }
}
