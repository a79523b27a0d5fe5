package fr.maillage.database;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.resilience.annotation.Retryable;

/**
 * On a class of writers whose methods are transactions ({@code @Transactional}): a method that fails on a transient
 * error of the database (a deadlock between two concurrent writes, a lock not obtained in time) runs again, whole, in
 * a new transaction, as the driver's managed transactions do: a few times, after a short random pause. The retry
 * wraps the transaction (it is applied before it), and only the outermost transaction is retried: a writer called
 * inside another's transaction lets the failure go up to it ({@link TransientErrors}).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Retryable(predicate = TransientErrors.class, maxRetries = 4, delay = 20, jitter = 15, multiplier = 2, maxDelay = 400)
public @interface RetriedOnDeadlock {
}
