package fr.maillage.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Building the network through GraphQL: what each mutation writes, and that a refused one writes nothing. */
class NetworkMutationTests extends IntegrationTest {

    static final String CORSICA_SIRET = "20007695800012";

    @BeforeEach
    @AfterEach
    void bareReferential() {
        clearNetwork();
    }

    String registerCollectivity() {
        return asAnct().document("""
                mutation { registerEmployer(input: {siret: "200 076 958 00012", name: "Collectivité de Corse",
                  legalKind: TERRITORIAL_COLLECTIVITY, communeCode: "2a004"}) { id siret siren sector commune { name } } }""")
                .execute()
                .path("registerEmployer.siret").entity(String.class).isEqualTo(CORSICA_SIRET)
                .path("registerEmployer.siren").entity(String.class).isEqualTo("200076958")
                .path("registerEmployer.sector").entity(String.class).isEqualTo("PUBLIC")
                .path("registerEmployer.commune.name").entity(String.class).isEqualTo("Ajaccio")
                .path("registerEmployer.id").entity(String.class).get();
    }

    String addPlace(String name, String communeCode) {
        return asAnct().document("""
                mutation($name: String!, $commune: String!) { addPlace(input: {name: $name, address: "1 cours Napoléon",
                  communeCode: $commune, services: ["Prendre en main un smartphone ou une tablette"]}) { id } }""")
                .variable("name", name).variable("commune", communeCode).execute()
                .path("addPlace.id").entity(String.class).get();
    }

    String hire(String employerId, String lastName, String placeId) {
        return asAnct().document("""
                mutation($employer: ID!, $last: String!, $place: ID) { hireAdviser(input: {employerId: $employer,
                  firstName: "Anna", lastName: $last, email: "anna@example.org", phone: "06 12 34 56 78",
                  contractType: PROJECT_CONTRACT, start: "2022-06-01", end: "2027-05-31", mainPlaceId: $place}) { id } }""")
                .variable("employer", employerId).variable("last", lastName).variable("place", placeId).execute()
                .path("hireAdviser.id").entity(String.class).get();
    }

