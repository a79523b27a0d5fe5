package fr.maillage.benchmark;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: how long the largest exports take, every commune of France lacking a coordinator (about 34,000 rows
 * on the test network), as CSV and as XLSX, over HTTP. Two downloads of warm-up, then five; prints the median, the
 * extremes and the size. Run with {@code mvn -B -Pbenchmark verify}.
 */
@EnabledIfSystemProperty(named = "maillage.benchmark.scales", matches = ".+")
class ExportBenchmark extends IntegrationTest {

    @Test
    void measure() {
        var client = http().mutate().responseTimeout(Duration.ofMinutes(5))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
        for (var format : new String[] {"csv", "xlsx"}) {
            var uri = "/exports/coverage-gaps." + format + "?level=COMMUNE&lacking=COORDINATOR";
            var millis = new long[7];
            int size = 0;
            for (int i = 0; i < millis.length; i++) {
                long started = System.nanoTime();
                size = client.get().uri(uri).exchange().expectStatus().isOk().expectBody(byte[].class)
                        .returnResult().getResponseBody().length;
                millis[i] = (System.nanoTime() - started) / 1_000_000;
            }
            var measured = Arrays.copyOfRange(millis, 2, millis.length);
            Arrays.sort(measured);
            System.out.printf(Locale.ROOT, "Export of every commune lacking a coordinator, %s: median %d ms (min %d,"
                    + " max %d), %d bytes%n", format, measured[2], measured[0], measured[4], size);
        }
    }
}
