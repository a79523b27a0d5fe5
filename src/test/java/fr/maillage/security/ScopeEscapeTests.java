package fr.maillage.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The scope escapes found by attacking the running service (issue 12, items 2 and 3), replayed as they were sent,
 * with the neighbouring cases that must stay allowed. The network is {@link ScopeFixture}'s.
 */
class ScopeEscapeTests extends ScopeFixture {

    @BeforeEach
    void network() {
        buildNetwork();
    }

    @AfterEach
    void clear() {
        clearNetwork();
    }

    // attachAdvisers: every adviser attached must be in scope

    @Test
    void aCoordinatorOfCorsicaCannotAttachAParisAdviserAndThenReadItsPersonalData() {
        var coordinator = as(Who.COORDINATOR_C);
        assertThat(forbidden(attach(coordinator, "a-coord", "a-paris"))).isTrue();
        assertThat(coordinates("a-coord", "a-paris")).isZero();
        coordinator.document("{ adviser(id: \"a-paris\") { id lastName email phone } }").execute()
                .errors().expect(e -> "FORBIDDEN".equals(e.getErrorType().toString())).verify()
                .path("adviser.id").entity(String.class).isEqualTo("a-paris")
                .path("adviser.lastName").valueIsNull()
                .path("adviser.email").valueIsNull()
                .path("adviser.phone").valueIsNull();
        // a Corsican adviser outside its perimeter (2B) is refused too
        assertThat(forbidden(attach(coordinator, "a-coord", "a-bastia"))).isTrue();
        assertThat(coordinates("a-coord", "a-bastia")).isZero();
    }

    @Test
    void aCoordinatorAttachesAnAdviserServingItsPerimeterAndThenReadsIt() {
        var coordinator = as(Who.COORDINATOR_C);
        attach(coordinator, "a-coord", "a-y").errors().verify();
        assertThat(coordinates("a-coord", "a-y")).isOne();
        coordinator.document("{ adviser(id: \"a-y\") { email } }").execute()
                .errors().verify().path("adviser.email").entity(String.class).isEqualTo("a-y@example.org");
    }

    @Test
    void aPrefectureOrAHubCannotAttachAnAdviserOfAnotherTerritoryToItsCoordinator() {
        for (var who : List.of(Who.PREFECTURE_2A, Who.HUB_94)) {
            assertThat(forbidden(attach(as(who), "a-coord", "a-paris"))).as(who.name()).isTrue();
            // one adviser out of scope among several: nothing is attached
            assertThat(forbidden(attach(as(who), "a-coord", "a-y", "a-paris"))).as(who.name()).isTrue();
            assertThat(coordinates("a-coord", "a-paris") + coordinates("a-coord", "a-y")).as(who.name()).isZero();
        }
        // Bastia (2B) is in the hub's region, not in the prefecture of 2A's département
        assertThat(forbidden(attach(as(Who.PREFECTURE_2A), "a-coord", "a-bastia"))).isTrue();
        attach(as(Who.HUB_94), "a-coord", "a-bastia").errors().verify();
        attach(as(Who.PREFECTURE_2A), "a-coord", "a-y").errors().verify();
        assertThat(coordinates("a-coord", "a-bastia") + coordinates("a-coord", "a-y")).isEqualTo(2);
    }

    @Test
    void aPrefectureCannotDetachAnAdviserOfAnotherTerritory() {
        assertThat(forbidden(as(Who.PREFECTURE_2A).document("""
                mutation { detachAdvisers(coordinatorId: "a-coord", adviserIds: ["a-montmartre"]) { id } }""")
                .execute())).isTrue();
        assertThat(coordinates("a-coord", "a-montmartre")).isOne();
    }

    // Moves: checked where the target goes, not only where it is

    @Test
    void aPrefectureOrAHubCannotMoveAPlaceOrAnEmployerOutOfItsTerritory() {
        for (var who : List.of(Who.PREFECTURE_2A, Who.HUB_94)) {
            assertThat(forbidden(movePlace(as(who), "p-ajaccio", "75056"))).as(who.name()).isTrue();
            assertThat(forbidden(moveEmployer(as(who), "e-corse", "75056"))).as(who.name()).isTrue();
            assertThat(count("""
                    MATCH (p:Place {id: 'p-ajaccio', departmentCode: '2A'})-[:IN_COMMUNE]->(:Commune {code: '2A004'}),
                          (e:Employer {id: 'e-corse', departmentCode: '2A'})-[:IN_COMMUNE]->(:Commune {code: '2A004'})
                    RETURN count(*)""")).as(who.name()).isOne();
        }
        // inside the caller's territory, a move is allowed: Bonifacio for the prefecture, Bastia for the hub
        movePlace(as(Who.PREFECTURE_2A), "p-ajaccio", "2A041").errors().verify();
        assertThat(forbidden(moveEmployer(as(Who.PREFECTURE_2A), "e-corse", "2B033"))).isTrue();
        moveEmployer(as(Who.HUB_94), "e-corse", "2B033").errors().verify();
        assertThat(count("MATCH (p:Place {id: 'p-ajaccio', communeCode: '2A041'}), "
                + "(e:Employer {id: 'e-corse', communeCode: '2B033', departmentCode: '2B'}) RETURN count(*)")).isOne();
    }

