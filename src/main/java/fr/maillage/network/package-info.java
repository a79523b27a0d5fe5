/**
 * The network of digital inclusion: employers, advisers and their contracts, coordinators and their perimeters,
 * places, partners, hubs; its rules (active adviser, running contract, served communes) and its writes.
 */
@ApplicationModule(allowedDependencies = {"database", "exports", "graphql", "security", "territories", "validation"})
package fr.maillage.network;

import org.springframework.modulith.ApplicationModule;
