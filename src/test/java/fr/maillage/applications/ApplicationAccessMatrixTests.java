package fr.maillage.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fr.maillage.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Every step of an application against every kind of caller: the allowed ones succeed, the others get FORBIDDEN and
 * leave the application as it was. The application of employer A (Ajaccio) covers Corse-du-Sud (2A).
 */
class ApplicationAccessMatrixTests extends ApplicationFixture {

    enum Who {
        ANCT, PREFECTURE_2A, PREFECTURE_2B, SGAR_94, HUB_94, COORDINATOR, EMPLOYER_A, EMPLOYER_B, ANONYMOUS
    }

    /** Each step, the status it starts from, who may take it, and the day it is taken. */
    record Step(String status, List<Who> allowed, LocalDate day) {

        Step(String status, List<Who> allowed) {
            this(status, allowed, LocalDate.of(2023, 10, 25));
        }
    }

    static final Map<String, Step> STEPS = new LinkedHashMap<>();

    static {
        var applicant = List.of(Who.ANCT, Who.EMPLOYER_A);
        STEPS.put("draftCoordinatorApplication", new Step(null, applicant));
        STEPS.put("updateCoordinatorApplication", new Step("DRAFT", applicant));
        STEPS.put("recordConsultation", new Step("DRAFT", applicant));
        STEPS.put("submitCoordinatorApplication", new Step("DRAFT", applicant, LocalDate.of(2023, 11, 1)));
        STEPS.put("withdrawCoordinatorApplication", new Step("SUBMITTED", applicant, LocalDate.of(2023, 11, 2)));
        STEPS.put("givePrefectureOpinion", new Step("SUBMITTED", List.of(Who.PREFECTURE_2A), LocalDate.of(2023, 11, 15)));
        STEPS.put("decideCoordinatorApplication", new Step("REVIEWED", List.of(Who.ANCT), LocalDate.of(2023, 12, 15)));
        STEPS.put("notifyCoordinatorApplication", new Step("ACCEPTED", List.of(Who.ANCT), LocalDate.of(2024, 1, 31)));
        STEPS.put("recordCoordinatorRecruitment", new Step("NOTIFIED", applicant, LocalDate.of(2024, 2, 1)));
        STEPS.put("recordConventionSignature", new Step("RECRUITED", List.of(Who.ANCT), LocalDate.of(2024, 3, 15)));
        STEPS.put("recordSubsidyPayment", new Step("CONVENTION_SIGNED", List.of(Who.ANCT), LocalDate.of(2024, 4, 5)));
        STEPS.put("createCampaign", new Step(null, List.of(Who.ANCT)));
    }

    static Stream<Arguments> steps() {
        return STEPS.entrySet().stream().flatMap(step -> Stream.of(Who.values())
                .map(who -> Arguments.of(step.getKey(), who, step.getValue().allowed().contains(who))));
    }

    String employerA;
    String employerB;
    String adviser;
    String application;

    @BeforeEach
    void applicationOfA() {
        clearNetwork();
        employerA = employer("Commune d'Ajaccio", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "2A004");
        employerB = employer("Commune de Bastia", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "2B033");
        adviser = adviser("cn-ajaccio", employerA, "CONSEILLER_NUMERIQUE", LocalDate.of(2021, 1, 1), false);
        application = draftId(employerA, "ADDITIONAL_POST", "CDI_PUBLIC", "DEPARTMENT", "2A", null);
    }

    @AfterEach
    void clear() {
        clearNetwork();
    }

    @ParameterizedTest(name = "{0} by {1}: allowed {2}")
    @MethodSource("steps")
    void eachStepIsTakenOnlyByItsRoleInScope(String step, Who who, boolean allowed) {
        var from = STEPS.get(step).status();
        if (from != null) {
            write("""
                    MATCH (a:CoordinatorApplication {id: $id})
                    SET a.status = $status, a.submittedOn = date('2023-11-01'), a.decision = 'ACCEPTED',
                        a.decidedOn = date('2023-12-15'), a.notifiedOn = date('2024-01-31'),
                        a.recruitedOn = date('2024-02-01'), a.coordinatorId = $adviser,
                        a.conventionSignedOn = date('2024-03-15')""",
                    Map.of("id", application, "status", from, "adviser", adviser));
        }
        long applications = count("MATCH (a:CoordinatorApplication) RETURN count(a)");

        clock.today(STEPS.get(step).day());
        var response = send(step, who);

        if (allowed) {
            response.errors().verify();
        } else {
            response.errors().satisfy(errors -> assertThat(errors).extracting(e -> e.getErrorType().toString())
                    .containsExactly("FORBIDDEN"));
            assertThat(count("MATCH (a:CoordinatorApplication) RETURN count(a)")).isEqualTo(applications);
            if (from != null) {
                assertThat(status(application)).isEqualTo(from);
            }
            assertThat(count("MATCH (c:Campaign) RETURN count(c)")).isOne();
            assertThat(count("MATCH (c:Coordinator) RETURN count(c)")).isZero();
        }
    }

