package fr.maillage.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import fr.maillage.support.AtOnce;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Conflicting writes on one coordinator, one adviser or one key, sent at the same instant over real HTTP for a few
 * dozen rounds: the graph ends as after one serial order of the two (the role, its perimeter and its links agree;
 * no duplicate node), and a write that lost gets a clear French error (BAD_REQUEST naming the field, or a CONFLICT
 * saying to reload and retry), never an internal error.
 */
class ConcurrentNetworkWritesTests extends IntegrationTest {

    static final int ROUNDS = 12;

    private int sirets;

    @BeforeEach
    @AfterEach
    void bareReferential() {
        clearNetwork();
    }

    @Test
    void twoGrantsOfTheRoleAtOnceLeaveOneCoordinatorWithOnePerimeter() {
        var employer = employer("2A004");
        for (int round = 0; round < ROUNDS; round++) {
            var adviser = adviser(employer, "A" + round);
            var answers = AtOnce.run(() -> grant(adviser, "2A"), () -> grant(adviser, "2B"));
            var winners = answers.stream().filter(AtOnce::succeeded).toList();
            assertThat(winners).as("round %d: %s", round, answers).hasSize(1);
            answers.stream().filter(a -> !AtOnce.succeeded(a)).forEach(a -> assertClearLoss(a, "adviserId"));
            var code = winners.get(0).at("/data/grantCoordinatorRole/perimeter/0/code").asText();
            assertThat(covered(adviser)).as("round %d", round).containsExactly(code);
            assertRolesAgreeWithLinks();
        }
    }

    @Test
    void revokingTheRoleWhileAdvisersAreAttachedLeavesNoLinkOfARoleThatIsGone() {
        var employer = employer("2A004");
        for (int round = 0; round < ROUNDS; round++) {
            var coordinator = coordinator(employer, "C" + round);
            var adviser = adviser(employer, "X" + round);
            var answers = AtOnce.run(
                    () -> post("mutation($id: ID!) { revokeCoordinatorRole(adviserId: $id) { id } }",
                            Map.of("id", coordinator)),
                    () -> post("mutation($c: ID!, $a: [ID!]!) { attachAdvisers(coordinatorId: $c, adviserIds: $a) { id } }",
                            Map.of("c", coordinator, "a", List.of(adviser))));
            assertThat(AtOnce.succeeded(answers.get(0))).as("round %d: %s", round, answers).isTrue();
            if (!AtOnce.succeeded(answers.get(1))) {
                assertClearLoss(answers.get(1), "coordinatorId");
            }
            // attach then revoke, or revoke then a refused attach: either way no role and no link is left
            assertThat(count("MATCH (c:Adviser {id: $id}) WHERE c:Coordinator OR c.perimeterKind IS NOT NULL"
                    + " OR EXISTS { (c)-[:COORDINATES|COVERS]->() } RETURN count(c)", Map.of("id", coordinator)))
                    .as("round %d: %s", round, answers).isZero();
            assertRolesAgreeWithLinks();
        }
    }

    @Test
    void revokingTheRoleWhileItsPerimeterIsSetLeavesNoPerimeterOfARoleThatIsGone() {
        var employer = employer("2A004");
        for (int round = 0; round < ROUNDS; round++) {
            var coordinator = coordinator(employer, "C" + round);
            var answers = AtOnce.run(
                    () -> post("mutation($id: ID!) { revokeCoordinatorRole(adviserId: $id) { id } }",
                            Map.of("id", coordinator)),
                    () -> post("""
                            mutation($id: ID!) { setPerimeter(coordinatorId: $id, perimeter: {kind: REGION,
                              territories: [{level: REGION, code: "94"}]}) { id } }""", Map.of("id", coordinator)));
            assertThat(AtOnce.succeeded(answers.get(0))).as("round %d: %s", round, answers).isTrue();
            if (!AtOnce.succeeded(answers.get(1))) {
                assertClearLoss(answers.get(1), "coordinatorId");
            }
            assertThat(covered(coordinator)).as("round %d: %s", round, answers).isEmpty();
            assertRolesAgreeWithLinks();
        }
    }

    @Test
    void twoSettingsOfAnAdvisersPlacesAtOnceLeaveOneOfThem() {
        var employer = employer("2A004");
        var a = place("Médiathèque", "2A004");
        var b = place("Mairie", "2A004");
        var c = place("France services", "2A004");
        for (int round = 0; round < ROUNDS; round++) {
            var adviser = adviser(employer, "P" + round);
            var answers = AtOnce.run(() -> places(adviser, a, List.of(b)), () -> places(adviser, c, List.of()));
            assertThat(answers).as("round %d", round).allMatch(AtOnce::succeeded);
            try (var session = driver.session()) {
                var rows = session.run("""
                        MATCH (:Adviser {id: $id})-[w:WORKS_AT]->(p:Place)
                        RETURN p.id AS place, w.main AS main ORDER BY main DESC, place""", Map.of("id", adviser)).list();
                var main = rows.stream().filter(r -> r.get("main").asBoolean()).map(r -> r.get("place").asString())
                        .toList();
                var all = rows.stream().map(r -> r.get("place").asString()).sorted().toList();
                assertThat(main).as("round %d: %s", round, rows).hasSize(1);
                assertThat(all).as("round %d", round)
                        .isIn(List.of(a, b).stream().sorted().toList(), List.of(c));
            }
        }
    }

