package fr.maillage.security;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.SecurityFilterChain;

/**
 * An OAuth2 resource server: bearer JWTs validated for signature, expiry, issuer and audience; no session, no
 * cookie. Anonymous callers reach GraphQL and see aggregates; what they may not see is refused field by field.
 * Only in the web service: the command-line import ({@code --import}) runs without a web server, hence without
 * HTTP security, tokens or their issuer.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);

    /** Same origin only; inline styles for the editor of GraphiQL (Monaco) and the home page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:;"
            + " object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The policy of the pages: nothing but this service's own scripts, styles, fonts and workers; the pages may also
     * reach the OpenID Connect provider ({@code issuer}), whose token endpoint they call to sign in.
     */
    static String contentSecurityPolicy(String issuer) {
        if (issuer == null || issuer.isBlank()) {
            return CONTENT_SECURITY_POLICY;
        }
        var uri = java.net.URI.create(issuer.strip());
        var origin = uri.getScheme() + "://" + uri.getAuthority();
        return CONTENT_SECURITY_POLICY.replace("connect-src 'self';", "connect-src 'self' " + origin + ";");
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SecurityProperties properties) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // the pages load nothing but the service's own scripts, styles, fonts and workers
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                        contentSecurityPolicy(properties.issuer()))))
                .authorizeHttpRequests(requests -> requests
                        // the users' pages and the developers' page: static, their data asked with the caller's token
                        .requestMatchers("/", "/carte", "/carte/**", "/territoires/**", "/reseau/**",
                                "/coordinateurs/**", "/candidatures", "/candidatures/**", "/connexion", "/developpeurs",
                                "/pages/config.json", "/assets/**").permitAll()
                        .requestMatchers("/graphql", "/graphiql", "/graphiql/**", "/graphql/schema").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        // not exposed by default; exposed on the command line (the benchmark), for the national role only
                        .requestMatchers("/actuator/metrics", "/actuator/metrics/**").hasRole(Role.ANCT.name())
                        .requestMatchers("/dev/tokens/**").permitAll()
                        // activities are imported by whoever records them; the service checks each row's advisers
                        .requestMatchers(HttpMethod.POST, "/api/imports/activities")
                        .hasAnyRole(Role.ANCT.name(), Role.EMPLOYER.name(), Role.COORDINATOR.name())
                        .requestMatchers(HttpMethod.GET, "/api/imports/templates/activities.*")
                        .hasAnyRole(Role.ANCT.name(), Role.EMPLOYER.name(), Role.COORDINATOR.name())
                        .requestMatchers("/api/imports/**").hasRole(Role.ANCT.name())
                        // public lists for anyone; personal columns and restricted lists follow the caller's token
                        .requestMatchers("/exports/**").permitAll()
                        .requestMatchers("/error").permitAll()
                        .anyRequest().denyAll())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(token ->
                        new JwtAuthenticationToken(token, Caller.of(token).roles().stream()
                                .map(role -> new SimpleGrantedAuthority("ROLE_" + role.name())).toList(),
                                token.getSubject()))));
        return http.build();
    }

    /** Present only where development tokens are on, and then only in the local or test profile. */
    @Bean
    @ConditionalOnProperty(name = "maillage.security.dev-tokens", havingValue = "true")
    DevTokens devTokens(SecurityProperties properties, Environment environment) {
        boolean local = environment.acceptsProfiles(Profiles.of("local | test"))
                && !environment.acceptsProfiles(Profiles.of("server"));
        if (!local) {
            throw new IllegalStateException("maillage.security.dev-tokens is on outside the local profile: refusing to"
                    + " start. Development tokens must never be trusted in a deployment.");
        }
        var databaseUri = environment.getProperty("maillage.database.uri", "");
        if (!environment.acceptsProfiles(Profiles.of("test")) && !databaseUri.isBlank()) {
            // a service wired to a database server is a deployment, whatever its profile says
            throw new IllegalStateException("maillage.security.dev-tokens is on while NEO4J_URI points to a database"
                    + " server: refusing to start. Set SPRING_PROFILES_ACTIVE=server for a deployment.");
        }
        log.warn("Development tokens are ON (local profile): GET /dev/tokens/{ROLE} signs tokens for any role");
        return new DevTokens(properties.audience());
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, org.springframework.beans.factory.ObjectProvider<DevTokens> dev) {
        var devTokens = dev.getIfAvailable();
        if (devTokens != null) {
            var decoder = NimbusJwtDecoder.withPublicKey(devTokens.publicKey()).build();
            decoder.setJwtValidator(validator(SecurityProperties.DEV_ISSUER, properties.audience()));
            return decoder;
        }
        if (properties.jwkSetUri() == null || properties.jwkSetUri().isBlank()) {
            log.warn("No OpenID Connect provider configured (maillage.security.jwk-set-uri): every token is refused");
            return token -> {
                throw new BadJwtException("No token issuer is trusted by this service");
            };
        }
        var decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri()).build();
        decoder.setJwtValidator(validator(properties.issuer(), properties.audience()));
        return decoder;
    }

    private static DelegatingOAuth2TokenValidator<org.springframework.security.oauth2.jwt.Jwt> validator(String issuer,
            String audience) {
        return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefaultWithIssuer(issuer),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(audience)));
    }
}
