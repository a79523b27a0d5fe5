/**
 * Coverage of the territories by advisers and coordinators, gaps, and the territorial diagnosis (GraphQL, exports,
 * PDF report).
 */
@ApplicationModule(allowedDependencies = {"activities", "database", "exports", "graphql", "network", "security", "territories", "validation"})
package fr.maillage.coverage;

import org.springframework.modulith.ApplicationModule;
