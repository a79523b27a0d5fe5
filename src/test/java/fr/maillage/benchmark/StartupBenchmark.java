package fr.maillage.benchmark;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: the start-up of the embedded default, each in a fresh JVM as a user starts it (local profile: in-process
 * Neo4j, INSEE territories, demo network). First on an empty store (schema, territories and demo loaded), then again
 * on the same store (everything already there). Prints the figures and writes {@code target/benchmark/startup.json}.
 */
@EnabledIfSystemProperty(named = "maillage.benchmark.scales", matches = ".+")
class StartupBenchmark {

    private static final Pattern STARTED = Pattern.compile("Started MaillageApplication in ([0-9.]+) seconds");
    private static final Pattern NEO4J = Pattern.compile("In-process Neo4j started in (\\d+) ms");
    private static final Pattern TERRITORIES = Pattern.compile("Territories .* loaded in (\\d+) ms");
    private static final Pattern DEMO = Pattern.compile("Demo network .* generated in (\\d+) ms, written in (\\d+) ms");

    @Test
    void measure() throws Exception {
        var store = Files.createTempDirectory("maillage-startup-neo4j");
        var empty = start(store);
        var loaded = start(store);
        var report = new LinkedHashMap<String, Object>();
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("emptyStore", empty);
        report.put("loadedStore", loaded);
        System.out.printf(Locale.ROOT, "%nStart-up of the embedded default (fresh JVM each, %d cores)%n"
                + "  empty store:  ready in %.1f s wall (Spring says %.1f s); Neo4j %s ms, territories loaded in %s ms,"
                + " demo generated in %s ms and written in %s ms%n"
                + "  loaded store: ready in %.1f s wall (Spring says %.1f s); Neo4j %s ms, nothing loaded%n%n",
                Runtime.getRuntime().availableProcessors(), empty.get("wallSeconds"), empty.get("springSeconds"),
                empty.get("neo4jMillis"), empty.get("territoriesMillis"), empty.get("demoGenerationMillis"),
                empty.get("demoWriteMillis"), loaded.get("wallSeconds"), loaded.get("springSeconds"),
                loaded.get("neo4jMillis"));
        var directory = Path.of("target", "benchmark");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("startup.json"), JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(report));
        if (loaded.get("territoriesMillis") != null || loaded.get("demoWriteMillis") != null) {
            throw new AssertionError("the second start loaded data again: " + loaded);
        }
    }

    /** Starts the service in a new JVM on {@code store}, waits until it is ready, stops it; what its log said. */
    private static Map<String, Object> start(Path store) throws IOException, InterruptedException {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        var command = List.of(java, "-cp", mainClassPath(), "fr.maillage.MaillageApplication", "--server.port=0",
                "--maillage.database.embedded.directory=" + store, "--spring.main.banner-mode=off");
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        long started = System.nanoTime();
        var figures = new LinkedHashMap<String, Object>();
        var log = new ArrayList<String>();
        try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.add(line);
                capture(NEO4J, line, figures, "neo4jMillis");
                capture(TERRITORIES, line, figures, "territoriesMillis");
                var demo = DEMO.matcher(line);
                if (demo.find()) {
                    figures.put("demoGenerationMillis", Long.parseLong(demo.group(1)));
                    figures.put("demoWriteMillis", Long.parseLong(demo.group(2)));
                }
                var ready = STARTED.matcher(line);
                if (ready.find()) {
                    figures.put("wallSeconds", (System.nanoTime() - started) / 1e9);
                    figures.put("springSeconds", Double.parseDouble(ready.group(1)));
                    break;
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        if (!figures.containsKey("wallSeconds")) {
            throw new AssertionError("the service did not start:\n" + String.join("\n", log));
        }
        return figures;
    }

    private static void capture(Pattern pattern, String line, Map<String, Object> figures, String key) {
        var matcher = pattern.matcher(line);
        if (matcher.find()) {
            figures.put(key, Long.parseLong(matcher.group(1)));
        }
    }

    /** The service's own classes and dependencies, without the test classes (their configurations would be scanned). */
    private static String mainClassPath() {
        var classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Stream.of(classPath.split(File.pathSeparator)).filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
    }
}