    @Test
    void anEmployerMovesItsOwnEstablishmentOnlyInsideItsDepartement() {
        var employer = as(Who.EMPLOYER_CORSE);
        assertThat(forbidden(moveEmployer(employer, "e-corse", "2B033"))).isTrue();
        assertThat(forbidden(moveEmployer(employer, "e-corse", "75056"))).isTrue();
        assertThat(count("MATCH (e:Employer {id: 'e-corse', communeCode: '2A004'}) RETURN count(e)")).isOne();
        moveEmployer(employer, "e-corse", "2A041").errors().verify();
        assertThat(count("MATCH (e:Employer {id: 'e-corse', communeCode: '2A041'}) RETURN count(e)")).isOne();
        // another département is another establishment: a new SIRET, registered
        as(Who.EMPLOYER_CORSE_AND_NEW).document("""
                mutation($siret: String!) { registerEmployer(input: {siret: $siret, name: "Collectivité de Corse, Bastia",
                  legalKind: TERRITORIAL_COLLECTIVITY, communeCode: "2B033"}) { id } }""").variable("siret", SIRET_NEW)
                .execute().errors().verify();
    }

    // Perimeters: every territory wholly inside the caller's

    @Test
    void aPrefectureCannotGiveAPerimeterReachingBeyondItsDepartements() {
        assertThat(forbidden(grant(as(Who.PREFECTURE_2A), "a-y", "REGION", "REGION", "94"))).isTrue();
        assertThat(forbidden(as(Who.PREFECTURE_2A).document("""
                mutation { setPerimeter(coordinatorId: "a-coord", perimeter: {kind: REGION,
                  territories: [{level: REGION, code: "94"}]}) { id } }""").execute())).isTrue();
        assertThat(count("MATCH (a:Adviser {id: 'a-y'}) WHERE a:Coordinator RETURN count(a)")).isZero();
        assertThat(count("MATCH (:Coordinator {id: 'a-coord'})-[:COVERS]->(t) RETURN CASE WHEN collect(t.code) = ['2A']"
                + " THEN 1 ELSE 0 END")).isOne();
        // the prefectures of both départements of Corse may
        grant(as(Who.PREFECTURE_2A_2B), "a-y", "REGION", "REGION", "94").errors().verify();
    }

    @Test
    void anEpciAcrossTwoDepartementsNeedsBothAndAcrossTwoRegionsNeedsBoth() {
        // CA du Grand Avignon: Avignon (84, region 93) and Les Angles (30, region 76)
        assertThat(forbidden(grant(as(Who.PREFECTURE_84), "a-avignon", "INTERCOMMUNAL", "EPCI", "248400251"))).isTrue();
        assertThat(forbidden(grant(as(Who.HUB_93), "a-avignon", "INTERCOMMUNAL", "EPCI", "248400251"))).isTrue();
        assertThat(count("MATCH (c:Coordinator {id: 'a-avignon'}) RETURN count(c)")).isZero();
        grant(as(Who.PREFECTURE_84), "a-avignon", "INTERCOMMUNAL", "COMMUNE", "84007").errors().verify();
        asAnct().document("mutation { revokeCoordinatorRole(adviserId: \"a-avignon\") { id } }").execute().errors().verify();
        grant(as(Who.PREFECTURE_84_30), "a-avignon", "INTERCOMMUNAL", "EPCI", "248400251").errors().verify();
    }

    // Hub support: the coordinators supported are in the hub's regions

    @Test
    void aHubCannotSupportACoordinatorOfAnotherRegion() {
        assertThat(forbidden(support("a-paris-coord"))).isTrue();
        assertThat(count("MATCH (:Hub)-[s:SUPPORTS]->() RETURN count(s)")).isZero();
        support("a-coord").errors().verify();
        assertThat(count("MATCH (:Hub {id: 'h-corse'})-[s:SUPPORTS]->(:Coordinator {id: 'a-coord'}) RETURN count(s)"))
                .isOne();
    }

