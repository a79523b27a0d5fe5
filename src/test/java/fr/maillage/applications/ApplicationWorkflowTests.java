package fr.maillage.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.maillage.database.CypherStatementCounter;
import fr.maillage.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Applications through GraphQL: the funding table case by case against the 2023 campaign loaded by migration,
 * eligibility and the five cases against the graph, every step of the workflow by the right role only, the
 * deadlines, and who sees what. A refused step changes nothing: neither the status nor the history.
 */
class ApplicationWorkflowTests extends ApplicationFixture {

    static final LocalDate LONG_AGO = LocalDate.of(2021, 1, 1);

    @BeforeEach
    @AfterEach
    void bareReferential() {
        clearNetwork();
    }

    // The funding table, case by case (a structure new to the programme creating a post)

    @ParameterizedTest(name = "{0} {1} in {3} with {4}: {5} EUR for {6} months")
    @CsvSource({
            "TERRITORIAL_COLLECTIVITY, PUBLIC, Ajaccio, 2A004, CDI_PUBLIC, 50000, 24",
            "COLLECTIVITY_GROUPING, PUBLIC, Saint-Denis (La Réunion), 97411, CDD_PUBLIC, 67500, 24",
            "TERRITORIAL_COLLECTIVITY, PUBLIC, Mamoudzou (Mayotte), 97611, CIVIL_SERVANT, 67500, 24",
            "TERRITORIAL_COLLECTIVITY, PUBLIC, Fort-de-France (Martinique), 97209, PROJECT_CONTRACT, 70000, 24",
            "TERRITORIAL_COLLECTIVITY, PUBLIC, Cayenne (Guyane), 97302, CDI_PUBLIC, 70000, 24",
            "TERRITORIAL_COLLECTIVITY, PUBLIC, Basse-Terre (Guadeloupe), 97105, CDI_PUBLIC, 70000, 24",
            "LOCAL_PUBLIC_BODY, PUBLIC, Marseille, 13055, CDD_PUBLIC, 37500, 18",
            "CONSULAR_CHAMBER, PUBLIC, Lyon, 69123, CDD_PRIVATE, 37500, 18",
            "ASSOCIATION, PRIVATE, Paris, 75056, CDI_PRIVATE, 40000, 24",
            "ASSOCIATION, PRIVATE, Saint-Denis (La Réunion), 97411, CDI_PRIVATE, 40000, 24",
            "ASSOCIATION, PRIVATE, Saint-Denis (La Réunion), 97411, CDD_PRIVATE, 32000, 18",
            "SOCIAL_ECONOMY_COMPANY, PRIVATE, Fort-de-France (Martinique), 97209, CDD_PRIVATE, 32000, 18" })
    void theSubsidyFollowsTheTableOfTheCampaign(String legalKind, String sector, String place, String commune,
            String contract, int amount, int months) {
        var employer = employer("Structure de " + place, legalKind, sector, commune);
        draft(employer, "CREATE_POST", contract, "COMMUNE", commune, null)
                .path("draftCoordinatorApplication.funding.amountEur").entity(Integer.class).isEqualTo(amount)
                .path("draftCoordinatorApplication.funding.periodMonths").entity(Integer.class).isEqualTo(months)
                // a new post is funded from its recruitment: unknown before
                .path("draftCoordinatorApplication.funding.startsOn").valueIsNull();
    }

    @Test
    void aPrivateProjectContractNeedsABranchAgreement() {
        var employer = employer("Association Numérique Pour Tous", "ASSOCIATION", "PRIVATE", "75056");
        fieldsOf(draft(employer, "CREATE_POST", "PROJECT_CONTRACT", "COMMUNE", "75056", null))
                .containsExactly("input.branchAgreement");
        var input = input(employer, "CREATE_POST", "PROJECT_CONTRACT", "COMMUNE", "75056", null);
        input.put("branchAgreement", true);
        asAnct().document("""
                mutation($input: CoordinatorApplicationInput!) { draftCoordinatorApplication(input: $input) {
                  funding { amountEur periodMonths } } }""").variable("input", input).execute()
                .path("draftCoordinatorApplication.funding.amountEur").entity(Integer.class).isEqualTo(40_000);
    }

