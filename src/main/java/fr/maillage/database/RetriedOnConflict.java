package fr.maillage.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.resilience.annotation.Retryable;

/**
 * On a class of writers whose methods are transactions ({@code @Transactional}): a method whose transaction lost a race
 * with a concurrent write runs again, whole, in a new transaction, as the driver's managed transactions do: a few
 * times, after a short random pause. Lost races are the database's deadlocks and lock waits given up, and a uniqueness
 * constraint refusing a key another write took after this one checked it was free: run again, the method checks
 * against what the other wrote and answers as it would have afterwards ("déjà enregistré"). The retry wraps the
 * transaction (it is applied before it), and only the outermost transaction is retried: a writer called inside
 * another's transaction lets the failure go up to it ({@link WriteConflicts}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Retryable(predicate = WriteConflicts.class, maxRetries = 4, delay = 20, jitter = 15, multiplier = 2, maxDelay = 400)
public @interface RetriedOnConflict {
}
