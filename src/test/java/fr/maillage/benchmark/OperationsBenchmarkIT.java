package fr.maillage.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import fr.maillage.benchmark.BenchmarkReport.Figure;
import fr.maillage.benchmark.BenchmarkReport.Latency;
import fr.maillage.demo.DemoBenchmarkSupport;
import fr.maillage.support.DatabaseServerProcess;
import fr.maillage.support.PackagedJar;
import fr.maillage.support.ServiceProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Record;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: each key operation as the GraphQL request over HTTP and as the best hand-written Cypher over Bolt, on the
 * national demo network at each scale of {@code maillage.benchmark.scales} (same seed), against the service as a user
 * runs it: the packaged jar started with {@code java -jar} in a JVM of its own, its in-process Neo4j reachable on a
 * fixed loopback Bolt port, to which the hand-written Cypher goes straight. Run with {@code mvn -B -Pbenchmark verify}
 * (after {@code package}); see {@link BenchmarkReport} for what it prints and writes. The two sides are timed
 * alternately in one run, so the ratio compares them under the same conditions; absolute times depend on the machine.
 * <p>
 * The statements a request costs are read from the service's Micrometer counter {@code maillage.cypher.statements},
 * through the actuator's metrics endpoint that only this run's command line exposes (to the national role).
 */
@EnabledIfSystemProperty(named = "maillage.benchmark.scales", matches = ".+")
class OperationsBenchmarkIT {

    /** Warm-up of each operation: at least this many runs and this long, unless a slow one reaches the cap first. */
    static final int WARM_UP_RUNS = Integer.getInteger("maillage.benchmark.warmup-runs", 200);
    static final Duration WARM_UP_TIME = Duration.ofSeconds(Long.getLong("maillage.benchmark.warmup-seconds", 10));
    static final Duration WARM_UP_CAP = Duration.ofSeconds(Long.getLong("maillage.benchmark.warmup-max-seconds", 30));
    private static final int RUNS = Integer.getInteger("maillage.benchmark.runs", 30);
    private static final Duration THROUGHPUT_WINDOW = Duration.ofSeconds(
            Long.getLong("maillage.benchmark.throughput-seconds", 4));
    /** The service's JVM: a fixed heap, nothing else; the JIT compiles as in production (no TieredStopAtLevel). */
    private static final List<String> JVM_OPTIONS = List.of(
            System.getProperty("maillage.benchmark.jvm-options", "-Xmx2g").trim().split("\\s+"));
    static final int[] CLIENTS = {1, 8, 32};
    private static final String STATEMENTS = "/actuator/metrics/maillage.cypher.statements";

    @TempDir
    static Path directory;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** What the report says besides the table: starts, loads, fixed costs, failed requests. */
    private final List<String> loads = new ArrayList<>();
    private ServiceProcess service;
    private Driver driver;
    private String token;

