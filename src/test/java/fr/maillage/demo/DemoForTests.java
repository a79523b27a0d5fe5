package fr.maillage.demo;

import java.time.LocalDate;

import org.neo4j.driver.Driver;

/** The demo network for tests of other packages (the pages in a browser): Corsica and a scaled national part. */
public final class DemoForTests {

    /** The day the demo's contracts, perimeters and activities are written for. */
    public static final LocalDate REFERENCE_DATE = DemoNetwork.REFERENCE_DATE;

    private DemoForTests() {
    }

    /** Loads Corsica and the national part at {@code scale} from {@code seed}; true when it was written. */
    public static boolean load(Driver driver, long seed, double scale) {
        return DemoLoader.load(driver, DemoNetwork.version(true, seed, scale, REFERENCE_DATE),
                () -> DemoNetwork.generate(true, seed, scale, REFERENCE_DATE)).loaded();
    }
}
