package fr.maillage.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import fr.maillage.exports.PdfStyle;
import fr.maillage.security.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The diagnosis of a territory as a PDF, on the network of {@link CoverageFixture}: its text, extracted with PDFBox,
 * holds the territory, the reference date and the figures the GraphQL {@code diagnosis} gives, written the French
 * way; the advisers whose contracts end are named only for a caller who may read them.
 */
class DiagnosisReportTests extends CoverageFixture {

    static final String URI = "/exports/diagnosis/DEPARTMENT/2B.pdf?referenceDate=" + REFERENCE_DATE;

    byte[] pdf(WebTestClient client, String uri) {
        return client.get().uri(uri).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    /** The text of a PDF, no-break spaces read as spaces. */
    static String text(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00A0', ' ');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theReportOfHauteCorseHoldsTheFiguresOfTheDiagnosis() throws IOException {
        var bytes = http().get().uri(URI).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"diagnostic-DEPARTMENT-2B-2025-01-15.pdf\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(new String(bytes, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        // kept for a look (mvn test leaves it in target/)
        Files.write(Path.of("target", "diagnostic-DEPARTMENT-2B.pdf"), bytes);
        var text = text(bytes);
        var d = graphQl().document("{ diagnosis(level: DEPARTMENT, code: \"2B\", referenceDate: \"" + REFERENCE_DATE
                + "\") { territory { name } parent { name } population communes epcis advisers coordinators"
                + " coveredPopulation places advisersPer10000 { value parent france }"
                + " coordinatedShare { value parent france } coordinatorCoverage { value parent france }"
                + " subTerritoriesLackingAdviser { totalCount totalPopulation top { territory { code name } } }"
                + " endingContracts { count contracts { adviserId end employerName }"
                + " communesLosingLastAdviser { code name } } } }").execute().errors().verify().path("diagnosis")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
        assertThat(text).contains("Haute-Corse", "Diagnostic territorial", "Date de référence : 15/01/2025",
                "Comparaison : Corse (région 94) et France");
        // the figures, as the API gives them, written the French way
        assertThat(text).contains("Population 187 180 355 486 68 952 941")
                .contains("Communes " + d.get("communes") + " 360 34 969")
                .contains("EPCI " + d.get("epcis") + " ")
                .contains("Conseillers actifs " + d.get("advisers") + " 3 6")
                .contains("Coordinateurs actifs " + d.get("coordinators") + " ")
                .contains("Conseillers pour 10 000 habitants " + ratios(d, "advisersPer10000", 2, false))
                .contains("Part des conseillers coordonnés " + ratios(d, "coordinatedShare", 1, true))
                .contains("Couverture par les coordinateurs " + ratios(d, "coordinatorCoverage", 1, true))
                .contains("Population couverte par un coordinateur 187 180 355 486 436 855")
                .contains("Lieux de médiation " + d.get("places") + " ");
        // the gaps, the contracts ending and the commune that would lose its last adviser
        @SuppressWarnings("unchecked")
        var lacking = (Map<String, Object>) d.get("subTerritoriesLackingAdviser");
        assertThat(text).contains(lacking.get("totalCount") + " EPCI (" + PdfStyle.integer(
                ((Number) lacking.get("totalPopulation")).longValue()).replace('\u00A0', ' ') + " habitants)");
        @SuppressWarnings("unchecked")
        var top = (List<Map<String, Map<String, String>>>) lacking.get("top");
        assertThat(text).contains(top.get(0).get("territory").get("code") + " " + top.get(0).get("territory").get("name"));
        assertThat(text).contains("Contrats finissant d'ici le 15/04/2025", "A1 31/03/2025 Collectivité de Corse",
                "Communes qui perdraient leur dernier conseiller : Bastia (2B033).");
        assertThat(text).doesNotContain("Nom A1");
        assertThat(text).contains("France services 2", "Mission locale 1", "Privé 1");
        // sources and licences
        assertThat(text).contains("Code officiel géographique de l'INSEE", "Licence Ouverte",
                "@etalab/decoupage-administratif 6.0.0, licence MIT");
    }

    /** The three values of a ratio (territory, parent, France) as the report prints them. */
    @SuppressWarnings("unchecked")
    static String ratios(Map<String, Object> diagnosis, String field, int decimals, boolean percent) {
        var ratio = (Map<String, Number>) diagnosis.get(field);
        return String.join(" ", List.of("value", "parent", "france").stream().map(key -> {
            var value = ratio.get(key) == null ? null : ratio.get(key).doubleValue();
            return percent ? PdfStyle.percent(value) : PdfStyle.decimal(value, decimals);
        }).toList()).replace('\u00A0', ' ');
    }

    @Test
    void theAdvisersWhoseContractsEndAreNamedOnlyForWhoMayReadThem() {
        long before = count("MATCH (e:AuditEvent {action: 'EXPORT_PERSONAL_DATA'}) RETURN count(e)");
        var elsewhere = text(pdf(http(token(Role.PREFECTURE, Map.of("departments", List.of("75")), null)), URI));
        assertThat(elsewhere).contains("A1 31/03/2025").doesNotContain("Nom A1");
        assertThat(count("MATCH (e:AuditEvent {action: 'EXPORT_PERSONAL_DATA'}) RETURN count(e)")).isEqualTo(before);
        // A1 works in Bastia: the prefecture of Haute-Corse reads its name, and the reading is audited
        var prefecture = text(pdf(http(token(Role.PREFECTURE, Map.of("departments", List.of("2B")), null)), URI));
        assertThat(prefecture).contains("Prénom Nom A1 31/03/2025");
        assertThat(count("""
                MATCH (e:AuditEvent {action: 'EXPORT_PERSONAL_DATA', operation: 'export:diagnosis.pdf'})
                WHERE e.adviserIds = ['A1'] RETURN count(e)""")).isEqualTo(1);
    }

    @Test
    void aRegionIsComparedWithFranceAndACommuneWithItsDepartment() {
        var region = text(pdf(http(), "/exports/diagnosis/REGION/94.pdf?referenceDate=" + REFERENCE_DATE));
        assertThat(region).contains("Corse", "Comparaison : France", "Population 355 486 68 952 941",
                "Sous-territoires sans coordinateur", "Aucun : chacun a au moins une partie de sa population couverte");
        var commune = text(pdf(http(), "/exports/diagnosis/COMMUNE/2B050.pdf?referenceDate=" + REFERENCE_DATE));
        assertThat(commune).contains("Calvi", "Comparaison : Haute-Corse (département 2B) et France",
                "Une commune n'a pas de sous-territoires.");
    }

    @Test
    void badParametersAndUnknownTerritories() {
        refused("/exports/diagnosis/DEPARTMENT/99.pdf", 404, "code");
        refused("/exports/diagnosis/CANTON/2B.pdf", 400, "level");
        refused("/exports/diagnosis/DEPARTMENT/2B.pdf?contractsEndingWithinMonths=40", 400,
                "contractsEndingWithinMonths");
        refused("/exports/diagnosis/DEPARTMENT/2B.pdf?contractsEndingWithinMonths=trois", 400,
                "contractsEndingWithinMonths");
        refused("/exports/diagnosis/DEPARTMENT/2B.pdf?referenceDate=2025-02-30", 400, "referenceDate");
    }

    void refused(String uri, int status, String parameter) {
        http().get().uri(uri).exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.parameter").isEqualTo(parameter);
    }
}