    @Test
    void registersAnEmployerInItsCommune() {
        var id = registerCollectivity();

        assertThat(count("MATCH (e:Employer {id: $id})-[:IN_COMMUNE]->(:Commune {code: '2A004'})"
                + " WHERE e.departmentCode = '2A' AND e.regionCode = '94' RETURN count(e)", Map.of("id", id))).isOne();
        asAnct().document("{ employer(siret: \"20007695800012\") { name legalKindLabel eligibleForCoordination } }")
                .execute()
                .path("employer.name").entity(String.class).isEqualTo("Collectivité de Corse")
                .path("employer.eligibleForCoordination").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void refusesABadEmployerNamingEveryFieldAndWritesNothing() {
        var errors = asAnct().document("""
                mutation { registerEmployer(input: {siret: "20007695800013", name: " ",
                  legalKind: ASSOCIATION, communeCode: "99999"}) { id } }""").execute()
                .errors().satisfy(list -> assertThat(list).extracting(e -> e.getExtensions().get("field"))
                        .containsExactlyInAnyOrder("input.siret", "input.name", "input.communeCode"));
        assertThat(errors).isNotNull();
        assertThat(count("MATCH (e:Employer) RETURN count(e)")).isZero();
    }

    @Test
    void refusesASiretAlreadyRegistered() {
        registerCollectivity();
        asAnct().document("""
                mutation { registerEmployer(input: {siret: "20007695800012", name: "Doublon",
                  legalKind: ASSOCIATION, communeCode: "2B033"}) { id } }""").execute()
                .errors().expect(e -> "input.siret".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("déjà enregistrée")).verify();
        assertThat(count("MATCH (e:Employer) RETURN count(e)")).isOne();
    }

    @Test
    void hiresAnAdviserWithItsContractAndMainPlace() {
        var employer = registerCollectivity();
        var place = addPlace("Médiathèque d'Ajaccio", "2A004");
        var adviser = hire(employer, "Santoni", place);

        asAnct().document("""
                query($id: ID!) { adviser(id: $id) { lastName status scheme
                  contract { type typeLabel start end active employer { name } }
                  employer { siret } places { main place { name commune { code } advisers { id } } } } }""")
                .variable("id", adviser).execute()
                .path("adviser.contract.typeLabel").entity(String.class).isEqualTo("Contrat de projet")
                .path("adviser.contract.start").entity(String.class).isEqualTo("2022-06-01")
                .path("adviser.contract.end").entity(String.class).isEqualTo("2027-05-31")
                .path("adviser.contract.active").entity(Boolean.class).isEqualTo(true)
                .path("adviser.contract.employer.name").entity(String.class).isEqualTo("Collectivité de Corse")
                .path("adviser.employer.siret").entity(String.class).isEqualTo(CORSICA_SIRET)
                .path("adviser.places[0].main").entity(Boolean.class).isEqualTo(true)
                .path("adviser.places[0].place.advisers[0].id").entity(String.class).isEqualTo(adviser);
        asAnct().document("query($id: ID!) { employer(id: $id) { advisers { totalCount nodes { lastName } } } }")
                .variable("id", employer).execute()
                .path("employer.advisers.totalCount").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void refusesAHireWithDatesOutOfOrderABadEmailAndAMissingEndAndWritesNothing() {
        var employer = registerCollectivity();
        asAnct().document("""
                mutation($employer: ID!) { a: hireAdviser(input: {employerId: $employer, firstName: "A", lastName: "B",
                  email: "not-an-email", phone: "12", contractType: CDD_PRIVATE, start: "2024-01-01"}) { id } }""")
                .variable("employer", employer).execute()
                .errors().satisfy(list -> assertThat(list).extracting(e -> e.getExtensions().get("field"))
                        .containsExactlyInAnyOrder("input.email", "input.phone", "input.end"));
        asAnct().document("""
                mutation($employer: ID!) { hireAdviser(input: {employerId: $employer, firstName: "A", lastName: "B",
                  contractType: CDD_PUBLIC, start: "2024-01-01", end: "2023-12-31"}) { id } }""")
                .variable("employer", employer).execute()
                .errors().expect(e -> "input.end".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("postérieure")).verify();
        asAnct().document("""
                mutation { hireAdviser(input: {employerId: "nobody", firstName: "A", lastName: "B",
                  contractType: CDI_PRIVATE, start: "2024-13-01"}) { id } }""").execute()
                .errors().expect(e -> e.getMessage().contains("AAAA-MM-JJ")).verify();
        // a programme id as the imports read them (found by probing: a formula reached the CSV exports)
        asAnct().document("""
                mutation($employer: ID!) { hireAdviser(input: {employerId: $employer, firstName: "A", lastName: "B",
                  externalId: "=HYPERLINK(\\"http://evil.example/\\")", contractType: CDI_PRIVATE,
                  start: "2024-01-01"}) { id } }""")
                .variable("employer", employer).execute()
                .errors().expect(e -> "input.externalId".equals(e.getExtensions().get("field"))
                        && e.getMessage().contains("lettres, chiffres et . _ : / - seulement")).verify();
        assertThat(count("MATCH (a:Adviser) RETURN count(a)")).isZero();
    }

    @Test
    void endsAContractSoTheAdviserNoLongerCountsAsActive() {
        var employer = registerCollectivity();
        var adviser = hire(employer, "Santoni", null);

        asAnct().document("mutation($id: ID!) { endContract(adviserId: $id, end: \"2024-01-31\") { contract { end active } } }")
                .variable("id", adviser).execute()
                .path("endContract.contract.end").entity(String.class).isEqualTo("2024-01-31")
                .path("endContract.contract.active").entity(Boolean.class).isEqualTo(false);
        asAnct().document("query($id: ID!) { employer(id: $id) { advisers { totalCount } all: advisers(activeOnly: false) { totalCount } } }")
                .variable("id", employer).execute()
                .path("employer.advisers.totalCount").entity(Integer.class).isEqualTo(0)
                .path("employer.all.totalCount").entity(Integer.class).isEqualTo(1);
        asAnct().document("mutation($id: ID!) { endContract(adviserId: $id, end: \"2020-01-01\") { id } }")
                .variable("id", adviser).execute()
                .errors().expect(e -> "end".equals(e.getExtensions().get("field"))).verify();
    }

    @Test
    void givesTheCoordinatorRoleAttachesAdvisersAndTakesItBack() {
        var employer = registerCollectivity();
        var coordinator = hire(employer, "Coordinatrice", null);
        var first = hire(employer, "Un", null);
        var second = hire(employer, "Deux", null);

        asAnct().document("""
                mutation($id: ID!) { grantCoordinatorRole(adviserId: $id, since: "2024-06-01",
                  perimeter: {kind: DEPARTMENT, territories: [{level: DEPARTMENT, code: "2A"}]}) {
                  id since perimeterKind perimeter { code } } }""").variable("id", coordinator).execute()
                .path("grantCoordinatorRole.perimeter[0].code").entity(String.class).isEqualTo("2A")
                .path("grantCoordinatorRole.since").entity(String.class).isEqualTo("2024-06-01");
        asAnct().document("mutation($c: ID!, $a: [ID!]!) { attachAdvisers(coordinatorId: $c, adviserIds: $a) { advisers { totalCount } } }")
                .variable("c", coordinator).variable("a", List.of(first, second, first)).execute()
                .path("attachAdvisers.advisers.totalCount").entity(Integer.class).isEqualTo(2);
        asAnct().document("query($id: ID!) { adviser(id: $id) { coordinators { id adviser { lastName } } } }")
                .variable("id", first).execute()
                .path("adviser.coordinators[0].adviser.lastName").entity(String.class).isEqualTo("Coordinatrice");

        asAnct().document("mutation($id: ID!) { revokeCoordinatorRole(adviserId: $id) { coordinatorRole { id } } }")
                .variable("id", coordinator).execute()
                .path("revokeCoordinatorRole.coordinatorRole").valueIsNull();
        assertThat(count("MATCH ()-[r:COORDINATES|COVERS]->() RETURN count(r)")).isZero();
        assertThat(count("MATCH (a:Adviser) RETURN count(a)")).isEqualTo(3);
    }

    @Test
    void refusesAPerimeterThatDoesNotFitItsKind() {
        var employer = registerCollectivity();
        var coordinator = hire(employer, "Coordinatrice", null);
        asAnct().document("""
                mutation($id: ID!) { grantCoordinatorRole(adviserId: $id, perimeter: {kind: INTERCOMMUNAL,
                  territories: [{level: REGION, code: "94"}, {level: EPCI, code: "000000000"}]}) { id } }""")
                .variable("id", coordinator).execute()
                .errors().satisfy(list -> assertThat(list).extracting(e -> e.getExtensions().get("field"))
                        .containsExactly("perimeter.territories[0]", "perimeter.territories[1]"));
        assertThat(count("MATCH (c:Coordinator) RETURN count(c)")).isZero();
    }

    @Test
    void linksPartnersAndHubsAndSetsAGovernance() {
        var employer = registerCollectivity();
        var adviser = hire(employer, "Santoni", null);
        var partner = asAnct().document("""
                mutation { addPartner(input: {kind: FRANCE_TRAVAIL, name: "France Travail Ajaccio", communeCode: "2A004"}) {
                  id kindLabel role } }""").execute()
                .path("addPartner.role").entity(String.class).isEqualTo("PRESCRIBER")
                .path("addPartner.id").entity(String.class).get();
        asAnct().document("""
                mutation($p: ID!, $a: ID!) { linkPartner(partnerId: $p, actorId: $a, since: "2023-01-01",
                  nature: "orientation de publics") { links { since nature actor { __typename ... on Adviser { id } } } } }""")
                .variable("p", partner).variable("a", adviser).execute()
                .path("linkPartner.links[0].actor.__typename").entity(String.class).isEqualTo("Adviser")
                .path("linkPartner.links[0].nature").entity(String.class).isEqualTo("orientation de publics");
        var hub = asAnct().document("""
                mutation { createHub(input: {name: "Hub Corsica", foundedOn: "2022-05-10", regionCodes: ["94"],
                  communeCode: "2B033"}) { id regions { name } commune { name } } }""").execute()
                .path("createHub.regions[0].name").entity(String.class).isEqualTo("Corse")
                .path("createHub.id").entity(String.class).get();
        asAnct().document("""
                mutation($e: ID!, $h: ID!) { setGovernance(input: {departmentCode: "2A", name: "Gouvernance Pumonti",
                  members: [{actorId: $e, coCarrier: true}, {actorId: "PREFECTURE:2A", coCarrier: true}, {actorId: $h}]}) {
                  department { name } members { coCarrier actor { __typename } } } }""")
                .variable("e", employer).variable("h", hub).execute()
                .path("setGovernance.department.name").entity(String.class).isEqualTo("Corse-du-Sud")
                .path("setGovernance.members[*].actor.__typename").entityList(String.class)
                .satisfies(types -> assertThat(types).containsExactlyInAnyOrder("Employer", "Prefecture", "Hub"));
        asAnct().document("mutation($p: ID!) { linkPartner(partnerId: $p, actorId: \"nobody\") { id } }")
                .variable("p", partner).execute()
                .errors().expect(e -> "actorId".equals(e.getExtensions().get("field"))).verify();
    }

    @Test
    void listsActorsInsideATerritory() {
        var employer = registerCollectivity();
        var ajaccio = addPlace("Médiathèque d'Ajaccio", "2A004");
        var bastia = addPlace("Médiathèque de Bastia", "2B033");
        hire(employer, "Ajaccienne", ajaccio);
        hire(employer, "Bastiaise", bastia);
        hire(employer, "Sanslieu", null);

        GraphQlTester.Response response = asAnct().document("""
                { south: advisers(within: {level: DEPARTMENT, code: "2A"}) { totalCount nodes { lastName } }
                  north: advisers(within: {level: DEPARTMENT, code: "2B"}) { totalCount nodes { lastName } }
                  corsica: advisers(within: {level: REGION, code: "94"}, first: 2) { totalCount pageInfo { hasNextPage } }
                  placesNorth: places(within: {level: EPCI, code: "242000354"}) { totalCount nodes { name } }
                  employers(within: {level: COMMUNE, code: "2A004"}) { totalCount } }""").execute();
        response.path("south.nodes[*].lastName").entityList(String.class)
                .satisfies(names -> assertThat(names).containsExactlyInAnyOrder("Ajaccienne", "Sanslieu"))
                .path("north.nodes[*].lastName").entityList(String.class).containsExactly("Bastiaise")
                .path("corsica.totalCount").entity(Integer.class).isEqualTo(3)
                .path("corsica.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true)
                .path("placesNorth.nodes[*].name").entityList(String.class).containsExactly("Médiathèque de Bastia")
                .path("employers.totalCount").entity(Integer.class).isEqualTo(1);
    }
}
