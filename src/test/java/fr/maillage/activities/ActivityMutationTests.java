package fr.maillage.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import fr.maillage.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Recording activities through the API on {@link ActivityFixture}: who may (the adviser's employer, its coordinator,
 * ANCT), what a bad input answers, and that a refused or invalid write changes nothing.
 */
class ActivityMutationTests extends ActivityFixture {

    static final String RECORD = """
            mutation($input: ActivityInput!) { recordActivity(input: $input) {
              id kind kindLabel status date participants themes communeCode epciCode departmentCode regionCode placeId
              leaderIds metAdviserIds partnerIds source } }""";
    static final String UPDATE = """
            mutation($id: ID!, $input: ActivityInput!) { updateActivity(id: $id, input: $input) {
              id participants leaderIds } }""";
    static final String REMOVE = "mutation($id: ID!) { removeActivity(id: $id) }";
    static final String SAVED = "MATCH (x:Activity) RETURN count(x)";

    static Map<String, Object> workshop(String... leaders) {
        return map("kind", "COLLECTIVE_WORKSHOP", "date", "2025-01-10", "participants", 9, "placeId", "P1",
                "themes", List.of("EMAIL", "DIGITAL_SAFETY"), "publics", List.of("OVER_60"),
                "leaderIds", List.of(leaders), "durationMinutes", 90, "title", "Mes courriels en sécurité");
    }

    GraphQlTester.Response record(String bearer, Map<String, Object> input) {
        return graphQl(bearer).document(RECORD).variable("input", input).execute();
    }

    static boolean forbidden(GraphQlTester.Response response) {
        response.errors().expect(e -> "FORBIDDEN".equals(e.getErrorType().toString())).verify();
        return true;
    }

    @Test
    void anEmployerRecordsAWorkshopOfItsAdviserAtItsPlace() {
        // E1 employs A1; the place P1 is in Ajaccio, whose codes the activity takes
        record(employer("20007695800012"), workshop("A1"))
                .path("recordActivity.kind").entity(String.class).isEqualTo("COLLECTIVE_WORKSHOP")
                .path("recordActivity.kindLabel").entity(String.class).isEqualTo("Atelier collectif")
                .path("recordActivity.status").entity(String.class).isEqualTo("HELD")
                .path("recordActivity.communeCode").entity(String.class).isEqualTo("2A004")
                .path("recordActivity.epciCode").entity(String.class).isEqualTo("242010056")
                .path("recordActivity.departmentCode").entity(String.class).isEqualTo("2A")
                .path("recordActivity.regionCode").entity(String.class).isEqualTo("94")
                .path("recordActivity.placeId").entity(String.class).isEqualTo("P1")
                .path("recordActivity.leaderIds").entityList(String.class).containsExactly("A1")
                .path("recordActivity.themes").entityList(String.class).containsExactly("EMAIL", "DIGITAL_SAFETY")
                .path("recordActivity.source").entity(String.class).isEqualTo("maillage");
        assertThat(count("MATCH (:Adviser {id: 'A1'})-[:LED]->(x:Activity {title: 'Mes courriels en sécurité'})"
                + "-[:AT_PLACE]->(:Place {id: 'P1'}) MATCH (x)-[:IN_COMMUNE]->(:Commune {code: '2A004'})"
                + " RETURN count(x)")).isEqualTo(1);
    }

    @Test
    void aCoordinatorRecordsForItselfAndTheAdvisersItCoordinatesOnly() {
        // C1 coordinates A1, A2, A3, A4: a meeting it led with them; C2 is not coordinated by C1
        var c1 = coordinator("C1");
        var meeting = map("kind", "COORDINATION_MEETING", "date", "2025-01-09", "communeCode", "2A004",
                "leaderIds", List.of("C1"), "metAdviserIds", List.of("A1", "A2", "A4"));
        record(c1, meeting).path("recordActivity.metAdviserIds").entityList(String.class)
                .containsExactly("A1", "A2", "A4")
                .path("recordActivity.participants").entity(Integer.class).isEqualTo(0);
        long before = count(SAVED);
        forbidden(record(c1, workshop("C2")));
        forbidden(record(c1, workshop("C1", "C2")));
        meeting.put("metAdviserIds", List.of("A1", "C2"));
        forbidden(record(c1, meeting));
        assertThat(count(SAVED)).isEqualTo(before);
    }

    @Test
    void othersAreRefusedTheSameWayWhetherTheAdviserExistsOrNot() {
        long before = count(SAVED);
        forbidden(record(employer("20007695800012"), workshop("A2"))); // A2 is E2's
        forbidden(record(employer("20007695800012"), workshop("nobody")));
        forbidden(record(territorial(Role.PREFECTURE, "departments", "2A"), workshop("A1"))); // prefectures read
        forbidden(record(territorial(Role.HUB, "regions", "94"), workshop("A1")));
        graphQl().document(RECORD).variable("input", workshop("A1")).execute().errors()
                .expect(e -> List.of("UNAUTHORIZED", "FORBIDDEN").contains(e.getErrorType().toString())).verify();
        assertThat(count(SAVED)).isEqualTo(before);
    }

