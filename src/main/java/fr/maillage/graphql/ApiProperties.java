package fr.maillage.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of every GraphQL request and of every caller, and the secret that seals pagination cursors (empty: a random
 * one per start).
 *
 * @param maxDepth       nesting of a selection
 * @param maxIntrospectionDepth nesting of the fields under {@code __schema} and {@code __type}, measured apart from
 *                       {@code maxDepth}: GraphiQL's standard introspection query nests type references 15 deep
 * @param maxComplexity  cost of one request: each field its weight (schema directive {@code @cost}; else 1, 0 for a scalar),
 *                       what a field with {@code first} selects multiplied by the page size; introspection weighs 0
 * @param maxPageSize    largest {@code first}
 * @param maxRootFields  root fields (aliases included) in one operation
 * @param requestTimeout time budget of one request, after which it answers REQUEST_TIMEOUT
 * @param perCaller      what one caller (token subject, or address when anonymous) may spend
 */
@ConfigurationProperties("maillage.api")
public record ApiProperties(int maxDepth, int maxIntrospectionDepth, int maxComplexity, int maxPageSize,
        String cursorSecret, int maxRootFields, Duration requestTimeout, PerCaller perCaller) {

    public ApiProperties {
        maxDepth = maxDepth <= 0 ? 12 : maxDepth;
        maxIntrospectionDepth = maxIntrospectionDepth <= 0 ? 20 : maxIntrospectionDepth;
        maxComplexity = maxComplexity <= 0 ? 2000 : maxComplexity;
        maxPageSize = maxPageSize <= 0 ? 100 : maxPageSize;
        maxRootFields = maxRootFields <= 0 ? 10 : maxRootFields;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(30) : requestTimeout;
        perCaller = perCaller == null ? new PerCaller(0, 0, 0) : perCaller;
    }

    /**
     * @param requestsPerMinute  HTTP requests to the API
     * @param costPerMinute      complexity spent, summed over requests (a caller in debt waits)
     * @param concurrentRequests requests of one caller running at once
     */
    public record PerCaller(int requestsPerMinute, int costPerMinute, int concurrentRequests) {
        public PerCaller {
            requestsPerMinute = requestsPerMinute <= 0 ? 120 : requestsPerMinute;
            costPerMinute = costPerMinute <= 0 ? 20_000 : costPerMinute;
            concurrentRequests = concurrentRequests <= 0 ? 4 : concurrentRequests;
        }
    }
}
