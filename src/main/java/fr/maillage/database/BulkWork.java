package fr.maillage.database;

import java.time.Duration;

import org.neo4j.driver.TransactionConfig;

/**
 * Transactions that legitimately outlast a request's budget: loading the referential or the demo network, a bulk
 * import of a large file. They ask the database for their own timeout, which overrides {@code db.transaction.timeout}
 * (Neo4j 5.3 and later).
 */
public final class BulkWork {

    public static final Duration TIMEOUT = Duration.ofMinutes(30);
    public static final TransactionConfig CONFIG = TransactionConfig.builder().withTimeout(TIMEOUT).build();

    private BulkWork() {
    }
}
