package fr.maillage.graphql;

import java.util.Set;

import graphql.ExecutionResult;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * The depth of a request, checked before anything runs: the nesting of its selections (fragments expanded), at most
 * {@code maillage.api.max-depth}.
 * <p>
 * Introspection has a bound of its own. The standard introspection query of GraphiQL and of every GraphQL tool
 * (graphql-js {@code getIntrospectionQuery}) nests type references ({@code ofType}) deeper than the API's limit, so the
 * fields under {@code __schema} and {@code __type} are measured apart: at most
 * {@code maillage.api.max-introspection-depth}, one {@code __schema} and one {@code __type} per request. What they walk
 * is the schema, not the data; and graphql-java's good-faith check refuses the introspection queries that would loop
 * on the schema's cycles (each of {@code __Type.fields}, {@code inputFields}, {@code interfaces}, {@code possibleTypes}
 * at most once). Every other field is bounded exactly as before, introspection in the request or not.
 */
class QueryDepthInstrumentation extends SimplePerformantInstrumentation {

    static final Set<String> INTROSPECTION_ROOTS = Set.of("__schema", "__type");

    private final int maxDepth;
    private final int maxIntrospectionDepth;

    QueryDepthInstrumentation(int maxDepth, int maxIntrospectionDepth) {
        this.maxDepth = maxDepth;
        this.maxIntrospectionDepth = maxIntrospectionDepth;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        var context = parameters.getExecutionContext();
        var depths = QueryTraverser.newQueryTraverser().schema(context.getGraphQLSchema())
                .document(context.getDocument()).operationName(context.getOperationDefinition().getName())
                .coercedVariables(context.getCoercedVariables()).build()
                .reducePreOrder((field, sofar) -> sofar.add(field), new Depths());
        if (depths.depth > maxDepth) {
            throw new AbortExecutionException("Requête trop profonde : profondeur " + depths.depth
                    + ", maximum autorisé " + maxDepth + ". Découpez-la en plusieurs requêtes.");
        }
        if (depths.schemas > 1 || depths.types > 1) {
            throw new AbortExecutionException("Introspection répétée : un seul champ __schema et un seul champ __type"
                    + " par requête.");
        }
        if (depths.introspectionDepth > maxIntrospectionDepth) {
            throw new AbortExecutionException("Introspection trop profonde : profondeur " + depths.introspectionDepth
                    + ", maximum autorisé " + maxIntrospectionDepth + ".");
        }
        return SimpleInstrumentationContext.noOp();
    }

    /** Whether a field lies under {@code __schema} or {@code __type} (or is one of them). */
    static boolean isIntrospection(QueryVisitorFieldEnvironment field) {
        return INTROSPECTION_ROOTS.contains(root(field).getField().getName());
    }

    private static QueryVisitorFieldEnvironment root(QueryVisitorFieldEnvironment field) {
        var root = field;
        while (root.getParentEnvironment() != null) {
            root = root.getParentEnvironment();
        }
        return root;
    }

    /** The deepest field of the data and of introspection, and how often introspection's roots were asked. */
    private static final class Depths {
        private int depth;
        private int introspectionDepth;
        private int schemas;
        private int types;

        Depths add(QueryVisitorFieldEnvironment field) {
            int length = 0;
            for (var level = field; level != null; level = level.getParentEnvironment()) {
                length++;
            }
            if (!isIntrospection(field)) {
                depth = Math.max(depth, length);
                return this;
            }
            introspectionDepth = Math.max(introspectionDepth, length);
            if (field.getParentEnvironment() == null) {
                if (field.getField().getName().equals("__schema")) {
                    schemas++;
                } else {
                    types++;
                }
            }
            return this;
        }
    }
}
