package fr.maillage.demo;

import java.util.Arrays;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: how long the demo generator takes in memory, at each scale of the benchmark profile, the referential
 * already read. Five runs a scale after two of warm-up; prints the median and the rows made, so that a time is read
 * beside the size of what was built (at scale 10, the 40,000 advisers are a small part of about 600,000 rows).
 */
@EnabledIfSystemProperty(named = "maillage.benchmark.scales", matches = ".+")
class DemoGenerationBenchmark {

    @Test
    void measure() {
        DemoTerritories.get();
        for (var scale : System.getProperty("maillage.benchmark.scales").split(",")) {
            double factor = Double.parseDouble(scale.trim());
            for (int i = 0; i < 2; i++) {
                DemoNetwork.generate(true, 42, factor, DemoNetwork.REFERENCE_DATE);
            }
            var millis = new long[5];
            DemoDataset data = null;
            for (int i = 0; i < millis.length; i++) {
                long started = System.nanoTime();
                data = DemoNetwork.generate(true, 42, factor, DemoNetwork.REFERENCE_DATE);
                millis[i] = (System.nanoTime() - started) / 1_000_000;
            }
            Arrays.sort(millis);
            long rows = data.employers().size() + data.advisers().size() + data.contracts().size()
                    + data.coordinators().size() + data.coordinations().size() + data.hubs().size()
                    + data.places().size() + data.worksAt().size() + data.partners().size()
                    + data.partnerLinks().size() + data.governances().size();
            System.out.printf(Locale.ROOT, "Demo generation at scale %s: median %d ms (min %d, max %d), %d rows: %s%n",
                    scale.trim(), millis[2], millis[0], millis[4], rows, data.summary());
        }
    }
}
