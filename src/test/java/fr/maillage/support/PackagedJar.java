package fr.maillage.support;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The packaged jar as the integration tests run it: {@code java -jar} in a child JVM, as an operator would. */
public final class PackagedJar {

    private PackagedJar() {
    }

    /** {@code java -jar <the jar> arguments...}, with the JVM running the tests. */
    public static List<String> command(String... arguments) throws IOException {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar().toString()));
        command.addAll(List.of(arguments));
        return command;
    }

    /** The packaged jar: {@code maillage.jar} as failsafe passes it, else target/maillage-*.jar. */
    public static Path jar() throws IOException {
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

    /** A loopback port free at the time of asking. */
    public static int freePort() throws IOException {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress("127.0.0.1", 0));
            return socket.getLocalPort();
        }
    }
}
