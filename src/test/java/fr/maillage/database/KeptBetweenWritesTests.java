package fr.maillage.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

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
    void anAnswerComputedAfterTheVersionWasReadIsKeptUnderThatVersion() {
        var at = kept.now();
        // a write lands while the answer is computed: the answer may hold it, its key is the version before it
        transaction.incrementAndGet();
        at.keep(new Figure("2B"), "figures of 2B");

        assertThat(at.find(new Figure("2B"), String.class)).isEqualTo("figures of 2B");
        // whoever reads the version now reads the newer one: the answer is not served, and is dropped
        assertThat(kept.now().find(new Figure("2B"), String.class)).isNull();
        assertThat(at.find(new Figure("2B"), String.class)).isNull();
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
}