    @Test
    void aContractOutsideTheTableIsRefusedAndSaysWhichAreFunded() {
        var employer = employer("Commune de Lyon", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "69123");
        draft(employer, "CREATE_POST", "CDI_PRIVATE", "COMMUNE", "69123", null).errors().satisfy(errors -> {
            assertThat(errors).extracting(e -> e.getExtensions().get("field")).containsExactly("input.contractType");
            assertThat(errors.get(0).getMessage()).contains("CDI de droit privé", "CDI de droit public");
        });
        assertThat(count("MATCH (a:CoordinatorApplication) RETURN count(a)")).isZero();
    }

    // Eligibility and the five cases against the graph

    @Test
    void anIneligibleLegalKindIsRefusedWithEveryOtherProblemAtOnce() {
        var company = employer("SAS Numérique", "PRIVATE_COMPANY", "PRIVATE", "75056");
        var input = input(company, "CREATE_POST", "CDI_PRIVATE", "COMMUNE", "75056", null);
        input.put("fullTime", false);
        asAnct().document("mutation($input: CoordinatorApplicationInput!) { draftCoordinatorApplication(input: $input) { id } }")
                .variable("input", input).execute().errors().satisfy(errors -> assertThat(errors)
                        .extracting(e -> e.getExtensions().get("field"))
                        .containsExactlyInAnyOrder("input.employerId", "input.fullTime"));
        assertThat(count("MATCH (a:CoordinatorApplication) RETURN count(a)")).isZero();
    }

    @Test
    void theCaseMustFitTheEmployersSituationInTheGraph() {
        var newcomer = employer("Commune de Bastia", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "2B033");
        fieldsOf(draft(newcomer, "ADDITIONAL_POST", "CDI_PUBLIC", "COMMUNE", "2B033", null)).containsExactly("input.applicationCase");

        var inProgramme = employer("Communauté d'agglomération du Pays Ajaccien", "COLLECTIVITY_GROUPING", "PUBLIC", "2A004");
        var adviser = adviser("cn-ajaccio", inProgramme, "CONSEILLER_NUMERIQUE", LONG_AGO, false);
        fieldsOf(draft(inProgramme, "CREATE_POST", "CDI_PUBLIC", "EPCI", "242010056", null)).containsExactly("input.applicationCase");
        // case 1 needs a coordination post; case 2 names the converted adviser
        fieldsOf(draft(inProgramme, "EXTEND_COORDINATION_POST", "CDI_PUBLIC", "EPCI", "242010056", adviser))
                .contains("input.applicationCase");
        fieldsOf(draft(inProgramme, "CONVERT_ADVISER_POST", "CDI_PUBLIC", "EPCI", "242010056", null))
                .containsExactly("input.existingPostAdviserId");
        draft(inProgramme, "CONVERT_ADVISER_POST", "CDI_PUBLIC", "EPCI", "242010056", adviser)
                .path("draftCoordinatorApplication.funding.startsOn").entity(String.class)
                .isEqualTo(LONG_AGO.plusMonths(24).toString());
        draft(inProgramme, "ADDITIONAL_POST", "CDI_PUBLIC", "EPCI", "242010056", null)
                .path("draftCoordinatorApplication.status").entity(String.class).isEqualTo("DRAFT");
    }

    @Test
    void integratingAnExistingCoordinationPostBringsItIntoTheProgramme() {
        var employer = employer("Association Médiation Lozère", "ASSOCIATION", "PRIVATE", "48095");
        var coordinator = adviser("mediator-lozere", employer, "OTHER", LONG_AGO, true);
        var id = draftId(employer, "INTEGRATE_COORDINATION_POST", "CDI_PRIVATE", "DEPARTMENT", "48", coordinator);
        walkToNotified(id, employer, "48", LocalDate.of(2023, 11, 20));
        clock.today(LocalDate.of(2024, 2, 15));
        act(employerToken(employer), "recordCoordinatorRecruitment", id, "adviserId: \"" + coordinator + "\"")
                .path("recordCoordinatorRecruitment.funding.startsOn").entity(String.class).isEqualTo("2024-02-15")
                .path("recordCoordinatorRecruitment.funding.endsOn").entity(String.class).isEqualTo("2026-02-14");
        assertThat(count("MATCH (a:Coordinator {id: $id, scheme: 'CONSEILLER_NUMERIQUE'})-[:COVERS]->(:Department {code: '48'})"
                + " RETURN count(a)", Map.of("id", coordinator))).isOne();
    }

