package fr.maillage.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The API is throttled per caller; the pages and their assets are not. */
class RateLimitScopeTests {

    private final RateLimitFilter filter = new RateLimitFilter(new CallerBudgets(new ApiProperties.PerCaller(1, 1, 1)));

    @Test
    void throttlesTheApiOnly() {
        assertThat(filter.shouldNotFilter(get("/graphql"))).isFalse();
        assertThat(filter.shouldNotFilter(get("/api/imports/places"))).isFalse();
        for (var page : new String[] {"/", "/graphiql", "/graphiql/", "/graphiql/index.html", "/assets/graphiql-x1.js",
            "/assets/editor.worker-x2.js", "/graphql/schema", "/actuator/health"}) {
            assertThat(filter.shouldNotFilter(get(page))).as(page).isTrue();
        }
    }

    private static MockHttpServletRequest get(String path) {
        return new MockHttpServletRequest("GET", path);
    }
}
