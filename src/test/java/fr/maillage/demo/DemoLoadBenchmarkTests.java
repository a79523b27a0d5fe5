package fr.maillage.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Generation and load times of the national demo, on demand only:
 * {@code mvn test -Dtest=DemoLoadBenchmarkTests -Dmaillage.demo.benchmark=1.0,10.0}.
 */
@EnabledIfSystemProperty(named = "maillage.demo.benchmark", matches = ".+")
class DemoLoadBenchmarkTests extends IntegrationTest {

    @AfterEach
    void clear() {
        clearNetwork();
        write("MATCH (x:Activity) WHERE x.demo = true DETACH DELETE x", Map.of());
    }

    @Test
    void loadsEachScale() {
        for (var value : System.getProperty("maillage.demo.benchmark").split(",")) {
            double scale = Double.parseDouble(value.trim());
            clearNetwork();
            var version = DemoNetwork.version(true, 42, scale, DemoNetwork.REFERENCE_DATE);
            var report = DemoLoader.load(driver, version,
                    () -> DemoNetwork.generate(true, 42, scale, DemoNetwork.REFERENCE_DATE));
            long started = System.nanoTime();
            var again = DemoLoader.load(driver, version, () -> {
                throw new AssertionError("stamp matches");
            });
            long skipMillis = (System.nanoTime() - started) / 1_000_000;
            System.out.printf("DEMO BENCHMARK scale %s: generated in %d ms, written in %d ms, skipped in %d ms: %s%n",
                    scale, report.generationMillis(), report.writeMillis(), skipMillis, report.summary());
            System.out.printf("DEMO BENCHMARK scale %s: %d nodes, %d relationships, %d activities%n", scale,
                    count("MATCH (n) RETURN count(n)"), count("MATCH ()-[r]->() RETURN count(r)"),
                    count("MATCH (x:Activity) RETURN count(x)"));
            assertThat(again.loaded()).isFalse();
            assertThat(count("MATCH (a:Adviser) RETURN count(a)")).isEqualTo(Math.round(4_000 * scale) + 28);
        }
    }
}
