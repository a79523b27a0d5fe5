package fr.maillage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * What a browser finds at the service's door: the users' pages, the developers' page, GraphiQL from the jar, the
 * schema as UTF-8 text.
 */
class FrontDoorTests extends IntegrationTest {

    @Test
    void theUsersPagesAnswerEachOfTheirPathsAndTheLocalProfileOffersItsRolePicker() {
        for (var path : List.of("/", "/carte", "/territoires/departement/2A", "/reseau/region/94",
                "/coordinateurs/x", "/candidatures")) {
            var page = http().get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                    .expectStatus().isOk()
                    .expectHeader().contentType("text/html;charset=UTF-8")
                    .expectBody(String.class).returnResult().getResponseBody();
            assertThat(page).as(path).contains("<html lang=\"fr\"", "<div id=\"app\"></div>", "/assets/app-");
        }
        http().get().uri("/pages/config.json").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.devTokens").isEqualTo(true);
        // what is not a page stays refused
        http().get().uri("/nulle-part").exchange().expectStatus().is4xxClientError();
    }

    @Test
    void theDevelopersPageSaysWhatMaillageIsAndLinksWhatTheServiceOffers() {
        var page = http().get().uri("/developpeurs").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType("text/html;charset=UTF-8")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<html lang=\"fr\">", "réseau de l’inclusion numérique")
                .contains("href=\"/graphiql\"", "href=\"/graphql/schema\"", "href=\"/actuator/health\"")
                .contains("README.md", "docs/security-writes.md", "docs/exports.md", "graphql/examples/")
                .contains("Télécharger", "href=\"/exports/diagnosis/DEPARTMENT/63.pdf\"")
                .contains("Pages web", "<a href=\"/\">Accueil</a>", "Carte de la couverture de la France")
                // the test profile opens introspection and the printer, and trusts development tokens
                .contains("Documentation et autocomplétion actives", "/dev/tokens/ANCT")
                .doesNotContain("{{");
    }

    @Test
    void everyDownloadOfferedByTheDevelopersPageAnswersAFile() {
        var page = http().get().uri("/developpeurs").exchange().expectStatus().isOk()
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
    void theDevelopersPageSaysWhatIsOffOnADeployedService() {
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
