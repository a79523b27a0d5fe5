package fr.maillage.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * The packaged jar run in a child JVM, as an operator runs it: the documented defaults (in-process store, default
 * profile), on the store directory given ({@code MAILLAGE_DATA_DIR}). For the failsafe tests ({@code *IT}).
 */
public final class PackagedJar {

    /** A generous bound per run: the first start on an empty store loads France's territories. */
    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    private PackagedJar() {
    }

    public record Run(int exitCode, String output) {
    }

    /** Runs {@code java -jar maillage.jar arguments...} to its end, on the store {@code store}, its log in {@code directory}. */
    public static Run run(Path directory, Path store, String... arguments) throws IOException {
        var command = new ArrayList<>(List.of("-jar", jar().toString()));
        command.addAll(List.of(arguments));
        try (var process = ChildProcess.java(command, environment(store), Files.createTempFile(directory, "run", ".log"))) {
            int status = process.awaitEnd(TIMEOUT);
            return new Run(status, process.output());
        }
    }

    /** The documented defaults on {@code store}: no server, no profile chosen by the machine running the tests. */
    public static HashMap<String, String> environment(Path store) {
        var environment = new HashMap<String, String>();
        environment.put("NEO4J_URI", null);
        environment.put("SPRING_PROFILES_ACTIVE", null);
        environment.put("MAILLAGE_DATA_DIR", store.toString());
        environment.put("MAILLAGE_DATABASE_STARTUP_TIMEOUT", "300s");
        return environment;
    }

    /** The packaged jar: {@code maillage.jar} as failsafe passes it, else target/maillage-*.jar. */
    public static Path jar() {
        var configured = System.getProperty("maillage.jar");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("maillage-.*\\.jar")
                    && !p.getFileName().toString().endsWith("-plain.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/maillage-*.jar: run mvn package first"));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
