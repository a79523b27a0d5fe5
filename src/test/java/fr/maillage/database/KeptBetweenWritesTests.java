package fr.maillage.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** What is kept between writes, and when nothing is. */
class KeptBetweenWritesTests {

    final AtomicLong transaction = new AtomicLong(41);
    final KeptBetweenWrites kept = KeptBetweenWrites.of(() -> OptionalLong.of(transaction.get()), 100, answer -> 1);

    record Figure(String territory) {
    }

    @AfterEach
    void noTransaction() {
        TransactionSynchronizationManager.setActualTransactionActive(false);
        TransactionSynchronizationManager.setCurrentTransactionReadOnly(false);
    }

    @Test
    void anAnswerIsServedUntilTheNextWrite() {
        kept.now().keep(new Figure("2B"), "figures of 2B");

        assertThat(kept.now().find(new Figure("2B"), String.class)).isEqualTo("figures of 2B");
        assertThat(kept.now().find(new Figure("2A"), String.class)).isNull();
        transaction.incrementAndGet();
        assertThat(kept.now().find(new Figure("2B"), String.class)).isNull();
    }

    @Test
    void anAnswerComputedWhileAWriteWasCommittedIsNotKept() {
        var at = kept.now();
        // a write is committed while the answer is computed: the answer may or may not hold it
        transaction.incrementAndGet();
        at.keep(new Figure("2B"), "figures of 2B, maybe with the write");

        assertThat(at.find(new Figure("2B"), String.class)).isNull();
        assertThat(kept.now().find(new Figure("2B"), String.class)).isNull();
    }

    @Test
    void nothingIsKeptNorServedWhileNoVersionCanBeRead() {
        kept.now().keep(new Figure("2B"), "figures of 2B");
        // a committed transaction not yet closed, or the database unavailable: no version
        var settled = transaction.get();
        var unsettled = KeptBetweenWrites.of(() -> transaction.get() == settled ? OptionalLong.of(settled)
                : OptionalLong.empty(), 100, answer -> 1);
        unsettled.now().keep(new Figure("2B"), "figures of 2B");
        transaction.incrementAndGet();

        assertThat(unsettled.now().find(new Figure("2B"), String.class)).isNull();
        unsettled.now().keep(new Figure("2A"), "figures of 2A");
        assertThat(unsettled.now().find(new Figure("2A"), String.class)).isNull();
    }

    @Test
    void getComputesOnceBetweenWrites() {
        var computed = new AtomicLong();

        kept.now().get(new Figure("2B"), String.class, () -> "figures " + computed.incrementAndGet());
        var second = kept.now().get(new Figure("2B"), String.class, () -> "figures " + computed.incrementAndGet());
        transaction.incrementAndGet();
        var third = kept.now().get(new Figure("2B"), String.class, () -> "figures " + computed.incrementAndGet());

        assertThat(second).isEqualTo("figures 1");
        assertThat(third).isEqualTo("figures 2");
    }

    @Test
    void nothingIsKeptInsideAWriteTransactionWhoseChangesMayBeRolledBack() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        kept.now().keep(new Figure("2B"), "figures with uncommitted changes");
        assertThat(kept.now().find(new Figure("2B"), String.class)).isNull();

        TransactionSynchronizationManager.setCurrentTransactionReadOnly(true);
        kept.now().keep(new Figure("2B"), "figures read in a read transaction");
        assertThat(kept.now().find(new Figure("2B"), String.class)).isEqualTo("figures read in a read transaction");
    }

    @Test
    void nothingIsKeptWithoutAVersionNorByNone() {
        var withoutVersion = KeptBetweenWrites.of(OptionalLong::empty, 100, answer -> 1);
        withoutVersion.now().keep(new Figure("2B"), "figures");
        KeptBetweenWrites.none().now().keep(new Figure("2B"), "figures");

        assertThat(withoutVersion.now().find(new Figure("2B"), String.class)).isNull();
        assertThat(KeptBetweenWrites.none().now().find(new Figure("2B"), String.class)).isNull();
    }

    /**
     * Asks for the figures of 2B on two threads: the first computes them with {@code first}, held until the second
     * request waits for it; the second would compute them with {@code second}. What the second request got.
     */
    Object askedWhileAnotherComputes(Supplier<String> first, Supplier<String> second) throws InterruptedException {
        var computing = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var secondAnswer = new AtomicReference<Object>();
        var a = new Thread(() -> {
            try {
                kept.now().get(new Figure("2B"), String.class, () -> {
                    computing.countDown();
                    await(release);
                    return first.get();
                });
            } catch (IllegalStateException failed) {
                // the first request may fail; the second must not
            }
        });
        a.start();
        computing.await(30, TimeUnit.SECONDS);
        var b = new Thread(() -> secondAnswer.set(kept.now().get(new Figure("2B"), String.class, second)));
        b.start();
        // until the second request waits for the first's computation (it parks with a time limit)
        while (b.getState() != Thread.State.TIMED_WAITING) {
            assertThat(b.isAlive()).as("still asking").isTrue();
            Thread.sleep(5);
        }
        release.countDown();
        a.join();
        b.join();
        return secondAnswer.get();
    }

    @Test
    void concurrentRequestsForTheSameMissingAnswerComputeItOnce() throws Exception {
        var computed = new AtomicLong();

        var second = askedWhileAnotherComputes(() -> "figures " + computed.incrementAndGet(),
                () -> "figures " + computed.incrementAndGet());

        assertThat(computed).hasValue(1);
        assertThat(second).isEqualTo("figures 1");
    }

    @Test
    void anAnswerComputedWhileAWriteWasCommittedIsNotSharedEither() throws Exception {
        var second = askedWhileAnotherComputes(() -> {
            // a write is committed while the first request computes: its answer may or may not hold it
            transaction.incrementAndGet();
            return "figures maybe with the write";
        }, () -> "figures computed by the second request");

        assertThat(second).isEqualTo("figures computed by the second request");
    }

    @Test
    void whenTheComputationFailsTheOthersComputeTheirOwn() throws Exception {
        var second = askedWhileAnotherComputes(() -> {
            throw new IllegalStateException("the database went away");
        }, () -> "figures computed by the second request");

        assertThat(second).isEqualTo("figures computed by the second request");
        assertThat(kept.now().find(new Figure("2B"), String.class)).isEqualTo("figures computed by the second request");
    }

    static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