    // Places of an adviser: within reach of its employer, and inside the caller's territory

    @Test
    void anEmployerSendsItsAdviserToNeighbouringCommunesOnly() {
        var avignon = as(Who.EMPLOYER_AVIGNON);
        // Nîmes (30): another region and another EPCI
        assertThat(forbidden(places(avignon, "a-avignon", "p-nimes"))).isTrue();
        assertThat(forbidden(hireAt(avignon, "e-avignon", "p-nimes"))).isTrue();
        assertThat(count("MATCH (a:Adviser)-[:WORKS_AT]->(:Place {id: 'p-nimes'}) RETURN count(a)")).isZero();
        assertThat(count("MATCH (a:Adviser)-[:EMPLOYED_BY]->(:Employer {id: 'e-avignon'}) RETURN count(a)")).isOne();
        // Les Angles (30, Occitanie) is across the regional border but in Avignon's agglomeration: within reach
        places(avignon, "a-avignon", "p-lesangles").errors().verify();
        // Marseille is in the employer's region
        places(avignon, "a-avignon", "p-marseille").errors().verify();
        hireAt(avignon, "e-avignon", "p-lesangles").errors().verify();
        // Corsica: Paris is out of reach of the Collectivité; Bastia is in its region
        assertThat(forbidden(places(as(Who.EMPLOYER_CORSE), "a-y", "p-paris"))).isTrue();
        places(as(Who.EMPLOYER_CORSE), "a-y", "p-bastia").errors().verify();
    }

    @Test
    void aHubSendsAnAdviserOnlyWithinReachAndInsideItsRegions() {
        // within reach of Avignon but outside the hub's region 93
        assertThat(forbidden(places(as(Who.HUB_93), "a-avignon", "p-lesangles"))).isTrue();
        assertThat(forbidden(places(as(Who.HUB_93), "a-avignon", "p-nimes"))).isTrue();
        assertThat(forbidden(places(as(Who.HUB_94), "a-y", "p-paris"))).isTrue();
        assertThat(count("MATCH (:Adviser {id: 'a-avignon'})-[:WORKS_AT]->(p) RETURN CASE WHEN collect(p.id) = ['p-avignon']"
                + " THEN 1 ELSE 0 END")).isOne();
        assertThat(count("MATCH (:Adviser {id: 'a-y'})-[:WORKS_AT]->(p) RETURN CASE WHEN collect(p.id) = ['p-ajaccio']"
                + " THEN 1 ELSE 0 END")).isOne();
        places(as(Who.HUB_93), "a-avignon", "p-marseille").errors().verify();
        places(as(Who.HUB_94), "a-y", "p-bastia").errors().verify();
    }

    @Test
    void anctMayPutAnAdviserAnywhere() {
        places(asAnct(), "a-avignon", "p-nimes").errors().verify();
        assertThat(count("MATCH (:Adviser {id: 'a-avignon'})-[:WORKS_AT]->(:Place {id: 'p-nimes'}) RETURN count(*)"))
                .isOne();
    }

    // The application workflow: the zone of an application and the advisers and structures it names

    @Test
    void anEmployerAppliesOnlyForAZoneWithinItsReach() {
        var employer = as(Who.EMPLOYER_CORSE);
        assertThat(forbidden(draft(employer, "DEPARTMENT", "DEPARTMENT", "75"))).isTrue();
        assertThat(forbidden(draft(employer, "REGION", "REGION", "11"))).isTrue();
        assertThat(count("MATCH (a:CoordinatorApplication) RETURN count(a)")).isZero();
        // its own region, the neighbouring département included
        draft(employer, "DEPARTMENT", "DEPARTMENT", "2B").errors().verify();
        // and a bassin de vie across a regional border for Avignon
        as(Who.EMPLOYER_AVIGNON).document(DRAFT).variable("input",
                draftInput("e-avignon", "INTERCOMMUNAL", "EPCI", "248400251")).execute().errors().verify();
    }

