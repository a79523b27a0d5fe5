package fr.maillage.graphql;

import java.util.Map;

/**
 * Which Java classes stand behind which GraphQL object types, contributed by each feature for the types the schema
 * inspection cannot infer (implementations of an interface).
 */
@FunctionalInterface
public interface SchemaClasses {

    Map<String, Class<?>> byTypeName();
}
