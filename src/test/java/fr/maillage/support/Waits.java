package fr.maillage.support;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

/** Waiting for a condition with a generous bound, never for a duration: the tests assert what, not how fast. */
public final class Waits {

    private Waits() {
    }

    /**
     * Polls {@code condition} until it holds; an exception it throws counts as "not yet" (a server still starting), an
     * {@link AssertionError} ends the wait at once.
     */
    public static void await(Callable<Boolean> condition, Duration within, String what) {
        var deadline = Instant.now().plus(within);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (AssertionError e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            ChildProcess.pause(Duration.ofMillis(50));
        }
        throw new AssertionError("not reached within " + within + ": " + what, last);
    }
}
