package fr.maillage.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import graphql.ExecutionResult;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.HttpHeaders;
import reactor.core.publisher.Mono;

/** The parts of a caller's budget that need no service around them. */
class CallerBudgetsTests {

    @Test
    void aCallerRunsAtMostItsConcurrentRequestsAndGetsItsPlaceBackWhenOneEnds() {
        var budgets = new CallerBudgets(new ApiProperties.PerCaller(100, 1000, 2));
        assertThat(budgets.admit("a")).isEmpty();
        assertThat(budgets.admit("a")).isEmpty();
        assertThat(budgets.admit("a")).hasValue(1);
        assertThat(budgets.admit("b")).as("another caller").isEmpty();
        budgets.release("a");
        assertThat(budgets.admit("a")).isEmpty();
    }

    @Test
    void aRefusedRequestDoesNotCountAgainstTheRate() {
        var budgets = new CallerBudgets(new ApiProperties.PerCaller(3, 1000, 1));
        assertThat(budgets.admit("a")).isEmpty();
        assertThat(budgets.admit("a")).as("one at a time").isPresent();
        budgets.release("a");
        assertThat(budgets.admit("a")).isEmpty();
        budgets.release("a");
        assertThat(budgets.admit("a")).isEmpty();
        budgets.release("a");
        assertThat(budgets.admit("a")).as("three requests per minute").isPresent();
    }

    @Test
    void aRequestPastItsTimeBudgetAnswersAClearError() {
        var handler = WebGraphQlHandler.builder(request -> Mono.never())
                .interceptor(new RequestBudgetInterceptor(Duration.ofMillis(100))).build();
        var request = new WebGraphQlRequest(java.net.URI.create("http://localhost/graphql"), new HttpHeaders(), null,
                null, Map.of(), Map.of("query", "{ __typename }"), "1", null);
        var response = handler.handleRequest(request).block(Duration.ofSeconds(10));
        assertThat(response).isNotNull();
        assertThat(response.getErrors()).singleElement().satisfies(error -> {
            assertThat(error.getErrorType().toString()).isEqualTo("REQUEST_TIMEOUT");
            assertThat(error.getMessage()).startsWith("La requête a dépassé le temps alloué (0,1 s)");
        });
    }

    @Test
    void anAnswerInTimePassesUnchanged() {
        var handler = WebGraphQlHandler.builder(request -> Mono.just(new DefaultExecutionGraphQlResponse(
                        request.toExecutionInput(), ExecutionResult.newExecutionResult().data(Map.of("ok", true)).build())))
                .interceptor(new RequestBudgetInterceptor(Duration.ofSeconds(5))).build();
        var request = new WebGraphQlRequest(java.net.URI.create("http://localhost/graphql"), new HttpHeaders(), null,
                null, Map.of(), Map.of("query", "{ __typename }"), "1", null);
        var response = handler.handleRequest(request).block(Duration.ofSeconds(10));
        assertThat(response.getErrors()).isEmpty();
        assertThat(response.<Map<String, Object>>getData()).containsEntry("ok", true);
    }

    @Test
    void aStatementStoppedByTheDatabaseAtItsTimeoutIsARequestOverItsTimeBudget() {
        var stopped = new org.neo4j.driver.exceptions.ClientException("Neo.ClientError.Transaction.TransactionTimedOut",
                "The transaction has not completed within the specified timeout");
        assertThat(GraphQlErrors.isTimedOut(new RuntimeException(stopped))).isTrue();
        assertThat(GraphQlErrors.isTimedOut(new RuntimeException("another failure"))).isFalse();
    }
}
