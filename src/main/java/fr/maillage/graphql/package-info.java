/**
 * The GraphQL transport: request limits (depth, cost, budgets, rate), cursors and pages, scalars, the error
 * mapping.
 */
@ApplicationModule(allowedDependencies = {"errors", "security", "validation"})
package fr.maillage.graphql;

import org.springframework.modulith.ApplicationModule;
