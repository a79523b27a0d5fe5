package fr.maillage.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import fr.maillage.network.Siret;
import fr.maillage.support.IntegrationTest;
import fr.maillage.territories.TerritoryLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;

/** The Corsica scenario once in the graph, checked against the seeds. */
class DemoCorsicaTests extends IntegrationTest {

    private static final Map<String, Object> TODAY = Map.of("today", DemoNetwork.REFERENCE_DATE);

    @Autowired
    TerritoryLoader territories;

    @Autowired
    DemoProperties properties;

    @Autowired
    ObjectProvider<DemoLoader> startupLoader;

    @BeforeEach
    @AfterEach
    void clear() {
        clearNetwork();
        write("MATCH (x:Activity) WHERE x.demo = true DETACH DELETE x", Map.of());
    }

    private void loadCorsica() {
        var report = new DemoLoader(driver, territories,
                new DemoProperties(true, 42, 1.0, false, DemoNetwork.REFERENCE_DATE)).report();
        assertThat(report.loaded()).isTrue();
        assertThat(report.version()).isEqualTo("corsica-3");
    }

    @Test
    void isOffByDefaultWithTheDocumentedDefaults() {
        assertThat(startupLoader.getIfAvailable()).isNull();
        assertThat(properties).isEqualTo(new DemoProperties(false, 42, 1.0, true, DemoNetwork.REFERENCE_DATE));
    }

    @Test
    void twentyEightAdvisersWithAnActiveContractInCorsica() {
        loadCorsica();

        assertThat(count("""
                MATCH (a:Adviser)-[c:EMPLOYED_BY]->(e:Employer {regionCode: '94'})
                WHERE c.start <= $today AND (c.end IS NULL OR c.end >= $today)
                RETURN count(DISTINCT a)""", TODAY)).isEqualTo(28);
        assertThat(count("MATCH (a:Adviser) RETURN count(a)")).isEqualTo(28);
        assertThat(count("""
                MATCH (a:Adviser:Coordinator)-[c:EMPLOYED_BY {contractType: 'PROJECT_CONTRACT'}]->
                      (:Employer {siret: '20007695800012', legalKind: 'TERRITORIAL_COLLECTIVITY', sector: 'PUBLIC',
                                  communeCode: '2A004'})
                WHERE c.start IN [date('2022-06-01'), date('2022-07-01')]
                  AND c.end IN [date('2027-05-31'), date('2027-06-30')]
                RETURN count(a)""")).isEqualTo(2);
    }

    @Test
    void twoCoordinatorsOnePerDepartmentCoordinateTheOther26() {
        loadCorsica();

        assertThat(count("""
                MATCH (c:Coordinator {perimeterKind: 'DEPARTMENT'})-[:COVERS]->(d:Department)
                WHERE (d.code = '2A' AND c.coordinatorSince = date('2024-06-01'))
                   OR (d.code = '2B' AND c.coordinatorSince = date('2024-07-01'))
                RETURN count(DISTINCT d)""")).isEqualTo(2);
        assertThat(count("MATCH (c:Coordinator)-[:COVERS]->(t) RETURN count(t)")).isEqualTo(2);
        // each of the 26 by the coordinator of its employer's département, by no one else
        assertThat(count("""
                MATCH (a:Adviser)-[:EMPLOYED_BY]->(e:Employer)
                WHERE NOT a:Coordinator
                MATCH (c:Coordinator)-[:COORDINATES]->(a)
                WHERE (c)-[:COVERS]->(:Department {code: e.departmentCode})
                RETURN count(DISTINCT a)""")).isEqualTo(26);
        assertThat(count("MATCH (:Coordinator)-[r:COORDINATES]->() RETURN count(r)")).isEqualTo(26);
        assertThat(count("""
                MATCH (a:Adviser)-[:EMPLOYED_BY]->(e:Employer) WHERE NOT a:Coordinator
                RETURN count(DISTINCT e.departmentCode) * 100 + count(DISTINCT e.communeCode)""")).isEqualTo(2 * 100 + 20);
    }

    @Test
    void theAdvisersSpreadOverAllNineteenEpciOfCorsica() {
        loadCorsica();

        assertThat(count("""
                MATCH (a:Adviser)-[:EMPLOYED_BY]->(:Employer)-[:IN_COMMUNE]->(:Commune)-[:IN_EPCI]->(epci:Epci)
                WHERE NOT a:Coordinator
                RETURN count(DISTINCT epci)""")).isEqualTo(19);
    }

    @Test
    void hubCorsicaCoversTheRegionAndSupportsBothCoordinators() {
        loadCorsica();

        assertThat(count("""
                MATCH (h:Hub {name: 'Hub Corsica', legalKind: 'ASSOCIATION', foundedOn: date('2022-05-10')})
                      -[:COVERS]->(:Region {code: '94'})
                MATCH (h)-[:SUPPORTS]->(c:Coordinator)
                RETURN count(c)""")).isEqualTo(2);
    }

