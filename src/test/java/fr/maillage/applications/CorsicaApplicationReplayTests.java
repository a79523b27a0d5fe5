package fr.maillage.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import fr.maillage.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The application of the Collectivité de Corse (deliberation 23/186 CP of 19 December 2023), replayed end to end
 * through GraphQL: two adviser posts on 24-month project contracts (June and July 2022) turned into coordinator posts,
 * one for Pumonti (2A), one for Cismonte (2B); 50,000 EUR each for 24 months from June and July 2024, 100,000 EUR in
 * all. The deliberation does not give the filing date; the call closed on 10 December 2023, so it is filed on the 8th.
 */
class CorsicaApplicationReplayTests extends ApplicationFixture {

    String collectivite;
    String pumonti;
    String cismonte;
    String association;
    String bastia;

    @BeforeEach
    void corsica() {
        clearNetwork();
        collectivite = asAnct().document("""
                mutation { registerEmployer(input: {siret: "20007695800012", name: "Collectivité de Corse",
                  legalKind: TERRITORIAL_COLLECTIVITY, communeCode: "2A004"}) { id } }""").execute()
                .path("registerEmployer.id").entity(String.class).get();
        pumonti = hire(collectivite, "Pumonti", "PROJECT_CONTRACT", "2022-06-01", "2024-05-31", place("Ajaccio", "2A004"));
        cismonte = hire(collectivite, "Cismonte", "PROJECT_CONTRACT", "2022-07-01", "2024-06-30", place("Bastia", "2B033"));
        association = asAnct().document("""
                mutation { registerEmployer(input: {siret: "%s", name: "Association Inclusione Aiacciu",
                  legalKind: ASSOCIATION, communeCode: "2A004"}) { id } }""".formatted("77000000800019"))
                .execute().path("registerEmployer.id").entity(String.class).get();
        hire(association, "Aiacciu", "CDI_PRIVATE", "2022-03-01", null, null);
        bastia = asAnct().document("""
                mutation { registerEmployer(input: {siret: "%s", name: "Commune de Bastia",
                  legalKind: TERRITORIAL_COLLECTIVITY, communeCode: "2B033"}) { id } }""".formatted("21200330500019"))
                .execute().path("registerEmployer.id").entity(String.class).get();
        hire(bastia, "Bastia", "CDD_PUBLIC", "2022-04-01", "2027-03-31", null);
    }

    @AfterEach
    void clear() {
        clearNetwork();
    }

    String place(String name, String commune) {
        return asAnct().document("""
                mutation($name: String!, $commune: String!) { addPlace(input: {name: $name,
                  address: "Hôtel de la Collectivité", communeCode: $commune}) { id } }""").variable("name", "Espace numérique " + name)
                .variable("commune", commune).execute().path("addPlace.id").entity(String.class).get();
    }

    String hire(String employer, String lastName, String contract, String start, String end, String placeId) {
        return asAnct().document("""
                mutation($employer: ID!, $last: String!, $contract: ContractType!, $start: Date!, $end: Date, $place: ID) {
                  hireAdviser(input: {employerId: $employer, firstName: "Conseiller", lastName: $last,
                    contractType: $contract, start: $start, end: $end, mainPlaceId: $place}) { id } }""")
                .variable("employer", employer).variable("last", lastName).variable("contract", contract)
                .variable("start", start).variable("end", end).variable("place", placeId).execute()
                .path("hireAdviser.id").entity(String.class).get();
    }