    GraphQlTester.Response send(String step, Who who) {
        var as = switch (who) {
            case ANCT -> graphQl(anct());
            case PREFECTURE_2A -> graphQl(prefectureToken("2A"));
            case PREFECTURE_2B -> graphQl(prefectureToken("2B"));
            case SGAR_94 -> graphQl(token(Role.SGAR, Map.of("regions", List.of("94")), null));
            case HUB_94 -> graphQl(token(Role.HUB, Map.of("regions", List.of("94")), null));
            case COORDINATOR -> graphQl(token(Role.COORDINATOR, Map.of(), adviser));
            case EMPLOYER_A -> graphQl(employerToken(employerA));
            case EMPLOYER_B -> graphQl(employerToken(employerB));
            case ANONYMOUS -> graphQl();
        };
        var id = "id: \"" + application + "\"";
        var document = switch (step) {
            case "draftCoordinatorApplication" -> """
                    mutation { draftCoordinatorApplication(input: {campaignCode: "AAC-COORD-2023", employerId: "%s",
                      applicationCase: ADDITIONAL_POST, contractType: CDD_PUBLIC, fullTime: true,
                      perimeter: {kind: INTERCOMMUNAL, territories: [{level: EPCI, code: "242010056"}]}}) { id } }"""
                    .formatted(employerA);
            case "updateCoordinatorApplication" -> """
                    mutation { updateCoordinatorApplication(%s, input: {campaignCode: "AAC-COORD-2023", employerId: "%s",
                      applicationCase: ADDITIONAL_POST, contractType: CDD_PUBLIC, fullTime: true,
                      perimeter: {kind: DEPARTMENT, territories: [{level: DEPARTMENT, code: "2A"}]}}) { id } }"""
                    .formatted(id, employerA);
            case "recordConsultation" -> """
                    mutation { recordConsultation(applicationId: "%s", employerId: "%s", answer: FAVOURABLE,
                      on: "2023-10-20") { id } }""".formatted(application, employerB);
            case "submitCoordinatorApplication" -> "mutation { submitCoordinatorApplication(%s) { id } }"
                    .formatted(id);
            case "withdrawCoordinatorApplication" -> "mutation { withdrawCoordinatorApplication(%s) { id } }".formatted(id);
            case "givePrefectureOpinion" -> """
                    mutation { givePrefectureOpinion(%s, departmentCode: "2A", favourable: true) { id } }"""
                    .formatted(id);
            case "decideCoordinatorApplication" -> """
                    mutation { decideCoordinatorApplication(%s, decision: ACCEPTED) { id } }""".formatted(id);
            case "notifyCoordinatorApplication" -> "mutation { notifyCoordinatorApplication(%s) { id } }"
                    .formatted(id);
            case "recordCoordinatorRecruitment" -> """
                    mutation { recordCoordinatorRecruitment(%s, adviserId: "%s") { id } }"""
                    .formatted(id, adviser);
            case "recordConventionSignature" -> "mutation { recordConventionSignature(%s) { id } }"
                    .formatted(id);
            case "recordSubsidyPayment" -> "mutation { recordSubsidyPayment(%s) { id } }".formatted(id);
            case "createCampaign" -> """
                    mutation { createCampaign(input: {code: "AAC-TEST", name: "Test", opensOn: "2025-01-01",
                      closesOn: "2025-02-01", fundingRules: [{applicant: PRIVATE, contractTypes: [CDI_PRIVATE],
                      amountEur: 1000, periodMonths: 12}]}) { code } }""";
            default -> throw new IllegalArgumentException(step);
        };
        return as.document(document).execute();
    }
}