    @Test
    void badInputIsRefusedFieldByFieldInFrenchAndWritesNothing() {
        long before = count(SAVED);
        var individual = map("kind", "INDIVIDUAL_ACCOMPANIMENT", "date", "2025-02-01", "participants", 3,
                "communeCode", "2A999", "leaderIds", List.of("A1"), "structures", 4);
        asAnct().document(RECORD).variable("input", individual).execute().errors()
                .satisfy(errors -> {
                    assertThat(errors).extracting(e -> e.getExtensions().get("field"))
                            .contains("input.participants", "input.date", "input.communeCode", "input.structures");
                    assertThat(errors).extracting(e -> e.getMessage())
                            .anyMatch(m -> m.contains("un accompagnement individuel aide une personne"))
                            .anyMatch(m -> m.contains("après aujourd'hui"));
                });
        // ANCT may name anyone: an unknown adviser is then a mistake of the input
        asAnct().document(RECORD).variable("input", workshop("nobody")).execute().errors()
                .expect(e -> "input.leaderIds".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("aucun conseiller nobody")).verify();
        var nobody = map("kind", "COLLECTIVE_WORKSHOP", "date", "2025-01-10", "participants", 5,
                "communeCode", "2A004", "leaderIds", List.of());
        asAnct().document(RECORD).variable("input", nobody).execute().errors()
                .expect(e -> "input.leaderIds".equals(e.getExtensions().get("field"))).verify();
        assertThat(count(SAVED)).isEqualTo(before);
    }

    @Test
    void anActivityIsUpdatedAndRemovedByWhoMayRecordItBeforeAndAfter() {
        var e1 = employer("20007695800012");
        var id = record(e1, workshop("A1")).path("recordActivity.id").entity(String.class).get();
        var changed = workshop("A1");
        changed.put("participants", 11);
        graphQl(e1).document(UPDATE).variable("id", id).variable("input", changed).execute()
                .path("updateActivity.participants").entity(Integer.class).isEqualTo(11);
        // E2 may not touch it, nor E1 hand it over to E2's adviser
        var e2 = employer("11111111111111");
        forbidden(graphQl(e2).document(UPDATE).variable("id", id).variable("input", workshop("A2")).execute());
        forbidden(graphQl(e1).document(UPDATE).variable("id", id).variable("input", workshop("A2")).execute());
        forbidden(graphQl(e2).document(REMOVE).variable("id", id).execute());
        assertThat(count("MATCH (x:Activity {id: $id}) RETURN x.participants", Map.of("id", id))).isEqualTo(11);
        graphQl(e1).document(REMOVE).variable("id", id).execute().path("removeActivity").entity(String.class)
                .isEqualTo(id);
        assertThat(count("MATCH (x:Activity {id: $id}) RETURN count(x)", Map.of("id", id))).isZero();
        asAnct().document(REMOVE).variable("id", id).execute().errors()
                .expect(e -> "id".equals(e.getExtensions().get("field"))).verify();
    }

    @Test
    void anAdvisersActivitiesArePagedLatestFirstForWhoSeesItsPersonalData() {
        // A1 led W2 (2024-05-02), I1 and I2 (2024-06-01); A1 is E1's, coordinated by C1
        var query = "query($after: String) { adviserActivities(adviserId: \"A1\", period: " + YEAR_2024
                + ", first: 2, after: $after) { totalCount nodes { id date } pageInfo { hasNextPage endCursor } } }";
        var first = graphQl(employer("20007695800012")).document(query).execute();
        first.path("adviserActivities.totalCount").entity(Integer.class).isEqualTo(3)
                .path("adviserActivities.nodes[*].date").entityList(String.class)
                .containsExactly("2024-06-01", "2024-06-01")
                .path("adviserActivities.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        var cursor = first.path("adviserActivities.pageInfo.endCursor").entity(String.class).get();
        graphQl(coordinator("C1")).document(query).variable("after", cursor).execute()
                .path("adviserActivities.nodes[*].id").entityList(String.class).containsExactly("W2")
                .path("adviserActivities.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
        forbidden(graphQl(employer("11111111111111")).document(query).execute());
        forbidden(graphQl(coordinator("C2")).document(query).execute());
        graphQl().document(query).execute().errors()
                .expect(e -> List.of("UNAUTHORIZED", "FORBIDDEN").contains(e.getErrorType().toString())).verify();
    }

    @Test
    void aCoordinatorsFiguresAreForWhoSeesItsPersonalData() {
        var query = "{ coordinatorActivity(coordinatorIds: [\"C1\"], period: " + YEAR_2024 + ") { workshops } }";
        graphQl(territorial(Role.HUB, "regions", "94")).document(query).execute()
                .path("coordinatorActivity.workshops").entity(Integer.class).isEqualTo(2);
        graphQl(territorial(Role.PREFECTURE, "departments", "2A")).document(query).execute()
                .path("coordinatorActivity.workshops").entity(Integer.class).isEqualTo(2);
        forbidden(graphQl(territorial(Role.PREFECTURE, "departments", "75")).document(query).execute());
        forbidden(graphQl(employer("11111111111111")).document(query).execute());
        forbidden(graphQl(territorial(Role.HUB, "regions", "11")).document("{ hubActivity(regionCode: \"94\") {"
                + " regionCode } }").execute());
        // an adviser that is not a coordinator, for who may see it
        asAnct().document("{ coordinatorActivity(coordinatorIds: [\"A1\"]) { workshops } }").execute().errors()
                .expect(e -> "coordinatorIds".equals(e.getExtensions().get("field"))).verify();
    }

    @Test
    void aPeriodIsCheckedAndBounded() {
        graphQl().document("{ territoryActivity(level: REGION, code: \"94\", period: { from: \"2024-12-31\","
                + " to: \"2024-01-01\" }) { from } }").execute().errors()
                .expect(e -> "period.to".equals(e.getExtensions().get("field"))).verify();
        graphQl().document("{ territoryActivity(level: REGION, code: \"94\", period: { from: \"2015-01-01\","
                + " to: \"2024-01-01\" }) { from } }").execute().errors()
                .expect(e -> "period".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("cinq ans au plus")).verify();
    }
}
