package fr.maillage.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged jar run in a child JVM, as an operator runs it: the documented defaults (in-process store, default
 * profile), on the store directory given ({@code MAILLAGE_DATA_DIR}). For the failsafe tests ({@code *IT}).
 */
public final class PackagedJar {

    /** A generous bound per run: the first start on an empty store loads France's territories. */
    private static final long TIMEOUT_MINUTES = 10;

    private PackagedJar() {
    }

    public record Run(int exitCode, String output) {
    }

    /** Runs {@code java -jar maillage.jar arguments...} in {@code directory} on the store {@code store}. */
    public static Run run(Path directory, Path store, String... arguments) throws IOException, InterruptedException {
        var command = command(arguments);
        var output = Files.createTempFile(directory, "run", ".log");
        var builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        var environment = builder.environment();
        environment.remove("NEO4J_URI");
        environment.remove("SPRING_PROFILES_ACTIVE");
        environment.put("MAILLAGE_DATA_DIR", store.toString());
        environment.put("MAILLAGE_DATABASE_STARTUP_TIMEOUT", "300s");
        var process = builder.start();
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                throw new AssertionError("the jar did not end within " + TIMEOUT_MINUTES + " minutes:\n"
                        + Files.readString(output));
            }
            return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            if (process.isAlive()) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
            }
        }
    }

    /** {@code java -jar <the jar> arguments...}, with the JVM running the tests: for a test that drives the process. */
    public static List<String> command(String... arguments) throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** A loopback port free at the time of asking. */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }

    /** The packaged jar: {@code maillage.jar} as failsafe passes it, else target/maillage-*.jar. */
    private static Path jar() throws IOException {
        var configured = System.getProperty("maillage.jar");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("maillage-.*\\.jar")
                    && !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/maillage-*.jar: run mvn package first"));
        }
    }
}
