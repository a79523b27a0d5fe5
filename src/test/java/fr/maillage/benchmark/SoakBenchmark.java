package fr.maillage.benchmark;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import fr.maillage.demo.DemoBenchmarkSupport;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: the soak run. On the national demo network (first scale of {@code maillage.benchmark.scales}), 32 readers
 * loop over the key operations of {@link Operation#all()} while 2 writers record and remove activities and link and
 * unlink a partner, for {@code maillage.benchmark.soak-seconds} (60 by default). It reports, per operation, the
 * requests done, the errors, p50/p95/p99 and the throughput, and the used heap after a full GC at the start and at
 * the end (the service runs in this JVM), and fails when any request failed. Run with
 * {@code mvn -B -Pbenchmark verify -Dtest=SoakBenchmark}; figures also in {@code target/benchmark/soak.txt}.
 */
@EnabledIfSystemProperty(named = "maillage.benchmark.scales", matches = ".+")
class SoakBenchmark extends IntegrationTest {

    private static final int READERS = Integer.getInteger("maillage.benchmark.soak-readers", 32);
    private static final int WRITERS = 2;
    private static final Duration LENGTH = Duration.ofSeconds(Long.getLong("maillage.benchmark.soak-seconds", 60));
    /** Demo ids the writers work on: the Pumonti coordinator and one of Corsica's partners, both in every demo. */
    private static final String COORDINATOR = "demo-adviser-000001";

    private static final String RECORD = """
            mutation($input: ActivityInput!) { recordActivity(input: $input) { id } }""";
    private static final String REMOVE = "mutation($id: ID!) { removeActivity(id: $id) }";
    private static final String LINK = """
            mutation($partner: ID!, $actor: ID!) { linkPartner(partnerId: $partner, actorId: $actor) { id } }""";
    private static final String UNLINK = """
            mutation($partner: ID!, $actor: ID!) { unlinkPartner(partnerId: $partner, actorId: $actor) { id } }""";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, ConcurrentLinkedQueue<Double>> latencies = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();
    private String token;

    @Test
    void soak() throws Exception {
        double scale = Double.parseDouble(System.getProperty("maillage.benchmark.scales").split(",")[0].trim());
        clearNetwork();
        var load = DemoBenchmarkSupport.load(driver, scale);
        token = anct();
        var partner = driver.executableQuery("""
                MATCH (p:Partner) WHERE p.demo AND p.departmentCode = '2A'
                  AND NOT (p)-[:PARTNERS_WITH]->(:Adviser {id: $coordinator})
                RETURN p.id AS id ORDER BY id LIMIT 1""").withParameters(Map.of("coordinator", COORDINATOR))
                .execute().records().get(0).get("id").asString();
        var operations = Operation.all();
        for (var operation : operations) {
            call(operation.name(), operation.document(), Map.of()); // warm-up, not counted below
        }
        latencies.clear();
        errors.clear();
        long heapAtStart = heapAfterGc();

        var pool = Executors.newFixedThreadPool(READERS + WRITERS);
        long until = System.nanoTime() + LENGTH.toNanos();
        for (int r = 0; r < READERS; r++) {
            int first = r;
            pool.submit(() -> {
                for (int i = first; System.nanoTime() < until; i++) {
                    var operation = operations.get(i % operations.size());
                    call(operation.name(), operation.document(), Map.of());
                }
            });
        }
        pool.submit(() -> {
            for (int i = 0; System.nanoTime() < until; i++) {
                var id = call("write: recordActivity", RECORD, Map.of("input", Map.of("kind", "COLLECTIVE_WORKSHOP",
                        "date", "2026-11-0" + (1 + i % 9), "participants", 1 + i % 12, "communeCode", "2A004",
                        "leaderIds", List.of(COORDINATOR), "themes", List.of("EMAIL"))));
                if (id != null) {
                    call("write: removeActivity", REMOVE, Map.of("id", id.at("/recordActivity/id").asText()));
                }
            }
        });
        pool.submit(() -> {
            while (System.nanoTime() < until) {
                call("write: linkPartner", LINK, Map.of("partner", partner, "actor", COORDINATOR));
                call("write: unlinkPartner", UNLINK, Map.of("partner", partner, "actor", COORDINATOR));
            }
        });
        pool.shutdown();
        if (!pool.awaitTermination(LENGTH.toSeconds() + 300, TimeUnit.SECONDS)) {
            pool.shutdownNow();
            throw new AssertionError("the soak clients did not stop");
        }
        long heapAtEnd = heapAfterGc();
        var report = report(scale, load, heapAtStart, heapAtEnd);
        System.out.println(report);
        Files.createDirectories(Path.of("target", "benchmark"));
        Files.writeString(Path.of("target", "benchmark", "soak.txt"), report);
        clearNetwork();
        long failed = errors.values().stream().mapToLong(AtomicLong::get).sum();
        if (failed > 0) {
            throw new AssertionError(failed + " requests failed during the soak run, first ones: " + firstErrors);
        }
    }

    /** Sends one request and records its latency; returns its data, or null after an error (counted). */
    private JsonNode call(String name, String document, Map<String, Object> variables) {
        long started = System.nanoTime();
        try {
            var body = json.writeValueAsString(Map.of("query", document, "variables", variables));
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var answer = json.readTree(response.body());
            if (response.statusCode() != 200 || answer.has("errors")) {
                return failed(name, response.statusCode() + " " + response.body());
            }
            latencies.computeIfAbsent(name, key -> new ConcurrentLinkedQueue<>()).add((System.nanoTime() - started) / 1e6);
            return answer.get("data");
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return failed(name, e.toString());
        }
    }

    private JsonNode failed(String name, String why) {
        errors.computeIfAbsent(name, key -> new AtomicLong()).incrementAndGet();
        if (firstErrors.size() < 5) {
            firstErrors.add(name + ": " + (why.length() > 300 ? why.substring(0, 300) : why));
        }
        return null;
    }

    private String report(double scale, Object load, long heapAtStart, long heapAtEnd) {
        var out = new StringBuilder(String.format(Locale.ROOT,
                "%nSoak run at %.0fx (%s): %d readers on the key operations, %d writers, %d s, %d cores%n", scale, load,
                READERS, WRITERS, LENGTH.toSeconds(), Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "%-36s | %8s %6s | %8s %8s %8s | %8s%n", "operation", "requests", "errors",
                "p50 ms", "p95 ms", "p99 ms", "req/s"));
        var names = new ArrayList<>(latencies.keySet());
        errors.keySet().stream().filter(name -> !names.contains(name)).forEach(names::add);
        Collections.sort(names);
        for (var name : names) {
            var millis = latencies.getOrDefault(name, new ConcurrentLinkedQueue<>()).stream()
                    .mapToDouble(Double::doubleValue).toArray();
            long failed = errors.getOrDefault(name, new AtomicLong()).get();
            out.append(String.format(Locale.ROOT, "%-36s | %8d %6d | %8.1f %8.1f %8.1f | %8.1f%n", name, millis.length,
                    failed, p(millis, 50), p(millis, 95), p(millis, 99), millis.length / (double) LENGTH.toSeconds()));
        }
        out.append(String.format(Locale.ROOT, "Heap used after a full GC: %.1f MB at the start, %.1f MB at the end%n",
                heapAtStart / 1e6, heapAtEnd / 1e6));
        return out.toString();
    }

    private static double p(double[] millis, int percentile) {
        return millis.length == 0 ? Double.NaN : BenchmarkReport.percentile(millis, percentile);
    }

    private static long heapAfterGc() throws InterruptedException {
        var memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return memory.getHeapMemoryUsage().getUsed();
    }
}
