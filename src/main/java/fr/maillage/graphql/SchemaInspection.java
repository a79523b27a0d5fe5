package fr.maillage.graphql;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.graphql.execution.SchemaReport;
import org.springframework.stereotype.Component;

/**
 * Checks at start that every field of the schema has something to answer it, and keeps the report so that a test can
 * hold the contract to it.
 */
@Component
class SchemaInspection implements GraphQlSourceBuilderCustomizer {

    private static final Logger log = LoggerFactory.getLogger(SchemaInspection.class);

    private final List<SchemaClasses> classes;
    private final AtomicReference<SchemaReport> report = new AtomicReference<>();

    SchemaInspection(List<SchemaClasses> classes) {
        this.classes = classes;
    }

    @Override
    public void customize(org.springframework.graphql.execution.GraphQlSource.SchemaResourceBuilder builder) {
        builder.inspectSchemaMappings(initializer -> classes.forEach(contribution -> contribution.byTypeName()
                .forEach((type, javaClass) -> initializer.classMapping(type, javaClass))), found -> {
                    report.set(found);
                    if (!found.unmappedFields().isEmpty() || !found.unmappedRegistrations().isEmpty()) {
                        log.warn("GraphQL schema inspection: {}", found);
                    }
                });
    }

    public SchemaReport report() {
        return report.get();
    }
}
