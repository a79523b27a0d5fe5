package fr.maillage.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The figures of one benchmark run: the service's JVM and the warm-up, a side-by-side table in the console (GraphQL over
 * HTTP, raw Cypher over Bolt, their p50 ratio, statements per request, throughput with 1, 8 and 32 clients), how each
 * figure grows from the smallest to the largest scale, and the same as {@code target/benchmark/operations.csv} and
 * {@code operations.json}.
 *
 * @param jvm    how the service ran: {@code java -jar}, its JVM flags and heap
 * @param warmUp what ran before the measured runs of each operation
 */
record BenchmarkReport(List<Figure> figures, List<String> loads, String jvm, String warmUp) {

    /**
     * Why the figures come from {@code java -jar}: the Spring Boot Maven plugin's {@code run} goal forks the JVM with
     * {@code -XX:TieredStopAtLevel=1} (its {@code optimizedLaunch}, on by default), quicker to start but never
     * compiling with C2.
     */
    static final String SPRING_BOOT_RUN = "not mvn spring-boot:run: it forks the JVM with -XX:TieredStopAtLevel=1"
            + " (spring-boot.run.optimizedLaunch, on by default), which stops the JIT at C1 and slows every request";

    /** Latencies in milliseconds of the measured runs, statements per request, requests per second per client count. */
    record Latency(double[] millis, double statements, double[] throughput) {
        double p(int percentile) {
            return percentile(millis, percentile);
        }
    }

    static double percentile(double[] values, int p) {
        var sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    record Figure(double scale, String operation, Latency graphQl, Latency cypher) {
        double ratio() {
            return graphQl.p(50) / cypher.p(50);
        }

        String summary() {
            return "%s at %.0fx: GraphQL p50 %.1f ms, Cypher p50 %.1f ms, ratio %.2f".formatted(operation, scale,
                    graphQl.p(50), cypher.p(50), ratio());
        }
    }

    BenchmarkReport print() {
        var out = new StringBuilder();
        out.append("%nBenchmark of the packaged service, %d cores; latencies in ms over %d runs after warm-up%n".formatted(
                Runtime.getRuntime().availableProcessors(), figures.get(0).graphQl().millis().length));
        out.append("  service: ").append(jvm).append(", in-process Neo4j, the hand-written Cypher over its Bolt port\n");
        out.append("  ").append(SPRING_BOOT_RUN).append('\n');
        out.append("  warm-up: ").append(warmUp).append('\n');
        loads.forEach(load -> out.append("  ").append(load).append('\n'));
        out.append(String.format(Locale.ROOT, "%n%-37s %5s | %8s %8s %8s | %8s %8s %8s | %6s | %5s | %17s | %17s%n",
                "operation", "scale", "GQL p50", "p95", "p99", "CY p50", "p95", "p99", "ratio", "stmts",
                "GQL req/s 1/8/32", "CY req/s 1/8/32"));
        for (var f : figures) {
            out.append(String.format(Locale.ROOT,
                    "%-37s %4.0fx | %8.1f %8.1f %8.1f | %8.1f %8.1f %8.1f | %6.2f | %5.1f | %17s | %17s%n",
                    f.operation(), f.scale(), f.graphQl().p(50), f.graphQl().p(95), f.graphQl().p(99),
                    f.cypher().p(50), f.cypher().p(95), f.cypher().p(99), f.ratio(), f.graphQl().statements(),
                    rates(f.graphQl().throughput()), rates(f.cypher().throughput())));
        }
        var scales = scales();
        if (scales.size() > 1) {
            double from = scales.get(0);
            double to = scales.get(scales.size() - 1);
            out.append(String.format(Locale.ROOT, "%nGrowth from %.0fx to %.0fx (figure at %.0fx / figure at %.0fx)%n",
                    from, to, to, from));
            out.append(String.format(Locale.ROOT, "%-37s | %8s %8s | %8s %8s | %13s | %12s%n", "operation",
                    "GQL p50", "GQL p99", "CY p50", "CY p99", "ratio", "GQL req/s 32"));
            for (var operation : operations()) {
                var a = find(operation, from);
                var b = find(operation, to);
                out.append(String.format(Locale.ROOT, "%-37s | %7.2fx %7.2fx | %7.2fx %7.2fx | %5.2f -> %5.2f | %11.2fx%n",
                        operation, b.graphQl().p(50) / a.graphQl().p(50), b.graphQl().p(99) / a.graphQl().p(99),
                        b.cypher().p(50) / a.cypher().p(50), b.cypher().p(99) / a.cypher().p(99), a.ratio(), b.ratio(),
                        b.graphQl().throughput()[2] / a.graphQl().throughput()[2]));
            }
        }
        System.out.println(out);
        return this;
    }

    void write() throws IOException {
        var directory = Path.of("target", "benchmark");
        Files.createDirectories(directory);
        var csv = new StringBuilder("operation,scale,side,p50_ms,p95_ms,p99_ms,statements,req_s_1,req_s_8,req_s_32,"
                + "ratio_p50\n");
        var rows = new ArrayList<Map<String, Object>>();
        for (var f : figures) {
            for (var side : List.of("graphql", "cypher")) {
                var l = side.equals("graphql") ? f.graphQl() : f.cypher();
                csv.append(String.format(Locale.ROOT, "\"%s\",%.0f,%s,%.2f,%.2f,%.2f,%.1f,%.1f,%.1f,%.1f,%.3f%n",
                        f.operation(), f.scale(), side, l.p(50), l.p(95), l.p(99), l.statements(), l.throughput()[0],
                        l.throughput()[1], l.throughput()[2], f.ratio()));
                var row = new LinkedHashMap<String, Object>();
                row.put("operation", f.operation());
                row.put("scale", f.scale());
                row.put("side", side);
                row.put("p50Ms", l.p(50));
                row.put("p95Ms", l.p(95));
                row.put("p99Ms", l.p(99));
                row.put("statementsPerRequest", l.statements());
                var throughput = new LinkedHashMap<String, Object>();
                for (int i = 0; i < OperationsBenchmarkIT.CLIENTS.length; i++) {
                    throughput.put(Integer.toString(OperationsBenchmarkIT.CLIENTS[i]), l.throughput()[i]);
                }
                row.put("requestsPerSecondByClients", throughput);
                row.put("ratioP50", f.ratio());
                rows.add(row);
            }
        }
        var document = new LinkedHashMap<String, Object>();
        document.put("service", jvm);
        document.put("note", SPRING_BOOT_RUN);
        document.put("warmUp", warmUp);
        document.put("cores", Runtime.getRuntime().availableProcessors());
        document.put("loads", loads);
        document.put("figures", rows);
        Files.writeString(directory.resolve("operations.csv"), csv);
        Files.writeString(directory.resolve("operations.json"), JsonMapper.builder()
                .enable(SerializationFeature.INDENT_OUTPUT).build().writeValueAsString(document));
        System.out.println("Written " + directory.resolve("operations.csv") + " and " + directory.resolve("operations.json"));
    }

    private static String rates(double[] throughput) {
        return String.format(Locale.ROOT, "%.0f/%.0f/%.0f", throughput[0], throughput[1], throughput[2]);
    }

    private List<Double> scales() {
        return figures.stream().map(Figure::scale).distinct().sorted().toList();
    }

    private List<String> operations() {
        return figures.stream().map(Figure::operation).distinct().toList();
    }

    private Figure find(String operation, double scale) {
        return figures.stream().filter(f -> f.operation().equals(operation) && f.scale() == scale).findFirst()
                .orElseThrow();
    }
}
