package fr.maillage.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.demo.DemoBenchmarkSupport;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * Not a test: the most expensive requests an anonymous caller can send within the limits (10 root fields, complexity
 * 2000 with each field's weight), on the national demo network at the first scale of {@code maillage.benchmark.scales},
 * each with the wall time and the CPU time of the whole process (service and in-process database) it cost. Also the
 * request that used to buy minutes of CPU (1,000 aliased diagnoses), now refused before it runs. Writes
 * {@code target/benchmark/worst-requests.csv}. Run with {@code mvn -B -Pbenchmark verify}.
 */
@EnabledIfSystemProperty(named = "maillage.benchmark.scales", matches = ".+")
class WorstRequestBenchmark extends IntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    static Map<String, String> requests() {
        var requests = new LinkedHashMap<String, String>();
        requests.put("8 regional diagnoses", aliases(8, i -> "diagnosis(level: REGION, code: \"%s\") { population"
                + " advisers coordinatorCoverage { value parent france } }".formatted(REGIONS.get(i))));
        requests.put("1 country-wide coverage gap of communes, 50 a page", """
                coverageGaps(level: COMMUNE, lacking: COORDINATOR, includePartlyCovered: true, first: 50) {
                  totalCount totalPopulation nodes { population territory { name } } }""");
        requests.put("1 country-wide gap of communes + 1 regional diagnosis", """
                coverageGaps(level: COMMUNE, lacking: ADVISER, first: 10) { totalCount totalPopulation }
                diagnosis(level: REGION, code: "11") { population advisers }""");
        requests.put("7 regional network maps of 5,000 nodes", aliases(7, i -> ("networkMap(level: REGION, code: \"%s\","
                + " maxNodes: 5000) { nodes { id kind } edges { kind } }").formatted(REGIONS.get(i))));
        requests.put("10 shortest paths", aliases(10, i -> "shortestPath(fromId: \"nobody-%d\", toId: \"nobody-x\","
                + " maxLength: 8) { length }".formatted(i)));
        requests.put("10 country-wide lists of 100 places", aliases(10, i -> ("places(service: \"%s\", first: 100) {"
                + " totalCount nodes { id } }").formatted("ateliers".substring(0, 1 + i % 8))));
        requests.put("10 territory searches", aliases(10, i -> "searchTerritories(text: \"%s\", first: 10) { score }"
                .formatted(List.of("saint", "sur", "le", "la", "mont", "ville", "val", "bourg", "font", "port").get(i))));
        requests.put("before: 1,000 aliased diagnoses (refused)", aliases(1000,
                i -> "diagnosis(level: REGION, code: \"84\") { population }"));
        return requests;
    }

    static final List<String> REGIONS = List.of("11", "84", "75", "76", "44", "32", "53", "28", "52", "24");

    static String aliases(int count, java.util.function.IntFunction<String> field) {
        var document = new StringBuilder();
        for (int i = 0; i < count; i++) {
            document.append(" a").append(i).append(": ").append(field.apply(i)).append('\n');
        }
        return document.toString();
    }

    @Test
    void measure() throws Exception {
        double scale = Double.parseDouble(System.getProperty("maillage.benchmark.scales").split(",")[0].trim());
        clearNetwork();
        System.out.println("BENCHMARK worst requests, demo at scale " + scale + ": " + DemoBenchmarkSupport.load(driver,
                scale));
        var cpu = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        var rows = new ArrayList<String>(List.of("request;answer;wall_ms;process_cpu_ms"));
        for (var request : requests().entrySet()) {
            send(request.getValue()); // warm-up
            long cpuBefore = cpu.getProcessCpuTime();
            long started = System.nanoTime();
            var answer = send(request.getValue());
            long wall = (System.nanoTime() - started) / 1_000_000;
            long used = (cpu.getProcessCpuTime() - cpuBefore) / 1_000_000;
            var row = "%s;%s;%d;%d".formatted(request.getKey(), answer, wall, used);
            rows.add(row);
            System.out.println("BENCHMARK worst request | " + row.replace(';', '|'));
        }
        clearNetwork();
        var file = Path.of("target", "benchmark", "worst-requests.csv");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", rows) + "\n");
    }

    /** "ok", or the first error's message. */
    private String send(String fields) throws IOException, InterruptedException {
        var body = json.writeValueAsString(Map.of("query", "{" + fields + "}"));
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").timeout(Duration.ofMinutes(5))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());
        var answer = json.readTree(response.body());
        var errors = answer.path("errors");
        return response.statusCode() + " " + (errors.isEmpty() ? "ok"
                : errors.get(0).path("message").asString().replace(';', ','));
    }
}
