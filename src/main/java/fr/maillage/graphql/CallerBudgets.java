package fr.maillage.graphql;

import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * What each caller may spend: requests per minute and cost per minute (token buckets, Bucket4j), and requests at
 * once (a semaphore). A caller is its token's subject, or its address when anonymous. The cost of a request is its
 * complexity, charged when it starts: a caller may run into debt with one request, and then waits until the bucket
 * refills. Callers unseen for ten minutes are forgotten.
 */
class CallerBudgets {

    private final ApiProperties.PerCaller limits;
    private final Cache<String, Budget> budgets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();

    public CallerBudgets(ApiProperties.PerCaller limits) {
        this.limits = limits;
    }

    /** One caller's buckets and its requests running now. */
    private final class Budget {
        final Bucket requests = Bucket.builder().addLimit(Bandwidth.builder().capacity(limits.requestsPerMinute())
                .refillGreedy(limits.requestsPerMinute(), Duration.ofMinutes(1)).build()).build();
        final Bucket cost = Bucket.builder().addLimit(Bandwidth.builder().capacity(limits.costPerMinute())
                .refillGreedy(limits.costPerMinute(), Duration.ofMinutes(1)).build()).build();
        final Semaphore running = new Semaphore(limits.concurrentRequests());
    }

    private Budget of(String caller) {
        return budgets.get(caller, key -> new Budget());
    }

    /**
     * Admits a request of {@code caller}, or says in how many seconds to come back. An admitted request must be
     * {@link #release released} when it ends.
     */
    public OptionalLong admit(String caller) {
        var budget = of(caller);
        if (budget.cost.getAvailableTokens() <= 0) {
            return OptionalLong.of(seconds(budget.cost.estimateAbilityToConsume(1).getNanosToWaitForRefill()));
        }
        var probe = budget.requests.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            return OptionalLong.of(seconds(probe.getNanosToWaitForRefill()));
        }
        if (!budget.running.tryAcquire()) {
            budget.requests.addTokens(1);
            return OptionalLong.of(1);
        }
        return OptionalLong.empty();
    }

    public void release(String caller) {
        of(caller).running.release();
    }

    /** Spends the cost of a request that starts; the balance may go below zero. */
    public void charge(String caller, long cost) {
        if (cost > 0) {
            of(caller).cost.consumeIgnoringRateLimits(cost);
        }
    }

    private static long seconds(long nanos) {
        return Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + TimeUnit.SECONDS.toNanos(1) - 1));
    }
}
