package fr.maillage.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import fr.maillage.support.Spreadsheets;
import org.apache.poi.ss.usermodel.CellType;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Coverage gaps and a diagnosis's sub-territories as CSV and XLSX, on the network of {@link CoverageFixture}: each
 * file read back as a spreadsheet program would, its rows and totals checked against the GraphQL API's answer for the
 * same arguments, and against the graph itself for the whole country.
 */
class CoverageExportTests extends CoverageFixture {

    static final List<String> EPCI_HEADER = List.of("SIREN", "Nom", "Départements", "Population", "Communes",
            "Conseillers", "Coordinateurs", "Lieux", "Population couverte", "Part couverte",
            "Couverture par un coordinateur");
    static final List<String> COMMUNE_HEADER = List.of("Code INSEE", "Nom", "Département", "EPCI (SIREN)",
            "Population", "Communes", "Conseillers", "Coordinateurs", "Lieux", "Population couverte", "Part couverte",
            "Couverture par un coordinateur");

    byte[] download(String uri, MediaType type) {
        return http().get().uri(uri).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(type)
                .expectBody(byte[].class).returnResult().getResponseBody();
    }

    /** A client for whole-country files. */
    org.springframework.test.web.reactive.server.WebTestClient large() {
        return http().mutate().responseTimeout(Duration.ofMinutes(2))
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(64 * 1024 * 1024)).build();
    }

    byte[] csv(String query) {
        return download("/exports/coverage-gaps.csv?" + query, MediaType.parseMediaType("text/csv"));
    }

    byte[] xlsx(String query) {
        return download("/exports/coverage-gaps.xlsx?" + query, MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }

    /** The API's answer for the same arguments: totals, and the nodes of the first page of 100. */
    Map<String, Object> api(String arguments) {
        return api(arguments, 100);
    }

    /** The API's answer, with the first {@code first} nodes (country-wide, a page of 100 weighs too much). */
    Map<String, Object> api(String arguments, int first) {
        return graphQl().document("{ coverageGaps(" + arguments + ", first: " + first + ") { totalCount totalPopulation"
                + " nodes { territory { code name } population communes advisers coordinators places coveredPopulation"
                + " coordinatorCoverage status } } }").execute().errors().verify().path("coverageGaps")
                .entity(new ParameterizedTypeReference<Map<String, Object>>() {
                }).get();
    }

    /** Every row of the CSV is the API's node at the same place, figure by figure (columns from Population on). */
    @SuppressWarnings("unchecked")
    static void sameAsApi(List<List<String>> rows, Map<String, Object> api, int populationColumn) {
        var nodes = (List<Map<String, Object>>) api.get("nodes");
        assertThat(rows).hasSize(((Number) api.get("totalCount")).intValue() + 1);
        assertThat(rows.stream().skip(1).mapToLong(r -> Long.parseLong(r.get(populationColumn))).sum())
                .isEqualTo(((Number) api.get("totalPopulation")).longValue());
        for (int i = 0; i < nodes.size(); i++) {
            var node = nodes.get(i);
            var row = rows.get(i + 1);
            var territory = (Map<String, Object>) node.get("territory");
            assertThat(row.get(0)).isEqualTo(territory.get("code"));
            assertThat(row.get(1)).isEqualTo(territory.get("name"));
            int p = populationColumn;
            assertThat(row.subList(p, p + 6)).containsExactly(node.get("population").toString(),
                    node.get("communes").toString(), node.get("advisers").toString(), node.get("coordinators").toString(),
                    node.get("places").toString(), node.get("coveredPopulation").toString());
            assertThat(Spreadsheets.frenchNumber(row.get(p + 6)))
                    .isCloseTo(((Number) node.get("coordinatorCoverage")).doubleValue(), within(5e-5));
            assertThat(row.get(p + 7)).isEqualTo(switch ((String) node.get("status")) {
                case "COVERED" -> "Complète";
                case "PARTLY_COVERED" -> "Partielle";
                default -> "Aucune";
            });
        }
    }

    @Test
    void theEpciOfADepartmentLackingACoordinatorAsCsv() {
        var query = "level=EPCI&within=DEPARTMENT:48&lacking=COORDINATOR&includePartlyCovered=true"
                + "&referenceDate=" + REFERENCE_DATE;
        var response = http().get().uri("/exports/coverage-gaps.csv?" + query).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"lacunes-coordinateur-partielles-EPCI-48-2025-01-15.csv\"")
                .expectHeader().contentType("text/csv;charset=UTF-8")
                .expectBody(byte[].class).returnResult().getResponseBody();
        var rows = Spreadsheets.csv(response);
        assertThat(rows.get(0)).containsExactlyElementsOf(EPCI_HEADER);
        // CC de Millau Grands Causses (15 communes, 29,583 inhabitants, 126 in Lozère covered by C2), then CC Mont
        // Lozère (5,810, 5,334 covered): 35,393 inhabitants, as CoverageGapsTests works out by hand.
        assertThat(rows).extracting(r -> r.get(0)).containsExactly("SIREN", "241200567", "200069128");
        assertThat(rows.get(1).get(2)).isEqualTo("12, 48");
        assertThat(rows.get(1).get(9)).isEqualTo("0,0043");
        assertThat(rows.get(2).get(3)).isEqualTo("5810");
        sameAsApi(rows, api("level: EPCI, within: {level: DEPARTMENT, code: \"48\"}, lacking: COORDINATOR,"
                + " includePartlyCovered: true, referenceDate: \"" + REFERENCE_DATE + "\""), 3);
        // the raw bytes: ';' between fields, CRLF after each record, no quotes where none is needed
        var text = new String(response, 3, response.length - 3, java.nio.charset.StandardCharsets.UTF_8);
        assertThat(text).startsWith("SIREN;Nom;Départements;Population;").contains("\r\n241200567;");
    }

    @Test
    void theSameAsXlsxWithCodesAsTextNumbersAsNumbersAndSharesAsPercentages() throws Exception {
        var query = "level=EPCI&within=DEPARTMENT:48&lacking=COORDINATOR&includePartlyCovered=true"
                + "&referenceDate=" + REFERENCE_DATE;
        try (var workbook = Spreadsheets.xlsx(xlsx(query))) {
            var sheet = workbook.getSheetAt(0);
            var values = Spreadsheets.values(sheet);
            assertThat(values.get(0)).containsExactlyElementsOf(EPCI_HEADER);
            assertThat(values).hasSize(3);
            assertThat(values.get(1)).containsExactly("241200567", "CC de Millau Grands Causses", "12, 48", 29_583.0,
                    15.0, values.get(1).get(5), values.get(1).get(6), values.get(1).get(7), 126.0, 126.0 / 29_583,
                    "Partielle");
            assertThat(values.get(2).get(0)).isEqualTo("200069128");
            var siren = sheet.getRow(1).getCell(0);
            assertThat(siren.getCellType()).as("a code is a text cell").isEqualTo(CellType.STRING);
            assertThat(sheet.getRow(1).getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(9).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
            assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold())
                    .as("header in bold").isTrue();
            assertThat(sheet.getPaneInformation().isFreezePane()).as("header frozen").isTrue();
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 1);
            assertThat(sheet.getColumnWidth(1)).as("names get a wide column").isGreaterThan(sheet.getColumnWidth(4));
            // the information sheet: what the file holds and its totals, as the API gives them
            var info = Spreadsheets.values(workbook.getSheet("Informations"));
            assertThat(info).anySatisfy(line -> assertThat(line).containsExactly("Lignes", "2"));
            assertThat(info).anySatisfy(line -> assertThat(line).containsExactly("Population (total)", 35_393.0));
            assertThat(info).anySatisfy(line -> assertThat(line).containsExactly("Dans", "Lozère (DEPARTMENT:48)"));
            assertThat(info).anySatisfy(line -> assertThat(line).hasSize(2)
                    .satisfies(l -> assertThat(String.valueOf(l.get(1))).contains("decoupage-administratif")));
        }
    }

    @Test
    void codesKeepTheirLeadingZeroAndTheirLetters() throws Exception {
        // Ain (01): no coordinator; 2A: every commune covered, and only Ajaccio served by an adviser.
        var ain = Spreadsheets.csv(csv("level=COMMUNE&within=DEPARTMENT:01&lacking=COORDINATOR&referenceDate="
                + REFERENCE_DATE));
        assertThat(ain.get(0)).containsExactlyElementsOf(COMMUNE_HEADER);
        assertThat(ain.subList(1, ain.size())).allSatisfy(row -> assertThat(row.get(0)).startsWith("01").hasSize(5))
                .allSatisfy(row -> assertThat(row.get(2)).isEqualTo("01"))
                .extracting(r -> r.get(0)).contains("01004", "01053");
        sameAsApi(ain, api("level: COMMUNE, within: {level: DEPARTMENT, code: \"01\"}, lacking: COORDINATOR,"
                + " referenceDate: \"" + REFERENCE_DATE + "\""), 4);

        var corsica = Spreadsheets.csv(csv("level=COMMUNE&within=DEPARTMENT:2A&lacking=ADVISER&referenceDate="
                + REFERENCE_DATE));
        assertThat(corsica.subList(1, corsica.size())).extracting(r -> r.get(0)).doesNotContain("2A004")
                .contains("2A247");
        sameAsApi(corsica, api("level: COMMUNE, within: {level: DEPARTMENT, code: \"2A\"}, lacking: ADVISER,"
                + " referenceDate: \"" + REFERENCE_DATE + "\""), 4);
        try (var workbook = Spreadsheets.xlsx(xlsx("level=COMMUNE&within=DEPARTMENT:01&lacking=COORDINATOR"
                + "&referenceDate=" + REFERENCE_DATE))) {
            var values = Spreadsheets.values(workbook.getSheetAt(0));
            assertThat(values).hasSize(ain.size());
            for (int i = 1; i < values.size(); i++) {
                assertThat(values.get(i).get(0)).isEqualTo(ain.get(i).get(0));
                assertThat(values.get(i).get(2)).isEqualTo("01");
                assertThat(values.get(i).get(4)).isEqualTo(Double.parseDouble(ain.get(i).get(4)));
            }
        }
    }

    @Test
    void everyCommuneOfFranceLackingACoordinatorIsStreamed() {
        // how long it takes is measured by ExportBenchmark (-Pbenchmark), never asserted here
        // Covered: the 360 communes of Corsica (C1), those of Lozère (C2), L'Île-d'Yeu (C3); C4 is inactive.
        long lacking = count("""
                MATCH (m:Commune) WHERE NOT (m.regionCode = '94' OR m.departmentCode = '48' OR m.code = '85113')
                RETURN count(m)""");
        assertThat(lacking).isGreaterThan(34_000);
        var result = large().get()
                .uri("/exports/coverage-gaps.csv?level=COMMUNE&lacking=COORDINATOR&referenceDate=" + REFERENCE_DATE)
                .exchange().expectStatus().isOk()
                // streamed: no length known in advance
                .expectHeader().doesNotExist(HttpHeaders.CONTENT_LENGTH)
                .expectBody(byte[].class).returnResult();
        var rows = Spreadsheets.csv(result.getResponseBody());
        assertThat(rows).hasSize((int) lacking + 1);
        var api = api("level: COMMUNE, lacking: COORDINATOR, referenceDate: \"" + REFERENCE_DATE + "\"", 30);
        sameAsApi(rows, api, 4);

        // The same as XLSX, lacking an adviser: every commune but the 6 served (Ajaccio, Bastia, Villefort,
        // Malons-et-Elze, L'Île-d'Yeu; Calvi's adviser has left, Bréhat's is inactive).
        try (var workbook = Spreadsheets.xlsx(large().get()
                .uri("/exports/coverage-gaps.xlsx?level=COMMUNE&lacking=ADVISER&referenceDate=" + REFERENCE_DATE)
                .exchange().expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody())) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo((int) count("MATCH (m:Commune) RETURN count(m)") - 5);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theSubTerritoriesOfADiagnosis() {
        var diagnosis = graphQl().document("{ diagnosis(level: DEPARTMENT, code: \"2B\", referenceDate: \""
                + REFERENCE_DATE + "\") { epcis subTerritoriesLackingAdviser { totalCount totalPopulation }"
                + " subTerritoriesLackingCoordinator { totalCount } } }").execute().errors().verify();
        var all = Spreadsheets.csv(download("/exports/diagnosis/DEPARTMENT/2B/sub-territories.csv?referenceDate="
                + REFERENCE_DATE, MediaType.parseMediaType("text/csv")));
        assertThat(all.get(0)).containsExactlyElementsOf(EPCI_HEADER);
        diagnosis.path("diagnosis.epcis").entity(Integer.class).isEqualTo(all.size() - 1);
        var lackingAdviser = Spreadsheets.csv(download("/exports/diagnosis/DEPARTMENT/2B/sub-territories.csv"
                + "?lacking=ADVISER&referenceDate=" + REFERENCE_DATE, MediaType.parseMediaType("text/csv")));
        diagnosis.path("diagnosis.subTerritoriesLackingAdviser.totalCount").entity(Integer.class)
                .isEqualTo(lackingAdviser.size() - 1)
                .path("diagnosis.subTerritoriesLackingAdviser.totalPopulation").entity(Long.class)
                .isEqualTo(lackingAdviser.stream().skip(1).mapToLong(r -> Long.parseLong(r.get(3))).sum())
                .path("diagnosis.subTerritoriesLackingCoordinator.totalCount").entity(Integer.class).isEqualTo(0);
        assertThat(lackingAdviser.size()).isBetween(2, all.size() - 1);
    }

    @Test
    void badParametersAre400NamingTheParameterAndNoFile() {
        refused("/exports/coverage-gaps.csv?level=CANTON&lacking=COORDINATOR", 400, "level");
        refused("/exports/coverage-gaps.csv?level=EPCI", 400, "lacking");
        refused("/exports/coverage-gaps.xlsx?level=EPCI&lacking=COORDINATOR&within=DEPARTMENT:99", 400, "within");
        refused("/exports/coverage-gaps.xlsx?level=EPCI&lacking=COORDINATOR&within=63", 400, "within");
        refused("/exports/coverage-gaps.csv?level=EPCI&lacking=COORDINATOR&referenceDate=01/01/2026", 400,
                "referenceDate");
        refused("/exports/coverage-gaps.csv?level=EPCI&lacking=COORDINATOR&includePartlyCovered=oui", 400,
                "includePartlyCovered");
        refused("/exports/coverage-gaps.csv?level=EPCI&lacking=COORDINATOR&levle=COMMUNE", 400, "levle");
        refused("/exports/coverage-gaps.ods?level=EPCI&lacking=COORDINATOR", 400, "format");
        refused("/exports/diagnosis/COMMUNE/63113/sub-territories.csv", 400, "level");
        refused("/exports/diagnosis/DEPARTMENT/99/sub-territories.csv", 404, "code");
        // found by probing: a year beyond 9999 answered 500, a NUL in a code was echoed, 1,500 wrong values a 578 KB body
        refused("/exports/diagnosis/DEPARTMENT/2A/sub-territories.csv?referenceDate=%2B999999999-12-31", 400,
                "referenceDate");
        refused("/exports/coverage-gaps.csv?level=EPCI&lacking=COORDINATOR&within=DEPARTMENT:2A%00", 400, "within");
        var manyKinds = java.util.stream.IntStream.range(0, 1500).mapToObj(i -> "X" + i)
                .collect(java.util.stream.Collectors.joining(","));
        http().get().uri("/exports/partners.csv?kinds=" + manyKinds).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.problems.length()").isEqualTo(11)
                .jsonPath("$.problems[10].reason").isEqualTo("et 1490 autre(s) problème(s)");
        // every problem at once
        http().get().uri("/exports/coverage-gaps.csv?level=CANTON&lacking=ALL").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.problems.length()").isEqualTo(2)
                .jsonPath("$.problems[0].parameter").isEqualTo("level")
                .jsonPath("$.problems[1].parameter").isEqualTo("lacking");
    }

    void refused(String uri, int status, String parameter) {
        http().get().uri(uri).exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                // no file: at most Spring's guard against reflected downloads (inline, f.txt)
                .consumeWith(result -> assertThat(String.valueOf(result.getResponseHeaders()
                        .getFirst(HttpHeaders.CONTENT_DISPOSITION))).doesNotContain("attachment"))
                .jsonPath("$.status").isEqualTo(status)
                .jsonPath("$.parameter").isEqualTo(parameter)
                .jsonPath("$.error").value(String.class, message -> assertThat(message).startsWith(parameter + " : "));
    }
}
