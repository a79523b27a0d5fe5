package fr.maillage.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Bounds of every GraphQL request, and the secret that seals pagination cursors (empty: a random one per start).
 */
@ConfigurationProperties("maillage.api")
public record ApiProperties(int maxDepth, int maxComplexity, int maxPageSize, String cursorSecret) {

    public ApiProperties {
        maxDepth = maxDepth <= 0 ? 12 : maxDepth;
        maxComplexity = maxComplexity <= 0 ? 2000 : maxComplexity;
        maxPageSize = maxPageSize <= 0 ? 100 : maxPageSize;
    }
}
