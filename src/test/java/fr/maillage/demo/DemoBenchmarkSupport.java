package fr.maillage.demo;

import org.neo4j.driver.Driver;

/** Lets benchmarks outside this package load the national demo at a scale (seed 42). */
public final class DemoBenchmarkSupport {

    private DemoBenchmarkSupport() {
    }

    public static String load(Driver driver, double scale) {
        var version = DemoNetwork.version(true, 42, scale, DemoNetwork.REFERENCE_DATE);
        var report = DemoLoader.load(driver, version, () -> DemoNetwork.generate(true, 42, scale,
                DemoNetwork.REFERENCE_DATE));
        return "generated in " + report.generationMillis() + " ms, written in " + report.writeMillis() + " ms: "
                + report.summary();
    }
}
