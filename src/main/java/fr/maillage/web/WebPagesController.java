package fr.maillage.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages a browser opens, bundled from {@code web/} into the jar at build time: the users' pages (one page
 * application in the State design system, answering each of its paths: its router shows the page; the same
 * paths are open to anyone in SecurityConfiguration), the developers' page, which says what this
 * service offers, and GraphiQL.
 */
@RestController
class WebPagesController {

    static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);
    static final MediaType TEXT = new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8);

    private final String home;
    private final boolean devTokens;
    /** The OpenID Connect provider the pages sign in with (authorization code with PKCE), when one is trusted. */
    private final Map<String, String> signIn;
    private final Resource graphiql = new ClassPathResource("static/graphiql/index.html");
    private final Resource pages = new ClassPathResource("static/app/index.html");

    WebPagesController(Environment environment) {
        this.home = home(environment.getProperty("spring.graphql.schema.introspection.enabled", Boolean.class, false),
                environment.getProperty("spring.graphql.schema.printer.enabled", Boolean.class, false),
                environment.getProperty("maillage.security.dev-tokens", Boolean.class, false));
        this.devTokens = environment.getProperty("maillage.security.dev-tokens", Boolean.class, false);
        var issuer = environment.getProperty("maillage.security.issuer", "").strip();
        this.signIn = issuer.isEmpty() ? null : Map.of("authority", issuer,
                "clientId", environment.getProperty("maillage.security.pages-client-id", "maillage"),
                "scope", environment.getProperty("maillage.security.pages-scope", "openid profile email"));
    }

    @GetMapping({"/", "/carte", "/carte/**", "/territoires/**", "/reseau/**", "/coordinateurs/**", "/candidatures",
        "/candidatures/**", "/connexion"})
    ResponseEntity<?> pages() {
        if (!pages.exists()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(TEXT).body("Les pages ne sont pas dans ce"
                    + " jar : elles sont construites par Maven depuis web/ (npm ci, npm run build), ce que -Dweb.skip"
                    + " évite. L'API reste ouverte : /developpeurs.");
        }
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(pages);
    }

    /**
     * What the pages need to know of this deployment: whether they may offer the local profile's role picker, and the
     * OpenID Connect provider to sign in with (its address, the pages' public client), if any.
     */
    @GetMapping("/pages/config.json")
    ResponseEntity<Map<String, Object>> pagesConfig() {
        var config = new java.util.LinkedHashMap<String, Object>();
        config.put("devTokens", devTokens);
        config.put("oidc", signIn);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).body(config);
    }

    @GetMapping("/developpeurs")
    ResponseEntity<String> home() {
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(home);
    }

    @GetMapping({"/graphiql", "/graphiql/"})
    ResponseEntity<?> graphiql() {
        if (!graphiql.exists()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(TEXT).body("GraphiQL n'est pas dans ce"
                    + " jar : il est construit par Maven depuis web/ (npm ci, npm run build), ce que -Dweb.skip évite.");
        }
        return ResponseEntity.ok().contentType(HTML).cacheControl(CacheControl.noCache()).body(graphiql);
    }

    /** The home page, its parts said as this service is configured. */
    static String home(boolean introspection, boolean printer, boolean devTokens) {
        String template;
        try (var in = new ClassPathResource("web/home.html").getInputStream()) {
            template = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The home page template is missing from the classpath", e);
        }
        return template
                .replace("{{graphiqlStatus}}", introspection
                        ? "<span class=\"etat\">Documentation et autocomplétion actives</span>"
                        : "<span class=\"etat desactive\">Introspection désactivée : ni documentation ni"
                                + " autocomplétion sur ce service</span>")
                .replace("{{schemaLink}}", printer
                        ? "<a href=\"/graphql/schema\">Le schéma</a>"
                        : "Le schéma")
                .replace("{{schemaStatus}}", printer
                        ? "<span class=\"etat\"><code>/graphql/schema</code>, en texte</span>"
                        : "<span class=\"etat desactive\">Non publié sur ce service : voir <code>graphql/</code> dans"
                                + " le dépôt</span>")
                .replace("{{devTokens}}", devTokens ? DEV_TOKENS : "");
    }

    private static final String DEV_TOKENS = """
            <h2>Jetons de développement</h2>
                <p>Ce service tourne en profil local : il signe lui-même des jetons de test, demandés depuis cette
                  machine pour un rôle et un périmètre. Collez la valeur <code>graphiqlHeaders</code> de la réponse
                  dans l’onglet <em>Headers</em> de GraphiQL.</p>
                <pre><code>curl 'http://localhost:8080/dev/tokens/ANCT'
            curl 'http://localhost:8080/dev/tokens/HUB?regions=94'
            curl 'http://localhost:8080/dev/tokens/PREFECTURE?departments=2A'</code></pre>
            """;
}
