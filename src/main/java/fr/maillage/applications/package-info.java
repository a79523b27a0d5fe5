/**
 * The workflow of coordinator-post applications: submission, opinions, decisions, recruitment (through the
 * network's door), conventions, subsidies.
 */
@ApplicationModule(allowedDependencies = {"database", "exports", "graphql", "network", "security", "territories", "validation"})
package fr.maillage.applications;

import org.springframework.modulith.ApplicationModule;
