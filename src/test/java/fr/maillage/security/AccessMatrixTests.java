package fr.maillage.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * Who sees and changes what, role by role, in and out of scope. The fixture (built by ANCT): in Corse-du-Sud the
 * Collectivité (SIRET A) employs the coordinator C and the adviser X, who works in Ajaccio; in Haute-Corse an
 * association (SIRET B) employs the adviser Y. C coordinates X.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTests extends IntegrationTest {

    static final String SIRET_A = "20007695800012";
    static final String SIRET_B = "13002526500013";

    String employerA;
    String coordinator;
    String adviserX;
    String adviserY;
    String place;
    String partner;

    enum Who {
        ANONYMOUS, ANCT, PREFECTURE_2A, PREFECTURE_75, SGAR_94, SGAR_11, HUB_94, HUB_84, COORDINATOR_C,
        COORDINATOR_OTHER, EMPLOYER_A, EMPLOYER_B
    }

    @BeforeAll
    void network() {
        clearNetwork();
        employerA = asAnct().document("""
                mutation { registerEmployer(input: {siret: "%s", name: "Collectivité de Corse",
                  legalKind: TERRITORIAL_COLLECTIVITY, communeCode: "2A004"}) { id } }""".formatted(SIRET_A))
                .execute().path("registerEmployer.id").entity(String.class).get();
        var employerB = asAnct().document("""
                mutation { registerEmployer(input: {siret: "%s", name: "Association Bastiaise",
                  legalKind: ASSOCIATION, communeCode: "2B033"}) { id } }""".formatted(SIRET_B))
                .execute().path("registerEmployer.id").entity(String.class).get();
        place = asAnct().document("""
                mutation { addPlace(input: {name: "Médiathèque", address: "1 rue", communeCode: "2A004"}) { id } }""")
                .execute().path("addPlace.id").entity(String.class).get();
        coordinator = hire(employerA, "Coordinatrice", null);
        adviserX = hire(employerA, "Xavier", place);
        adviserY = hire(employerB, "Yolande", null);
        asAnct().document("""
                mutation($c: ID!, $x: ID!) {
                  grantCoordinatorRole(adviserId: $c, perimeter: {kind: DEPARTMENT, territories: [{level: DEPARTMENT, code: "2A"}]}) { id }
                  attachAdvisers(coordinatorId: $c, adviserIds: [$x]) { id } }""")
                .variable("c", coordinator).variable("x", adviserX).execute().errors().verify();
        partner = asAnct().document("""
                mutation { addPartner(input: {kind: FRANCE_TRAVAIL, name: "France Travail Ajaccio", communeCode: "2A004"}) {
                  id } }""").execute().path("addPartner.id").entity(String.class).get();
    }

    @AfterAll
    void clean() {
        clearNetwork();
    }

    String hire(String employer, String lastName, String place) {
        return asAnct().document("""
                mutation($e: ID!, $n: String!, $p: ID) { hireAdviser(input: {employerId: $e, firstName: "P",
                  lastName: $n, email: "p@example.org", phone: "0612345678", contractType: CDI_PUBLIC,
                  start: "2023-01-01", mainPlaceId: $p}) { id } }""")
                .variable("e", employer).variable("n", lastName).variable("p", place).execute()
                .path("hireAdviser.id").entity(String.class).get();
    }

    GraphQlTester as(Who who) {
        return switch (who) {
            case ANONYMOUS -> graphQl();
            case ANCT -> asAnct();
            case PREFECTURE_2A -> graphQl(token(Role.PREFECTURE, Map.of("departments", List.of("2A")), null));
            case PREFECTURE_75 -> graphQl(token(Role.PREFECTURE, Map.of("departments", List.of("75")), null));
            case SGAR_94 -> graphQl(token(Role.SGAR, Map.of("regions", List.of("94")), null));
            case SGAR_11 -> graphQl(token(Role.SGAR, Map.of("regions", List.of("11")), null));
            case HUB_94 -> graphQl(token(Role.HUB, Map.of("regions", List.of("94")), null));
            case HUB_84 -> graphQl(token(Role.HUB, Map.of("regions", List.of("84")), null));
            case COORDINATOR_C -> graphQl(token(Role.COORDINATOR, Map.of(), coordinator));
            case COORDINATOR_OTHER -> graphQl(token(Role.COORDINATOR, Map.of(), adviserY));
            case EMPLOYER_A -> graphQl(token(Role.EMPLOYER, Map.of("sirets", List.of(SIRET_A)), null));
            case EMPLOYER_B -> graphQl(token(Role.EMPLOYER, Map.of("sirets", List.of(SIRET_B)), null));
        };
    }

    static Stream<Arguments> personalDataOfX() {
        return Stream.of(Who.values()).map(who -> Arguments.of(who, switch (who) {
            case ANCT, PREFECTURE_2A, SGAR_94, HUB_94, COORDINATOR_C, EMPLOYER_A -> true;
            default -> false;
        }));
    }

    @ParameterizedTest(name = "{0} sees X''s name, e-mail and phone: {1}")
    @MethodSource("personalDataOfX")
    void personalDataOfAnAdviser(Who who, boolean allowed) {
        var response = as(who).document("query($id: ID!) { adviser(id: $id) { id status lastName email phone } }")
                .variable("id", adviserX).execute();
        if (allowed) {
            response.errors().verify()
                    .path("adviser.lastName").entity(String.class).isEqualTo("Xavier")
                    .path("adviser.email").entity(String.class).isEqualTo("p@example.org");
        } else {
            response.errors().expect(e -> "FORBIDDEN".equals(e.getErrorType().toString())
                            && e.getMessage().startsWith("Accès refusé")).verify()
                    .path("adviser.lastName").valueIsNull()
                    .path("adviser.email").valueIsNull()
                    .path("adviser.phone").valueIsNull();
        }
        // what is not personal stays visible to everyone
        response.path("adviser.id").entity(String.class).isEqualTo(adviserX)
                .path("adviser.status").entity(String.class).isEqualTo("ACTIVE");
    }

    @ParameterizedTest(name = "{0} sees the aggregates")
    @MethodSource("personalDataOfX")
    void aggregatesArePublic(Who who, boolean ignored) {
        as(who).document("""
                { advisers(within: {level: REGION, code: "94"}) { totalCount }
                  territory(level: REGION, code: "94") { name population } }""").execute()
                .errors().verify()
                .path("advisers.totalCount").entity(Integer.class).isEqualTo(3);
    }

    /** Each write, and who may do it on this fixture. */
    static final Map<String, List<Who>> WRITES = new java.util.LinkedHashMap<>();

    static {
        WRITES.put("registerEmployer(2A, new SIRET)", List.of(Who.ANCT, Who.PREFECTURE_2A, Who.HUB_94));
        WRITES.put("updateEmployer(A)", List.of(Who.ANCT, Who.PREFECTURE_2A, Who.HUB_94, Who.EMPLOYER_A));
        WRITES.put("hireAdviser(A)", List.of(Who.ANCT, Who.HUB_94, Who.EMPLOYER_A));
        WRITES.put("updateAdviser(X)", List.of(Who.ANCT, Who.HUB_94, Who.EMPLOYER_A));
        WRITES.put("endContract(X)", List.of(Who.ANCT, Who.HUB_94, Who.EMPLOYER_A));
        WRITES.put("setAdviserPlaces(X)", List.of(Who.ANCT, Who.HUB_94, Who.EMPLOYER_A));
        WRITES.put("grantCoordinatorRole(X, 2A)", List.of(Who.ANCT, Who.PREFECTURE_2A, Who.HUB_94));
        WRITES.put("setPerimeter(C, 2A)", List.of(Who.ANCT, Who.PREFECTURE_2A, Who.HUB_94));
        WRITES.put("revokeCoordinatorRole(C)", List.of(Who.ANCT, Who.PREFECTURE_2A, Who.HUB_94));
        // Y serves Bastia (2B): outside the prefecture of 2A's département and outside C's perimeter (2A)
        WRITES.put("attachAdvisers(C, Y)", List.of(Who.ANCT, Who.HUB_94));
        WRITES.put("detachAdvisers(C, X)", List.of(Who.ANCT, Who.PREFECTURE_2A, Who.HUB_94, Who.COORDINATOR_C));
        WRITES.put("createHub", List.of(Who.ANCT));
        WRITES.put("addPlace(Ajaccio)", List.of(Who.ANCT, Who.PREFECTURE_2A, Who.HUB_94));
        WRITES.put("updatePlace(P)", List.of(Who.ANCT, Who.PREFECTURE_2A, Who.HUB_94));
        WRITES.put("removePlace(P)", List.of(Who.ANCT, Who.PREFECTURE_2A, Who.HUB_94));
        WRITES.put("addPartner(Ajaccio)", List.of(Who.ANCT, Who.PREFECTURE_2A, Who.HUB_94));
        WRITES.put("linkPartner(Q, X)", List.of(Who.ANCT, Who.PREFECTURE_2A, Who.HUB_94, Who.COORDINATOR_C,
                Who.EMPLOYER_A));
        WRITES.put("setGovernance(2A)", List.of(Who.ANCT, Who.PREFECTURE_2A));
        WRITES.put("eraseAdviserPersonalData(Y)", List.of(Who.ANCT, Who.EMPLOYER_B));
    }

    static Stream<Arguments> mutations() {
        return WRITES.entrySet().stream().flatMap(write -> Stream.of(Who.values())
                .map(who -> Arguments.of(write.getKey(), who, write.getValue().contains(who))));
    }

    GraphQlTester.Response send(String mutation, Who who) {
        var as = as(who);
        return switch (mutation) {
            case "registerEmployer(2A, new SIRET)" -> as.document("""
                    mutation { registerEmployer(input: {siret: "20007695800020", name: "Autre établissement",
                      legalKind: TERRITORIAL_COLLECTIVITY, communeCode: "2A004"}) { id } }""").execute();
            case "updateEmployer(A)" -> as.document(
                    "mutation($e: ID!) { updateEmployer(id: $e, input: {name: \"Nouveau nom\"}) { id } }")
                    .variable("e", employerA).execute();
            case "hireAdviser(A)" -> as.document("""
                    mutation($e: ID!) { hireAdviser(input: {employerId: $e, firstName: "N", lastName: "Nouveau",
                      contractType: CDI_PUBLIC, start: "2024-01-01"}) { id } }""").variable("e", employerA).execute();
            case "updateAdviser(X)" -> as.document(
                    "mutation($id: ID!) { updateAdviser(id: $id, input: {phone: \"0699999999\"}) { id } }")
                    .variable("id", adviserX).execute();
            case "endContract(X)" -> as.document(
                    "mutation($id: ID!) { endContract(adviserId: $id, end: \"2025-12-31\") { id } }")
                    .variable("id", adviserX).execute();
            case "setAdviserPlaces(X)" -> as.document(
                    "mutation($id: ID!) { setAdviserPlaces(adviserId: $id) { id } }").variable("id", adviserX).execute();
            case "grantCoordinatorRole(X, 2A)" -> as.document("""
                    mutation($id: ID!) { grantCoordinatorRole(adviserId: $id, perimeter: {kind: DEPARTMENT,
                      territories: [{level: DEPARTMENT, code: "2A"}]}) { id } }""").variable("id", adviserX).execute();
            case "setPerimeter(C, 2A)" -> as.document("""
                    mutation($id: ID!) { setPerimeter(coordinatorId: $id, perimeter: {kind: INTERCOMMUNAL,
                      territories: [{level: COMMUNE, code: "2A004"}]}) { id } }""").variable("id", coordinator).execute();
            case "revokeCoordinatorRole(C)" -> as.document(
                    "mutation($id: ID!) { revokeCoordinatorRole(adviserId: $id) { id } }")
                    .variable("id", coordinator).execute();
            case "attachAdvisers(C, Y)" -> as.document(
                    "mutation($c: ID!, $y: ID!) { attachAdvisers(coordinatorId: $c, adviserIds: [$y]) { id } }")
                    .variable("c", coordinator).variable("y", adviserY).execute();
            case "detachAdvisers(C, X)" -> as.document(
                    "mutation($c: ID!, $x: ID!) { detachAdvisers(coordinatorId: $c, adviserIds: [$x]) { id } }")
                    .variable("c", coordinator).variable("x", adviserX).execute();
            case "createHub" -> as.document(
                    "mutation { createHub(input: {name: \"Hub de test\", regionCodes: [\"94\"]}) { id } }").execute();
            case "addPlace(Ajaccio)" -> as.document(
                    "mutation { addPlace(input: {name: \"Nouveau lieu\", address: \"2 rue\", communeCode: \"2A004\"}) { id } }")
                    .execute();
            case "updatePlace(P)" -> as.document("""
                    mutation($p: ID!) { updatePlace(id: $p, input: {name: "Médiathèque rénovée", address: "1 rue",
                      communeCode: "2A004"}) { id } }""").variable("p", place).execute();
            case "removePlace(P)" -> as.document("mutation($p: ID!) { removePlace(id: $p) }").variable("p", place)
                    .execute();
            case "addPartner(Ajaccio)" -> as.document("""
                    mutation { addPartner(input: {kind: CCAS, name: "CCAS d'Ajaccio", communeCode: "2A004"}) { id } }""")
                    .execute();
            case "linkPartner(Q, X)" -> as.document(
                    "mutation($q: ID!, $x: ID!) { linkPartner(partnerId: $q, actorId: $x, nature: \"ateliers\") { id } }")
                    .variable("q", partner).variable("x", adviserX).execute();
            case "setGovernance(2A)" -> as.document(
                    "mutation { setGovernance(input: {departmentCode: \"2A\", name: \"Gouvernance\", members: []}) { id } }")
                    .execute();
            case "eraseAdviserPersonalData(Y)" -> as.document(
                    "mutation($y: ID!) { eraseAdviserPersonalData(adviserId: $y) { id } }")
                    .variable("y", adviserY).execute();
            default -> throw new IllegalArgumentException(mutation);
        };
    }

    @ParameterizedTest(name = "{1} {0}: allowed {2}")
    @MethodSource("mutations")
    void writesStayInScope(String mutation, Who who, boolean allowed) {
        var before = graphState();
        var response = send(mutation, who);
        if (allowed) {
            response.errors().verify();
            assertThat(graphState()).isNotEqualTo(before);
            // the next case starts from the same fixture
            clearNetwork();
            network();
        } else {
            response.errors().expect(e -> "FORBIDDEN".equals(e.getErrorType().toString())).verify();
            assertThat(graphState()).isEqualTo(before);
        }
    }

    @Test
    void anUnknownTargetIsForbiddenOutsideTheScopeRatherThanNotFound() {
        as(Who.HUB_94).document("mutation { updateAdviser(id: \"no-such-adviser\", input: {phone: \"0600000000\"}) { id } }")
                .execute().errors().expect(e -> "FORBIDDEN".equals(e.getErrorType().toString())).verify();
        asAnct().document("mutation { updateAdviser(id: \"no-such-adviser\", input: {phone: \"0600000000\"}) { id } }")
                .execute().errors().expect(e -> "id".equals(e.getExtensions().get("field"))).verify();
    }

    @Test
    void theAuditTrailIsForAnctOnlyAndRecordsWhoReadPersonalData() {
        as(Who.HUB_94).document("query($id: ID!) { adviser(id: $id) { lastName } }").variable("id", adviserX).execute();

        as(Who.PREFECTURE_2A).document("{ auditTrail { id } }").execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getErrorType().toString())).verify();
        asAnct().document("query($id: ID!) { auditTrail(adviserId: $id, first: 5) { subject roles action adviserIds } }")
                .variable("id", adviserX).execute()
                .path("auditTrail[0].subject").entity(String.class).isEqualTo("test-hub")
                .path("auditTrail[0].action").entity(String.class).isEqualTo("READ_PERSONAL_DATA")
                .path("auditTrail[0].adviserIds").entityList(String.class).contains(adviserX);
    }

    @Test
    void anEmployerExportsItsAdvisersDataAndErasureKeepsTheGraph() {
        var employer = as(Who.EMPLOYER_A);
        employer.document("query($id: ID!) { personalDataExport(adviserId: $id) { adviser { lastName email }"
                        + " contracts { type start } places { main } accessLog { action } } }")
                .variable("id", adviserX).execute()
                .path("personalDataExport.adviser.lastName").entity(String.class).isEqualTo("Xavier")
                .path("personalDataExport.contracts[0].type").entity(String.class).isEqualTo("CDI_PUBLIC");
        as(Who.EMPLOYER_B).document("query($id: ID!) { personalDataExport(adviserId: $id) { exportedAt } }")
                .variable("id", adviserX).execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getErrorType().toString())).verify();

        long linksBefore = count("MATCH (:Adviser {id: $id})-[r]-() RETURN count(r)", Map.of("id", adviserX));
        asAnct().document("mutation($id: ID!) { eraseAdviserPersonalData(adviserId: $id) { lastName email status } }")
                .variable("id", adviserX).execute()
                .path("eraseAdviserPersonalData.lastName").valueIsNull()
                .path("eraseAdviserPersonalData.email").valueIsNull();
        assertThat(count("MATCH (:Adviser {id: $id})-[r]-() RETURN count(r)", Map.of("id", adviserX)))
                .isEqualTo(linksBefore);
        asAnct().document("{ advisers(within: {level: REGION, code: \"94\"}) { totalCount } }").execute()
                .path("advisers.totalCount").entity(Integer.class).isEqualTo(3);
        clearNetwork();
        network();
    }

    /** Everything a write could touch, to compare before and after. */
    String graphState() {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (n) WHERE n:Employer OR n:Adviser OR n:Place OR n:Governance OR n:Hub OR n:Partner
                    WITH n ORDER BY n.id
                    RETURN collect([n.id, labels(n), n.name, n.phone, n.lastName, n.email, n.perimeterKind,
                      COLLECT { MATCH (n)-[r]-(x)
                        WITH type(r) + '>' + coalesce(x.id, x.code, '') + '>' + coalesce(toString(r.end), '') + '>'
                          + coalesce(toString(r.main), '') + '>' + coalesce(r.nature, '') AS link
                        RETURN link ORDER BY link }]) AS state""").single().get("state").toString();
        }
    }
}
