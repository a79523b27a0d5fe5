package fr.maillage.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Every request is bounded before it runs: depth of the selection, and complexity where a field with a {@code first}
 * argument multiplies the cost of what it selects by the page size asked for.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class RequestLimitsConfiguration {

    /** Cursors are sealed with the configured secret (the codec is static: records build connections). */
    @Bean
    CursorCodec cursorCodec(ApiProperties properties) {
        CursorCodec.configure(properties.cursorSecret());
        return CursorCodec.current();
    }

    @Bean
    MaxQueryDepthInstrumentation maxQueryDepthInstrumentation(ApiProperties limits) {
        return new MaxQueryDepthInstrumentation(limits.maxDepth()) {
            @Override
            protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
                return new AbortExecutionException("Requête trop profonde : profondeur " + depth
                        + ", maximum autorisé " + maxDepth + ". Découpez-la en plusieurs requêtes.");
            }
        };
    }

    @Bean
    MaxQueryComplexityInstrumentation maxQueryComplexityInstrumentation(ApiProperties limits) {
        return new MaxQueryComplexityInstrumentation(limits.maxComplexity(), pageSizeWeightedComplexity()) {
            @Override
            protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
                return new AbortExecutionException("Requête trop coûteuse : complexité " + complexity
                        + ", maximum autorisé " + maxComplexity
                        + ". Demandez des pages plus petites (first) ou moins de champs imbriqués.");
            }
        };
    }

    static FieldComplexityCalculator pageSizeWeightedComplexity() {
        return (environment, childComplexity) -> {
            Object first = environment.getArguments().get("first");
            int multiplier = first instanceof Number n ? Math.max(1, n.intValue()) : 1;
            return 1 + childComplexity * multiplier;
        };
    }
}
