/**
 * Who the caller is (JWT validation, roles, scopes), what it may read and write, the audit of personal data read,
 * development tokens.
 */
@ApplicationModule(allowedDependencies = {})
package fr.maillage.security;

import org.springframework.modulith.ApplicationModule;
