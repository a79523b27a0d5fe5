package fr.maillage.exploration;

import static org.assertj.core.api.Assertions.assertThat;


import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A small Corse-du-Sud network, built by ANCT through the API:
 * <pre>
 *   Hub H (covers 94) --SUPPORTS--> coordinator C (perimeter: EPCI 242010056, CA du Pays Ajaccien)
 *   C --COORDINATES--> X;  X --WORKS_AT--> place P (Ajaccio);  Y has no place
 *   X, Y, C --EMPLOYED_BY--> employer E (Ajaccio)
 *   partners in Ajaccio: France Travail (linked to X), Mission locale, EHPAD; in Bastia: France Travail
 * </pre>
 * Map of 2A: 9 actors (E, P, C, X, Y, H, 3 Ajaccio partners) and 7 links (3 contracts, 1 place, 1 coordination,
 * 1 support, 1 partnership). The Bastia partner is in 2B.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplorationTests extends IntegrationTest {

    String hub;
    String coordinator;
    String adviserX;
    String franceTravailAjaccio;

    @BeforeAll
    void network() {
        clearNetwork();
        var employer = id(asAnct().document("""
                mutation { registerEmployer(input: {siret: "20007695800012", name: "Collectivité de Corse",
                  legalKind: TERRITORIAL_COLLECTIVITY, communeCode: "2A004"}) { id } }""").execute()
                .path("registerEmployer.id"));
        var place = id(asAnct().document("""
                mutation { addPlace(input: {name: "Médiathèque", address: "1 rue", communeCode: "2A004"}) { id } }""")
                .execute().path("addPlace.id"));
        coordinator = hire(employer, "C", null);
        adviserX = hire(employer, "X", place);
        hire(employer, "Y", null);
        asAnct().document("""
                mutation($c: ID!, $x: ID!) {
                  grantCoordinatorRole(adviserId: $c, perimeter: {kind: INTERCOMMUNAL, territories: [{level: EPCI, code: "242010056"}]}) { id }
                  attachAdvisers(coordinatorId: $c, adviserIds: [$x]) { id } }""")
                .variable("c", coordinator).variable("x", adviserX).execute().errors().verify();
        hub = id(asAnct().document("mutation { createHub(input: {name: \"Hub Corsica\", regionCodes: [\"94\"]}) { id } }")
                .execute().path("createHub.id"));
        asAnct().document("mutation($h: ID!, $c: ID!) { supportCoordinators(hubId: $h, coordinatorIds: [$c]) { id } }")
                .variable("h", hub).variable("c", coordinator).execute().errors().verify();
        franceTravailAjaccio = partner("FRANCE_TRAVAIL", "France Travail Ajaccio", "2A004");
        partner("MISSION_LOCALE", "Mission locale d'Ajaccio", "2A004");
        partner("EHPAD", "EHPAD Les Oliviers", "2A004");
        partner("FRANCE_TRAVAIL", "France Travail Bastia", "2B033");
        asAnct().document("mutation($p: ID!, $x: ID!) { linkPartner(partnerId: $p, actorId: $x) { id } }")
                .variable("p", franceTravailAjaccio).variable("x", adviserX).execute().errors().verify();
    }

    @AfterAll
    void clean() {
        clearNetwork();
    }

    @Test
    void drawsTheNetworkOfADepartmentWithoutPersonalData() {
        var response = graphQl().document("""
                { networkMap(level: DEPARTMENT, code: "2A") { territory { name } summarised actorCount linkCount
                    nodes { id kind label territoryCode count } edges { source target kind count } } }""").execute();
        response.errors().verify()
                .path("networkMap.territory.name").entity(String.class).isEqualTo("Corse-du-Sud")
                .path("networkMap.summarised").entity(Boolean.class).isEqualTo(false)
                .path("networkMap.actorCount").entity(Integer.class).isEqualTo(9)
                .path("networkMap.linkCount").entity(Integer.class).isEqualTo(7)
                .path("networkMap.nodes[*].kind").entityList(String.class)
                .satisfies(kinds -> assertThat(kinds).containsExactlyInAnyOrder("EMPLOYER", "PLACE", "COORDINATOR",
                        "ADVISER", "ADVISER", "HUB", "PARTNER", "PARTNER", "PARTNER"))
                .path("networkMap.nodes[*].label").entityList(String.class)
                .satisfies(labels -> assertThat(labels).doesNotContain("X", "Y", "C").contains("Coordinateur"))
                .path("networkMap.edges[*].kind").entityList(String.class)
                .satisfies(kinds -> assertThat(kinds).containsExactlyInAnyOrder("EMPLOYED_BY", "EMPLOYED_BY",
                        "EMPLOYED_BY", "WORKS_AT", "COORDINATES", "SUPPORTS", "PARTNERS_WITH"));
    }

    @Test
    void summarisesAboveTheBound() {
        graphQl().document("""
                { networkMap(level: DEPARTMENT, code: "2A", maxNodes: 3) { summarised actorCount
                    nodes { kind label count } edges { kind count } } }""").execute()
                .path("networkMap.summarised").entity(Boolean.class).isEqualTo(true)
                .path("networkMap.actorCount").entity(Integer.class).isEqualTo(9)
                // the hub's commune is unknown: it stands apart; everything else is in the CA du Pays Ajaccien
                .path("networkMap.nodes[*].count").entityList(Integer.class)
                .satisfies(counts -> assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(9))
                .path("networkMap.edges[*].count").entityList(Integer.class)
                .satisfies(counts -> assertThat(counts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(7));
        graphQl().document("{ networkMap(level: EPCI, code: \"242010056\") { actorCount } }").execute()
                .errors().expect(e -> "level".equals(e.getExtensions().get("field"))).verify();
    }

    @Test
    void listsTheCoordinatorsPrescribersNobodyWorksWithFirst() {
        graphQl().document("""
                query($c: ID!) { coordinatorPartners(coordinatorId: $c) { totalCount unlinkedCount
                  nodes { linked linkedWith partner { name role } } } }""").variable("c", coordinator).execute()
                .path("coordinatorPartners.totalCount").entity(Integer.class).isEqualTo(3)
                .path("coordinatorPartners.unlinkedCount").entity(Integer.class).isEqualTo(2)
                .path("coordinatorPartners.nodes[*].partner.name").entityList(String.class)
                .containsExactly("Mission locale d'Ajaccio", "EHPAD Les Oliviers", "France Travail Ajaccio")
                .path("coordinatorPartners.nodes[2].linkedWith").entityList(String.class).containsExactly(adviserX);
        graphQl().document("""
                query($c: ID!) { coordinatorPartners(coordinatorId: $c, onlyUnlinked: true, kinds: [FRANCE_TRAVAIL, MISSION_LOCALE]) {
                  totalCount nodes { partner { name } } } }""").variable("c", coordinator).execute()
                .path("coordinatorPartners.nodes[*].partner.name").entityList(String.class)
                .containsExactly("Mission locale d'Ajaccio");
    }

    @Test
    void findsTheShortestPathBetweenTwoActors() {
        graphQl().document("""
                query($from: ID!, $to: ID!) { shortestPath(fromId: $from, toId: $to) { length
                  nodes { kind } edges { kind } } }""").variable("from", hub).variable("to", franceTravailAjaccio)
                .execute()
                .path("shortestPath.length").entity(Integer.class).isEqualTo(3)
                .path("shortestPath.nodes[*].kind").entityList(String.class)
                .containsExactly("HUB", "COORDINATOR", "ADVISER", "PARTNER")
                .path("shortestPath.edges[*].kind").entityList(String.class)
                .containsExactly("SUPPORTS", "COORDINATES", "PARTNERS_WITH");
        graphQl().document("query($h: ID!) { shortestPath(fromId: $h, toId: \"nobody\") { length } }")
                .variable("h", hub).execute().path("shortestPath").valueIsNull();
    }

    private String id(org.springframework.graphql.test.tester.GraphQlTester.Path path) {
        return path.entity(String.class).get();
    }

    private String hire(String employer, String lastName, String place) {
        return id(asAnct().document("""
                mutation($e: ID!, $n: String!, $p: ID) { hireAdviser(input: {employerId: $e, firstName: "P",
                  lastName: $n, contractType: CDI_PUBLIC, start: "2023-01-01", mainPlaceId: $p}) { id } }""")
                .variable("e", employer).variable("n", lastName).variable("p", place).execute()
                .path("hireAdviser.id"));
    }

    private String partner(String kind, String name, String commune) {
        return id(asAnct().document("""
                mutation($k: PartnerKind!, $n: String!, $c: String!) { addPartner(input: {kind: $k, name: $n,
                  communeCode: $c}) { id } }""").variable("k", kind).variable("n", name).variable("c", commune)
                .execute().path("addPartner.id"));
    }

}
