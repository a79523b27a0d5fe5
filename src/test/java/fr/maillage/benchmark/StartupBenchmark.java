package fr.maillage.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import fr.maillage.support.ChildProcess;
import fr.maillage.support.PackagedJar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: the start-up of the embedded default, each in a fresh JVM as a user starts it ({@code java -jar} on the
 * packaged jar, documented defaults: in-process Neo4j, INSEE territories, demo network). First on an empty store
 * (schema, territories and demo loaded), then again on the same store (everything already there). Prints the figures
 * and writes {@code target/benchmark/startup.json}.
 */
@EnabledIfSystemProperty(named = "maillage.benchmark.scales", matches = ".+")
class StartupBenchmark {

    private static final Pattern STARTED = Pattern.compile("Started MaillageApplication in ([0-9.]+) seconds");
    private static final Pattern NEO4J = Pattern.compile("In-process Neo4j started in (\\d+) ms");
    private static final Pattern MIGRATIONS = Pattern.compile("Database schema at migration .*\\((\\d+) ms\\)");
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
        System.out.printf(Locale.ROOT, "%nStart-up of the embedded default (java -jar, fresh JVM each, %d cores)%n"
                + "  empty store:  ready in %.1f s wall (Spring says %.1f s); Neo4j %s ms, migrations %s ms,"
                + " territories loaded in %s ms, demo generated in %s ms and written in %s ms%n"
                + "  loaded store: ready in %.1f s wall (Spring says %.1f s); Neo4j %s ms, migrations checked in %s ms,"
                + " nothing loaded%n%n",
                Runtime.getRuntime().availableProcessors(), empty.get("wallSeconds"), empty.get("springSeconds"),
                empty.get("neo4jMillis"), empty.get("migrationsMillis"), empty.get("territoriesMillis"),
                empty.get("demoGenerationMillis"), empty.get("demoWriteMillis"), loaded.get("wallSeconds"),
                loaded.get("springSeconds"), loaded.get("neo4jMillis"), loaded.get("migrationsMillis"));
        var directory = Path.of("target", "benchmark");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("startup.json"), JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(report));
        if (loaded.get("territoriesMillis") != null || loaded.get("demoWriteMillis") != null) {
            throw new AssertionError("the second start loaded data again: " + loaded);
        }
    }

    /**
     * Starts the packaged jar on {@code store} in a new JVM, waits until it is ready, stops it; what its log said. The
     * wall time is taken when the ready line shows in the log (read every 200 ms).
     */
    private static Map<String, Object> start(Path store) throws IOException {
        var log = Files.createTempFile("maillage-startup", ".log");
        long started = System.nanoTime();
        try (var process = ChildProcess.java(List.of("-jar", PackagedJar.jar().toString(), "--server.port=0",
                "--spring.main.banner-mode=off"), PackagedJar.environment(store), log)) {
            process.awaitLine("Started MaillageApplication", Duration.ofMinutes(10));
            var figures = new LinkedHashMap<String, Object>();
            figures.put("wallSeconds", (System.nanoTime() - started) / 1e9);
            process.terminate(Duration.ofMinutes(1));
            for (var line : process.output().lines().toList()) {
                capture(STARTED, line, figures, "springSeconds");
                capture(NEO4J, line, figures, "neo4jMillis");
                capture(MIGRATIONS, line, figures, "migrationsMillis");
                capture(TERRITORIES, line, figures, "territoriesMillis");
                var demo = DEMO.matcher(line);
                if (demo.find()) {
                    figures.put("demoGenerationMillis", Long.parseLong(demo.group(1)));
                    figures.put("demoWriteMillis", Long.parseLong(demo.group(2)));
                }
            }
            return figures;
        }
    }

    private static void capture(Pattern pattern, String line, Map<String, Object> figures, String key) {
        var matcher = pattern.matcher(line);
        if (matcher.find()) {
            var value = matcher.group(1);
            figures.put(key, value.contains(".") ? (Object) Double.parseDouble(value) : (Object) Long.parseLong(value));
        }
    }
}
