package fr.maillage.database;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;

/**
 * Starts the in-process Neo4j on a thread of its own as soon as the configuration is read, while Spring builds the
 * rest of the service on the main thread. On a loaded store Neo4j's own start was a third of the service's, and the
 * main thread only waited for it. The database bean takes what was started here ({@link #take}); without this
 * listener (tests, commands) the bean starts the database itself, as before.
 * <p>
 * Whoever takes the database closes it. If nobody does (the start failed before the bean, or the settings the bean
 * was given differ), it is closed here, so that the store is left clean and the JVM can exit. A JVM stopped (SIGTERM)
 * before the database was handed over, while Spring's own shutdown has nothing to close yet, waits in a shutdown hook
 * for the database to finish starting and closes it.
 */
public final class EmbeddedNeo4jEarlyStart implements ApplicationListener<ApplicationEvent> {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4jEarlyStart.class);
    static final String BEAN = "embeddedNeo4jEarlyStart";

    private volatile DatabaseProperties properties;
    private volatile CompletableFuture<EmbeddedNeo4j> starting;
    private final AtomicBoolean taken = new AtomicBoolean();
    /** Set once the bean holds the started database: from then on the context closes it. */
    private final AtomicBoolean handedOver = new AtomicBoolean();

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            start(Binder.get(prepared.getEnvironment()));
        } else if (event instanceof ApplicationPreparedEvent prepared && starting != null) {
            prepared.getApplicationContext().getBeanFactory().registerSingleton(BEAN, this);
        } else if (event instanceof ApplicationFailedEvent || event instanceof ContextClosedEvent) {
            closeIfNotTaken();
        }
    }

    private void start(Binder configuration) {
        DatabaseProperties bound;
        try {
            bound = configuration.bindOrCreate("maillage.database", DatabaseProperties.class);
        } catch (RuntimeException invalid) {
            // the bean binds the same settings again and reports the mistake where Spring reports configuration errors
            return;
        }
        if (!bound.isEmbedded()) {
            return;
        }
        properties = bound;
        starting = CompletableFuture.supplyAsync(
                () -> EmbeddedNeo4j.start(bound.embedded(), bound.transactionTimeout()), task -> {
                    var thread = new Thread(task, "neo4j-early-start");
                    thread.setDaemon(true);
                    thread.start();
                });
        Runtime.getRuntime().addShutdownHook(new Thread(this::closeIfNotHandedOver, "neo4j-early-start-shutdown"));
    }

    /**
     * The database started early, waited for, if it was started with these settings and nobody took it yet; null
     * otherwise (then the caller starts its own). A failed start fails here as it would have in the caller.
     */
    EmbeddedNeo4j take(DatabaseProperties settings) {
        var started = starting;
        if (started == null || !taken.compareAndSet(false, true)) {
            return null;
        }
        if (!settings.embedded().equals(properties.embedded())
                || !settings.transactionTimeout().equals(properties.transactionTimeout())) {
            log.warn("In-process Neo4j was started early with other settings; starting it again with the service's");
            closeQuietly(started);
            return null;
        }
        long waiting = System.nanoTime();
        try {
            // interruptible: a context closed during its start (SIGTERM) interrupts the thread that refreshes it
            var database = started.get();
            handedOver.set(true);
            log.info("In-process Neo4j started beside Spring's own start; waited {} ms for it",
                    (System.nanoTime() - waiting) / 1_000_000);
            return database;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            started.thenAccept(EmbeddedNeo4j::close);
            throw new IllegalStateException("Interrupted while the in-process Neo4j was starting", interrupted);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (failed.getCause() instanceof Error cause) {
                throw cause;
            }
            throw new IllegalStateException(failed.getCause());
        }
    }

    /** The JVM is stopping: a database never handed over to the context is closed once started, or now. */
    private void closeIfNotHandedOver() {
        var started = starting;
        if (started != null && !handedOver.get()) {
            closeQuietly(started);
        }
    }

    private void closeIfNotTaken() {
        var started = starting;
        if (started != null && taken.compareAndSet(false, true)) {
            closeQuietly(started);
        }
    }

    private static void closeQuietly(CompletableFuture<EmbeddedNeo4j> started) {
        try {
            started.join().close();
        } catch (CompletionException failedToStart) {
            // nothing was started, nothing to close; the failure is reported by whoever started the service
        }
    }
}
