/**
 * Exploring the network around one actor: partners to approach, shortest paths, the network map.
 */
@ApplicationModule(allowedDependencies = {"database", "exports", "graphql", "network", "security", "territories", "validation"})
package fr.maillage.exploration;

import org.springframework.modulith.ApplicationModule;
