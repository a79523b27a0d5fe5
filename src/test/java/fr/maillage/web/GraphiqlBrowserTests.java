package fr.maillage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * GraphiQL as a coordinator on a disconnected laptop meets it: {@code web/tests/graphiql.spec.mjs} drives Debian's
 * headless Chromium (Playwright) against this service on its random port, refuses every request to another host, and
 * checks the docs explorer, completion, the examples and the notice shown when introspection is off. It leaves
 * {@code target/screenshots/graphiql.png}, the docs explorer open on {@code coverageGaps}.
 */
class GraphiqlBrowserTests extends IntegrationTest {

    @Test
    void graphiqlWorksOfflineAndItsDocsExplorerListsTheCoordinatorsEntryPoints() throws Exception {
        var report = BrowserScript.run("tests/graphiql.spec.mjs", port, Map.of(), 5);

        assertThat(report).contains("ok - the docs explorer lists coverageGaps and coordinatorPartners",
                "ok - the operation editor completes coordinatorPartners", "ok - no request left this machine",
                "ok - with introspection off, the page says the docs are unavailable", "GRAPHIQL OK");
        assertThat(BrowserScript.SCREENSHOTS.resolve("graphiql.png")).isNotEmptyFile();
    }
}
