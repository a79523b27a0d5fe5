package fr.maillage.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * GraphiQL as a coordinator on a disconnected laptop meets it: {@code web/tests/graphiql.spec.mjs} drives Debian's
 * headless Chromium (Playwright) against this service on its random port, refuses every request to another host, and
 * checks the docs explorer, completion, the examples and the notice shown when introspection is off. It leaves
 * {@code target/screenshots/graphiql.png}, the docs explorer open on {@code coverageGaps}.
 */
class GraphiqlBrowserTests extends IntegrationTest {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path WEB = Path.of("web");

    @Test
    void graphiqlWorksOfflineAndItsDocsExplorerListsTheCoordinatorsEntryPoints() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM)).as("The browser test needs Debian's Chromium at %s: apt-get update &&"
                + " apt-get install -y chromium (bash .ci/run installs it when it is missing)", CHROMIUM).isTrue();
        assertThat(WEB.resolve("node_modules/playwright-core")).as("web/node_modules is installed by the Maven build"
                + " (npm ci): run mvn without -Dweb.skip").isDirectory();
        var screenshots = Path.of("target", "screenshots").toAbsolutePath();
        Process process;
        try {
            process = new ProcessBuilder("node", "tests/graphiql.spec.mjs", "http://localhost:" + port,
                    screenshots.toString()).directory(WEB.toFile()).redirectErrorStream(true).start();
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
        }, "graphiql-browser-test");
        reader.setDaemon(true);
        reader.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail("GraphiQL's browser test did not finish in 5 minutes:%n%s", output.toString(StandardCharsets.UTF_8));
        }
        reader.join(10_000);
        var report = output.toString(StandardCharsets.UTF_8);
        System.out.println(report);

        assertThat(process.exitValue()).as(report).isZero();
        assertThat(report).contains("ok - the docs explorer lists coverageGaps and coordinatorPartners",
                "ok - the operation editor completes coordinatorPartners", "ok - no request left this machine",
                "ok - with introspection off, the page says the docs are unavailable", "GRAPHIQL OK");
        assertThat(screenshots.resolve("graphiql.png")).isNotEmptyFile();
    }
}
