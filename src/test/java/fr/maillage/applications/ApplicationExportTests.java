package fr.maillage.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.maillage.support.Spreadsheets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;

/**
 * The applications queue (ANCT only) and the subsidies of a campaign (public) as CSV and XLSX: every application of
 * each list of the queue, and the totals of {@code subsidies}.
 */
class ApplicationExportTests extends ApplicationFixture {

    String waiting;
    String unrecruited;
    String unpaid;

    /** As in ApplicationWorkflowTests: one late to notify, one notified but not recruited, one signed but unpaid. */
    @BeforeEach
    void queue() {
        clearNetwork();
        var late = employer("Commune de Mende", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
        waiting = draftId(late, "CREATE_POST", "CDI_PUBLIC", "DEPARTMENT", "48", null);
        clock.today(LocalDate.of(2023, 10, 10));
        act(employerToken(late), "submitCoordinatorApplication", waiting, "");
        var notified = employer("Commune de Rodez", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "12202");
        unrecruited = draftId(notified, "CREATE_POST", "CDI_PUBLIC", "DEPARTMENT", "12", null);
        clock.today(LocalDate.of(2023, 10, 20));
        act(employerToken(notified), "submitCoordinatorApplication", unrecruited, "");
        clock.today(LocalDate.of(2023, 10, 27));
        act(prefectureToken("12"), "givePrefectureOpinion", unrecruited, "departmentCode: \"12\", favourable: true");
        clock.today(LocalDate.of(2023, 11, 3));
        act(anct(), "decideCoordinatorApplication", unrecruited, "decision: ACCEPTED");
        clock.today(LocalDate.of(2023, 11, 10));
        act(anct(), "notifyCoordinatorApplication", unrecruited, "");
        var signed = employer("Commune de Millau", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "12145");
        unpaid = draftId(signed, "CREATE_POST", "CDI_PUBLIC", "COMMUNE", "12145", null);
        write("MATCH (a:CoordinatorApplication {id: $id}) SET a.status = 'CONVENTION_SIGNED',"
                + " a.conventionSignedOn = date('2024-03-15')", Map.of("id", unpaid));
        clock.reset();
    }

    @AfterEach
    void bareReferential() {
        clearNetwork();
    }

    @Test
    void theQueueHasALinePerListAndApplicationAsTheApiCountsThem() {
        var rows = Spreadsheets.csv(http(anct()).get().uri("/exports/application-queue.csv?campaignCode=AAC-COORD-2023")
                .exchange().expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_DISPOSITION, value -> assertThat(value)
                        .startsWith("attachment; filename=\"file-candidatures-AAC-COORD-2023-"))
                .expectBody(byte[].class).returnResult().getResponseBody());
        assertThat(rows.get(0)).startsWith("File", "Référence", "Campagne", "Structure", "SIRET", "Cas");
        var api = asAnct().document("""
                { applicationQueue(campaignCode: "AAC-COORD-2023") {
                    awaitingOpinions { totalCount } awaitingDecision { totalCount } awaitingNotification { totalCount }
                    notificationOverdue { totalCount } recruitmentOverdue { totalCount } paymentOverdue { totalCount } } }""")
                .execute().errors().verify().path("applicationQueue")
                .entity(new ParameterizedTypeReference<Map<String, Map<String, Integer>>>() {
                }).get();
        int total = api.values().stream().mapToInt(list -> list.get("totalCount")).sum();
        assertThat(rows).hasSize(total + 1);
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0)).containsExactly(
                "Avis des préfectures attendus", "Notification en retard", "Recrutement en retard",
                "Versement en retard");
        var late = rows.get(2);
        assertThat(late.get(3)).isEqualTo("Commune de Mende");
        assertThat(late).contains("10/10/2023", "10/12/2023", "Notification attendue depuis le 2023-12-10");
        assertThat(rows.get(3)).contains("Commune de Rodez", "Acceptée", "10/11/2023", "10/05/2024");
        // the same as XLSX
        try (var workbook = Spreadsheets.xlsx(http(anct()).get().uri("/exports/application-queue.xlsx").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody())) {
            var values = Spreadsheets.values(workbook.getSheetAt(0));
            assertThat(values).hasSize(rows.size());
            assertThat(values.get(2).get(11)).isEqualTo(LocalDate.of(2023, 10, 10));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theQueueIsAnctsOnly() {
        http().get().uri("/exports/application-queue.csv").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        http(prefectureToken("48")).get().uri("/exports/application-queue.csv").exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.error").value(String.class, m -> assertThat(m).startsWith("Accès refusé"));
        http(anct()).get().uri("/exports/application-queue.csv?campaignCode=AAC-1999").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("campaignCode");
    }

    @Test
    void subsidiesArePublicAndAddUpLikeTheApi() {
        for (var groupBy : List.of("REGION", "DEPARTMENT")) {
            var rows = Spreadsheets.csv(http().get().uri("/exports/subsidies.csv?campaignCode=AAC-COORD-2023&groupBy="
                    + groupBy).exchange().expectStatus().isOk().expectBody(byte[].class).returnResult()
                    .getResponseBody());
            assertThat(rows.get(0)).containsExactly("Code INSEE", "Nom", "Candidatures", "Montant engagé (€)",
                    "Montant versé (€)");
            var api = graphQl().document("{ subsidies(campaignCode: \"AAC-COORD-2023\", groupBy: " + groupBy + ") {"
                    + " total { applications engagedEur paidEur } byTerritory { territory { code name } } } }")
                    .execute().errors().verify();
            api.path("subsidies.byTerritory[*].territory.code").entityList(String.class)
                    .containsExactly(rows.subList(1, rows.size()).stream().map(r -> r.get(0)).toArray(String[]::new));
            api.path("subsidies.byTerritory[*].territory.name").entityList(String.class)
                    .containsExactly(rows.subList(1, rows.size()).stream().map(r -> r.get(1)).toArray(String[]::new));
            api.path("subsidies.total.applications").entity(Long.class).isEqualTo(sum(rows, 2))
                    .path("subsidies.total.engagedEur").entity(Long.class).isEqualTo(sum(rows, 3))
                    .path("subsidies.total.paidEur").entity(Long.class).isEqualTo(sum(rows, 4));
            assertThat(sum(rows, 3)).isPositive();
        }
        http().get().uri("/exports/subsidies.csv").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("campaignCode");
        http().get().uri("/exports/subsidies.csv?campaignCode=AAC-COORD-2023&groupBy=EPCI").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("groupBy");
    }

    static long sum(List<List<String>> rows, int column) {
        return rows.stream().skip(1).mapToLong(r -> Long.parseLong(r.get(column))).sum();
    }
}
