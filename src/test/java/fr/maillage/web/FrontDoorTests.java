package fr.maillage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.regex.Pattern;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** What a browser finds at the service's door: the home page, GraphiQL from the jar, the schema as UTF-8 text. */
class FrontDoorTests extends IntegrationTest {

    @Test
    void theHomePageSaysWhatMaillageIsAndLinksWhatTheServiceOffers() {
        var page = http().get().uri("/").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<html lang=\"fr\">", "réseau de l’inclusion numérique")
                .contains("href=\"/graphiql\"", "href=\"/graphql/schema\"", "href=\"/actuator/health\"")
                .contains("README.md", "docs/security-writes.md", "docs/exports.md", "graphql/examples/")
                .contains("Télécharger", "href=\"/exports/diagnosis/DEPARTMENT/63.pdf\"")
                .contains("Pages web à venir", "Carte de la couverture de la France")
                // the test profile opens introspection and the printer, and trusts development tokens
                .contains("Documentation et autocomplétion actives", "/dev/tokens/ANCT")
                .doesNotContain("{{");
    }

    @Test
    void everyDownloadOfferedByTheHomePageAnswersAFile() {
        var page = http().get().uri("/").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        var links = Pattern.compile("href=\"(/exports/[^\"]+)\"").matcher(page).results()
                .map(m -> m.group(1).replace("&amp;", "&")).toList();
        assertThat(links).hasSizeGreaterThanOrEqualTo(5).anyMatch(l -> l.endsWith(".pdf"));
        // the form, submitted with its defaults by either button
        assertThat(page).contains("action=\"/exports/coverage-gaps.xlsx\"", "formaction=\"/exports/coverage-gaps.csv\"");
        var form = "?level=EPCI&within=DEPARTMENT:63&lacking=COORDINATOR";
        var all = new ArrayList<>(links);
        all.add("/exports/coverage-gaps.xlsx" + form);
        all.add("/exports/coverage-gaps.csv" + form);
        all.add("/exports/coverage-gaps.csv?level=EPCI&within=&lacking=PLACE"); // the field emptied: all of France
        for (var link : all) {
            http().get().uri(link).exchange().expectStatus().isOk()
                    .expectHeader().value("Content-Disposition", d -> assertThat(d).as(link).startsWith("attachment"));
        }
    }

    @Test
    void theHomePageSaysWhatIsOffOnADeployedService() {
        var page = WebPagesController.home(false, false, false);
        assertThat(page).contains("Introspection désactivée", "Non publié sur ce service")
                .doesNotContain("href=\"/graphql/schema\"", "/dev/tokens/", "{{");
    }

    @Test
    void graphiqlIsServedFromTheJarWithItsAssets() {
        var page = http().get().uri("/graphiql").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp).contains("default-src 'self'"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("GraphiQL — Maillage").doesNotContain("http://", "https://");
        var script = page.replaceAll("(?s).*<script type=\"module\" crossorigin src=\"([^\"]+)\".*", "$1");
        assertThat(script).startsWith("/assets/").endsWith(".js");
        http().get().uri(script).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().value("Cache-Control", cache -> assertThat(cache).contains("max-age=31536000"));
    }

    @Test
    void theSchemaIsPrintedAsUtf8TextWithItsAccents() {
        var bytes = http().get().uri("/graphql/schema").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/plain;charset=UTF-8")
                .expectBody(byte[].class).returnResult().getResponseBody();
        var schema = new String(bytes, StandardCharsets.UTF_8);
        assertThat(schema).contains("Ce qui manque à un territoire.")
                .contains("Définitions (communes à toutes les requêtes de couverture)")
                .contains("coordinatorPartners(", "coverageGaps(");
    }
}
