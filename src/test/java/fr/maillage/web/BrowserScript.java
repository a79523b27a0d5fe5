package fr.maillage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A browser script of {@code web/tests/} run with Node.js against this service, in Debian's Chromium: what it
 * printed, once checked that it ended in time and passed (exit code 0).
 */
final class BrowserScript {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    static final Path WEB = Path.of("web");
    static final Path SCREENSHOTS = Path.of("target", "screenshots").toAbsolutePath();

    private BrowserScript() {
    }

    /** Runs {@code node <script> <base URL> <screenshot directory>} in web/ with {@code environment} added. */
    static String run(String script, int port, Map<String, String> environment, int minutes) throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("The browser test needs Debian's Chromium at %s: apt-get update &&"
                + " apt-get install -y chromium (bash .ci/run installs it when it is missing)", CHROMIUM).isTrue();
        assertThat(WEB.resolve("node_modules/playwright-core")).as("web/node_modules is installed by the Maven build"
                + " (npm ci): run mvn without -Dweb.skip").isDirectory();
        var builder = new ProcessBuilder("node", script, "http://localhost:" + port, SCREENSHOTS.toString())
                .directory(WEB.toFile()).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("The browser test needs Node.js 20 (node on the PATH)", e);
        }
        var output = new ByteArrayOutputStream();
        var reader = new Thread(() -> {
            try (var in = process.getInputStream()) {
                in.transferTo(output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "browser-script");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("%s did not finish in %d minutes:%n%s", script, minutes, output.toString(StandardCharsets.UTF_8));
        }
        reader.join(10_000);
        var report = output.toString(StandardCharsets.UTF_8);
        System.out.println(report);
        assertThat(process.exitValue()).as(report).isZero();
        return report;
    }
}