    @Test
    void twoMovesOfAPlaceAtOnceLeaveItInOneCommuneWhoseCodesItCarries() {
        for (int round = 0; round < ROUNDS; round++) {
            var place = place("Médiathèque " + round, "2A004");
            var answers = AtOnce.run(() -> move(place, "2B033"), () -> move(place, "2A247"));
            assertThat(answers).as("round %d", round).allMatch(AtOnce::succeeded);
            assertThat(count("""
                    MATCH (p:Place {id: $id})-[:IN_COMMUNE]->(c:Commune)
                    WHERE p.communeCode = c.code AND p.departmentCode = c.departmentCode
                    RETURN count(c)""", Map.of("id", place))).as("round %d: %s", round, answers).isEqualTo(1);
            assertThat(count("MATCH (:Place {id: $id})-[l:IN_COMMUNE]->() RETURN count(l)", Map.of("id", place)))
                    .as("round %d", round).isEqualTo(1);
        }
    }

    @Test
    void aMoveAndARemovalOfAPlaceAtOnceLeaveNoPlace() {
        for (int round = 0; round < ROUNDS; round++) {
            var place = place("Mairie " + round, "2A004");
            var answers = AtOnce.run(() -> move(place, "2B033"),
                    () -> post("mutation($id: ID!) { removePlace(id: $id) }", Map.of("id", place)));
            assertThat(AtOnce.succeeded(answers.get(1))).as("round %d: %s", round, answers).isTrue();
            if (!AtOnce.succeeded(answers.get(0))) {
                assertClearLoss(answers.get(0), "id");
            }
            assertThat(count("MATCH (p:Place {id: $id}) RETURN count(p)", Map.of("id", place)))
                    .as("round %d: %s", round, answers).isZero();
        }
    }

    @Test
    void twoHiresOfOneProgrammeIdAtOnceRecordOneAdviser() {
        var employer = employer("2A004");
        for (int round = 0; round < ROUNDS; round++) {
            var externalId = "CN-RACE-" + round;
            var answers = AtOnce.run(() -> hire(employer, externalId), () -> hire(employer, externalId));
            assertThat(answers.stream().filter(AtOnce::succeeded).count()).as("round %d: %s", round, answers)
                    .isEqualTo(1);
            // the loser ran again once the key was taken, and got the answer it would have got afterwards
            answers.stream().filter(a -> !AtOnce.succeeded(a)).forEach(a -> assertSerialLoss(a, "input.externalId"));
            assertThat(count("MATCH (a:Adviser {externalId: $key}) RETURN count(a)", Map.of("key", externalId)))
                    .isEqualTo(1);
        }
    }

    @Test
    void twoRegistrationsOfOneSiretAtOnceRecordOneEmployer() {
        for (int round = 0; round < ROUNDS; round++) {
            var siret = Siret.withCheckDigit(Siret.withCheckDigit("8%07d".formatted(++sirets)) + "0001");
            var register = """
                    mutation($siret: String!) { registerEmployer(input: {siret: $siret, name: "Association Numérique",
                      legalKind: ASSOCIATION, communeCode: "2A004"}) { id } }""";
            var answers = AtOnce.run(() -> post(register, Map.of("siret", siret)),
                    () -> post(register, Map.of("siret", siret)));
            assertThat(answers.stream().filter(AtOnce::succeeded).count()).as("round %d: %s", round, answers)
                    .isEqualTo(1);
            answers.stream().filter(a -> !AtOnce.succeeded(a)).forEach(a -> assertSerialLoss(a, "input.siret"));
            assertThat(count("MATCH (e:Employer {siret: $siret}) RETURN count(e)", Map.of("siret", siret)))
                    .isEqualTo(1);
        }
    }

    // Fixtures and checks

    JsonNode post(String document, Map<String, Object> variables) {
        return AtOnce.graphQl(http(anct()), document, variables);
    }

    JsonNode grant(String adviserId, String department) {
        return post("""
                mutation($id: ID!, $code: String!) { grantCoordinatorRole(adviserId: $id, perimeter: {kind: DEPARTMENT,
                  territories: [{level: DEPARTMENT, code: $code}]}) { id perimeter { code } } }""",
                Map.of("id", adviserId, "code", department));
    }

    JsonNode places(String adviserId, String main, List<String> others) {
        return post("""
                mutation($id: ID!, $main: ID, $others: [ID!]) { setAdviserPlaces(adviserId: $id, mainPlaceId: $main,
                  otherPlaceIds: $others) { id } }""", Map.of("id", adviserId, "main", main, "others", others));
    }