    @Test
    void theCorsicaApplicationYieldsWhatTheDeliberationSays() {
        var employer = token(Role.EMPLOYER, Map.of("sirets", List.of("20007695800012")), null);
        var pumontiApplication = apply(employer, pumonti, "2A", association, "2023-12-01");
        var cismonteApplication = apply(employer, cismonte, "2B", bastia, "2023-12-04");

        // the prefecture of each département gives its opinion, then ANCT decides and notifies
        act(prefectureToken("2A"), "givePrefectureOpinion", pumontiApplication,
                "departmentCode: \"2A\", favourable: true, on: \"2023-12-20\"")
                .path("givePrefectureOpinion.status").entity(String.class).isEqualTo("REVIEWED");
        act(prefectureToken("2B"), "givePrefectureOpinion", cismonteApplication,
                "departmentCode: \"2B\", favourable: true, on: \"2023-12-21\"")
                .path("givePrefectureOpinion.status").entity(String.class).isEqualTo("REVIEWED");
        for (var id : List.of(pumontiApplication, cismonteApplication)) {
            act(anct(), "decideCoordinatorApplication", id, "decision: ACCEPTED, on: \"2024-01-15\"")
                    .path("decideCoordinatorApplication.status").entity(String.class).isEqualTo("ACCEPTED");
            act(anct(), "notifyCoordinatorApplication", id, "on: \"2024-01-31\"")
                    .path("notifyCoordinatorApplication.status").entity(String.class).isEqualTo("NOTIFIED")
                    .path("notifyCoordinatorApplication.recruitmentDueOn").entity(String.class).isEqualTo("2024-07-31")
                    // read today, long after: the recruitment is late until it is recorded
                    .path("notifyCoordinatorApplication.overdue").entityList(String.class)
                    .containsExactly("Recrutement attendu depuis le 2024-07-31");
        }

        // "Attribuer un rôle de coordinateur": each adviser keeps its post and becomes coordinator of its département
        act(employer, "recordCoordinatorRecruitment", pumontiApplication,
                "adviserId: \"" + pumonti + "\", on: \"2024-02-01\"")
                .path("recordCoordinatorRecruitment.status").entity(String.class).isEqualTo("RECRUITED")
                .path("recordCoordinatorRecruitment.coordinator.id").entity(String.class).isEqualTo(pumonti)
                // a converted post keeps the funding start computed from the end of its initial period
                .path("recordCoordinatorRecruitment.funding.startsOn").entity(String.class).isEqualTo("2024-06-01");
        act(employer, "recordCoordinatorRecruitment", cismonteApplication,
                "adviserId: \"" + cismonte + "\", on: \"2024-02-01\"");
        asAnct().document("{ coordinator(id: \"%s\") { perimeterKind perimeter { code } } }".formatted(pumonti)).execute()
                .path("coordinator.perimeterKind").entity(String.class).isEqualTo("DEPARTMENT")
                .path("coordinator.perimeter[*].code").entityList(String.class).containsExactly("2A");

        // the amendments are signed, the subsidy is paid the month after
        for (var id : List.of(pumontiApplication, cismonteApplication)) {
            act(anct(), "recordConventionSignature", id, "on: \"2024-03-15\"")
                    .path("recordConventionSignature.paymentDueBy").entity(String.class).isEqualTo("2024-04-30");
            act(anct(), "recordSubsidyPayment", id, "on: \"2024-04-10\"")
                    .path("recordSubsidyPayment.status").entity(String.class).isEqualTo("SUBSIDY_PAID")
                    .path("recordSubsidyPayment.overdue").entityList(String.class).hasSize(0);
        }

        graphQl().document("""
                { subsidies(campaignCode: "AAC-COORD-2023", groupBy: DEPARTMENT) {
                    total { applications engagedEur paidEur } byTerritory { territory { code } engagedEur } } }""")
                .execute()
                .path("subsidies.total.applications").entity(Integer.class).isEqualTo(2)
                .path("subsidies.total.engagedEur").entity(Integer.class).isEqualTo(100_000)
                .path("subsidies.total.paidEur").entity(Integer.class).isEqualTo(100_000)
                // both employers' posts are the Collectivité's, seated in Ajaccio (2A)
                .path("subsidies.byTerritory[0].territory.code").entity(String.class).isEqualTo("2A");
        graphQl().document("""
                { subsidies(campaignCode: "AAC-COORD-2023") { byTerritory { territory { code name } engagedEur } } }""")
                .execute()
                .path("subsidies.byTerritory[0].territory.name").entity(String.class).isEqualTo("Corse")
                .path("subsidies.byTerritory[0].engagedEur").entity(Integer.class).isEqualTo(100_000);

        asAnct().document("{ coordinatorApplication(id: \"%s\") { %s } }".formatted(cismonteApplication,
                APPLICATION_FIELDS)).execute()
                .path("coordinatorApplication.funding.amountEur").entity(Integer.class).isEqualTo(50_000)
                .path("coordinatorApplication.funding.startsOn").entity(String.class).isEqualTo("2024-07-01")
                .path("coordinatorApplication.funding.endsOn").entity(String.class).isEqualTo("2026-06-30")
                .path("coordinatorApplication.history[*].action").entityList(String.class).containsExactly("DRAFT",
                        "CONSULTATION", "SUBMIT", "OPINION", "DECIDE", "NOTIFY", "RECRUIT", "SIGN", "PAY");
    }

