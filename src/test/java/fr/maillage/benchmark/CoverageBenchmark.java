package fr.maillage.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.database.CypherStatementCounter;
import fr.maillage.demo.DemoBenchmarkSupport;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Not a test: the figures of the key operations over real HTTP on the national demo network, at each scale of
 * {@code maillage.benchmark.scales} (same seed). Run with {@code mvn -Pbenchmark verify}; prints a table and writes
 * {@code target/benchmark/operations.csv}. Absolute times depend on the machine; compare scales within one run.
 */
@EnabledIfSystemProperty(named = "maillage.benchmark.scales", matches = ".+")
class CoverageBenchmark extends IntegrationTest {

    private static final int WARM_UP = 3;
    private static final int RUNS = 15;

    private static final Map<String, String> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("national EPCI coverage gaps", """
                { coverageGaps(level: EPCI, lacking: COORDINATOR, first: 20) { totalCount totalPopulation
                  nodes { territory { code name } population coordinatorCoverage } } }""");
        OPERATIONS.put("département diagnosis (13)", """
                { diagnosis(level: DEPARTMENT, code: "13") { population advisers coordinators
                  advisersPer10000 { value parent france } coordinatorCoverage { value parent france }
                  placesByService { label count } partnersByKind { label count }
                  subTerritoriesLackingCoordinator { totalCount top { territory { name } population } }
                  endingContracts { count } } }""");
        OPERATIONS.put("region network map (84)", """
                { networkMap(level: REGION, code: "84", maxNodes: 2000) { summarised actorCount linkCount
                  nodes { id kind count } edges { source target kind count } } }""");
        OPERATIONS.put("coordinator, advisers, partners", """
                { coordinator(id: "demo-adviser-000001") { perimeter { code } advisers(first: 50) { totalCount
                    nodes { id contract { end } places { place { name } } } } }
                  coordinatorPartners(coordinatorId: "demo-adviser-000001", first: 50) { totalCount unlinkedCount
                    nodes { linked partner { name kind } } } }""");
        OPERATIONS.put("territory search", """
                { searchTerritories(text: "saint etienne", first: 10) { score territory { code name } } }""");
        OPERATIONS.put("page of places (region 84)", """
                { places(within: {level: REGION, code: "84"}, first: 50) { totalCount
                  nodes { name address services commune { name } } } }""");
    }

    @Autowired
    CypherStatementCounter counter;

    record Figure(double scale, String operation, double p50, double p95, double max, double statements) {
    }

    @Test
    void measure() throws IOException {
        var figures = new ArrayList<Figure>();
        var token = anct();
        for (var value : System.getProperty("maillage.benchmark.scales").split(",")) {
            double scale = Double.parseDouble(value.trim());
            clearNetwork();
            var load = DemoBenchmarkSupport.load(driver, scale);
            System.out.printf("BENCHMARK scale %s: demo %s%n", scale, load);
            for (var operation : OPERATIONS.entrySet()) {
                figures.add(measure(scale, operation.getKey(), operation.getValue(), token));
            }
        }
        clearNetwork();
        report(figures);
    }

    private Figure measure(double scale, String name, String document, String token) {
        var client = graphQl(token);
        for (int i = 0; i < WARM_UP; i++) {
            client.document(document).execute().errors().verify();
        }
        var millis = new double[RUNS];
        long statements = 0;
        for (int i = 0; i < RUNS; i++) {
            long sentBefore = counter.sent();
            long started = System.nanoTime();
            client.document(document).execute().errors().verify();
            millis[i] = (System.nanoTime() - started) / 1e6;
            statements += counter.sent() - sentBefore;
        }
        Arrays.sort(millis);
        return new Figure(scale, name, percentile(millis, 50), percentile(millis, 95), millis[RUNS - 1],
                (double) statements / RUNS);
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static void report(List<Figure> figures) throws IOException {
        var table = new StringBuilder(String.format("%n%-34s %6s %9s %9s %9s %11s%n", "operation", "scale", "p50 ms",
                "p95 ms", "max ms", "statements"));
        var csv = new StringBuilder("operation,scale,p50_ms,p95_ms,max_ms,statements\n");
        for (var f : figures) {
            table.append(String.format("%-34s %6.1f %9.1f %9.1f %9.1f %11.1f%n", f.operation(), f.scale(), f.p50(),
                    f.p95(), f.max(), f.statements()));
            csv.append(String.format(java.util.Locale.ROOT, "\"%s\",%.1f,%.1f,%.1f,%.1f,%.1f%n", f.operation(),
                    f.scale(), f.p50(), f.p95(), f.max(), f.statements()));
        }
        var scales = figures.stream().map(Figure::scale).distinct().sorted().toList();
        if (scales.size() > 1) {
            table.append(String.format("%nGrowth of p50 from scale %s to %s:%n", scales.get(0), scales.get(scales.size() - 1)));
            for (var name : OPERATIONS.keySet()) {
                var first = figures.stream().filter(f -> f.operation().equals(name) && f.scale() == scales.get(0))
                        .findFirst().orElseThrow();
                var last = figures.stream().filter(f -> f.operation().equals(name)
                        && f.scale() == scales.get(scales.size() - 1)).findFirst().orElseThrow();
                table.append(String.format("  %-34s x%.2f%n", name, last.p50() / first.p50()));
            }
        }
        System.out.println(table);
        var directory = Path.of("target", "benchmark");
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("operations.csv"), csv);
    }
}
