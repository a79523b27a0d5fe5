package fr.maillage.exports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import fr.maillage.coverage.CoverageFixture;
import fr.maillage.database.CypherStatementCounter;
import fr.maillage.security.Role;
import fr.maillage.support.Spreadsheets;
import org.apache.poi.ss.usermodel.CellType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The lists of a territory and a coordinator's partners to approach as CSV and XLSX, on the network of
 * {@link CoverageFixture}: rows in the API's order and number, and the personal columns of advisers only for the
 * callers who may read them, with an audit event.
 * <p>
 * Where the advisers of Corsica lie today (the clock is real: the fixture's contracts of 2025 and May 2026 have
 * ended, so A1, A3 and C1 have no current employer): A1 works in Bastia and A3 in Calvi (Haute-Corse, 2B); C1 works
 * in Ajaccio, and A2, without a place, is employed in Ajaccio (Corse-du-Sud, 2A). C1 coordinates A1.
 */
class ListExportTests extends CoverageFixture {

    static final List<String> ADVISER_HEADER = List.of("Identifiant", "Dispositif", "Statut", "Coordinateur",
            "Coordinateur depuis", "Type de contrat", "Début du contrat", "Fin du contrat", "Employeur",
            "SIRET de l'employeur", "Lieu principal", "Code INSEE du lieu", "Commune du lieu", "Autres lieux");
    static final List<String> PERSONAL_HEADER = List.of("Identifiant dispositif", "Prénom", "Nom", "Courriel",
            "Téléphone");

    @Autowired
    CypherStatementCounter statements;

    byte[] get(WebTestClient client, String uri) {
        return client.get().uri(uri).exchange().expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, value -> assertThat(value).startsWith("attachment"))
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    List<List<String>> csv(WebTestClient client, String uri) {
        return Spreadsheets.csv(get(client, uri));
    }

    List<String> ids(String query, String path) {
        return graphQl().document(query).execute().errors().verify().path(path).entityList(String.class).get();
    }

