package fr.maillage.database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Work of the start run on a thread of its own while Spring builds the rest of the context: starting the in-process
 * Neo4j, the migrations, reading and writing the referential and the demo. Each one was a bean built in turn on the
 * main thread, which waited on the database most of the time. The bean holding a task joins it in
 * {@code afterSingletonsInstantiated}, before the web server opens: no request sees a half-loaded store, and a failure
 * still stops the start, with the task's own exception.
 */
public final class StartupTask<T> {

    private final CompletableFuture<T> result;

    private StartupTask(CompletableFuture<T> result) {
        this.result = result;
    }

    /** Runs {@code work} on a new daemon thread named {@code maillage-<name>}. */
    public static <T> StartupTask<T> start(String name, Supplier<T> work) {
        var result = new CompletableFuture<T>();
        var thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }, "maillage-" + name);
        // a start that fails elsewhere must not wait for a load to finish before the JVM can end
        thread.setDaemon(true);
        thread.start();
        return new StartupTask<>(result);
    }

    /** A task already done: for the callers that run the work themselves (tests, commands). */
    public static <T> StartupTask<T> done(T value) {
        return new StartupTask<>(CompletableFuture.completedFuture(value));
    }

    /** Waits for the task; its failure is thrown here as it was thrown there. */
    public T join() {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
