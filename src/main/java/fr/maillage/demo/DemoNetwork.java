package fr.maillage.demo;

import java.time.LocalDate;

/**
 * The demo network: the Corsica scenario of the seeds, optionally with a national network generated from a seed
 * and a scale, each with its activities. Pure (reads the referential from the classpath, no database) and deterministic: the same settings
 * give an equal dataset, whatever the day it runs.
 */
final class DemoNetwork {

    /** "Today" of the demo, so that contracts ending soon stay ending soon whenever the graph is built. */
    static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 11, 22);
    /** Raised whenever the generated data changes, so that databases holding the older demo reload it. */
    static final String CORSICA_REVISION = "corsica-3";
    static final double MAX_SCALE = 100;

    private DemoNetwork() {
    }

    static DemoDataset corsica(LocalDate referenceDate) {
        return generate(false, 0, 0, referenceDate);
    }

    static DemoDataset generate(boolean national, long seed, double scale, LocalDate referenceDate) {
        var builder = new DemoBuilder(DemoTerritories.get(), referenceDate);
        CorsicaActivities.addTo(builder, CorsicaScenario.addTo(builder));
        if (national) {
            if (!(scale > 0 && scale <= MAX_SCALE)) {
                throw new IllegalArgumentException("The demo scale must be in ]0, " + MAX_SCALE + "], got " + scale);
            }
            NationalGenerator.addTo(builder, seed, scale);
        }
        return builder.build();
    }

    /** E.g. "corsica-3+national-seed42-scale1.0"; the reference date is added when it is not the usual one. */
    static String version(boolean national, long seed, double scale, LocalDate referenceDate) {
        var version = new StringBuilder(CORSICA_REVISION);
        if (national) {
            version.append("+national-seed").append(seed).append("-scale").append(scale);
        }
        if (!REFERENCE_DATE.equals(referenceDate)) {
            version.append("+on-").append(referenceDate);
        }
        return version.toString();
    }
}
