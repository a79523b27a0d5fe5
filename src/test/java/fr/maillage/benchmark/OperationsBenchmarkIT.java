package fr.maillage.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import fr.maillage.benchmark.BenchmarkReport.Figure;
import fr.maillage.benchmark.BenchmarkReport.Latency;
import fr.maillage.database.CypherStatementCounter;
import fr.maillage.demo.DemoBenchmarkSupport;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.neo4j.driver.Record;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: each key operation as the GraphQL request over HTTP and as the best hand-written Cypher over Bolt, on the
 * national demo network at each scale of {@code maillage.benchmark.scales} (same seed). Run with
 * {@code mvn -B -Pbenchmark verify}; see {@link BenchmarkReport} for what it prints and writes. The two sides are
 * timed alternately in one run, so the ratio compares them under the same conditions; absolute times depend on the
 * machine.
 */
@EnabledIfSystemProperty(named = "maillage.benchmark.scales", matches = ".+")
class OperationsBenchmark extends IntegrationTest {

    private static final int WARM_UP = Integer.getInteger("maillage.benchmark.warmup", 5);
    private static final int RUNS = Integer.getInteger("maillage.benchmark.runs", 30);
    private static final Duration THROUGHPUT_WINDOW = Duration.ofSeconds(
            Long.getLong("maillage.benchmark.throughput-seconds", 4));
    static final int[] CLIENTS = {1, 8, 32};

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    CypherStatementCounter counter;

    private String token;

    @Test
    void measure() throws Exception {
        token = anct();
        var figures = new ArrayList<Figure>();
        var loads = new ArrayList<String>();
        for (var value : System.getProperty("maillage.benchmark.scales").split(",")) {
            double scale = Double.parseDouble(value.trim());
            clearNetwork();
            long started = System.nanoTime();
            var load = DemoBenchmarkSupport.load(driver, scale);
            loads.add("scale %s: demo loaded in %d ms (%s)".formatted(scale, (System.nanoTime() - started) / 1_000_000,
                    load));
            System.out.println("BENCHMARK " + loads.get(loads.size() - 1));
            loads.add(floor(scale));
            System.out.println("BENCHMARK " + loads.get(loads.size() - 1));
            var today = LocalDate.now();
            for (var operation : Operation.all()) {
                figures.add(measure(scale, operation, today));
                System.out.println("BENCHMARK " + figures.get(figures.size() - 1).summary());
            }
        }
        clearNetwork();
        new BenchmarkReport(figures, loads, System.getProperty("maillage.benchmark.database", "in-process"))
                .print().write();
    }

    private Figure measure(double scale, Operation operation, LocalDate today) throws Exception {
        var parameters = operation.parameters().apply(today);
        var graphQlAnswer = operation.graphQlAnswer().apply(request(operation.document()));
        var cypherAnswer = operation.cypherAnswer().apply(cypher(operation.cypher(), parameters));
        if (!graphQlAnswer.equals(cypherAnswer)) {
            throw new AssertionError("%s: the two answers differ%n GraphQL: %s%n Cypher:  %s".formatted(
                    operation.name(), graphQlAnswer, cypherAnswer));
        }
        for (int i = 0; i < WARM_UP; i++) {
            request(operation.document());
            cypher(operation.cypher(), parameters);
        }
        var graphQlMillis = new double[RUNS];
        var cypherMillis = new double[RUNS];
        long graphQlStatements = 0;
        long cypherStatements = 0;
        for (int i = 0; i < RUNS; i++) {
            long sent = counter.sent();
            long started = System.nanoTime();
            request(operation.document());
            graphQlMillis[i] = (System.nanoTime() - started) / 1e6;
            graphQlStatements += counter.sent() - sent;
            sent = counter.sent();
            started = System.nanoTime();
            cypher(operation.cypher(), parameters);
            cypherMillis[i] = (System.nanoTime() - started) / 1e6;
            cypherStatements += counter.sent() - sent;
        }
        var graphQlThroughput = new double[CLIENTS.length];
        var cypherThroughput = new double[CLIENTS.length];
        for (int i = 0; i < CLIENTS.length; i++) {
            graphQlThroughput[i] = throughput(CLIENTS[i], () -> request(operation.document()));
            cypherThroughput[i] = throughput(CLIENTS[i], () -> cypher(operation.cypher(), parameters));
        }
        return new Figure(scale, operation.name(),
                new Latency(graphQlMillis, (double) graphQlStatements / RUNS, graphQlThroughput),
                new Latency(cypherMillis, (double) cypherStatements / RUNS, cypherThroughput));
    }

    /** The fixed cost of a request on each side: an empty GraphQL request, a Cypher statement that reads nothing. */
    private String floor(double scale) throws Exception {
        var graphQlMillis = new double[RUNS];
        var cypherMillis = new double[RUNS];
        for (int i = -WARM_UP; i < RUNS; i++) {
            long started = System.nanoTime();
            request("{ __typename }");
            long between = System.nanoTime();
            cypher("RETURN 1", Map.of());
            if (i >= 0) {
                graphQlMillis[i] = (between - started) / 1e6;
                cypherMillis[i] = (System.nanoTime() - between) / 1e6;
            }
        }
        return "scale %s: fixed cost of a request, p50: GraphQL { __typename } %.2f ms, Cypher RETURN 1 %.2f ms".formatted(
                scale, percentile(graphQlMillis, 50), percentile(cypherMillis, 50));
    }

    /** Requests per second completed by {@code clients} callers looping over the window. */
    private double throughput(int clients, Callable<?> request) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            var stop = new AtomicBoolean();
            var done = new ArrayList<Future<Long>>();
            long started = System.nanoTime();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    long count = 0;
                    while (!stop.get()) {
                        request.call();
                        count++;
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
            return total / ((System.nanoTime() - started) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The data of a GraphQL request over HTTP, failing on any error. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> request(String document) throws IOException, InterruptedException {
        var body = json.writeValueAsString(Map.of("query", document));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        var answer = (Map<String, Object>) json.readValue(response.body(), Map.class);
        if (response.statusCode() != 200 || answer.get("errors") != null) {
            throw new IllegalStateException("GraphQL answered " + response.statusCode() + ": " + response.body());
        }
        return (Map<String, Object>) answer.get("data");
    }

    /** The records of one Cypher statement in a read transaction, straight over Bolt. */
    private List<Record> cypher(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return session.executeRead(tx -> tx.run(cypher, parameters).list());
        }
    }

    static double percentile(double[] values, int p) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