    @Test
    void anEmployerConsultsAndRecruitsOnlyWhatConcernsItsApplication() {
        var id = draft(asAnct(), "DEPARTMENT", "DEPARTMENT", "2A").path("draftCoordinatorApplication.id")
                .entity(String.class).get();
        var employer = as(Who.EMPLOYER_CORSE);
        assertThat(forbidden(employer.document("""
                mutation($id: ID!) { recordConsultation(applicationId: $id, employerId: "e-paris", answer: FAVOURABLE) {
                  id } }""").variable("id", id).execute())).isTrue();
        assertThat(count("MATCH (:CoordinatorApplication)-[c:CONSULTED]->() RETURN count(c)")).isZero();
        employer.document("""
                mutation($id: ID!) { recordConsultation(applicationId: $id, employerId: "e-bastia", answer: FAVOURABLE) {
                  id } }""").variable("id", id).execute().errors().verify();

        write("""
                MATCH (a:CoordinatorApplication {id: $id})
                SET a.status = 'NOTIFIED', a.decision = 'ACCEPTED', a.submittedOn = date('2023-11-01'),
                    a.decidedOn = date('2023-12-15'), a.notifiedOn = date('2024-01-31')""", Map.of("id", id));
        assertThat(forbidden(employer.document("""
                mutation($id: ID!) { recordCoordinatorRecruitment(id: $id, adviserId: "a-paris") { id } }""")
                .variable("id", id).execute())).isTrue();
        assertThat(count("MATCH (c:Coordinator {id: 'a-paris'}) RETURN count(c)")).isZero();
        employer.document("""
                mutation($id: ID!) { recordCoordinatorRecruitment(id: $id, adviserId: "a-y") { id } }""")
                .variable("id", id).execute().errors().verify();
    }

    // helpers

    static final String DRAFT = """
            mutation($input: CoordinatorApplicationInput!) { draftCoordinatorApplication(input: $input) { id } }""";

    GraphQlTester.Response draft(GraphQlTester as, String kind, String level, String code) {
        return as.document(DRAFT).variable("input", draftInput("e-corse", kind, level, code)).execute();
    }

    static Map<String, Object> draftInput(String employerId, String kind, String level, String code) {
        var input = new HashMap<String, Object>();
        input.put("campaignCode", "AAC-COORD-2023");
        input.put("employerId", employerId);
        input.put("applicationCase", "ADDITIONAL_POST");
        input.put("contractType", "CDI_PUBLIC");
        input.put("fullTime", true);
        input.put("perimeter", Map.of("kind", kind, "territories", List.of(Map.of("level", level, "code", code))));
        return input;
    }

    GraphQlTester.Response attach(GraphQlTester as, String coordinator, String... advisers) {
        return as.document("mutation($c: ID!, $a: [ID!]!) { attachAdvisers(coordinatorId: $c, adviserIds: $a) { id } }")
                .variable("c", coordinator).variable("a", List.of(advisers)).execute();
    }

    long coordinates(String coordinator, String adviser) {
        return count("MATCH (:Coordinator {id: $c})-[r:COORDINATES]->(:Adviser {id: $a}) RETURN count(r)",
                Map.of("c", coordinator, "a", adviser));
    }

    GraphQlTester.Response movePlace(GraphQlTester as, String place, String commune) {
        return as.document("""
                mutation($p: ID!, $c: String!) { updatePlace(id: $p, input: {name: "Lieu", address: "1 rue",
                  communeCode: $c}) { id } }""").variable("p", place).variable("c", commune).execute();
    }

    GraphQlTester.Response moveEmployer(GraphQlTester as, String employer, String commune) {
        return as.document("mutation($e: ID!, $c: String) { updateEmployer(id: $e, input: {communeCode: $c}) { id } }")
                .variable("e", employer).variable("c", commune).execute();
    }

    GraphQlTester.Response grant(GraphQlTester as, String adviser, String kind, String level, String code) {
        return as.document("""
                mutation($a: ID!, $p: PerimeterInput!) { grantCoordinatorRole(adviserId: $a, perimeter: $p) { id } }""")
                .variable("a", adviser)
                .variable("p", Map.of("kind", kind, "territories", List.of(Map.of("level", level, "code", code))))
                .execute();
    }

    GraphQlTester.Response support(String coordinator) {
        return as(Who.HUB_94).document("""
                mutation($c: ID!) { supportCoordinators(hubId: "h-corse", coordinatorIds: [$c]) { id } }""")
                .variable("c", coordinator).execute();
    }

    GraphQlTester.Response places(GraphQlTester as, String adviser, String place) {
        return as.document("mutation($a: ID!, $p: ID!) { setAdviserPlaces(adviserId: $a, mainPlaceId: $p) { id } }")
                .variable("a", adviser).variable("p", place).execute();
    }

    GraphQlTester.Response hireAt(GraphQlTester as, String employer, String place) {
        return as.document("""
                mutation($e: ID!, $p: ID!) { hireAdviser(input: {employerId: $e, firstName: "N", lastName: "Nouveau",
                  contractType: CDI_PUBLIC, start: "2024-01-01", mainPlaceId: $p}) { id } }""")
                .variable("e", employer).variable("p", place).execute();
    }
}
