package fr.maillage.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The national demo at scale 0.05 (200 advisers of whom 25 coordinators, 125 employers, 600 places, 1,000
 * partners), loaded once for the class, plus the Corsica scenario.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoNationalTests extends IntegrationTest {

    private static final double SCALE = 0.05;
    private static final String VERSION = DemoNetwork.version(true, 42, SCALE, DemoNetwork.REFERENCE_DATE);
    private static final Map<String, Object> TODAY = Map.of("today", DemoNetwork.REFERENCE_DATE,
            "soon", DemoNetwork.REFERENCE_DATE.plusMonths(3));

    private DemoLoader.LoadReport report;

    @BeforeAll
    void load() {
        clearNetwork();
        report = DemoLoader.load(driver, VERSION, () -> DemoNetwork.generate(true, 42, SCALE, DemoNetwork.REFERENCE_DATE));
    }

    @AfterAll
    void clear() {
        clearNetwork();
        write("MATCH (x:Activity) WHERE x.demo = true DETACH DELETE x", Map.of());
    }

    @Test
    void hasTheExpectedSizesAndProportions() {
        assertThat(report.loaded()).isTrue();
        assertThat(count("MATCH (a:Adviser) RETURN count(a)")).isEqualTo(200 + 28);
        assertThat(count("MATCH (c:Coordinator) RETURN count(c)")).isEqualTo(25 + 2);
        assertThat(count("MATCH (e:Employer) RETURN count(e)")).isEqualTo(125 + 27);
        assertThat(count("MATCH (p:Place) RETURN count(p)")).isEqualTo(600 + 32);
        assertThat(count("MATCH (p:Partner) RETURN count(p)")).isEqualTo(1_000 + 40);
        assertThat(count("MATCH (a:Adviser) WHERE COUNT { (a)-[:EMPLOYED_BY]->() } <> 1 RETURN count(a)")).isZero();
        assertThat(count("MATCH (c:Coordinator {perimeterKind: 'INTERCOMMUNAL'}) RETURN count(c)")).isBetween(12L, 22L);
        assertThat(count("MATCH (a:Adviser {scheme: 'OTHER'}) RETURN count(a)")).isBetween(2L, 25L);
        assertThat(count("MATCH (a:Adviser {status: 'INACTIVE'}) RETURN count(a)")).isBetween(2L, 30L);
        assertThat(count("MATCH (h:Hub) RETURN count(h)")).isEqualTo(12);
    }

    @Test
    void leavesCorsicaToTheScenario() {
        assertThat(count("MATCH (e:Employer {regionCode: '94'})<-[:EMPLOYED_BY]-(a) RETURN count(a)")).isEqualTo(28);
        assertThat(count("MATCH (p:Place {regionCode: '94'}) RETURN count(p)")).isEqualTo(32);
        assertThat(count("MATCH (p:Partner {regionCode: '94'}) RETURN count(p)")).isEqualTo(40);
        assertThat(count("MATCH (h:Hub)-[:COVERS]->(:Region {code: '94'}) RETURN count(h)")).isEqualTo(1);
        assertThat(count("MATCH (:Coordinator)-[:COVERS]->(t) WHERE t.regionCode = '94' OR t.code = '94' "
                + "OR t.code IN ['2A', '2B'] OR (t:Epci AND (t)-[:IN_DEPARTMENT]->(:Department {regionCode: '94'})) "
                + "RETURN count(t)")).isEqualTo(2);
    }

    @Test
    void holdsApplicationsAtEachStepOfTheWorkflowWhereNoCoordinatorIs() {
        assertThat(count("MATCH (a:CoordinatorApplication) RETURN count(a)")).isEqualTo(2 + 8);
        assertThat(count("""
                MATCH (a:CoordinatorApplication) WHERE a.status IN ['DRAFT', 'SUBMITTED', 'REVIEWED', 'ACCEPTED',
                  'NOTIFIED', 'WITHDRAWN', 'SUBSIDY_PAID'] RETURN count(DISTINCT a.status)""")).isEqualTo(7);
        // each amount is its funding line's, each national one lies where no coordinator covers the département
        assertThat(count("""
                MATCH (a:CoordinatorApplication), (r:FundingRule {key: a.fundingRuleKey})
                WHERE a.amountEur = r.amountEur AND a.periodMonths = r.periodMonths RETURN count(a)""")).isEqualTo(10);
        assertThat(count("""
                MATCH (a:CoordinatorApplication {case: 'ADDITIONAL_POST'}), (e:Employer {id: a.employerId})
                WHERE NOT EXISTS { (:Coordinator)-[:COVERS]->(:Department {code: e.departmentCode}) }
                RETURN count(a)""")).isEqualTo(8);
    }

    @Test
    void hasTheGapsAPrefectureLooksFor() {
        // at this scale 25 coordinators cannot cover a hundred départements: the 10% of scale 1 is a unit test
        assertThat(count("MATCH (a:Adviser) WHERE NOT a:Coordinator AND NOT ()-[:COORDINATES]->(a) RETURN count(a)"))
                .isPositive();
        assertThat(count("""
                MATCH ()-[c:EMPLOYED_BY]->() WHERE c.end > $today AND c.end <= $soon RETURN count(c)""", TODAY))
                .isBetween(3L, 25L);
        assertThat(count("MATCH ()-[c:EMPLOYED_BY]->() WHERE c.end < $today RETURN count(c)", TODAY)).isPositive();
        assertThat(count("MATCH (a:Adviser) WHERE NOT (a)-[:WORKS_AT]->() RETURN count(a)")).isPositive();
        assertThat(count("MATCH (d:Department) WHERE NOT EXISTS { MATCH (:Employer {departmentCode: d.code}) } "
                + "RETURN count(d)")).isGreaterThanOrEqualTo(3);
        assertThat(count("MATCH (e:Epci) WHERE NOT EXISTS { MATCH (:Employer)-[:IN_COMMUNE]->()-[:IN_EPCI]->(e) } "
                + "RETURN count(e)")).isGreaterThan(100);
    }

    @Test
    void coordinatorsCoordinateMostlyInsideTheirPerimeterOrDepartment() {
        long all = count("MATCH (:Coordinator)-[r:COORDINATES]->() RETURN count(r)");
        long inside = count("""
                MATCH (c:Coordinator)-[:COORDINATES]->(:Adviser)-[:EMPLOYED_BY]->(:Employer)-[:IN_COMMUNE]->(m:Commune)
                WHERE EXISTS { (c)-[:COVERS]->(m) } OR EXISTS { (c)-[:COVERS]->(:Epci)<-[:IN_EPCI]-(m) }
                   OR EXISTS { (c)-[:COVERS]->(:Department {code: m.departmentCode}) }
                   OR EXISTS { (c)-[:COVERS]->(:Region {code: m.regionCode}) }
                RETURN count(*)""");
        assertThat(inside * 100 / all).isGreaterThanOrEqualTo(70); // 99% at scale 1, see DemoNetworkTests
    }

    @Test
    void everyPlacedActorHasItsCommuneLinkAndCodes() {
        assertThat(count("""
                MATCH (n) WHERE n:Employer OR n:Place OR n:Partner OR n:Hub
                OPTIONAL MATCH (n)-[:IN_COMMUNE]->(c:Commune)
                WITH n, collect(c) AS communes
                WHERE size(communes) <> 1 OR n.communeCode <> communes[0].code
                   OR n.departmentCode <> communes[0].departmentCode OR n.regionCode <> communes[0].regionCode
                RETURN count(n)""")).isZero();
        assertThat(count("MATCH (a:Adviser)-[:IN_COMMUNE]->() RETURN count(a)")).isZero();
        assertThat(count("MATCH (g:Governance) WHERE NOT (g)-[:GOVERNS]->(:Department {code: g.departmentCode}) "
                + "RETURN count(g)")).isZero();
        assertThat(count("MATCH (p:Place) WHERE size(p.services) = 0 OR p.hours IS NULL OR p.key IS NULL "
                + "RETURN count(p)")).isZero();
    }

    @Test
    void loadingAgainChangesNothing() {
        var before = snapshot();

        var again = DemoLoader.load(driver, VERSION, () -> {
            throw new AssertionError("the stamp matches: nothing to generate");
        });

        assertThat(again.loaded()).isFalse();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void loadingTheSameDatasetOverItselfMergesOnIds() {
        var before = snapshot();
        clearStamp();

        var again = DemoLoader.load(driver, VERSION, () -> DemoNetwork.generate(true, 42, SCALE,
                DemoNetwork.REFERENCE_DATE));

        assertThat(again.loaded()).isTrue();
        assertThat(snapshot()).isEqualTo(before);
    }

    private void clearStamp() {
        write("MATCH (v:DataVersion {name: 'demo'}) DELETE v", Map.of());
    }

    private Map<String, Object> snapshot() {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (n) WHERE n:Employer OR n:Adviser OR n:Hub OR n:Place OR n:Partner OR n:Governance
                    WITH count(n) AS nodes
                    MATCH (n)-[r]->() WHERE n:Employer OR n:Adviser OR n:Hub OR n:Place OR n:Partner OR n:Governance
                    WITH nodes, type(r) AS type, count(r) AS links ORDER BY type
                    RETURN nodes, collect(type + '=' + links) AS links""").single().asMap();
        }
    }
}
