package fr.maillage.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The OpenID Connect provider whose tokens are trusted (Keycloak, or a federation such as ProConnect brokered by
 * Keycloak), or, on a developer's machine only, the service's own development tokens.
 *
 * @param issuer     expected {@code iss} of tokens
 * @param jwkSetUri  where the provider publishes its signing keys
 * @param audience   expected {@code aud} of tokens
 * @param devTokens  sign and trust local development tokens; refused outside the local and test profiles
 */
@ConfigurationProperties("maillage.security")
record SecurityProperties(String issuer, String jwkSetUri, String audience, boolean devTokens) {

    public static final String DEV_ISSUER = "maillage-local-dev";

    public SecurityProperties {
        audience = audience == null || audience.isBlank() ? "maillage" : audience;
    }
}