    // The workflow: each step by its role, in order

    @Test
    void illegalStepsAreClearErrorsThatChangeNothing() {
        var employer = employer("Commune de Mende", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
        var id = draftId(employer, "CREATE_POST", "CDI_PUBLIC", "DEPARTMENT", "48", null);
        long history = events(id);

        // ANCT cannot decide, notify or record a recruitment on a draft
        refused(act(anct(), "decideCoordinatorApplication", id, "decision: ACCEPTED"), "id");
        refused(act(anct(), "notifyCoordinatorApplication", id, ""), "id");
        refused(act(anct(), "recordCoordinatorRecruitment", id, "adviserId: \"nobody\""), "id");
        // not before the campaign opens, not in the future, and only ANCT records a past act
        clock.today(LocalDate.of(2023, 9, 30));
        refused(act(employerToken(employer), "submitCoordinatorApplication", id, ""), "on");
        refused(act(employerToken(employer), "submitCoordinatorApplication", id, "on: \"2023-10-31\""), "on");
        clock.today(LocalDate.of(2023, 11, 1));
        refused(act(employerToken(employer), "submitCoordinatorApplication", id, "on: \"2023-11-02\""), "on");
        refused(act(employerToken(employer), "submitCoordinatorApplication", id, "on: \"2023-10-31\""), "on");
        // another employer, a prefecture, an anonymous caller may not submit it
        var other = employer("Commune de Marvejols", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48092");
        forbidden(act(employerToken(other), "submitCoordinatorApplication", id, ""));
        forbidden(act(prefectureToken("48"), "submitCoordinatorApplication", id, ""));
        forbidden(graphQl().document("mutation { submitCoordinatorApplication(id: \"%s\") { id } }".formatted(id))
                .execute());
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(events(id)).isEqualTo(history);

        act(employerToken(employer), "submitCoordinatorApplication", id, "")
                .path("submitCoordinatorApplication.status").entity(String.class).isEqualTo("SUBMITTED");
        // ANCT decides only after the prefectures; a prefecture opines on its own département only; ANCT does not opine
        refused(act(anct(), "decideCoordinatorApplication", id, "decision: ACCEPTED"), "id");
        forbidden(act(prefectureToken("2A"), "givePrefectureOpinion", id, "departmentCode: \"48\", favourable: true"));
        forbidden(act(prefectureToken("2A"), "givePrefectureOpinion", id, "departmentCode: \"2A\", favourable: true"));
        forbidden(act(anct(), "givePrefectureOpinion", id, "departmentCode: \"48\", favourable: true"));
        refused(act(prefectureToken("48"), "givePrefectureOpinion", id, "departmentCode: \"48\", favourable: false"),
                "comment");
        refused(act(prefectureToken("48"), "givePrefectureOpinion", id,
                "departmentCode: \"48\", favourable: true, on: \"2023-10-15\""), "on");
        clock.today(LocalDate.of(2023, 11, 20));
        act(prefectureToken("48"), "givePrefectureOpinion", id,
                "departmentCode: \"48\", favourable: false, comment: \"Zone déjà couverte\"")
                .path("givePrefectureOpinion.status").entity(String.class).isEqualTo("REVIEWED");
        // the employer cannot decide; a refusal is motivated; a decided application is no longer withdrawn
        clock.today(LocalDate.of(2023, 12, 1));
        forbidden(act(employerToken(employer), "decideCoordinatorApplication", id, "decision: ACCEPTED"));
        refused(act(anct(), "decideCoordinatorApplication", id, "decision: REFUSED"), "comment");
        act(anct(), "decideCoordinatorApplication", id, "decision: REFUSED, comment: \"Avis défavorable de la préfecture\"")
                .path("decideCoordinatorApplication.status").entity(String.class).isEqualTo("REFUSED");
        refused(act(anct(), "decideCoordinatorApplication", id, "decision: ACCEPTED"), "id");
        refused(act(employerToken(employer), "withdrawCoordinatorApplication", id, ""), "id");
        clock.today(LocalDate.of(2023, 12, 5));
        act(anct(), "notifyCoordinatorApplication", id, "")
                .path("notifyCoordinatorApplication.status").entity(String.class).isEqualTo("NOTIFIED");
        refused(act(anct(), "notifyCoordinatorApplication", id, ""), "id");
        // a refused application recruits nobody, signs nothing, is paid nothing
        var adviser = adviser("cn-mende", employer, "CONSEILLER_NUMERIQUE", LONG_AGO, false);
        clock.today(LocalDate.of(2024, 1, 10));
        refused(act(employerToken(employer), "recordCoordinatorRecruitment", id, "adviserId: \"" + adviser + "\""), "id");
        refused(act(anct(), "recordConventionSignature", id, ""), "id");
        refused(act(anct(), "recordSubsidyPayment", id, ""), "id");
        assertThat(count("MATCH (c:Coordinator) RETURN count(c)")).isZero();
        assertThat(status(id)).isEqualTo("NOTIFIED");
    }

    @Test
    void aFiledApplicationIsNoLongerEditedAndEachStepIsTakenOnce() {
        var employer = employer("Commune de Mende", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
        var other = employer("Commune de Marvejols", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48092");
        var id = draftId(employer, "CREATE_POST", "CDI_PUBLIC", "DEPARTMENT", "48", null);
        clock.today(LocalDate.of(2023, 11, 1));
        act(employerToken(employer), "submitCoordinatorApplication", id, "");
        long history = events(id);
        refused(act(employerToken(employer), "submitCoordinatorApplication", id, ""), "id");
        refused(graphQl(employerToken(employer)).document("""
                mutation($id: ID!, $input: CoordinatorApplicationInput!) { updateCoordinatorApplication(id: $id,
                  input: $input) { id } }""").variable("id", id)
                .variable("input", input(employer, "CREATE_POST", "CDD_PUBLIC", "DEPARTMENT", "48", null)).execute(), "id");
        refused(graphQl(employerToken(employer)).document("""
                mutation { recordConsultation(applicationId: "%s", employerId: "%s", answer: FAVOURABLE) { id } }"""
                .formatted(id, other)).execute(), "id");
        refused(act(anct(), "recordConventionSignature", id, ""), "id");
        refused(act(anct(), "recordSubsidyPayment", id, ""), "id");
        assertThat(status(id)).isEqualTo("SUBMITTED");
        assertThat(events(id)).isEqualTo(history);
        assertThat(count("MATCH (:CoordinatorApplication {id: $id})-[c:CONSULTED]->() RETURN count(c)",
                Map.of("id", id))).isZero();
    }

    @Test
    void aZoneOverTwoDepartementsWaitsForBothPrefectures() {
        var epci = epciOverTwoDepartments();
        var departments = departmentsOf(epci);
        var employer = employer("Communauté de communes", "COLLECTIVITY_GROUPING", "PUBLIC", communeOf(epci));
        var id = draftId(employer, "CREATE_POST", "CDI_PUBLIC", "EPCI", epci, null);
        clock.today(LocalDate.of(2023, 11, 1));
        act(employerToken(employer), "submitCoordinatorApplication", id, "")
                .path("submitCoordinatorApplication.opinions[*].prefecture.code").entityList(String.class)
                .containsExactly(departments.toArray(String[]::new));
        act(prefectureToken(departments.get(0)), "givePrefectureOpinion", id,
                "departmentCode: \"%s\", favourable: true".formatted(departments.get(0)))
                .path("givePrefectureOpinion.status").entity(String.class).isEqualTo("SUBMITTED");
        act(anct(), "decideCoordinatorApplication", id, "decision: ACCEPTED").errors().satisfy(errors ->
                assertThat(errors.get(0).getMessage()).contains("avis attendu de la préfecture : " + departments.get(1)));
        act(prefectureToken(departments.get(1)), "givePrefectureOpinion", id,
                "departmentCode: \"%s\", favourable: true".formatted(departments.get(1)))
                .path("givePrefectureOpinion.status").entity(String.class).isEqualTo("REVIEWED");
    }

    @Test
    void anExtensionKeepsTheCoordinatorAndMovesItsPerimeterToTheZone() {
        var employer = employer("Département de la Lozère", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
        adviser("cn-lozere", employer, "CONSEILLER_NUMERIQUE", LONG_AGO, false);
        var holder = adviser("coord-lozere", employer, "CONSEILLER_NUMERIQUE", LocalDate.of(2022, 3, 1), true);
        write("MATCH (c:Coordinator {id: 'coord-lozere'}), (m:Commune {code: '48095'}) CREATE (c)-[:COVERS]->(m)",
                Map.of());
        var id = draft(employer, "EXTEND_COORDINATION_POST", "CDI_PUBLIC", "DEPARTMENT", "48", holder)
                .path("draftCoordinatorApplication.funding.startsOn").entity(String.class).isEqualTo("2024-03-01")
                .path("draftCoordinatorApplication.id").entity(String.class).get();
        walkToNotified(id, employer, "48", LocalDate.of(2023, 11, 6));
        clock.today(LocalDate.of(2024, 1, 8));
        refused(act(employerToken(employer), "recordCoordinatorRecruitment", id, "adviserId: \"cn-lozere\""), "adviserId");
        act(employerToken(employer), "recordCoordinatorRecruitment", id, "adviserId: \"" + holder + "\"")
                .path("recordCoordinatorRecruitment.status").entity(String.class).isEqualTo("RECRUITED");
        assertThat(count("MATCH (:Coordinator {id: $id})-[:COVERS]->(t)"
                + " RETURN sum(CASE WHEN t:Department AND t.code = '48' THEN 1 ELSE 100 END)", Map.of("id", holder)))
                .isOne();
        assertThat(count("MATCH (c:Coordinator) RETURN count(c)")).isOne();
    }

    @Test
    void recruitmentAndPaymentFollowTheirOwnRules() {
        var employer = employer("Commune de Mende", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
        var id = draftId(employer, "CREATE_POST", "CDI_PUBLIC", "DEPARTMENT", "48", null);
        walkToNotified(id, employer, "48", LocalDate.of(2023, 11, 2));
        var elsewhere = employer("Commune de Marvejols", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48092");
        var notOurs = adviser("cn-marvejols", elsewhere, "CONSEILLER_NUMERIQUE", LONG_AGO, false);
        var ours = adviser("cn-mende", employer, "CONSEILLER_NUMERIQUE", LONG_AGO, false);
        // the coordinator is an employee of the applicant, recruited after the notification, on the day it is recorded
        clock.today(LocalDate.of(2024, 2, 1));
        // another structure's adviser is out of the employer's scope; ANCT is told why it cannot be recruited
        forbidden(act(employerToken(employer), "recordCoordinatorRecruitment", id, "adviserId: \"" + notOurs + "\""));
        refused(act(anct(), "recordCoordinatorRecruitment", id, "adviserId: \"" + notOurs + "\""), "adviserId");
        refused(act(employerToken(employer), "recordCoordinatorRecruitment", id,
                "adviserId: \"" + ours + "\", on: \"2023-11-20\""), "on");
        act(employerToken(employer), "recordCoordinatorRecruitment", id, "adviserId: \"" + ours + "\"")
                .path("recordCoordinatorRecruitment.coordinator.id").entity(String.class).isEqualTo(ours);
        refused(act(employerToken(employer), "recordCoordinatorRecruitment", id, "adviserId: \"" + ours + "\""), "id");
        // the convention is ANCT's; the subsidy is paid from the month after signature
        clock.today(LocalDate.of(2024, 3, 15));
        forbidden(act(employerToken(employer), "recordConventionSignature", id, ""));
        refused(act(anct(), "recordSubsidyPayment", id, ""), "id");
        act(anct(), "recordConventionSignature", id, "");
        refused(act(anct(), "recordSubsidyPayment", id, "on: \"2024-03-15\""), "on");
        clock.today(LocalDate.of(2024, 4, 2));
        act(anct(), "recordSubsidyPayment", id, "")
                .path("recordSubsidyPayment.status").entity(String.class).isEqualTo("SUBSIDY_PAID")
                .path("recordSubsidyPayment.paidOn").entity(String.class).isEqualTo("2024-04-02")
                .path("recordSubsidyPayment.overdue").entityList(String.class).hasSize(0);
    }

    @Test
    void aDraftIsEditedOrWithdrawnByItsEmployer() {
        var employer = employer("Commune de Mende", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
        var id = draftId(employer, "CREATE_POST", "CDI_PUBLIC", "DEPARTMENT", "48", null);
        graphQl(employerToken(employer)).document("""
                mutation($id: ID!, $input: CoordinatorApplicationInput!) { updateCoordinatorApplication(id: $id,
                  input: $input) { contractType perimeter { kind communes } } }""").variable("id", id)
                .variable("input", input(employer, "CREATE_POST", "CDD_PUBLIC", "EPCI", "244800405", null)).execute()
                .path("updateCoordinatorApplication.contractType").entity(String.class).isEqualTo("CDD_PUBLIC")
                .path("updateCoordinatorApplication.perimeter.kind").entity(String.class).isEqualTo("INTERCOMMUNAL");
        act(employerToken(employer), "withdrawCoordinatorApplication", id, "reason: \"Projet reporté\"")
                .path("withdrawCoordinatorApplication.status").entity(String.class).isEqualTo("WITHDRAWN");
        refused(act(employerToken(employer), "submitCoordinatorApplication", id, "on: \"2023-11-01\""), "id");
    }

    // Deadlines and the queues of each actor

    @Test
    void overdueNotificationsAndRecruitmentsAreListedForAnct() {
        var late = employer("Commune de Mende", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
        var waiting = draftId(late, "CREATE_POST", "CDI_PUBLIC", "DEPARTMENT", "48", null);
        clock.today(LocalDate.of(2023, 10, 10));
        act(employerToken(late), "submitCoordinatorApplication", waiting, "");
        var notified = employer("Commune de Rodez", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "12202");
        var unrecruited = draftId(notified, "CREATE_POST", "CDI_PUBLIC", "DEPARTMENT", "12", null);
        walkToNotified(unrecruited, notified, "12", LocalDate.of(2023, 10, 20));
        var signed = employer("Commune de Millau", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "12145");
        var unpaid = draftId(signed, "CREATE_POST", "CDI_PUBLIC", "COMMUNE", "12145", null);
        write("MATCH (a:CoordinatorApplication {id: $id}) SET a.status = 'CONVENTION_SIGNED',"
                + " a.conventionSignedOn = date('2024-03-15')", Map.of("id", unpaid));
        clock.reset();

        asAnct().document("""
                { applicationQueue(campaignCode: "AAC-COORD-2023") {
                    awaitingOpinions { totalCount nodes { id overdue } }
                    notificationOverdue { totalCount nodes { id notificationDueOn } }
                    recruitmentOverdue { totalCount nodes { id recruitmentDueOn overdue } }
                    awaitingDecision { totalCount } paymentOverdue { nodes { id } } } }""").execute()
                .path("applicationQueue.awaitingOpinions.nodes[0].id").entity(String.class).isEqualTo(waiting)
                .path("applicationQueue.awaitingOpinions.nodes[0].overdue[0]").entity(String.class)
                .isEqualTo("Notification attendue depuis le 2023-12-10")
                .path("applicationQueue.notificationOverdue.totalCount").entity(Integer.class).isEqualTo(1)
                .path("applicationQueue.notificationOverdue.nodes[0].id").entity(String.class).isEqualTo(waiting)
                .path("applicationQueue.recruitmentOverdue.nodes[0].id").entity(String.class).isEqualTo(unrecruited)
                .path("applicationQueue.recruitmentOverdue.nodes[0].recruitmentDueOn").entity(String.class)
                .isEqualTo("2024-05-10")
                .path("applicationQueue.awaitingDecision.totalCount").entity(Integer.class).isEqualTo(0)
                .path("applicationQueue.paymentOverdue.nodes[*].id").entityList(String.class).containsExactly(unpaid);
        forbidden(graphQl(prefectureToken("48")).document("{ applicationQueue { awaitingDecision { totalCount } } }")
                .execute());
    }

    @Test
    void eachActorSeesItsOwnApplications() {
        var mende = employer("Commune de Mende", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
        var inLozere = draftId(mende, "CREATE_POST", "CDI_PUBLIC", "DEPARTMENT", "48", null);
        clock.today(LocalDate.of(2023, 11, 1));
        act(employerToken(mende), "submitCoordinatorApplication", inLozere, "");
        clock.reset();
        var rodez = employer("Commune de Rodez", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "12202");
        var inAveyron = draftId(rodez, "CREATE_POST", "CDI_PUBLIC", "DEPARTMENT", "12", null);

        graphQl(prefectureToken("48")).document("""
                { applicationsAwaitingOpinion(departmentCode: "48") { totalCount nodes { id } } }""").execute()
                .path("applicationsAwaitingOpinion.nodes[*].id").entityList(String.class).containsExactly(inLozere);
        forbidden(graphQl(prefectureToken("12")).document("""
                { applicationsAwaitingOpinion(departmentCode: "48") { totalCount } }""").execute());
        graphQl(employerToken(rodez)).document("{ coordinatorApplications { nodes { id } } }").execute()
                .path("coordinatorApplications.nodes[*].id").entityList(String.class).containsExactly(inAveyron);
        graphQl(employerToken(rodez)).document("{ coordinatorApplication(id: \"%s\") { id } }".formatted(inLozere))
                .execute().path("coordinatorApplication").valueIsNull();
        // Occitanie (76) holds both départements; a draft stays with its employer until it is filed
        var sgar = graphQl(token(Role.SGAR, Map.of("regions", List.of("76")), null));
        sgar.document("""
                { coordinatorApplications(within: {level: DEPARTMENT, code: "48"}) { totalCount nodes { id } } }""")
                .execute().path("coordinatorApplications.nodes[*].id").entityList(String.class).containsExactly(inLozere);
        sgar.document("{ coordinatorApplications { totalCount } }").execute()
                .path("coordinatorApplications.totalCount").entity(Integer.class).isEqualTo(1);
        asAnct().document("{ coordinatorApplications(status: [SUBMITTED]) { totalCount } }").execute()
                .path("coordinatorApplications.totalCount").entity(Integer.class).isEqualTo(1);
        forbidden(graphQl().document("{ coordinatorApplications { totalCount } }").execute());
        // the hub of the region sees what is filed there; a coordinator has no application to see
        graphQl(token(Role.HUB, Map.of("regions", List.of("76")), null))
                .document("{ coordinatorApplications { nodes { id } } }").execute()
                .path("coordinatorApplications.nodes[*].id").entityList(String.class).containsExactly(inLozere);
        graphQl(token(Role.COORDINATOR, Map.of(), "coord-x")).document("{ coordinatorApplications { totalCount } }")
                .execute().path("coordinatorApplications.totalCount").entity(Integer.class).isEqualTo(0);
        graphQl(prefectureToken("12")).document("{ coordinatorApplication(id: \"%s\") { id } }".formatted(inAveyron))
                .execute().path("coordinatorApplication").valueIsNull();
    }

    @Test
    void theZoneShowsWhoMustBeConsultedAndWhoCoordinatesThereAlready() {
        var applicant = employer("Commune de Mende", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
        var neighbour = employer("Association Lozère Numérique", "ASSOCIATION", "PRIVATE", "48092");
        adviser("cn-neighbour", neighbour, "CONSEILLER_NUMERIQUE", LONG_AGO, false);
        var region = employer("Région Occitanie", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "31555");
        var regional = adviser("coord-occitanie", region, "CONSEILLER_NUMERIQUE", LONG_AGO, true);
        write("MATCH (c:Coordinator {id: $id}), (r:Region {code: '76'}) SET c.perimeterKind = 'REGION'"
                + " CREATE (c)-[:COVERS]->(r)", Map.of("id", regional));

        asAnct().document("{ coordinatorApplication(id: \"%s\") { consultations { done employer { id } }"
                .formatted(draftId(applicant, "CREATE_POST", "CDI_PUBLIC", "DEPARTMENT", "48", null))
                + " coordinatorsInZone { coordinator { id } sharedCommunes shareOfZonePopulation }"
                + " perimeter { communes population } } }").execute()
                .path("coordinatorApplication.consultations[*].employer.id").entityList(String.class)
                .containsExactly(neighbour)
                .path("coordinatorApplication.coordinatorsInZone[0].coordinator.id").entity(String.class)
                .isEqualTo(regional)
                .path("coordinatorApplication.coordinatorsInZone[0].shareOfZonePopulation").entity(Double.class)
                .isEqualTo(1.0)
                .path("coordinatorApplication.perimeter.communes").entity(Integer.class).satisfies(communes ->
                        assertThat(communes).isEqualTo((int) count("MATCH (m:Commune {departmentCode: '48'}) RETURN count(m)")));
    }

    @Autowired
    CypherStatementCounter counter;

    @Test
    void aPageOfApplicationsCostsTheSameStatementsForTwoRowsAsForSix() {
        for (int i = 1; i <= 6; i++) {
            var employer = employer("Commune n° " + i, "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
            draftId(employer, "CREATE_POST", "CDI_PUBLIC", "DEPARTMENT", "48", null);
        }
        var document = "{ coordinatorApplications(first: %d) { totalCount nodes { " + APPLICATION_FIELDS
                + " campaign { code } employer { name } coordinatorsInZone { coordinator { id } } } } }";
        long two = statements(document.formatted(2));
        long six = statements(document.formatted(6));
        assertThat(six).isEqualTo(two);
        assertThat(two).isLessThanOrEqualTo(15);
    }

    long statements(String document) {
        long before = counter.sent();
        asAnct().document(document).execute().errors().verify();
        return counter.sent() - before;
    }

    // Campaigns are data

    @Test
    void aNewCampaignIsAddedWithoutCodeAndItsTableApplies() {
        asAnct().document("""
                mutation { createCampaign(input: {code: "AAC-COORD-2025", name: "Appel 2025", opensOn: "2025-01-06",
                  closesOn: "2025-03-31", fundingRules: [
                    {applicant: PRIVATE, contractTypes: [CDI_PRIVATE], amountEur: 45000, periodMonths: 36},
                    {applicant: PRIVATE, contractTypes: [CDI_PRIVATE], departmentCodes: ["974"], amountEur: 52000,
                     periodMonths: 36}]}) { code notificationDelayMonths fundingRules { amountEur } } }""").execute()
                .path("createCampaign.notificationDelayMonths").entity(Integer.class).isEqualTo(2)
                .path("createCampaign.fundingRules[*].amountEur").entityList(Integer.class).containsExactly(45_000, 52_000);
        var association = employer("Association Réunion Connectée", "ASSOCIATION", "PRIVATE", "97411");
        var input = input(association, "CREATE_POST", "CDI_PRIVATE", "COMMUNE", "97411", null);
        input.put("campaignCode", "AAC-COORD-2025");
        asAnct().document("""
                mutation($input: CoordinatorApplicationInput!) { draftCoordinatorApplication(input: $input) {
                  reference funding { amountEur periodMonths } } }""").variable("input", input).execute()
                .path("draftCoordinatorApplication.reference").entity(String.class).isEqualTo("AAC-COORD-2025-00001")
                .path("draftCoordinatorApplication.funding.amountEur").entity(Integer.class).isEqualTo(52_000)
                .path("draftCoordinatorApplication.funding.periodMonths").entity(Integer.class).isEqualTo(36);

        asAnct().document("""
                mutation { createCampaign(input: {code: "x", name: "", opensOn: "2025-03-01", closesOn: "2025-01-01",
                  fundingRules: [{applicant: PRIVATE, contractTypes: [], amountEur: 0, periodMonths: 12,
                    departmentCodes: ["999"]}]}) { code } }""").execute().errors().satisfy(errors -> assertThat(errors)
                .extracting(e -> e.getExtensions().get("field")).contains("input.code", "input.name",
                        "input.closesOn", "input.fundingRules[0].contractTypes", "input.fundingRules[0].amountEur",
                        "input.fundingRules.departmentCodes"));
        forbidden(graphQl(employerToken(association)).document("""
                mutation { createCampaign(input: {code: "AAC-X", name: "X", opensOn: "2025-01-01", closesOn: "2025-02-01",
                  fundingRules: [{applicant: PRIVATE, contractTypes: [CDI_PRIVATE], amountEur: 1, periodMonths: 1}]})
                  { code } }""").execute());
        assertThat(count("MATCH (c:Campaign) RETURN count(c)")).isEqualTo(2);
    }

    // Helpers

    static org.assertj.core.api.ListAssert<Object> fieldsOf(GraphQlTester.Response response) {
        var fields = new java.util.ArrayList<Object>();
        response.errors().satisfy(errors -> errors.forEach(e -> fields.add(e.getExtensions().get("field"))));
        return assertThat(fields);
    }

    static void refused(GraphQlTester.Response response, String field) {
        response.errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            assertThat(errors).extracting(e -> e.getExtensions().get("field")).contains(field);
        });
    }

    static void forbidden(GraphQlTester.Response response) {
        response.errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                .containsExactly("FORBIDDEN"));
    }
}