    @Test
    void everyEmployerHasALuhnValidSiret() {
        loadCorsica();

        List<String> sirets;
        try (var session = driver.session()) {
            sirets = session.run("MATCH (e:Employer) RETURN e.siret AS siret").list(r -> r.get("siret").asString());
        }
        assertThat(sirets).hasSize(1 + 26).allMatch(Siret::isValid);
    }

    @Test
    void placesAndPartnersAreAllInCorsica() {
        loadCorsica();

        assertThat(count("MATCH (p:Place)-[:IN_COMMUNE]->(:Commune {regionCode: '94'}) RETURN count(p)"))
                .isEqualTo(count("MATCH (p:Place) RETURN count(p)")).isEqualTo(32);
        assertThat(count("MATCH (p:Partner)-[:IN_COMMUNE]->(:Commune {regionCode: '94'}) RETURN count(p)"))
                .isEqualTo(count("MATCH (p:Partner) RETURN count(p)")).isEqualTo(40);
        assertThat(count("MATCH (p:Partner {regionCode: '94', kind: 'FRANCE_TRAVAIL'}) RETURN count(p)")).isEqualTo(5);
        assertThat(count("MATCH (p:Partner) WHERE NOT (p)-[:PARTNERS_WITH]->() RETURN count(p)")).isPositive();
        assertThat(count("MATCH (:Partner)-[r:PARTNERS_WITH]->(:Coordinator) WHERE r.nature IS NOT NULL "
                + "AND r.since IS NOT NULL RETURN count(r)")).isPositive();
        // every adviser works at one main place, but two who go round their employer's communes
        assertThat(count("MATCH (a:Adviser) WHERE NOT (a)-[:WORKS_AT]->() RETURN count(a)")).isEqualTo(2);
        assertThat(count("MATCH (a:Adviser)-[:WORKS_AT {main: false}]->() RETURN count(a)")).isEqualTo(4);
        assertThat(count("MATCH (a:Adviser) WHERE COUNT { (a)-[:WORKS_AT {main: true}]->() } > 1 RETURN count(a)"))
                .isZero();
    }

    @Test
    void bothDepartmentsHaveTheirGovernanceCoCarriedByTheCollectiviteAndThePrefecture() {
        loadCorsica();

        assertThat(count("""
                MATCH (g:Governance)-[:GOVERNS]->(d:Department)
                WHERE g.departmentCode = d.code
                MATCH (:Employer {siret: '20007695800012'})-[:MEMBER_OF {coCarrier: true}]->(g)
                MATCH (:Prefecture {code: d.code})-[:MEMBER_OF {coCarrier: true}]->(g)
                MATCH (:Hub {name: 'Hub Corsica'})-[:MEMBER_OF {coCarrier: false}]->(g)
                RETURN count(g)""")).isEqualTo(2);
    }

    @Test
    void theCorsicaApplicationToThe2023CallIsThereFinished() {
        loadCorsica();

        asAnct().document("""
                { coordinatorApplications(campaignCode: "AAC-COORD-2023") { totalCount nodes {
                    applicationCase status perimeter { departmentCodes } funding { amountEur periodMonths startsOn }
                    history { action } overdue } } }""").execute()
                .path("coordinatorApplications.totalCount").entity(Integer.class).isEqualTo(2)
                .path("coordinatorApplications.nodes[*].status").entityList(String.class)
                .containsExactly("SUBSIDY_PAID", "SUBSIDY_PAID")
                .path("coordinatorApplications.nodes[*].perimeter.departmentCodes[0]").entityList(String.class)
                .containsExactly("2A", "2B")
                .path("coordinatorApplications.nodes[*].funding.amountEur").entityList(Integer.class)
                .containsExactly(50_000, 50_000)
                .path("coordinatorApplications.nodes[*].funding.startsOn").entityList(String.class)
                .containsExactly("2024-06-01", "2024-07-01")
                .path("coordinatorApplications.nodes[0].history[*].action").entityList(String.class)
                .containsExactly("DRAFT", "SUBMIT", "OPINION", "DECIDE", "NOTIFY", "RECRUIT", "SIGN", "PAY")
                .path("coordinatorApplications.nodes[0].overdue").entityList(String.class).hasSize(0);
        graphQl().document("{ subsidies(campaignCode: \"AAC-COORD-2023\") { total { engagedEur paidEur } } }").execute()
                .path("subsidies.total.engagedEur").entity(Integer.class).isEqualTo(100_000)
                .path("subsidies.total.paidEur").entity(Integer.class).isEqualTo(100_000);
    }
}
