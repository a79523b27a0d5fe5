package fr.maillage.database;

import java.lang.reflect.Method;
import java.util.Set;

import org.neo4j.driver.exceptions.Neo4jException;
import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.resilience.retry.MethodRetryPredicate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which failures of a write are worth running it again ({@link RetriedOnDeadlock}): the database's transient errors
 * that a concurrent write causes, when the transaction that failed is the outermost one (it is over, so running the
 * method again starts a new one). A transaction the database stopped (timeout, termination) and any other failure
 * are not retried.
 */
public class TransientErrors implements MethodRetryPredicate {

    private static final Set<String> RETRIED = Set.of("Neo.TransientError.Transaction.DeadlockDetected",
            "Neo.TransientError.Transaction.LockAcquisitionTimeout");

    @Override
    public boolean shouldRetry(Method method, Throwable failure) {
        return !TransactionSynchronizationManager.isActualTransactionActive() && isTransient(failure);
    }

    /** Whether the failure, or one of its causes, is a deadlock or a lock not obtained in time. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof Neo4jException neo4j && neo4j.code() != null && RETRIED.contains(neo4j.code())) {
                return true;
            }
        }
        return false;
    }

    /** Turns {@link RetriedOnDeadlock} on. */
    @Configuration(proxyBeanMethods = false)
    @EnableResilientMethods
    static class Retries {
    }
}
