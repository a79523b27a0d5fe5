package fr.maillage.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import fr.maillage.security.Caller;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Throttles each caller of the API (GraphQL, exports, imports) by its {@link CallerBudgets}: too many requests, too much
 * cost spent, or too many at once answer 429 with {@code Retry-After} and a GraphQL-shaped French error, before any
 * work. Runs after authentication, so that a caller with a token is its subject, and an anonymous one its address.
 */
class RateLimitFilter extends OncePerRequestFilter {

    static final String CALLER_ATTRIBUTE = RateLimitFilter.class.getName() + ".caller";
    private static final UrlPathHelper PATHS = new UrlPathHelper();

    private final CallerBudgets budgets;

    RateLimitFilter(CallerBudgets budgets) {
        this.budgets = budgets;
    }

    /**
     * Everything is throttled but the pages and their assets (a page loads a dozen at once, which the limit on requests
     * at once would hold back). The path is the one Spring MVC routes: decoded, without ";" parameters, so that
     * {@code /%65xports/...} is {@code /exports/...} here as it is for the controllers.
     */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        var path = path(request);
        return path.equals("/") || path.equals("/graphiql") || path.startsWith("/graphiql/")
                || path.equals("/developpeurs") || path.equals("/pages/config.json") || path.equals("/carte")
                || path.equals("/connexion")
                || Stream.of("/carte/", "/territoires/", "/reseau/", "/coordinateurs/", "/candidatures")
                        .anyMatch(path::startsWith)
                || path.startsWith("/assets/") || path.equals("/graphql/schema") || path.equals("/favicon.ico")
                || path.equals("/actuator/health") || path.startsWith("/actuator/health/");
    }

    private static String path(HttpServletRequest request) {
        return PATHS.getPathWithinApplication(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var caller = callerKey(request);
        var refused = budgets.admit(caller);
        if (refused.isPresent()) {
            tooManyRequests(response, refused.getAsLong(), isExport(request));
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        boolean async = false;
        try {
            chain.doFilter(request, response);
            if (request.isAsyncStarted()) {
                // GraphQL answers asynchronously: the request ends when its async work completes
                request.getAsyncContext().addListener(new Release(caller));
                async = true;
            }
        } finally {
            if (!async) {
                budgets.release(caller);
            }
        }
    }

    private static boolean isExport(HttpServletRequest request) {
        return path(request).startsWith("/exports/");
    }

    static String callerKey(HttpServletRequest request) {
        var subject = Caller.current().subject();
        return subject != null ? "sub:" + subject : "ip:" + request.getRemoteAddr();
    }

    /** In the shape of the endpoint's other answers: GraphQL errors, or the exports' {"status", "error"}. */
    private static void tooManyRequests(HttpServletResponse response, long retryAfterSeconds, boolean export)
            throws IOException {
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(export ? """
                {"status":429,"error":"Trop de téléchargements : réessayez dans %d s. Un export compte autant que ses \
                lignes ; filtrez-le sur un territoire pour en demander moins.","retryAfterSeconds":%d}"""
                .formatted(retryAfterSeconds, retryAfterSeconds) : """
                {"errors":[{"message":"Trop de requêtes : réessayez dans %d s. Regroupez vos questions ou demandez des \
                pages plus petites.","extensions":{"classification":"TOO_MANY_REQUESTS","retryAfterSeconds":%d}}]}"""
                .formatted(retryAfterSeconds, retryAfterSeconds));
    }

    private final class Release implements AsyncListener {
        private final String caller;

        Release(String caller) {
            this.caller = caller;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            budgets.release(caller);
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
