package fr.maillage.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.maillage.support.AtOnce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two steps of the workflow sent at the same instant on one application, over real HTTP, for a few dozen rounds:
 * the end state is the one of a serial order (never both, never a half), the history holds one line per step that
 * applied, and the step that lost gets a clear French error on {@code id} (the step no longer fits the status) or
 * a CONFLICT, never an internal error.
 */
class ConcurrentStepsTests extends ApplicationFixture {

    static final int ROUNDS = 12;
    static final String STATUS = "{ status }";

    @BeforeEach
    @AfterEach
    void bareReferential() {
        clearNetwork();
    }

    @Test
    void twoPrefecturesGivingTheirOpinionsAtOnceBothCountAndTheApplicationIsReviewed() {
        var epci = epciOverTwoDepartments();
        var departments = departmentsOf(epci);
        var employer = employer("Communauté de communes", "COLLECTIVITY_GROUPING", "PUBLIC", communeOf(epci));
        clock.today(LocalDate.of(2023, 11, 1));
        for (int round = 0; round < ROUNDS; round++) {
            var id = submitted(employer, "EPCI", epci);
            var answers = AtOnce.run(
                    () -> opinion(id, departments.get(0)),
                    () -> opinion(id, departments.get(1)));
            assertThat(answers).as("round %d", round).allMatch(AtOnce::succeeded);
            assertThat(status(id)).as("round %d", round).isEqualTo("REVIEWED");
            assertThat(count("MATCH (:Prefecture)-[o:GAVE_OPINION]->(:CoordinatorApplication {id: $id}) RETURN count(o)",
                    Map.of("id", id))).isEqualTo(2);
            assertHistory(id, List.of("DRAFT", "SUBMIT", "OPINION", "OPINION"));
        }
    }

