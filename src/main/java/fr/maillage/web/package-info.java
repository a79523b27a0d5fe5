/**
 * The pages served by the service itself: the home page and GraphiQL.
 */
@ApplicationModule(allowedDependencies = {})
package fr.maillage.web;

import org.springframework.modulith.ApplicationModule;
