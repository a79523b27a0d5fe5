/**
 * The demo network: the Corsica scenario of the seeds and a national generator, with their activities, loaded at start
 * in the local profile.
 */
@ApplicationModule(allowedDependencies = {"activities", "database", "network", "territories"})
package fr.maillage.demo;

import org.springframework.modulith.ApplicationModule;
