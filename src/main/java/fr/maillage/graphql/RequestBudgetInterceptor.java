package fr.maillage.graphql;

import java.time.Duration;
import java.util.Map;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import reactor.core.publisher.Mono;

/**
 * Hands the caller, as the rate limiter named it, to the budget instrumentation, and bounds each request in time:
 * past the budget the caller gets a REQUEST_TIMEOUT error at once (the database stops the statement itself at its
 * own transaction timeout).
 */
class RequestBudgetInterceptor implements WebGraphQlInterceptor {

    static final ErrorClassification REQUEST_TIMEOUT = ErrorClassification.errorClassification("REQUEST_TIMEOUT");

    private final Duration timeout;

    RequestBudgetInterceptor(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
        var caller = request.getAttributes().get(RateLimitFilter.CALLER_ATTRIBUTE);
        if (caller != null) {
            request.configureExecutionInput((input, builder) ->
                    builder.graphQLContext(Map.of(RequestBudgetInstrumentation.CALLER_KEY, caller)).build());
        }
        return chain.next(request).timeout(timeout, Mono.fromSupplier(() -> timedOut(request)));
    }

    private String seconds() {
        return timeout.toMillis() % 1000 == 0 ? Long.toString(timeout.toSeconds())
                : java.math.BigDecimal.valueOf(timeout.toMillis(), 3).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
        var error = GraphqlErrorBuilder.newError().errorType(REQUEST_TIMEOUT)
                .message("La requête a dépassé le temps alloué (" + seconds() + " s). Demandez moins à la"
                        + " fois : un territoire plus petit, des pages plus petites, moins d'agrégats.")
                .build();
        var result = ExecutionResult.newExecutionResult().addError(error).build();
        return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
    }
}
