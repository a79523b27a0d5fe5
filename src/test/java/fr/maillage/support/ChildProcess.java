package fr.maillage.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A JVM started by a test, its output (stdout and stderr) in a log file: wait for a line, stop it with SIGTERM
 * ({@link #terminate}) or SIGKILL ({@link #killHard}, {@code kill -9}: no shutdown hook runs).
 */
public final class ChildProcess implements AutoCloseable {

    private final Process process;
    private final Path log;

    private ChildProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** {@code java <arguments>} with this environment added to the test JVM's (a {@code null} value removes one). */
    public static ChildProcess java(List<String> arguments, Map<String, String> environment, Path log) {
        var command = new java.util.ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        try {
            return new ChildProcess(builder.start(), log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first line of the output holding {@code text}, waited for; fails if the process ends before it. */
    public String awaitLine(String text, Duration within) {
        var deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            var line = output().lines().filter(l -> l.contains(text)).findFirst();
            if (line.isPresent()) {
                return line.get();
            }
            if (!process.isAlive()) {
                throw new AssertionError("process " + pid() + " ended (status " + process.exitValue()
                        + ") before printing « " + text + " »:\n" + output());
            }
            pause(Duration.ofMillis(200));
        }
        throw new AssertionError("no « " + text + " » from process " + pid() + " within " + within + ":\n" + output());
    }

    /** SIGKILL: the process ends at once, its shutdown hooks do not run. */
    public void killHard() {
        process.destroyForcibly();
        awaitEnd(Duration.ofMinutes(2));
    }

    /** SIGTERM, then waits for the end: the process's shutdown hooks run. Returns the exit status. */
    public int terminate(Duration within) {
        signalTerm();
        return awaitEnd(within);
    }

    /** SIGTERM without waiting: for a test that watches what the process does while it stops. */
    public void signalTerm() {
        process.destroy();
    }

    /** Waits for the process to end by itself; returns its exit status. */
    public int awaitEnd(Duration within) {
        try {
            if (!process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("process " + pid() + " still running after " + within + ":\n" + output());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(1, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
