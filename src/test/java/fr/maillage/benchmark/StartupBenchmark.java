package fr.maillage.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
 * (schema, territories and demo loaded), then again on the same store (everything already there), then once more on
 * that store from the extracted jar, without and then with the class data archive of a training run, as
 * docs/operations.md deploys it.
 * Prints the figures and writes {@code target/benchmark/startup.json}.
 */
@EnabledIfSystemProperty(named = "maillage.benchmark.scales", matches = ".+")
class StartupBenchmark {

    private static final Pattern STARTED = Pattern.compile("Started MaillageApplication in ([0-9.]+) seconds");
    private static final Pattern NEO4J = Pattern.compile("In-process Neo4j started in (\\d+) ms");
    private static final Pattern NEO4J_WAITED = Pattern.compile("started beside Spring's own start; waited (\\d+) ms");
    private static final Pattern MIGRATIONS = Pattern.compile("Database schema at migration .*\\((\\d+) ms\\)");
    private static final Pattern TERRITORIES = Pattern.compile("Territories .* loaded in (\\d+) ms");
    private static final Pattern DEMO = Pattern.compile("Demo network .* generated in (\\d+) ms, written in (\\d+) ms");

    @Test
    void measure() throws Exception {
        var store = Files.createTempDirectory("maillage-startup-neo4j");
        var jar = PackagedJar.jar();
        var empty = start(store, List.of("-jar", jar.toString()));
        var loaded = start(store, List.of("-jar", jar.toString()));
        var extracted = classArchive(jar);
        // the same extracted jar without the archive: what the layout alone changes
        var loadedExtracted = start(store, List.of("-jar", extracted.jar().toString()));
        var loadedWithArchive = start(store, List.of("-XX:SharedArchiveFile=" + extracted.archive(), "-jar",
                extracted.jar().toString()));
        var report = new LinkedHashMap<String, Object>();
        report.put("cores", Runtime.getRuntime().availableProcessors());
        report.put("emptyStore", empty);
        report.put("loadedStore", loaded);
        report.put("loadedStoreExtractedJar", loadedExtracted);
        report.put("loadedStoreWithClassArchive", loadedWithArchive);
        System.out.printf(Locale.ROOT, "%nStart-up of the embedded default (java -jar, fresh JVM each, %d cores)%n"
                + "  empty store:  ready in %.1f s wall (Spring says %.1f s); Neo4j %s ms (main thread waited %s ms),"
                + " migrations %s ms, territories loaded in %s ms, demo generated in %s ms and written in %s ms%n"
                + "  loaded store: ready in %.1f s wall (Spring says %.1f s); Neo4j %s ms (main thread waited %s ms),"
                + " migrations checked in %s ms, nothing loaded%n"
                + "  loaded store, extracted jar: ready in %.1f s wall (Spring says %.1f s); Neo4j %s ms (main thread"
                + " waited %s ms), migrations checked in %s ms%n"
                + "  loaded store, extracted jar and class data archive (docs/operations.md): ready in %.1f s wall"
                + " (Spring says %.1f s); Neo4j %s ms (main thread waited %s ms), migrations checked in %s ms%n%n",
                Runtime.getRuntime().availableProcessors(), empty.get("wallSeconds"), empty.get("springSeconds"),
                empty.get("neo4jMillis"), empty.get("neo4jWaitedMillis"), empty.get("migrationsMillis"),
                empty.get("territoriesMillis"), empty.get("demoGenerationMillis"), empty.get("demoWriteMillis"),
                loaded.get("wallSeconds"), loaded.get("springSeconds"), loaded.get("neo4jMillis"),
                loaded.get("neo4jWaitedMillis"), loaded.get("migrationsMillis"), loadedExtracted.get("wallSeconds"),
                loadedExtracted.get("springSeconds"), loadedExtracted.get("neo4jMillis"),
                loadedExtracted.get("neo4jWaitedMillis"), loadedExtracted.get("migrationsMillis"),
                loadedWithArchive.get("wallSeconds"),
                loadedWithArchive.get("springSeconds"), loadedWithArchive.get("neo4jMillis"),
                loadedWithArchive.get("neo4jWaitedMillis"), loadedWithArchive.get("migrationsMillis"));
        var directory = Path.of("target", "benchmark");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("startup.json"), JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(report));
        for (var restart : List.of(loaded, loadedExtracted, loadedWithArchive)) {
            if (restart.get("territoriesMillis") != null || restart.get("demoWriteMillis") != null) {
                throw new AssertionError("a restart loaded data again: " + restart);
            }
        }
    }

    /**
     * The class data archive as docs/operations.md makes it, with {@code tools/cds/archive.sh}: the jar extracted, then
     * one training start on a throwaway store that stops once the context is ready.
     */
    private static ExtractedJar classArchive(Path jar) throws IOException, InterruptedException {
        var directory = Path.of("target", "benchmark", "cds").toAbsolutePath();
        var log = Files.createTempFile("maillage-cds", ".log");
        var process = new ProcessBuilder("sh", "tools/cds/archive.sh", jar.toString(), directory.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("tools/cds/archive.sh failed: " + Files.readString(log));
        }
        return new ExtractedJar(directory.resolve(jar.getFileName()), directory.resolve("maillage.jsa"));
    }

    /** What {@code tools/cds/archive.sh} leaves: the extracted jar, and the class archive of its training start. */
    private record ExtractedJar(Path jar, Path archive) {
    }

    /**
     * Starts the packaged jar on {@code store} in a new JVM, waits until it is ready, stops it; what its log said. The
     * wall time is taken when the ready line shows in the log (read every 200 ms).
     */
    private static Map<String, Object> start(Path store, List<String> javaArguments) throws IOException {
        var log = Files.createTempFile("maillage-startup", ".log");
        long started = System.nanoTime();
        var arguments = new ArrayList<>(javaArguments);
        arguments.addAll(List.of("--server.port=0", "--spring.main.banner-mode=off"));
        try (var process = ChildProcess.java(arguments, PackagedJar.environment(store), log)) {
            process.awaitLine("Started MaillageApplication", Duration.ofMinutes(10));
            var figures = new LinkedHashMap<String, Object>();
            figures.put("wallSeconds", (System.nanoTime() - started) / 1e9);
            process.terminate(Duration.ofMinutes(1));
            if (process.output().contains("Unable to use shared archive")) {
                throw new AssertionError("the JVM did not use the class archive: " + process.output());
            }
            for (var line : process.output().lines().toList()) {
                capture(STARTED, line, figures, "springSeconds");
                capture(NEO4J, line, figures, "neo4jMillis");
                capture(NEO4J_WAITED, line, figures, "neo4jWaitedMillis");
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
