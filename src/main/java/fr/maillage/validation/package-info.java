/**
 * Checks of user input that answer every problem at once, in French, naming the field; the French date.
 */
@ApplicationModule(allowedDependencies = {})
package fr.maillage.validation;

import org.springframework.modulith.ApplicationModule;
