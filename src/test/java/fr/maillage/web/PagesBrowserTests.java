package fr.maillage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import fr.maillage.demo.DemoForTests;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The users' pages as a prefecture, a hub or a coordinator meets them: {@code web/tests/pages.spec.mjs} drives
 * Debian's headless Chromium (Playwright) against this service holding the demo network (Corsica and a national
 * part), refuses every request to another host, and runs the checks of each page under {@code web/tests/pages/}:
 * no console error, no serious accessibility violation (axe-core), no adviser's personal data shown to an anonymous
 * visitor, and what each page is for. It leaves screenshots in {@code target/screenshots/pages-*.png}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesBrowserTests extends IntegrationTest {

    @BeforeAll
    void demo() {
        clearNetwork();
        assertThat(DemoForTests.load(driver, 42, 0.05)).isTrue();
    }

    @AfterAll
    void clear() {
        clearNetwork();
        write("MATCH (x:Activity) DETACH DELETE x", Map.of());
    }

    @Test
    void everyPageLoadsAndDoesWhatItIsFor() throws Exception {
        // the demo's contracts and perimeters are written for its reference day
        clock.today(DemoForTests.REFERENCE_DATE);
        var report = runSpec(port, null);

        // what the issue asks of the pages, each page's checks having run to their end
        assertThat(report).contains("ok - searching « ajaccio » proposes Ajaccio first",
                "ok - the anonymous home page shows no adviser's personal data", "ok - no token in localStorage",
                "ok - the map colours every département, overseas included (101 of 101)",
                "ok - clicking Corse-du-Sud on the map opens /territoires/departement/2A",
                "ok - Corse-du-Sud shows its 168 306 inhabitants",
                "ok - the network of Corsica draws the API's",
                "ok - its perimeter is drawn on the map, 2A apart from the 100 other départements",
                "ok - the opinion given through the page is recorded (REVIEWED)",
                "PAGES OK").doesNotContain("not ok", "ran to its end");
        for (var page : List.of("home", "map", "territory", "network", "coordinator", "applications")) {
            assertThat(BrowserScript.SCREENSHOTS.resolve("pages-" + page + ".png")).isNotEmptyFile();
        }
    }

    /** Runs web/tests/pages.spec.mjs ({@code only}: the files of web/tests/pages/ whose name starts with it). */
    static String runSpec(int port, String only) throws Exception {
        return BrowserScript.run("tests/pages.spec.mjs", port, only == null ? Map.of() : Map.of("PAGES_ONLY", only), 10);
    }
}
