package fr.maillage.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Only well-formed, unexpired tokens signed by the trusted key, for this issuer and audience, get through. */
class TokenValidationTests extends IntegrationTest {

    private static final String QUERY = "{\"query\":\"{ territory(level: REGION, code: \\\"94\\\") { name } }\"}";

    int status(String bearer) {
        return http().post().uri("/graphql").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + bearer).bodyValue(QUERY).exchange()
                .returnResult(String.class).getStatus().value();
    }

    @Test
    void acceptsAValidToken() {
        assertThat(status(anct())).isEqualTo(200);
    }

    @Test
    void rejectsAnExpiredToken() {
        var expired = devTokens.issue("late", Role.ANCT, Map.of(), SecurityProperties.DEV_ISSUER, "maillage",
                Instant.now().minus(Duration.ofHours(2)), Duration.ofHours(1));
        assertThat(status(expired)).isEqualTo(401);
    }

    @Test
    void rejectsATokenSignedByAnotherKey() {
        var stranger = new DevTokens("maillage").issue("intruder", Role.ANCT, List.of(), List.of(), List.of(), null,
                Duration.ofMinutes(5));
        assertThat(status(stranger)).isEqualTo(401);
    }

    @Test
    void rejectsATokenFromAnotherIssuer() {
        var foreign = devTokens.issue("x", Role.ANCT, Map.of(), "https://elsewhere.example/realms/x", "maillage",
                Instant.now(), Duration.ofMinutes(5));
        assertThat(status(foreign)).isEqualTo(401);
    }

    @Test
    void rejectsATokenForAnotherAudience() {
        var other = devTokens.issue("x", Role.ANCT, Map.of(), SecurityProperties.DEV_ISSUER, "another-service",
                Instant.now(), Duration.ofMinutes(5));
        assertThat(status(other)).isEqualTo(401);
    }

    @Test
    void rejectsGarbage() {
        assertThat(status("not.a.jwt")).isEqualTo(401);
    }

    @Test
    void readsRolesFromKeycloakRealmRolesToo() {
        var jwt = org.springframework.security.oauth2.jwt.Jwt.withTokenValue("t").header("alg", "RS256")
                .subject("u").claim("realm_access", Map.of("roles", List.of("hub", "offline_access")))
                .claim("regions", List.of("94")).build();
        var caller = Caller.of(jwt);
        assertThat(caller.roles()).containsExactly(Role.HUB);
        assertThat(caller.regions()).containsExactly("94");
    }

    @Test
    void refusesToStartWithDevelopmentTokensOutsideTheLocalProfile() {
        var configuration = new SecurityConfiguration();
        var properties = new SecurityProperties(null, null, "maillage", true);
        var server = new MockEnvironment();
        server.setActiveProfiles("server");
        assertThatThrownBy(() -> configuration.devTokens(properties, server))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("refusing to start");
        var both = new MockEnvironment();
        both.setActiveProfiles("local", "server");
        assertThatThrownBy(() -> configuration.devTokens(properties, both)).isInstanceOf(IllegalStateException.class);
        var local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThat(configuration.devTokens(properties, local)).isNotNull();
        var deployed = new MockEnvironment().withProperty("maillage.database.uri", "neo4j+s://cluster.example:7687");
        deployed.setActiveProfiles("local");
        assertThatThrownBy(() -> configuration.devTokens(properties, deployed))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NEO4J_URI");
    }
}
