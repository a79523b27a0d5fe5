package fr.maillage.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The API is throttled per caller; the pages and their assets are not. */
class RateLimitScopeTests {

    private final RateLimitFilter filter = new RateLimitFilter(new CallerBudgets(new ApiProperties.PerCaller(1, 1, 1)));

    @Test
    void throttlesTheApiOnly() {
        for (var api : new String[] {"/graphql", "/api/imports/places", "/exports/places.csv", "/dev/tokens/ANCT",
            "/anything-else"}) {
            assertThat(filter.shouldNotFilter(get(api))).as(api).isFalse();
        }
        for (var page : new String[] {"/", "/carte", "/territoires/departement/2A", "/developpeurs", "/pages/config.json", "/graphiql", "/graphiql/", "/graphiql/index.html", "/assets/graphiql-x1.js",
            "/assets/editor.worker-x2.js", "/graphql/schema", "/actuator/health"}) {
            assertThat(filter.shouldNotFilter(get(page))).as(page).isTrue();
        }
    }

    @Test
    void readsThePathAsTheControllersDoDecodedAndWithoutParameters() {
        // found by probing: a percent-encoded letter once took exports and GraphQL out of every budget
        for (var disguised : new String[] {"/%65xports/places.csv", "/exports/%61pplication-queue.csv", "/%67raphql",
            "/graphql;a=b", "/%61pi/imports/places"}) {
            assertThat(filter.shouldNotFilter(get(disguised))).as(disguised).isFalse();
        }
    }

    private static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }
}
