package fr.maillage.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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

        // the deliberation's own day is past the closing date: filing then is refused, and nobody but ANCT can
        // backdate a filing
        clock.today(LocalDate.of(2023, 12, 19));
        var late = graphQl(employer).document("""
                mutation($input: CoordinatorApplicationInput!) { draftCoordinatorApplication(input: $input) { id } }""")
                .variable("input", input(collectivite, "CONVERT_ADVISER_POST", "PROJECT_CONTRACT", "DEPARTMENT", "2A",
                        pumonti)).execute().path("draftCoordinatorApplication.id").entity(String.class).get();
        graphQl(employer).document("mutation { submitCoordinatorApplication(id: \"%s\") { id } }".formatted(late))
                .execute().errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("reason"))
                        .anySatisfy(reason -> assertThat(reason.toString()).contains("du 2023-10-02 au 2023-12-10")));
        graphQl(employer).document("mutation { submitCoordinatorApplication(id: \"%s\", on: \"2023-12-08\") { id } }"
                .formatted(late)).execute().errors().satisfy(errors -> assertThat(errors)
                .extracting(e -> e.getExtensions().get("reason")).anySatisfy(reason -> assertThat(reason.toString())
                        .contains("seule l'ANCT enregistre un acte à une date passée")));
        act(employer, "withdrawCoordinatorApplication", late, "reason: \"Déposée hors délai\"")
                .path("withdrawCoordinatorApplication.status").entity(String.class).isEqualTo("WITHDRAWN");

        // the prefecture of each département gives its opinion, then ANCT decides and notifies
        clock.today(LocalDate.of(2023, 12, 20));
        act(prefectureToken("2A"), "givePrefectureOpinion", pumontiApplication, "departmentCode: \"2A\", favourable: true")
                .path("givePrefectureOpinion.status").entity(String.class).isEqualTo("REVIEWED");
        clock.today(LocalDate.of(2023, 12, 21));
        act(prefectureToken("2B"), "givePrefectureOpinion", cismonteApplication, "departmentCode: \"2B\", favourable: true")
                .path("givePrefectureOpinion.status").entity(String.class).isEqualTo("REVIEWED");
        for (var id : List.of(pumontiApplication, cismonteApplication)) {
            clock.today(LocalDate.of(2024, 1, 15));
            act(anct(), "decideCoordinatorApplication", id, "decision: ACCEPTED")
                    .path("decideCoordinatorApplication.status").entity(String.class).isEqualTo("ACCEPTED");
            clock.today(LocalDate.of(2024, 1, 31));
            act(anct(), "notifyCoordinatorApplication", id, "")
                    .path("notifyCoordinatorApplication.status").entity(String.class).isEqualTo("NOTIFIED")
                    .path("notifyCoordinatorApplication.recruitmentDueOn").entity(String.class).isEqualTo("2024-07-31")
                    .path("notifyCoordinatorApplication.overdue").entityList(String.class).hasSize(0);
        }

        // "Attribuer un rôle de coordinateur": each adviser keeps its post and becomes coordinator of its département
        clock.today(LocalDate.of(2024, 2, 1));
        act(employer, "recordCoordinatorRecruitment", pumontiApplication, "adviserId: \"" + pumonti + "\"")
                .path("recordCoordinatorRecruitment.status").entity(String.class).isEqualTo("RECRUITED")
                .path("recordCoordinatorRecruitment.coordinator.id").entity(String.class).isEqualTo(pumonti)
                // a converted post keeps the funding start computed from the end of its initial period
                .path("recordCoordinatorRecruitment.funding.startsOn").entity(String.class).isEqualTo("2024-06-01");
        act(employer, "recordCoordinatorRecruitment", cismonteApplication, "adviserId: \"" + cismonte + "\"")
                .path("recordCoordinatorRecruitment.status").entity(String.class).isEqualTo("RECRUITED");
        asAnct().document("{ coordinator(id: \"%s\") { perimeterKind perimeter { code } } }".formatted(pumonti)).execute()
                .path("coordinator.perimeterKind").entity(String.class).isEqualTo("DEPARTMENT")
                .path("coordinator.perimeter[*].code").entityList(String.class).containsExactly("2A");

        // the amendments are signed, the subsidy is paid the month after, not before
        for (var id : List.of(pumontiApplication, cismonteApplication)) {
            clock.today(LocalDate.of(2024, 3, 15));
            act(anct(), "recordConventionSignature", id, "")
                    .path("recordConventionSignature.paymentDueBy").entity(String.class).isEqualTo("2024-04-30");
            clock.today(LocalDate.of(2024, 3, 28));
            graphQl(anct()).document("mutation { recordSubsidyPayment(id: \"%s\") { id } }".formatted(id)).execute()
                    .errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getExtensions().get("field"))
                            .containsExactly("on"));
            clock.today(LocalDate.of(2024, 4, 10));
            act(anct(), "recordSubsidyPayment", id, "")
                    .path("recordSubsidyPayment.status").entity(String.class).isEqualTo("SUBSIDY_PAID")
                    .path("recordSubsidyPayment.overdue").entityList(String.class).hasSize(0);
        }
        clock.reset();

        graphQl().document("""
                { subsidies(campaignCode: "AAC-COORD-2023", groupBy: DEPARTMENT) {
                    total { applications engagedEur paidEur } byTerritory { territory { code } engagedEur } } }""")
                .execute()
                .path("subsidies.total.applications").entity(Integer.class).isEqualTo(2)
                .path("subsidies.total.engagedEur").entity(Integer.class).isEqualTo(100_000)
                .path("subsidies.total.paidEur").entity(Integer.class).isEqualTo(100_000)
                // both posts are the Collectivité's, seated in Ajaccio (2A): subsidies go by the employer's territory
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
                .path("coordinatorApplication.overdue").entityList(String.class).hasSize(0)
                .path("coordinatorApplication.history[*].action").entityList(String.class).containsExactly("DRAFT",
                        "CONSULTATION", "SUBMIT", "OPINION", "DECIDE", "NOTIFY", "RECRUIT", "SIGN", "PAY")
                // the structure consulted is named in the history a person reads
                .path("coordinatorApplication.history[?(@.action == 'CONSULTATION')].label").entityList(String.class)
                .satisfies(labels -> assertThat(labels).singleElement().asString()
                        .startsWith("Consultation de la structure employeuse Commune de Bastia (")
                        .endsWith(") : favorable"));
    }

    /** Drafted in late November 2023, the other employer of the zone consulted, filed on 8 December 2023. */
    String apply(String employer, String adviser, String department, String otherEmployer, String consultedOn) {
        clock.today(LocalDate.of(2023, 11, 28));
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

        graphQl(employer).document("mutation { submitCoordinatorApplication(id: \"%s\") { id } }".formatted(id))
                .execute().errors().satisfy(errors -> assertThat(errors)
                        .extracting(e -> e.getExtensions().get("field")).containsExactly("consultations"));
        clock.today(LocalDate.parse(consultedOn));
        graphQl(employer).document("""
                mutation { recordConsultation(applicationId: "%s", employerId: "%s", answer: FAVOURABLE,
                  on: "%s") { consultationsMissing } }""".formatted(id, otherEmployer, consultedOn)).execute()
                .path("recordConsultation.consultationsMissing").entity(Integer.class).isEqualTo(0);
        clock.today(LocalDate.of(2023, 12, 8));
        act(employer, "submitCoordinatorApplication", id, "")
                .path("submitCoordinatorApplication.status").entity(String.class).isEqualTo("SUBMITTED")
                .path("submitCoordinatorApplication.submittedOn").entity(String.class).isEqualTo("2023-12-08")
                .path("submitCoordinatorApplication.notificationDueOn").entity(String.class).isEqualTo("2024-02-08")
                .path("submitCoordinatorApplication.opinions[*].prefecture.code").entityList(String.class)
                .containsExactly(department)
                .path("submitCoordinatorApplication.perimeter.departmentCodes").entityList(String.class)
                .containsExactly(department);
        return id;
    }
}
