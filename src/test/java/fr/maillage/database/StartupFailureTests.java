package fr.maillage.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** With a database configured but unreachable, the service says so plainly and exits with a non-zero status. */
class StartupFailureTests {

    @Test
    void exitsNonZeroWithAClearMessageWhenTheConfiguredDatabaseCannotBeReached() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "fr.maillage.MaillageApplication", "--server.port=0", "--spring.profiles.active=test",
                "--maillage.database.startup-timeout=2s")
                .redirectErrorStream(true);
        process.environment().put("NEO4J_URI", "bolt://127.0.0.1:" + closedPort);
        var started = process.start();
        var output = readAll(started);
        assertThat(started.waitFor(120, TimeUnit.SECONDS)).isTrue();

        assertThat(started.exitValue()).isNotZero();
        assertThat(output).contains("Maillage cannot reach its database")
                .contains("bolt://127.0.0.1:" + closedPort)
                .contains("NEO4J_URI");
    }

    private static String readAll(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
