package fr.maillage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import fr.maillage.demo.DemoForTests;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.context.TestPropertySource;

/**
 * Signing in to the pages with the deployment's OpenID Connect provider ({@code web/tests/pages/90-sign-in.mjs}): the
 * service names a provider, the pages ask it for a code with a PKCE challenge, exchange it with the verifier, keep the
 * token in memory and come back to the page the user was on. The provider is played by the browser test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "maillage.security.issuer=https://connexion.example.test/realms/maillage")
class PagesSignInBrowserTests extends IntegrationTest {

    @BeforeAll
    void demo() {
        clearNetwork();
        assertThat(DemoForTests.load(driver, 42, 0.05)).isTrue();
    }

    @AfterAll
    void clear() {
        clearNetwork();
        write("MATCH (x:Activity) DETACH DELETE x", Map.of());
    }

    @Test
    void aUserSignsInWithTheProviderAndTheTokenStaysInMemory() throws Exception {
        http().get().uri("/pages/config.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.oidc.authority").isEqualTo("https://connexion.example.test/realms/maillage")
                .jsonPath("$.oidc.clientId").isEqualTo("maillage");
        // the pages may call the provider's token endpoint, and nothing else outside
        http().get().uri("/").exchange().expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                .contains("connect-src 'self' https://connexion.example.test;").contains("script-src 'self';"));
        var report = PagesBrowserTests.runSpec(port, "90-sign-in");
        assertThat(report).contains("ok - the pages ask the provider for a code with a PKCE challenge (S256)",
                "ok - the code is exchanged with the verifier of that challenge",
                "ok - back on the page the sign-in started from", "ok - the access token is kept in memory only",
                "ok - signed in at the provider, a prefecture sees the applications awaiting the opinion of its",
                "PAGES OK").doesNotContain("not ok");
    }
}
