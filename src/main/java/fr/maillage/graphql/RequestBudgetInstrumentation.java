package fr.maillage.graphql;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.QueryComplexityCalculator;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.Field;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.SelectionSet;
import graphql.schema.GraphQLTypeUtil;

/**
 * What one request may cost, checked before anything runs: the number of root fields (aliases included), and its
 * complexity, each field weighing what its directive {@code @cost} says ({@code countryWide} when the field covers
 * all of France; without it 1 for an object, 0 for a scalar), what a field with {@code first} selects multiplied by the
 * page size; introspection weighs nothing. An accepted request is charged to its caller's budget
 * ({@link CallerBudgets}), which throttles a caller who keeps spending.
 */
class RequestBudgetInstrumentation extends SimplePerformantInstrumentation {

    static final String CALLER_KEY = RequestBudgetInstrumentation.class.getName() + ".caller";

    private final ApiProperties limits;
    private final CallerBudgets budgets;

    RequestBudgetInstrumentation(ApiProperties limits, CallerBudgets budgets) {
        this.limits = limits;
        this.budgets = budgets;
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(
            InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
        var context = parameters.getExecutionContext();
        int roots = rootFields(context.getOperationDefinition().getSelectionSet(), context);
        if (roots > limits.maxRootFields()) {
            throw new AbortExecutionException("Requête trop large : " + roots + " champs à la racine (alias compris),"
                    + " maximum autorisé " + limits.maxRootFields() + ". Envoyez plusieurs requêtes.");
        }
        int complexity = complexity(context);
        if (complexity > limits.maxComplexity()) {
            throw new AbortExecutionException("Requête trop coûteuse : complexité " + complexity
                    + ", maximum autorisé " + limits.maxComplexity()
                    + ". Demandez des pages plus petites (first), moins de champs imbriqués ou moins d'agrégats"
                    + " (diagnostics, lacunes de couverture, cartes) dans une même requête.");
        }
        String caller = context.getGraphQLContext().get(CALLER_KEY);
        if (caller != null) {
            budgets.charge(caller, complexity);
        }
        return SimpleInstrumentationContext.noOp();
    }

    static int complexity(ExecutionContext context) {
        return QueryComplexityCalculator.newCalculator().fieldComplexityCalculator(weighted())
                .schema(context.getGraphQLSchema()).document(context.getDocument())
                .operationName(context.getOperationDefinition().getName())
                .variables(context.getCoercedVariables()).build().calculate();
    }

    /**
     * The weight of a field from its {@code @cost} directive, plus its children times the page size it asks. Without
     * a directive an object field weighs 1 and a scalar field nothing: it comes with the object that holds it.
     * Introspection ({@code __schema}, {@code __type} and what lies under them) reads the schema, not the data: it
     * weighs nothing, and is bounded by {@link QueryDepthInstrumentation}.
     */
    static FieldComplexityCalculator weighted() {
        return (environment, childComplexity) -> {
            if (isIntrospection(environment)) {
                return 0;
            }
            var definition = environment.getFieldDefinition();
            int weight = GraphQLTypeUtil.isLeaf(GraphQLTypeUtil.unwrapAll(definition.getType())) ? 0 : 1;
            var cost = definition.getAppliedDirective("cost");
            if (cost != null) {
                weight = cost.getArgument("weight").getValue();
                Integer countryWide = cost.getArgument("countryWide").getValue();
                if (countryWide != null && environment.getArguments().get("within") == null) {
                    weight = countryWide;
                }
            }
            Object first = environment.getArguments().get("first");
            int multiplier = first instanceof Number n ? Math.max(1, n.intValue()) : 1;
            return weight + childComplexity * multiplier;
        };
    }

    private static boolean isIntrospection(FieldComplexityEnvironment field) {
        var root = field;
        while (root.getParentEnvironment() != null) {
            root = root.getParentEnvironment();
        }
        return QueryDepthInstrumentation.INTROSPECTION_ROOTS.contains(root.getField().getName());
    }

    private static int rootFields(SelectionSet selections, ExecutionContext context) {
        int count = 0;
        for (var selection : selections.getSelections()) {
            if (selection instanceof Field field) {
                count += field.getName().startsWith("__") ? 0 : 1;
            } else if (selection instanceof InlineFragment inline) {
                count += rootFields(inline.getSelectionSet(), context);
            } else if (selection instanceof FragmentSpread spread) {
                var fragment = context.getFragment(spread.getName());
                count += fragment == null ? 0 : rootFields(fragment.getSelectionSet(), context);
            }
        }
        return count;
    }
}
