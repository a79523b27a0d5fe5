/**
 * The French territories (regions, départements, EPCI, communes, former communes) from the INSEE referential:
 * loading, navigation, search.
 */
@ApplicationModule(allowedDependencies = {"database", "graphql", "validation"})
package fr.maillage.territories;

import org.springframework.modulith.ApplicationModule;