    @Test
    void measure() throws Exception {
        var figures = new ArrayList<Figure>();
        String jvm = null;
        for (var value : System.getProperty("maillage.benchmark.scales").split(",")) {
            double scale = Double.parseDouble(value.trim());
            // a service of its own per scale, on an empty store: nothing of the previous scale to delete or to cache
            int boltPort = DatabaseServerProcess.freeLoopbackPort();
            var store = Files.createDirectories(directory.resolve("scale-" + value.trim()));
            long starting = System.nanoTime();
            try (var started = ServiceProcess.start(JVM_OPTIONS, PackagedJar.jar(),
                    PackagedJar.environment(store.resolve("neo4j")), store.resolve("service.log"),
                    // the demo is loaded below; the per-caller budgets would throttle the benchmark's one caller
                    "--maillage.demo.enabled=false", "--maillage.database.embedded.bolt-port=" + boltPort,
                    "--management.endpoints.web.exposure.include=health,info,metrics",
                    "--maillage.api.per-caller.requests-per-minute=100000000",
                    "--maillage.api.per-caller.cost-per-minute=1000000000",
                    "--maillage.api.per-caller.concurrent-requests=64");
                    var bolt = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.none())) {
                service = started;
                driver = bolt;
                note(loads, "scale %s: service started in %d ms (empty store: France's territories loaded)".formatted(
                        scale, (System.nanoTime() - starting) / 1_000_000));
                token = json.readTree(get("/dev/tokens/ANCT", null)).path("token").asString();
                jvm = "java -jar %s %s, max heap %d MB (as the service reports it), Java %s".formatted(
                        PackagedJar.jar().getFileName(), String.join(" ", JVM_OPTIONS), maxHeapMegabytes(),
                        System.getProperty("java.version"));
                long loading = System.nanoTime();
                var load = DemoBenchmarkSupport.load(driver, scale);
                note(loads, "scale %s: demo loaded in %d ms (%s)".formatted(scale,
                        (System.nanoTime() - loading) / 1_000_000, load));
                note(loads, floor(scale));
                var today = LocalDate.now();
                for (var operation : Operation.all()) {
                    figures.add(measure(scale, operation, today));
                    System.out.println("BENCHMARK " + figures.get(figures.size() - 1).summary());
                }
            }
        }
        new BenchmarkReport(figures, loads, jvm, warmUpRule()).print().write();
    }

    private static void note(List<String> loads, String line) {
        loads.add(line);
        System.out.println("BENCHMARK " + line);
    }

    static String warmUpRule() {
        return ("each operation warmed up for at least %d runs and %d s of each side, alternated (at most %d s for a"
                + " slow one, at least 5 runs)").formatted(WARM_UP_RUNS, WARM_UP_TIME.toSeconds(),
                        WARM_UP_CAP.toSeconds());
    }

    private Figure measure(double scale, Operation operation, LocalDate today) throws Exception {
        var parameters = operation.parameters().apply(today);
        var graphQlAnswer = operation.graphQlAnswer().apply(request(operation.document()));
        var cypherAnswer = operation.cypherAnswer().apply(cypher(operation.cypher(), parameters));
        if (!graphQlAnswer.equals(cypherAnswer)) {
            throw new AssertionError("%s: the two answers differ%n GraphQL: %s%n Cypher:  %s".formatted(
                    operation.name(), graphQlAnswer, cypherAnswer));
        }
        long warming = System.nanoTime();
        int warmUpRuns = warmUp(() -> {
            writeFirst(operation);
            request(operation.document());
            return cypher(operation.cypher(), parameters);
        });
        System.out.printf("BENCHMARK %s at %.0fx: warmed up with %d runs of each side in %.1f s%n", operation.name(),
                scale, warmUpRuns, (System.nanoTime() - warming) / 1e9);
        var graphQlMillis = new double[RUNS];
        var cypherMillis = new double[RUNS];
        long graphQlStatements = 0;
        for (int i = 0; i < RUNS; i++) {
            writeFirst(operation);
            long sent = statementsSent();
            long started = System.nanoTime();
            request(operation.document());
            graphQlMillis[i] = (System.nanoTime() - started) / 1e6;
            graphQlStatements += statementsSent() - sent;
            started = System.nanoTime();
            cypher(operation.cypher(), parameters);
            cypherMillis[i] = (System.nanoTime() - started) / 1e6;
        }
        var graphQlThroughput = new double[CLIENTS.length];
        var cypherThroughput = new double[CLIENTS.length];
        for (int i = 0; i < CLIENTS.length; i++) {
            var what = "%s at %.0fx, %d clients".formatted(operation.name(), scale, CLIENTS[i]);
            // after a write, each client's write is counted in its throughput
            graphQlThroughput[i] = throughput(what + ", GraphQL", CLIENTS[i], () -> {
                writeFirst(operation);
                return request(operation.document());
            });
            cypherThroughput[i] = throughput(what + ", Cypher", CLIENTS[i], () -> cypher(operation.cypher(),
                    parameters));
        }
        // the hand-written side is one statement by construction
        return new Figure(scale, operation.name(),
                new Latency(graphQlMillis, (double) graphQlStatements / RUNS, graphQlThroughput),
                new Latency(cypherMillis, 1, cypherThroughput));
    }

    /**
     * Runs {@code both} (one run of each side) until the warm-up's count and time are reached, or its cap; returns the
     * runs done.
     */
    private static int warmUp(Callable<?> both) throws Exception {
        long started = System.nanoTime();
        for (int runs = 0; ; runs++) {
            var spent = Duration.ofNanos(System.nanoTime() - started);
            boolean enough = runs >= WARM_UP_RUNS && spent.compareTo(WARM_UP_TIME) >= 0;
            boolean capped = runs >= 5 && spent.compareTo(WARM_UP_CAP) >= 0;
            if (enough || capped) {
                return runs;
            }
            both.call();
        }
    }

    /** The fixed cost of a request on each side: an empty GraphQL request, a Cypher statement that reads nothing. */
    private String floor(double scale) throws Exception {
        warmUp(() -> {
            request("{ __typename }");
            return cypher("RETURN 1", Map.of());
        });
        var graphQlMillis = new double[RUNS];
        var cypherMillis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long started = System.nanoTime();
            request("{ __typename }");
            long between = System.nanoTime();
            cypher("RETURN 1", Map.of());
            graphQlMillis[i] = (between - started) / 1e6;
            cypherMillis[i] = (System.nanoTime() - between) / 1e6;
        }
        return "scale %s: fixed cost of a request, p50: GraphQL { __typename } %.2f ms, Cypher RETURN 1 %.2f ms".formatted(
                scale, BenchmarkReport.percentile(graphQlMillis, 50), BenchmarkReport.percentile(cypherMillis, 50));
    }

    /**
     * Requests per second completed by {@code clients} callers looping over the window. A request that fails (the
     * database's time limit reached under load) is not counted, and is told in the report's notes.
     */
    private double throughput(String what, int clients, Callable<?> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            var stop = new AtomicBoolean();
            var failed = new AtomicLong();
            var firstFailure = new AtomicReference<String>();
            var done = new ArrayList<Future<Long>>();
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    long count = 0;
                    while (!stop.get()) {
                        try {
                            request.call();
                            count++;
                        } catch (InterruptedException e) {
                            throw e;
                        } catch (Exception e) {
                            failed.incrementAndGet();
                            firstFailure.compareAndSet(null, String.valueOf(e.getMessage()));
                        }
                    }
                    return count;
                }));
            }
            Thread.sleep(THROUGHPUT_WINDOW.toMillis());
            stop.set(true);
            long total = 0;
            for (var future : done) {
                total += future.get();
            }
            if (failed.get() > 0) {
                var message = firstFailure.get();
                note(loads, "%s: %d requests failed, not counted (%s)".formatted(what, failed.get(),
                        message.length() > 300 ? message.substring(0, 300) + "..." : message));
            }
            return total / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The data of a GraphQL request over HTTP, failing on any error. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> request(String document) throws IOException, InterruptedException {
        var body = json.writeValueAsString(Map.of("query", document));
        var request = HttpRequest.newBuilder(uri("/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        var answer = (Map<String, Object>) json.readValue(response.body(), Map.class);
        if (response.statusCode() != 200 || answer.get("errors") != null) {
            throw new IllegalStateException("GraphQL answered " + response.statusCode() + ": " + response.body());
        }
        return (Map<String, Object>) answer.get("data");
    }

    /** The body of a GET answered 200. */
    private String get(String path, String bearer) {
        var response = service.get(path, bearer);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + service.port() + path);
    }

    /** The service's count of Cypher statements sent since its start. */
    private long statementsSent() throws IOException, InterruptedException {
        return Math.round(value(json.readTree(get(STATEMENTS, token))));
    }

    /** The heap the service's JVM may grow to (the sum of its pools' maxima; an unbounded pool counts -1 B). */
    private long maxHeapMegabytes() throws IOException, InterruptedException {
        return Math.round(value(json.readTree(get("/actuator/metrics/jvm.memory.max?tag=area:heap", token)))
                / (1024 * 1024));
    }

    private static double value(JsonNode metric) {
        return metric.path("measurements").get(0).path("value").asDouble();
    }

    /** The records of one Cypher statement in a read transaction, straight over Bolt to the service's database. */
    /** For an operation timed after a write: the write, a counter moved on a node of its own (no figure changes). */
    private void writeFirst(Operation operation) {
        if (operation.afterWrite()) {
            try (var session = driver.session()) {
                session.executeWriteWithoutResult(tx -> tx.run(
                        "MERGE (t:BenchmarkWrite {id: 1}) SET t.count = coalesce(t.count, 0) + 1").consume());
            }
        }
    }

    private List<Record> cypher(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher, parameters).list());
        }
    }
}