    @Test
    void twoDecisionsAtOnceOneWinsAndTheOtherIsToldTheApplicationMoved() {
        var employer = employer("Commune de Mende", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
        clock.today(LocalDate.of(2023, 11, 1));
        for (int round = 0; round < ROUNDS; round++) {
            var id = submitted(employer, "DEPARTMENT", "48");
            assertThat(AtOnce.succeeded(opinion(id, "48"))).isTrue();
            var answers = AtOnce.run(
                    () -> decide(id, "ACCEPTED"),
                    () -> decide(id, "REFUSED"));
            var winners = answers.stream().filter(AtOnce::succeeded).toList();
            assertThat(winners).as("round %d: %s", round, answers).hasSize(1);
            var decided = winners.get(0).at("/data/decideCoordinatorApplication/status").asText();
            assertThat(status(id)).isEqualTo(decided);
            assertThat(decided).isIn("ACCEPTED", "REFUSED");
            answers.stream().filter(answer -> !AtOnce.succeeded(answer)).forEach(ConcurrentStepsTests::assertClearLoss);
            assertHistory(id, List.of("DRAFT", "SUBMIT", "OPINION", "DECIDE"));
        }
    }

    @Test
    void anOpinionAndAWithdrawalAtOnceEndAsOneOrTheOtherOrder() {
        var employer = employer("Commune de Mende", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
        clock.today(LocalDate.of(2023, 11, 1));
        for (int round = 0; round < ROUNDS; round++) {
            var id = submitted(employer, "DEPARTMENT", "48");
            var answers = AtOnce.run(
                    () -> opinion(id, "48"),
                    () -> AtOnce.graphQl(http(employerToken(employer)),
                            "mutation($id: ID!) { withdrawCoordinatorApplication(id: $id) " + STATUS + " }",
                            Map.of("id", id)));
            var opinion = answers.get(0);
            var withdrawal = answers.get(1);
            // the withdrawal applies in both orders: before the decision, a reviewed application is withdrawn too
            assertThat(AtOnce.succeeded(withdrawal)).as("round %d: %s", round, withdrawal).isTrue();
            assertThat(status(id)).isEqualTo("WITHDRAWN");
            long opinions = count("MATCH (:Prefecture)-[o:GAVE_OPINION]->(:CoordinatorApplication {id: $id})"
                    + " RETURN count(o)", Map.of("id", id));
            if (AtOnce.succeeded(opinion)) {
                assertThat(opinions).isEqualTo(1);
                assertHistory(id, List.of("DRAFT", "SUBMIT", "OPINION", "WITHDRAW"));
            } else {
                assertClearLoss(opinion);
                assertThat(opinions).isZero();
                assertHistory(id, List.of("DRAFT", "SUBMIT", "WITHDRAW"));
            }
        }
    }

    @Test
    void twoRecruitmentsAtOnceMakeOneCoordinatorOverTheZone() {
        for (int round = 0; round < ROUNDS; round++) {
            clearNetwork(); // the advisers of a round's employer would be structures to consult in the next
            var employer = employer("Commune n° " + round, "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
            var id = draftId(employer, "CREATE_POST", "CDI_PUBLIC", "DEPARTMENT", "48", null);
            walkToNotified(id, employer, "48", LocalDate.of(2023, 11, 2));
            var first = adviser("cn-a-" + round, employer, "CONSEILLER_NUMERIQUE", LocalDate.of(2021, 1, 1), false);
            var second = adviser("cn-b-" + round, employer, "CONSEILLER_NUMERIQUE", LocalDate.of(2021, 1, 1), false);
            clock.today(LocalDate.of(2024, 2, 1));
            var answers = AtOnce.run(() -> recruit(employer, id, first), () -> recruit(employer, id, second));
            var winners = answers.stream().filter(AtOnce::succeeded).toList();
            assertThat(winners).as("round %d: %s", round, answers).hasSize(1);
            answers.stream().filter(answer -> !AtOnce.succeeded(answer)).forEach(ConcurrentStepsTests::assertClearLoss);
            var recruited = winners.get(0).at("/data/recordCoordinatorRecruitment/coordinator/id").asText();
            assertThat(count("""
                    MATCH (c:Coordinator) WHERE c.id IN $ids
                    RETURN sum(CASE WHEN c.id = $recruited AND EXISTS { (c)-[:COVERS]->(:Department {code: '48'}) }
                      THEN 1 ELSE 100 END)""", Map.of("ids", List.of(first, second), "recruited", recruited)))
                    .as("round %d: only the recruited adviser is a coordinator, over the zone", round).isOne();
            assertThat(count("MATCH (:CoordinatorApplication {id: $id})-[r:RECRUITED]->() RETURN count(r)",
                    Map.of("id", id))).isOne();
            assertHistory(id, List.of("DRAFT", "SUBMIT", "OPINION", "DECIDE", "NOTIFY", "RECRUIT"));
        }
    }

    JsonNode recruit(String employer, String id, String adviserId) {
        return AtOnce.graphQl(http(employerToken(employer)), """
                mutation($id: ID!, $adviser: ID!) { recordCoordinatorRecruitment(id: $id, adviserId: $adviser) {
                  coordinator { id } } }""", Map.of("id", id, "adviser", adviserId));
    }

    /** A draft of the employer over one territory, filed today. */
    String submitted(String employer, String level, String code) {
        var id = draftId(employer, "CREATE_POST", "CDI_PUBLIC", level, code, null);
        act(employerToken(employer), "submitCoordinatorApplication", id, "")
                .path("submitCoordinatorApplication.status").entity(String.class).isEqualTo("SUBMITTED");
        return id;
    }

    JsonNode opinion(String id, String department) {
        return AtOnce.graphQl(http(prefectureToken(department)), """
                mutation($id: ID!, $department: String!) { givePrefectureOpinion(id: $id, departmentCode: $department,
                  favourable: true) %s }""".formatted(STATUS), Map.of("id", id, "department", department));
    }

    JsonNode decide(String id, String decision) {
        return AtOnce.graphQl(http(anct()), """
                mutation($id: ID!, $decision: ApplicationDecision!) { decideCoordinatorApplication(id: $id,
                  decision: $decision, comment: "Décision motivée") %s }""".formatted(STATUS),
                Map.of("id", id, "decision", decision));
    }

    /** The loser of a race is told, in French, on {@code id}, that the step no longer applies; or gets a CONFLICT. */
    static void assertClearLoss(JsonNode answer) {
        var error = answer.path("errors").path(0);
        assertThat(AtOnce.errorType(answer)).as("%s", answer).isIn("BAD_REQUEST", "CONFLICT");
        if (AtOnce.errorType(answer).equals("BAD_REQUEST")) {
            assertThat(error.path("extensions").path("field").asText()).isEqualTo("id");
            assertThat(error.path("message").asText()).contains("étape actuelle");
        } else {
            assertThat(error.path("message").asText()).contains("réessayez");
        }
    }

    /** The history holds these actions, once each in this order, numbered 1, 2, 3... without gap or repeat. */
    void assertHistory(String id, List<String> actions) {
        try (var session = driver.session()) {
            var rows = session.run("""
                    MATCH (:CoordinatorApplication {id: $id})-[:HAS_EVENT]->(e)
                    RETURN e.seq AS seq, e.action AS action ORDER BY e.seq""", Map.of("id", id)).list();
            assertThat(rows.stream().map(r -> r.get("seq").asLong()).toList())
                    .isEqualTo(java.util.stream.LongStream.rangeClosed(1, actions.size()).boxed().toList());
            assertThat(rows.stream().map(r -> r.get("action").asString()).toList()).isEqualTo(actions);
        }
    }

}
