package fr.maillage.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.maillage.database.DatabaseServer;

/**
 * {@code --database-server} in a child JVM, on a store of its own, on a free loopback port, with a random password:
 * the server the service connects to as to any other ({@code bolt://127.0.0.1:<port>}, user {@code neo4j}). It can
 * be killed ({@code kill -9}) and started again on the same store and port.
 */
public final class DatabaseServerProcess implements AutoCloseable {

    public static final String USERNAME = "neo4j";
    /** The first start on an empty store is quick (the service loads the territories, not the server). */
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);

    private final List<String> launcher;
    private final Path directory;
    private final int port = freeLoopbackPort();
    private final String password = "it-" + UUID.randomUUID();
    private ChildProcess process;
    private int starts;

    private DatabaseServerProcess(List<String> launcher, Path directory) {
        this.launcher = launcher;
        this.directory = directory;
    }

    /** The packaged jar, as operators run it: {@code java -jar maillage.jar --database-server}. */
    public static DatabaseServerProcess ofJar(Path jar, Path directory) {
        return new DatabaseServerProcess(List.of("-jar", jar.toString()), directory);
    }

    /** The test JVM's own classes, for the {@code process} backend of {@link TestDatabase}. */
    public static DatabaseServerProcess ofClasspath(Path directory) {
        return new DatabaseServerProcess(List.of("-cp", System.getProperty("java.class.path"),
                "fr.maillage.MaillageApplication"), directory);
    }

    /** Starts the server (again, after {@link #killHard}) and waits until Bolt accepts connections. */
    public synchronized DatabaseServerProcess start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("the database server is running already: pid " + process.pid());
        }
        var arguments = new ArrayList<>(List.of("-Xmx1g"));
        arguments.addAll(launcher);
        arguments.addAll(List.of(DatabaseServer.OPTION, "--store=" + directory.resolve("store"),
                "--bolt-address=127.0.0.1:" + port));
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = ChildProcess.java(arguments, Map.of("NEO4J_PASSWORD", password),
                directory.resolve("server-" + (++starts) + ".log"));
        process.awaitLine(DatabaseServer.READY, READY_WITHIN);
        return this;
    }

    public String uri() {
        return "bolt://127.0.0.1:" + port;
    }

    public String password() {
        return password;
    }

    public synchronized long pid() {
        return process.pid();
    }

    /** {@code kill -9}: the store is left as a crash leaves it. */
    public synchronized void killHard() {
        process.killHard();
    }

    /** SIGTERM: the database closes its store; returns the exit status. */
    public synchronized int stop() {
        return process.terminate(Duration.ofMinutes(3));
    }

    public synchronized String output() {
        return process.output();
    }

    @Override
    public synchronized void close() {
        if (process != null && process.isAlive()) {
            try {
                process.terminate(Duration.ofMinutes(3));
            } finally {
                process.close();
            }
        }
    }

    public static int freeLoopbackPort() {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