    /** Draft, consult the other employer of the zone, fail after the closing date, file on 8 December 2023. */
    String apply(String employer, String adviser, String department, String otherEmployer, String consultedOn) {
        var id = graphQl(employer).document("""
                mutation($input: CoordinatorApplicationInput!) { draftCoordinatorApplication(input: $input) { %s } }"""
                .formatted(APPLICATION_FIELDS))
                .variable("input", input(collectivite, "CONVERT_ADVISER_POST", "PROJECT_CONTRACT", "DEPARTMENT",
                        department, adviser)).execute()
                .path("draftCoordinatorApplication.status").entity(String.class).isEqualTo("DRAFT")
                .path("draftCoordinatorApplication.funding.amountEur").entity(Integer.class).isEqualTo(50_000)
                .path("draftCoordinatorApplication.funding.periodMonths").entity(Integer.class).isEqualTo(24)
                .path("draftCoordinatorApplication.funding.rule.applicant").entity(String.class).isEqualTo("COLLECTIVITY")
                .path("draftCoordinatorApplication.existingPost.id").entity(String.class).isEqualTo(adviser)
                .path("draftCoordinatorApplication.consultationsMissing").entity(Integer.class).isEqualTo(1)
                .path("draftCoordinatorApplication.id").entity(String.class).get();

        graphQl(employer).document("mutation { submitCoordinatorApplication(id: \"%s\", on: \"2023-12-08\") { id } }"
                .formatted(id)).execute().errors().satisfy(errors -> assertThat(errors)
                .extracting(e -> e.getExtensions().get("field")).containsExactly("consultations"));
        graphQl(employer).document("""
                mutation { recordConsultation(applicationId: "%s", employerId: "%s", answer: FAVOURABLE,
                  on: "%s") { consultationsMissing } }""".formatted(id, otherEmployer, consultedOn)).execute()
                .path("recordConsultation.consultationsMissing").entity(Integer.class).isEqualTo(0);
        graphQl(employer).document("mutation { submitCoordinatorApplication(id: \"%s\", on: \"2023-12-19\") { id } }"
                .formatted(id)).execute().errors().satisfy(errors -> assertThat(errors)
                .extracting(e -> e.getExtensions().get("reason")).singleElement().asString()
                .contains("du 2023-10-02 au 2023-12-10"));
        act(employer, "submitCoordinatorApplication", id, "on: \"2023-12-08\"")
                .path("submitCoordinatorApplication.status").entity(String.class).isEqualTo("SUBMITTED")
                .path("submitCoordinatorApplication.notificationDueOn").entity(String.class).isEqualTo("2024-02-08")
                .path("submitCoordinatorApplication.opinions[*].prefecture.code").entityList(String.class)
                .containsExactly(department)
                .path("submitCoordinatorApplication.perimeter.departmentCodes").entityList(String.class)
                .containsExactly(department);
        return id;
    }
}