    @Test
    void employersPlacesAndPartnersInTheApiOrder() {
        var employers = csv(http(), "/exports/employers.csv?within=REGION:94");
        assertThat(employers.get(0)).containsExactly("Identifiant", "SIRET", "SIREN", "Nom", "Secteur",
                "Nature juridique", "Éligible à un poste de coordinateur", "Code INSEE", "Commune", "Département");
        assertThat(employers.subList(1, employers.size())).extracting(r -> r.get(0)).containsExactlyElementsOf(
                ids("{ employers(within: {level: REGION, code: \"94\"}) { nodes { id } } }", "employers.nodes[*].id"));
        // the fixture's SIRET are short identifiers: no SIREN to derive
        assertThat(employers.get(1)).containsExactly("E4", "E4", "", "Bastia Inclusion", "Privé",
                "Association (loi 1901 ou 1908 en Alsace-Moselle)", "Oui", "2B033", "Bastia", "2B");
        assertThat(employers.get(2).subList(3, 10)).containsExactly("Collectivité de Corse", "Public",
                "Collectivité territoriale", "Oui", "2A004", "Ajaccio", "2A");

        var places = csv(http(), "/exports/places.csv");
        assertThat(places).hasSize(1 + graphQl().document("{ places { totalCount } }").execute()
                .path("places.totalCount").entity(Integer.class).get());
        assertThat(places.subList(1, places.size())).extracting(r -> r.get(1))
                .containsExactly("Lieu P1", "Lieu P2", "Lieu P3", "Lieu P4", "Lieu P5", "Lieu P6");
        assertThat(places.get(1).get(8)).isEqualTo(SMARTPHONE + " | " + PROCEDURES);
        var smartphones = csv(http(), "/exports/places.csv?within=DEPARTMENT:2B&service=smartphone");
        assertThat(smartphones.subList(1, smartphones.size())).extracting(r -> r.get(0)).containsExactly("P2");

        var partners = csv(http(), "/exports/partners.csv?within=DEPARTMENT:2B");
        assertThat(partners.subList(1, partners.size())).extracting(r -> r.get(0)).containsExactlyElementsOf(
                ids("{ partners(within: {level: DEPARTMENT, code: \"2B\"}) { nodes { id } } }", "partners.nodes[*].id"));
        assertThat(partners.get(1)).containsExactly("F1", "Partenaire F1", "France services", "Autre partenaire", "",
                "", "2B033", "Bastia", "2B");
        var missions = csv(http(), "/exports/partners.csv?within=DEPARTMENT:2B&kinds=MISSION_LOCALE,CAF");
        assertThat(missions.subList(1, missions.size())).extracting(r -> r.get(0)).containsExactly("M1");

        try (var workbook = Spreadsheets.xlsx(get(http(), "/exports/employers.xlsx?within=REGION:94"))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(Spreadsheets.values(sheet)).hasSize(3);
            assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(6).getStringCellValue()).isEqualTo("Oui");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void anAnonymousCallerGetsNoPersonalColumn() {
        long audits = audits();
        var body = get(http(), "/exports/advisers.csv?within=REGION:94&activeOnly=false");
        var rows = Spreadsheets.csv(body);
        assertThat(rows.get(0)).containsExactlyElementsOf(ADVISER_HEADER);
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0)).containsExactly("A1", "A2", "A3", "C1")
                .containsExactlyElementsOf(ids("{ advisers(within: {level: REGION, code: \"94\"}, activeOnly: false,"
                        + " first: 100) { nodes { id } } }", "advisers.nodes[*].id"));
        var text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Prénom", "Nom A1", "@example.org");
        assertThat(rows.get(2)).containsExactly("A2", "Conseiller numérique", "En poste", "Non", "",
                "Contrat de projet", "01/01/2023", "", "Collectivité de Corse", "E1", "", "", "", "");
        assertThat(rows.get(4).subList(0, 5)).containsExactly("C1", "Conseiller numérique", "En poste", "Oui",
                "01/06/2024");
        assertThat(rows.get(1).subList(10, 13)).containsExactly("Lieu P2", "2B033", "Bastia");
        assertThat(audits()).as("nothing personal, nothing audited").isEqualTo(audits);
        // today only the advisers under a running contract: A2 (its contract has no end)
        var active = csv(http(), "/exports/advisers.csv?within=REGION:94");
        assertThat(active.subList(1, active.size())).extracting(r -> r.get(0)).containsExactlyElementsOf(
                ids("{ advisers(within: {level: REGION, code: \"94\"}) { nodes { id } } }", "advisers.nodes[*].id"));
    }

    @Test
    void personalColumnsAreFilledOnlyForTheAdvisersInTheCallersScope() {
        long audits = audits();
        var prefecture = http(token(Role.PREFECTURE, Map.of("departments", List.of("2B")), null));
        var rows = csv(prefecture, "/exports/advisers.csv?within=REGION:94&activeOnly=false");
        var header = new java.util.ArrayList<>(ADVISER_HEADER);
        header.addAll(PERSONAL_HEADER);
        assertThat(rows.get(0)).containsExactlyElementsOf(header);
        int first = ADVISER_HEADER.size();
        // in Haute-Corse: A1 (Bastia) and A3 (Calvi); not A2 nor C1 (Corse-du-Sud)
        assertThat(rows.get(1).subList(first, first + 5)).containsExactly("", "Prénom", "Nom A1", "a1@example.org", "");
        assertThat(rows.get(3).subList(first + 1, first + 4)).containsExactly("Prénom", "Nom A3", "a3@example.org");
        assertThat(rows.get(2).subList(first, first + 5)).containsOnly("");
        assertThat(rows.get(4).subList(first, first + 5)).containsOnly("");
        assertThat(audits()).isEqualTo(audits + 1);
        assertThat(lastAudit()).containsEntry("action", "EXPORT_PERSONAL_DATA")
                .containsEntry("operation", "export:advisers.csv").containsEntry("subject", "test-prefecture")
                .extractingByKey("adviserIds").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("A1", "A3");

        // the coordinator C1: itself and A1, whom it coordinates
        var coordinator = csv(http(token(Role.COORDINATOR, Map.of(), "C1")),
                "/exports/advisers.csv?within=REGION:94&activeOnly=false");
        assertThat(coordinator.subList(1, coordinator.size())).extracting(r -> r.get(first + 2))
                .containsExactly("Nom A1", "", "", "Nom C1");

        // a prefecture elsewhere: the columns, empty; no audit event
        long before = audits();
        var elsewhere = csv(http(token(Role.PREFECTURE, Map.of("departments", List.of("75")), null)),
                "/exports/advisers.csv?within=REGION:94&activeOnly=false");
        assertThat(elsewhere.subList(1, elsewhere.size())).allSatisfy(row ->
                assertThat(row.subList(first, first + 5)).containsOnly(""));
        assertThat(audits()).isEqualTo(before);

        // ANCT, as XLSX: every adviser's, codes and names as text, dates as dates
        try (var workbook = Spreadsheets.xlsx(get(http(anct()), "/exports/advisers.xlsx?within=REGION:94&activeOnly=false"))) {
            var values = Spreadsheets.values(workbook.getSheetAt(0));
            assertThat(values).hasSize(5);
            assertThat(values.subList(1, 5)).extracting(r -> r.get(first + 2))
                    .containsExactly("Nom A1", "Nom A2", "Nom A3", "Nom C1");
            assertThat(values.get(2).get(6)).isEqualTo(java.time.LocalDate.of(2023, 1, 1));
            assertThat(workbook.getSheetAt(0).getRow(2).getCell(6).getCellStyle().getDataFormatString())
                    .isEqualTo("dd/mm/yyyy");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(lastAudit()).containsEntry("operation", "export:advisers.xlsx")
                .extractingByKey("adviserIds").asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder("A1", "A2", "A3", "C1");
    }

    @Test
    void anExportReadsItsRowsInOneStatementWhateverTheirNumber() {
        // the territory, then one statement streaming the rows with their contracts, places and scopes
        long before = statements.sent();
        get(http(anct()), "/exports/advisers.csv?activeOnly=false");
        long all = statements.sent() - before;
        before = statements.sent();
        get(http(anct()), "/exports/advisers.csv?within=COMMUNE:2B033&activeOnly=false");
        long one = statements.sent() - before;
        assertThat(all).isLessThanOrEqualTo(one).isLessThanOrEqualTo(3);
    }

    @Test
    void theCoordinatorsPartnersToApproachPrescribersFirst() {
        var rows = csv(http(), "/exports/coordinator-partners.csv?coordinatorId=C1");
        assertThat(rows.get(0)).containsExactly("Priorité", "Identifiant", "Nom", "Nature", "Rôle", "Déjà lié",
                "Lié aux conseillers", "SIRET", "Adresse", "Code INSEE", "Commune");
        var api = graphQl().document("{ coordinatorPartners(coordinatorId: \"C1\", first: 100) { totalCount"
                + " nodes { partner { id } } } }").execute();
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(1)).containsExactly("M1", "F1", "F2")
                .containsExactlyElementsOf(api.path("coordinatorPartners.nodes[*].partner.id").entityList(String.class)
                        .get());
        assertThat(rows.get(1)).startsWith("Prescripteur à démarcher", "M1", "Partenaire M1", "Mission locale",
                "Prescripteur", "Non", "");
        // once A1, coordinated by C1, works with F2, F2 goes last
        write("MATCH (p:Partner {id: 'F2'}), (a:Adviser {id: 'A1'}) CREATE (p)-[:PARTNERS_WITH]->(a)", Map.of());
        var linked = csv(http(), "/exports/coordinator-partners.csv?coordinatorId=C1");
        assertThat(linked.subList(1, linked.size())).extracting(r -> r.get(1)).containsExactly("M1", "F1", "F2");
        assertThat(linked.get(3)).startsWith("Déjà lié", "F2");
        assertThat(linked.get(3).get(6)).isEqualTo("A1");
        var unlinked = csv(http(), "/exports/coordinator-partners.csv?coordinatorId=C1&onlyUnlinked=true&kinds=FRANCE_SERVICES");
        assertThat(unlinked.subList(1, unlinked.size())).extracting(r -> r.get(1)).containsExactly("F1");
    }

    @Test
    void aTextThatLooksLikeAFormulaStaysText() throws Exception {
        write("""
                MATCH (c:Commune {code: '2B033'})
                CREATE (:Partner {id: 'X1', key: 'X1', kind: 'OTHER', name: '=HYPERLINK("http://example.org","clic")',
                  communeCode: c.code, epciCode: c.epciCode, departmentCode: c.departmentCode,
                  regionCode: c.regionCode})-[:IN_COMMUNE]->(c)""",
                Map.of());
        var rows = csv(http(), "/exports/partners.csv?within=COMMUNE:2B033&kinds=OTHER");
        assertThat(rows.get(1).get(1)).isEqualTo("'=HYPERLINK(\"http://example.org\",\"clic\")");
        try (var workbook = Spreadsheets.xlsx(get(http(), "/exports/partners.xlsx?within=COMMUNE:2B033&kinds=OTHER"))) {
            var cell = workbook.getSheetAt(0).getRow(1).getCell(1);
            assertThat(cell.getCellType()).isEqualTo(CellType.STRING);
            assertThat(cell.getStringCellValue()).isEqualTo("=HYPERLINK(\"http://example.org\",\"clic\")");
        }
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        refused("/exports/employers.csv?sector=PUBLIQUE", "sector");
        refused("/exports/employers.csv?within=REGION:00", "within");
        refused("/exports/advisers.xlsx?activeOnly=peut-etre", "activeOnly");
        refused("/exports/partners.csv?kinds=FRANCE_TRAVAIL,PREFECTURE", "kinds");
        refused("/exports/places.csv?within=DEPARTMENT:2B&within=DEPARTMENT:2A", "within");
        refused("/exports/coordinator-partners.csv", "coordinatorId");
        refused("/exports/coordinator-partners.csv?coordinatorId=nobody", "coordinatorId");
    }

    void refused(String uri, String parameter) {
        http().get().uri(uri).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.parameter").isEqualTo(parameter)
                .jsonPath("$.error").value(String.class, message -> assertThat(message).startsWith(parameter + " : "));
    }

    long audits() {
        return count("MATCH (e:AuditEvent {action: 'EXPORT_PERSONAL_DATA'}) RETURN count(e)");
    }

    Map<String, Object> lastAudit() {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (e:AuditEvent {action: 'EXPORT_PERSONAL_DATA'})
                    RETURN e {.action, .operation, .subject, .adviserIds, .at} AS e ORDER BY e.at DESC LIMIT 1""")
                    .single().get("e").asMap();
        }
    }
}
