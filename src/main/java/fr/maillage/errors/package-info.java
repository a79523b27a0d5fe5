/**
 * How errors reach callers: JSON problem bodies for HTTP, incidents logged with an identifier, never a stack
 * trace.
 */
@ApplicationModule(allowedDependencies = {})
package fr.maillage.errors;

import org.springframework.modulith.ApplicationModule;
