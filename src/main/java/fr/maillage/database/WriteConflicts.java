package fr.maillage.database;

import java.lang.reflect.Method;
import java.util.Set;

import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which failures of a write are worth running it again ({@link RetriedOnConflict}): those by which the database stops
 * the loser of a race with a concurrent write, when the transaction that failed is the outermost one (it is over, so
 * running the method again starts a new one). A transaction the database stopped for another reason (timeout,
 * termination) and any other failure are not retried.
 */
public class WriteConflicts implements MethodRetryPredicate {

    /** Two writes locked the same nodes in crossed order; a lock waited for too long; a unique key taken meanwhile. */
    private static final Set<String> LOST_RACE = Set.of("Neo.TransientError.Transaction.DeadlockDetected",
            "Neo.TransientError.Transaction.LockAcquisitionTimeout", "Neo.ClientError.Schema.ConstraintValidationFailed");

    @Override
    public boolean shouldRetry(Method method, Throwable failure) {
        return !TransactionSynchronizationManager.isActualTransactionActive() && lostRace(failure);
    }

    /** Whether the failure, or one of its causes, is the database's answer to the loser of a race. */
    public static boolean lostRace(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof Neo4jException neo4j && neo4j.code() != null && LOST_RACE.contains(neo4j.code())) {
                return true;
            }
        }
        return false;
    }

    /** Turns {@link RetriedOnConflict} on. */
    @Configuration(proxyBeanMethods = false)
    @EnableResilientMethods
    static class Retries {
    }
}
