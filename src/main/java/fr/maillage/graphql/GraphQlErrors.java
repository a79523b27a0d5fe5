package fr.maillage.graphql;

import fr.maillage.validation.ConflictException;
import fr.maillage.validation.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.maillage.errors.Incident;
import graphql.ErrorClassification;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.exceptions.ServiceUnavailableException;
import org.neo4j.driver.exceptions.SessionExpiredException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Maps failures to GraphQL errors a user can act on. Nothing internal (stack traces, Cypher, database messages, class
 * names) leaves the service: anything unexpected is an {@link Incident}, INTERNAL_ERROR with a generic French message
 * and {@code extensions.errorId}, the reference under which the failure is logged. The last resolver: one that
 * handles some failures of its own must be ordered before it.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
public class GraphQlErrors extends DataFetcherExceptionResolverAdapter {

    /** The database went away after start (restart, network, cluster election). */
    static final ErrorClassification DATABASE_UNAVAILABLE = ErrorClassification.errorClassification(
            "DATABASE_UNAVAILABLE");

    /**
     * The write met another one changing the same data at the same time and gave way, even after running again
     * ({@code database.RetriedOnConflict}): a step of the workflow whose status moved, a deadlock or a key taken
     * that persist. Nothing was written.
     */
    static final ErrorClassification CONFLICT = ErrorClassification.errorClassification("CONFLICT");

    /**
     * What the database answers to the loser of a race: a deadlock (the writes took the same locks in crossed
     * order), a lock waited for too long, or a uniqueness constraint (another write took a key after this one checked
     * it was free).
     */
    private static final Set<String> LOST_RACE = Set.of(
            "Neo.TransientError.Transaction.DeadlockDetected", "Neo.TransientError.Transaction.LockAcquisitionTimeout",
            "Neo.ClientError.Schema.ConstraintValidationFailed");

    private static final Logger log = LoggerFactory.getLogger(GraphQlErrors.class);

    @Override
    protected List<GraphQLError> resolveToMultipleErrors(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof java.util.concurrent.CompletionException && ex.getCause() != null) {
            return resolveToMultipleErrors(ex.getCause(), env);
        }
        if (ex instanceof InvalidInputException invalid) {
            return invalid.problems().stream().map(problem -> GraphqlErrorBuilder.newError(env)
                    .errorType(ErrorType.BAD_REQUEST).message(problem.toString())
                    .extensions(Map.of("field", problem.field(), "reason", problem.reason())).build()).toList();
        }
        var single = resolveToSingleError(ex, env);
        return single == null ? null : List.of(single);
    }

    @Override
    protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment env) {
        if (ex instanceof fr.maillage.security.ForbiddenException forbidden) {
            return GraphqlErrorBuilder.newError(env).errorType(ErrorType.FORBIDDEN).message(forbidden.getMessage())
                    .build();
        }
        if (ex instanceof ConflictException conflict) {
            var error = GraphqlErrorBuilder.newError(env).errorType(CONFLICT).message(conflict.getMessage());
            return (conflict.field() == null ? error : error.extensions(Map.of("field", conflict.field()))).build();
        }
        if (isTimedOut(ex)) {
            log.warn("Transaction timed out while resolving {}", env.getExecutionStepInfo().getPath());
            return GraphqlErrorBuilder.newError(env).errorType(RequestBudgetInterceptor.REQUEST_TIMEOUT)
                    .message("La requête a dépassé le temps alloué par la base de données. Demandez moins à la fois :"
                            + " un territoire plus petit, des pages plus petites, moins d'agrégats.").build();
        }
        if (isDatabaseUnavailable(ex)) {
            log.warn("Database unavailable while resolving {}: {}", env.getExecutionStepInfo().getPath(),
                    ex.getMessage());
            return GraphqlErrorBuilder.newError(env).errorType(DATABASE_UNAVAILABLE)
                    .message("La base de données ne répond pas ; réessayez dans un instant.").build();
        }
        if (isConcurrentWrite(ex)) {
            log.info("Concurrent write lost while resolving {}: {}", env.getExecutionStepInfo().getPath(),
                    ex.getMessage());
            return GraphqlErrorBuilder.newError(env).errorType(CONFLICT).message(ConflictException.MESSAGE).build();
        }
        var incident = Incident.record("GraphQL " + env.getExecutionStepInfo().getPath(), ex);
        return GraphqlErrorBuilder.newError(env).errorType(ErrorType.INTERNAL_ERROR).message(incident.message())
                .extensions(Map.of("errorId", incident.reference())).build();
    }

    /** The database stopped a statement at its transaction timeout (db.transaction.timeout, or the client's). */
    public static boolean isTimedOut(Throwable ex) {
        for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof org.neo4j.driver.exceptions.Neo4jException neo4j && neo4j.code() != null
                    && neo4j.code().contains("TransactionTimedOut")) {
                return true;
            }
        }
        return false;
    }

    /** The write lost a race with a concurrent one ({@link #LOST_RACE}), and the retries did not help. */
    static boolean isConcurrentWrite(Throwable ex) {
        for (Throwable t = ex; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof Neo4jException neo4j && neo4j.code() != null && LOST_RACE.contains(neo4j.code())) {
                return true;
            }
        }
        return false;
    }

    public static boolean isDatabaseUnavailable(Throwable ex) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (t instanceof ServiceUnavailableException || t instanceof SessionExpiredException
                    || t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