    JsonNode move(String placeId, String communeCode) {
        return post("""
                mutation($id: ID!, $commune: String!) { updatePlace(id: $id, input: {name: "Médiathèque",
                  address: "1 cours Napoléon", communeCode: $commune}) { id } }""",
                Map.of("id", placeId, "commune", communeCode));
    }

    JsonNode hire(String employerId, String externalId) {
        return post("""
                mutation($employer: ID!, $key: String) { hireAdviser(input: {employerId: $employer, externalId: $key,
                  firstName: "Anna", lastName: "Leca", contractType: CDI_PUBLIC, start: "2022-06-01"}) { id } }""",
                Map.of("employer", employerId, "key", externalId));
    }

    String employer(String communeCode) {
        var siret = Siret.withCheckDigit("9" + "%08d".formatted(++sirets) + "0001");
        write("""
                MATCH (c:Commune {code: $commune})
                CREATE (e:Employer {id: $id, siret: $siret, name: 'Collectivité', sector: 'PUBLIC',
                  legalKind: 'TERRITORIAL_COLLECTIVITY', communeCode: c.code, departmentCode: c.departmentCode,
                  regionCode: c.regionCode, epciCode: c.epciCode})-[:IN_COMMUNE]->(c)""",
                Map.of("id", "employer-" + siret, "siret", siret, "commune", communeCode));
        return "employer-" + siret;
    }

    /** An adviser of the employer under a running contract. */
    String adviser(String employerId, String id) {
        write("""
                MATCH (e:Employer {id: $employer})
                CREATE (a:Adviser {id: $id, scheme: 'CONSEILLER_NUMERIQUE', status: 'ACTIVE', firstName: 'Lucia',
                  lastName: $id})-[:EMPLOYED_BY {contractType: 'CDI_PUBLIC', start: date('2022-01-01')}]->(e)""",
                Map.of("id", id, "employer", employerId));
        return id;
    }

    /** An adviser given the role over Corse-du-Sud through the API. */
    String coordinator(String employerId, String id) {
        adviser(employerId, id);
        assertThat(AtOnce.succeeded(grant(id, "2A"))).isTrue();
        return id;
    }

    String place(String name, String communeCode) {
        return post("""
                mutation($name: String!, $commune: String!) { addPlace(input: {name: $name, address: "1 cours Napoléon",
                  communeCode: $commune, services: ["Prendre en main un smartphone ou une tablette"]}) { id } }""",
                Map.of("name", name, "commune", communeCode)).at("/data/addPlace/id").asText();
    }

    List<String> covered(String coordinatorId) {
        try (var session = driver.session()) {
            return session.run("MATCH (:Adviser {id: $id})-[:COVERS]->(t) RETURN t.code ORDER BY t.code",
                    Map.of("id", coordinatorId)).list(r -> r.get(0).asString());
        }
    }

    /**
     * The coordinator role is whole or absent: the label, its kind of perimeter and date go together, a coordinator
     * covers at least one territory, and only a coordinator covers, coordinates or is supported.
     */
    void assertRolesAgreeWithLinks() {
        assertThat(count("""
                MATCH (a:Adviser)
                WHERE (a:Coordinator) <> (a.perimeterKind IS NOT NULL)
                   OR (a:Coordinator) <> (a.coordinatorSince IS NOT NULL)
                   OR (a:Coordinator AND NOT EXISTS { (a)-[:COVERS]->() })
                   OR (NOT a:Coordinator AND EXISTS { (a)-[:COVERS|COORDINATES]->() })
                   OR (NOT a:Coordinator AND EXISTS { (:Hub)-[:SUPPORTS]->(a) })
                RETURN count(a)""")).as("advisers whose role and links disagree").isZero();
    }

    /** The loser is told, in French, on {@code field}, what it would be told had it come second. */
    static void assertSerialLoss(JsonNode answer, String field) {
        assertThat(AtOnce.errorType(answer)).as("%s", answer).isEqualTo("BAD_REQUEST");
        assertThat(answer.at("/errors/0/extensions/field").asText()).as("%s", answer).isEqualTo(field);
        assertThat(answer.at("/errors/0/message").asText()).contains("déjà");
    }

    /** The loser is told, in French, on {@code field}; or gets a CONFLICT saying to retry. Never INTERNAL_ERROR. */
    static void assertClearLoss(JsonNode answer, String field) {
        var error = answer.path("errors").path(0);
        assertThat(AtOnce.errorType(answer)).as("%s", answer).isIn("BAD_REQUEST", "CONFLICT");
        if (AtOnce.errorType(answer).equals("BAD_REQUEST")) {
            assertThat(error.path("extensions").path("field").asText()).as("%s", answer).isEqualTo(field);
        } else {
            assertThat(error.path("message").asText()).contains("réessayez");
        }
    }
}
