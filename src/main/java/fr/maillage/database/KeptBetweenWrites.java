package fr.maillage.database;

import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers kept between writes, under the {@link GraphVersion} read before they were computed, and only when the same
 * version is read again after: no transaction was committed meanwhile, so the answer is exactly the graph's at that
 * version. Any write moves the version, so a kept answer is never served once a later write is committed. Answers kept
 * under an older version are dropped when a newer one is seen. Keep only what is the same whoever asks: the keys say
 * what was computed, never who asked. Concurrent requests for the same missing answer at the same version share one
 * computation ({@link At#shared}).
 */
public final class KeptBetweenWrites {

    /**
     * How long a request waits for another's computation of the same answer before computing its own: the longest
     * of them takes a second or two (a diagnosis at ten times the national network, just after a write), and a waiter
     * may hold a read transaction, whose budget (30 s by default) must leave room to compute after the wait.
     */
    static final long WAIT_SECONDS = 10;

    private final GraphVersion version;
    private final Cache<Key, Object> kept;
    /** Answers being computed, each by one request: its exact answer, or null when it has none to share. */
    private final ConcurrentHashMap<Key, CompletableFuture<Object>> computing = new ConcurrentHashMap<>();
    private volatile long newest = Long.MIN_VALUE;

    private KeptBetweenWrites(GraphVersion version, Cache<Key, Object> kept) {
        this.version = version;
        this.kept = kept;
    }

    /**
     * Keeps answers up to a total {@code maxWeight} ({@code weight} of each answer; least recently used dropped
     * first).
     */
    public static KeptBetweenWrites of(GraphVersion version, long maxWeight, ToIntFunction<Object> weight) {
        return new KeptBetweenWrites(version, Caffeine.newBuilder().maximumWeight(maxWeight)
                .<Key, Object>weigher((key, answer) -> weight.applyAsInt(answer)).build());
    }

    /** Keeps nothing: every answer computed from scratch. */
    public static KeptBetweenWrites none() {
        return new KeptBetweenWrites(OptionalLong::empty, Caffeine.newBuilder().maximumSize(0).build());
    }

    private record Key(long version, Object what) {
    }

    /**
     * The answers kept at the version of the graph read now, or an empty view when none can be kept: with a database
     * server, or inside a write transaction (its reads see its own changes, which may yet be rolled back).
     */
    public At now() {
        var current = version.current();
        if (current.isEmpty() || TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return new At(Long.MIN_VALUE, false);
        }
        long at = current.getAsLong();
        if (at > newest) {
            newest = at;
            kept.asMap().keySet().removeIf(key -> key.version() < at);
        }
        return new At(at, true);
    }

    /** The answers kept at one version of the graph; {@code what} is a record naming an answer and its arguments. */
    public final class At {

        private final long at;
        private final boolean keeps;

        private At(long at, boolean keeps) {
            this.at = at;
            this.keeps = keeps;
        }

        /** The answer kept under {@code what}, or null. */
        public <T> T find(Object what, Class<T> type) {
            return keeps ? type.cast(kept.getIfPresent(new Key(at, what))) : null;
        }

        /**
         * Keeps {@code answer} (unmodifiable: it is shared) under {@code what} if it was computed at this version: the
         * version read now is still this one. Returns it.
         */
        public <T> T keep(Object what, T answer) {
            if (keeps && answer != null && unchanged()) {
                kept.put(new Key(at, what), answer);
            }
            return answer;
        }

        /** The answer kept under {@code what}, computed (once for concurrent requests) and kept when missing. */
        public <T> T get(Object what, Class<T> type, Supplier<T> compute) {
            var found = find(what, type);
            return found != null ? found : shared(what, type, () -> keep(what, compute.get()));
        }

        /**
         * {@code compute}'s answer, computed once for the requests that ask for {@code what} at this version at the same
         * time: the first computes it, the others wait for it and take it if it is exact (no write committed while it
         * was computed), else compute their own, as they do when it fails or outlasts {@value #WAIT_SECONDS} s. After
         * a write, the first requests of a dashboard then compute its figures once, not once each. Not kept: see
         * {@link #get} for that.
         */
        public <T> T shared(Object what, Class<T> type, Supplier<T> compute) {
            if (!keeps) {
                return compute.get();
            }
            var key = new Key(at, what);
            var mine = new CompletableFuture<Object>();
            var running = computing.putIfAbsent(key, mine);
            if (running != null) {
                var answer = exactAnswerOf(running);
                return answer != null ? type.cast(answer) : compute.get();
            }
            Object exact = null;
            try {
                var answer = compute.get();
                exact = answer != null && unchanged() ? answer : null;
                return answer;
            } finally {
                mine.complete(exact);
                computing.remove(key, mine);
            }
        }

        private boolean unchanged() {
            return version.current().equals(OptionalLong.of(at));
        }
    }

    private static Object exactAnswerOf(CompletableFuture<Object> running) {
        try {
            return running.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }
}
