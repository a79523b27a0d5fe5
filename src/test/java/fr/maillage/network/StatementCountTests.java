package fr.maillage.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import fr.maillage.database.CypherStatementCounter;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A request costs the same number of Cypher statements for 5 rows as for 50: nested fields are batch-loaded, never
 * fetched row by row. Fixture: 60 advisers of one employer in Ajaccio, each at its own place, all coordinated by one
 * coordinator covering Corse-du-Sud, each linked to one partner.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatementCountTests extends IntegrationTest {

    @Autowired
    CypherStatementCounter counter;

    @BeforeAll
    void network() {
        clearNetwork();
        write("""
                MATCH (c:Commune {code: '2A004'})
                CREATE (e:Employer {id: 'e', siret: '20007695800012', siren: '200076958', name: 'Collectivité de Corse',
                  sector: 'PUBLIC', legalKind: 'TERRITORIAL_COLLECTIVITY', communeCode: '2A004', epciCode: c.epciCode,
                  departmentCode: '2A', regionCode: '94'})-[:IN_COMMUNE]->(c)
                CREATE (k:Adviser:Coordinator {id: 'k', scheme: 'CONSEILLER_NUMERIQUE', status: 'ACTIVE', lastName: 'K',
                  perimeterKind: 'DEPARTMENT', coordinatorSince: date('2024-06-01')})-[:EMPLOYED_BY {contractType: 'CDI_PUBLIC',
                  start: date('2022-01-01')}]->(e)
                WITH c, e, k
                MATCH (d:Department {code: '2A'}) CREATE (k)-[:COVERS]->(d)
                WITH c, e, k
                UNWIND range(1, 60) AS i
                CREATE (a:Adviser {id: 'a' + i, scheme: 'CONSEILLER_NUMERIQUE', status: 'ACTIVE', lastName: 'N' + i})
                CREATE (a)-[:EMPLOYED_BY {contractType: 'CDI_PUBLIC', start: date('2022-01-01')}]->(e)
                CREATE (p:Place {id: 'p' + i, key: 'p' + i, name: 'Lieu ' + i, communeCode: '2A004',
                  epciCode: c.epciCode, departmentCode: '2A', regionCode: '94'})-[:IN_COMMUNE]->(c)
                CREATE (a)-[:WORKS_AT {main: true}]->(p)
                CREATE (k)-[:COORDINATES {since: date('2024-06-01')}]->(a)
                CREATE (q:Partner {id: 'q' + i, key: 'q' + i, kind: 'MISSION_LOCALE', name: 'Partenaire ' + i,
                  communeCode: '2A004', epciCode: c.epciCode, departmentCode: '2A',
                  regionCode: '94'})-[:IN_COMMUNE]->(c)
                CREATE (q)-[:PARTNERS_WITH {since: date('2024-01-01')}]->(a)""", Map.of());
    }

    @AfterAll
    void clean() {
        clearNetwork();
    }

    long statements(String document) {
        long before = counter.sent();
        asAnct().document(document).execute().errors().verify();
        return counter.sent() - before;
    }

    @Test
    void aPageOfAdvisersWithTheirLinksCostsTheSameForAnySize() {
        var query = """
                { advisers(within: {level: DEPARTMENT, code: "2A"}, first: %d) { totalCount nodes {
                    lastName contract { type employer { name } } employer { siret commune { name } }
                    places { main place { name commune { name } advisers { id } } }
                    coordinators { id perimeter { code } } partners { nature partner { name } } } } }""";
        long small = statements(query.formatted(5));
        long large = statements(query.formatted(50));

        assertThat(large).isEqualTo(small);
        // one per nested field, plus the scope of personal fields and the audit record
        assertThat(large).isLessThanOrEqualTo(15);
    }

    @Test
    void aCoordinatorsAdvisersAndPartnersAreOneStatementForAnySize() {
        var query = """
                { coordinator(id: "k") { perimeter { code } advisers(first: %d) { totalCount nodes { id places { main } } } }
                  coordinatorPartners(coordinatorId: "k", first: %1$d) { totalCount nodes { linked partner { name } } } }""";
        long small = statements(query.formatted(5));
        long large = statements(query.formatted(50));

        assertThat(large).isEqualTo(small);
        // the two root fields, the perimeter, the page of advisers and their places: one statement
        assertThat(large).isOne();
    }

    @Test
    void aCoordinatorsNextPageReadWithItIsThePageItsOwnFieldWouldRead() {
        var first = asAnct().document("{ coordinator(id: \"k\") { advisers(first: 5) { pageInfo { endCursor } } } }")
                .execute().path("coordinator.advisers.pageInfo.endCursor").entity(String.class).get();
        var withTheCoordinator = asAnct().document("""
                { coordinator(id: "k") { advisers(first: 3, after: "%s") { totalCount nodes { id contract { start } } } } }"""
                .formatted(first)).execute().path("coordinator.advisers").entity(Map.class).get();
        // two aliases: the root statement reads neither page, each field reads its own
        var aliased = """
                { coordinator(id: "k") { advisers(first: 3, after: "%s") { totalCount nodes { id contract { start } } }
                    again: advisers(first: 1) { totalCount } } }""".formatted(first);
        assertThat(statements(aliased)).isGreaterThan(1);
        var onItsOwn = asAnct().document(aliased).execute().path("coordinator.advisers").entity(Map.class).get();

        assertThat(withTheCoordinator).isEqualTo(onItsOwn);
        assertThat(withTheCoordinator.get("totalCount")).isEqualTo(60);
        // identifiers in text order: a1, a10, a11, a12, a13 on the first page
        assertThat(withTheCoordinator.get("nodes").toString()).contains("a14", "a15", "a16").doesNotContain("a13");
    }

    @Test
    void aBadCursorOnTheAdvisersIsTheirErrorNotTheCoordinators() {
        asAnct().document("{ coordinator(id: \"k\") { id advisers(first: 3, after: \"forged\") { totalCount } } }")
                .execute()
                .errors().expect(error -> error.getPath().equals("coordinator.advisers")
                        && error.getMessage().contains("after")).verify();
    }

    @Test
    void aPageOfAListWithTheCommunesOfItsActorsIsOneStatement() {
        assertThat(statements("""
                { places(within: {level: DEPARTMENT, code: "2A"}, first: 50) { totalCount
                    nodes { name commune { code name } } } }""")).isOne();
        assertThat(statements("""
                { partners(within: {level: REGION, code: "94"}, first: 50) { nodes { name commune { name } } } }"""))
                .isOne();
    }

    @Test
    void employersWithTheirAdvisersAndCommunesAreOneStatement() {
        var query = """
                { employers(within: {level: REGION, code: "94"}, first: 10) { totalCount nodes { siret commune { name }
                    advisers(first: %d) { totalCount nodes { id places { main } } } } } }""";
        assertThat(statements(query.formatted(5))).isOne();
        var answer = asAnct().document(query.formatted(5)).execute().path("employers.nodes[0].advisers")
                .entity(Map.class).get();
        // the 60 advisers and their coordinator k, all employed by e
        assertThat(answer.get("totalCount")).isEqualTo(61);
        assertThat(answer.get("nodes").toString()).contains("a1,", "a10,", "a13,").doesNotContain("a14");
    }

    @Test
    void theNumberOfAnEmployersAdvisersReadAloneIsTheNumberOfThePage() {
        var counted = asAnct().document("""
                { employers(within: {level: REGION, code: "94"}, first: 10) { nodes { advisers { totalCount } } } }""")
                .execute().path("employers.nodes[0].advisers.totalCount").entity(Integer.class).get();
        var paged = asAnct().document("""
                { employers(within: {level: REGION, code: "94"}, first: 10) { nodes { advisers {
                    totalCount nodes { id } } } } }""")
                .execute().path("employers.nodes[0].advisers.totalCount").entity(Integer.class).get();

        assertThat(counted).isEqualTo(paged).isEqualTo(61);
    }

    @Test
    void aDepartmentItsEpciAndTheirCommunesAreOneStatement() {
        var query = """
                { territory(level: DEPARTMENT, code: "2A") { name ... on Department { epcis(first: 10) { totalCount
                    nodes { code name communes(first: 100) { totalCount nodes { code name population } } } } } } }""";
        assertThat(statements(query)).isOne();
        var inOneStatement = asAnct().document(query).execute().path("territory.epcis").entity(Map.class).get();
        // an alias makes each field read its own page, through the loaders
        var aliased = query.replace("} } } } } } }", "} } } } again: epcis { totalCount } } } }");
        assertThat(statements(aliased)).isGreaterThan(1);
        var onTheirOwn = asAnct().document(aliased).execute().path("territory.epcis").entity(Map.class).get();

        assertThat(inOneStatement).isEqualTo(onTheirOwn);
        assertThat(inOneStatement.get("totalCount")).isEqualTo(7); // the EPCI of Corse-du-Sud
        assertThat(inOneStatement.get("nodes").toString()).contains("communes={totalCount=", "population=");
    }

    @Test
    void anEpcisDepartmentsAreAboveItAndItsCommunesBelow() {
        var epci = asAnct().document("""
                { territory(level: EPCI, code: "200066769") { ... on Epci { departments { code }
                    communes(first: 2) { totalCount } } } }""").execute().path("territory").entity(Map.class).get();

        assertThat(epci.get("departments").toString()).startsWith("[{code=");
        assertThat(epci.get("communes").toString()).startsWith("{totalCount=");
    }

    @Test
    void aTerritoryWithAPageOfChildrenAfterACursorIsThePageTheFieldWouldRead() {
        var first = asAnct().document("""
                { territory(level: EPCI, code: "200066769") { ... on Epci { communes(first: 4) {
                    pageInfo { endCursor } } } } }""").execute()
                .path("territory.communes.pageInfo.endCursor").entity(String.class).get();
        var next = """
                { territory(level: EPCI, code: "200066769") { ... on Epci { communes(first: 3, after: "%s") {
                    totalCount nodes { code } } } } }""".formatted(first);
        var inOneStatement = asAnct().document(next).execute().path("territory.communes").entity(Map.class).get();
        // an alias makes the field read its own page
        var aliased = next.replace("} } } } }", "} } again: communes { totalCount } } } }");
        assertThat(statements(aliased)).isGreaterThan(1);
        var onItsOwn = asAnct().document(aliased).execute().path("territory.communes").entity(Map.class).get();

        assertThat(inOneStatement).isEqualTo(onItsOwn);
        assertThat((List<?>) inOneStatement.get("nodes")).hasSize(3);
    }

    @Test
    void aRequestThatReadsNoDataSendsNoStatement() {
        assertThat(statements("{ __typename }")).isZero();
    }

    @Test
    void theMapOfADepartmentIsOneStatementPlusTheTerritory() {
        assertThat(statements("{ networkMap(level: DEPARTMENT, code: \"2A\") { actorCount nodes { id } edges { kind } } }"))
                .isLessThanOrEqualTo(3);
        assertThat(statements("{ shortestPath(fromId: \"q1\", toId: \"q2\") { length } }")).isOne();
    }
}
