package fr.maillage.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** diagnosis on the network of {@link CoverageFixture}; every figure worked out by hand below. */
class DiagnosisTests extends CoverageFixture {

    static final String RATIO = "{ value parent france }";
    static final String SELECTION = """
            territory { code name } parent { code } referenceDate population communes epcis advisers
            advisersPer10000 %1$s coordinators coordinatedAdvisers uncoordinatedAdvisers coordinatedShare %1$s
            coveredPopulation coordinatorCoverage %1$s status places
            placesByService { code label count } placesByPublic { label count } partnersByKind { code label count }
            employersBySector { code label count } employersByLegalKind { code label count }
            subTerritoriesLackingCoordinator { level totalCount totalPopulation top { territory { code } population } }
            subTerritoriesLackingAdviser { level totalCount totalPopulation top { territory { code } population } }
            endingContracts { count contracts { adviserId end employerName } communesLosingLastAdviser { code name } }
            """.formatted(RATIO);

    // France at the reference date: 6 active advisers (C1, A1, A2, C2, A4, C3) for 68,952,941 inhabitants; 2 of them
    // coordinated (A1 by C1, A4 by C2); covered population 355,486 + 76,486 + 4,883 = 436,855.
    static final double FRANCE_PER_10000 = 6 * 10_000.0 / 68_952_941;
    static final double FRANCE_COVERAGE = 436_855.0 / 68_952_941;
    static final double FRANCE_COORDINATED = 2.0 / 6;

    GraphQlTester.Response diagnosis(String level, String code) {
        return graphQl().document("{ diagnosis(level: " + level + ", code: \"" + code + "\", referenceDate: \""
                + REFERENCE_DATE + "\", contractsEndingWithinMonths: 3) { " + SELECTION + " } }").execute();
    }

    static void close(GraphQlTester.Response response, String path, double expected) {
        response.path(path).entity(Double.class).satisfies(v -> assertThat(v).isCloseTo(expected, within(1e-9)));
    }

    @Test
    void diagnosisOfHauteCorse() {
        // Haute-Corse (2B): 236 communes, 187,180 inhabitants, 12 EPCI. Serving it: A1 (Bastia); A3's contract ended.
        // Coordinator: C1 (all of Corsica), coordinating A1. Places P2 (Bastia), P3 (Calvi).
        // Parent: Corsica (94), 355,486 inhabitants, advisers C1, A1, A2 (3), coordinated A1 (1/3), all covered.
        var response = diagnosis("DEPARTMENT", "2B");
        response.path("diagnosis.territory.name").entity(String.class).isEqualTo("Haute-Corse")
                .path("diagnosis.parent.code").entity(String.class).isEqualTo("94")
                .path("diagnosis.referenceDate").entity(String.class).isEqualTo(REFERENCE_DATE)
                .path("diagnosis.population").entity(Integer.class).isEqualTo(187_180)
                .path("diagnosis.communes").entity(Integer.class).isEqualTo(236)
                .path("diagnosis.epcis").entity(Integer.class).isEqualTo(12)
                .path("diagnosis.advisers").entity(Integer.class).isEqualTo(1)
                .path("diagnosis.coordinators").entity(Integer.class).isEqualTo(1)
                .path("diagnosis.coordinatedAdvisers").entity(Integer.class).isEqualTo(1)
                .path("diagnosis.uncoordinatedAdvisers").entity(Integer.class).isEqualTo(0)
                .path("diagnosis.coveredPopulation").entity(Integer.class).isEqualTo(187_180)
                .path("diagnosis.status").entity(String.class).isEqualTo("COVERED")
                .path("diagnosis.places").entity(Integer.class).isEqualTo(2);
        close(response, "diagnosis.advisersPer10000.value", 10_000.0 / 187_180);
        close(response, "diagnosis.advisersPer10000.parent", 3 * 10_000.0 / 355_486);
        close(response, "diagnosis.advisersPer10000.france", FRANCE_PER_10000);
        close(response, "diagnosis.coordinatedShare.value", 1.0);
        close(response, "diagnosis.coordinatedShare.parent", 1.0 / 3);
        close(response, "diagnosis.coordinatedShare.france", FRANCE_COORDINATED);
        close(response, "diagnosis.coordinatorCoverage.value", 1.0);
        close(response, "diagnosis.coordinatorCoverage.parent", 1.0);
        close(response, "diagnosis.coordinatorCoverage.france", FRANCE_COVERAGE);

        // Places: P2 [smartphone] publics [Jeunes, Seniors], P3 [procedures]: one each, ties by label.
        // Partners: two France services (Bastia, Calvi), one Mission locale. Employers inside: E4 only.
        response.path("diagnosis.placesByService[*].code").entityList(String.class).containsExactly(SMARTPHONE, PROCEDURES)
                .path("diagnosis.placesByService[*].count").entityList(Integer.class).containsExactly(1, 1)
                .path("diagnosis.placesByPublic[*].label").entityList(String.class).containsExactly("Jeunes", "Seniors")
                .path("diagnosis.partnersByKind[*].code").entityList(String.class)
                .containsExactly("FRANCE_SERVICES", "MISSION_LOCALE")
                .path("diagnosis.partnersByKind[*].count").entityList(Integer.class).containsExactly(2, 1)
                .path("diagnosis.partnersByKind[0].label").entity(String.class).isEqualTo("France services")
                .path("diagnosis.employersBySector[*].code").entityList(String.class).containsExactly("PRIVATE")
                .path("diagnosis.employersByLegalKind[0].code").entity(String.class).isEqualTo("ASSOCIATION")
                .path("diagnosis.employersByLegalKind[0].count").entity(Integer.class).isEqualTo(1);

        // Sub-territories: the 12 EPCI, all covered by C1; without adviser all but the CA de Bastia (242000354,
        // 61,696 inhabitants): 11 EPCI, 187,180 - 61,696 = 125,484 inhabitants.
        response.path("diagnosis.subTerritoriesLackingCoordinator.level").entity(String.class).isEqualTo("EPCI")
                .path("diagnosis.subTerritoriesLackingCoordinator.totalCount").entity(Integer.class).isEqualTo(0)
                .path("diagnosis.subTerritoriesLackingAdviser.totalCount").entity(Integer.class).isEqualTo(11)
                .path("diagnosis.subTerritoriesLackingAdviser.totalPopulation").entity(Long.class).isEqualTo(125_484L)
                .path("diagnosis.subTerritoriesLackingAdviser.top").entityList(Object.class).hasSize(11);

        // Within 3 months (by 2025-04-15): A1's contract ends on 2025-03-31; Bastia then loses its only adviser.
        response.path("diagnosis.endingContracts.count").entity(Integer.class).isEqualTo(1)
                .path("diagnosis.endingContracts.contracts[0]").entity(Map.class)
                .isEqualTo(Map.of("adviserId", "A1", "end", "2025-03-31", "employerName", "Collectivité de Corse"))
                .path("diagnosis.endingContracts.communesLosingLastAdviser[*].code").entityList(String.class)
                .containsExactly("2B033");
    }

    @Test
    void diagnosisOfAnEpciAcrossTwoDepartmentsComparedWithItsFirstDepartment() {
        // CC Mont Lozère: 21 communes, 5,810 inhabitants, covered 5,334 (the Lozère part, by C2). Advisers C2 and A4
        // (2), A4 coordinated by C2: 1 coordinated, 1 not. Parent: its first département, the Gard (770,940
        // inhabitants): served by A4 only (Malons-et-Elze), coordinated, no coordinator covers the Gard.
        var response = diagnosis("EPCI", "200069128");
        response.path("diagnosis.parent.code").entity(String.class).isEqualTo("30")
                .path("diagnosis.population").entity(Integer.class).isEqualTo(5_810)
                .path("diagnosis.communes").entity(Integer.class).isEqualTo(21)
                .path("diagnosis.epcis").entity(Integer.class).isEqualTo(1)
                .path("diagnosis.advisers").entity(Integer.class).isEqualTo(2)
                .path("diagnosis.coordinators").entity(Integer.class).isEqualTo(1)
                .path("diagnosis.coordinatedAdvisers").entity(Integer.class).isEqualTo(1)
                .path("diagnosis.uncoordinatedAdvisers").entity(Integer.class).isEqualTo(1)
                .path("diagnosis.coveredPopulation").entity(Integer.class).isEqualTo(5_334)
                .path("diagnosis.status").entity(String.class).isEqualTo("PARTLY_COVERED")
                .path("diagnosis.places").entity(Integer.class).isEqualTo(1);
        close(response, "diagnosis.advisersPer10000.value", 2 * 10_000.0 / 5_810);
        close(response, "diagnosis.advisersPer10000.parent", 10_000.0 / 770_940);
        close(response, "diagnosis.coordinatedShare.value", 0.5);
        close(response, "diagnosis.coordinatedShare.parent", 1.0);
        close(response, "diagnosis.coordinatorCoverage.value", 5_334.0 / 5_810);
        close(response, "diagnosis.coordinatorCoverage.parent", 0.0);
        close(response, "diagnosis.coordinatorCoverage.france", FRANCE_COVERAGE);

        // Communes without coordinator: 30201 (365), 30153 (111); without adviser: 19 communes, 5,081 inhabitants.
        response.path("diagnosis.subTerritoriesLackingCoordinator.level").entity(String.class).isEqualTo("COMMUNE")
                .path("diagnosis.subTerritoriesLackingCoordinator.totalPopulation").entity(Long.class).isEqualTo(476L)
                .path("diagnosis.subTerritoriesLackingCoordinator.top[*].territory.code").entityList(String.class)
                .containsExactly("30201", "30153")
                .path("diagnosis.subTerritoriesLackingAdviser.totalCount").entity(Integer.class).isEqualTo(19)
                .path("diagnosis.subTerritoriesLackingAdviser.totalPopulation").entity(Long.class).isEqualTo(5_081L);

        // A4's first contract ends on 2025-02-28, but a second one follows: Malons-et-Elze keeps its adviser.
        response.path("diagnosis.endingContracts.count").entity(Integer.class).isEqualTo(1)
                .path("diagnosis.endingContracts.contracts[0].adviserId").entity(String.class).isEqualTo("A4")
                .path("diagnosis.endingContracts.contracts[0].end").entity(String.class).isEqualTo("2025-02-28")
                .path("diagnosis.endingContracts.communesLosingLastAdviser").entityList(Object.class).hasSize(0);
    }

    @Test
    void diagnosisOfACommuneWithoutEpciAndOfARegion() {
        // L'Île-d'Yeu: no EPCI, 4,883 inhabitants, C3 works there and covers it; not coordinated. Parent: Vendée.
        var yeu = diagnosis("COMMUNE", "85113");
        yeu.path("diagnosis.parent.code").entity(String.class).isEqualTo("85")
                .path("diagnosis.epcis").entity(Integer.class).isEqualTo(0)
                .path("diagnosis.advisers").entity(Integer.class).isEqualTo(1)
                .path("diagnosis.uncoordinatedAdvisers").entity(Integer.class).isEqualTo(1)
                .path("diagnosis.status").entity(String.class).isEqualTo("COVERED")
                .path("diagnosis.subTerritoriesLackingAdviser.level").valueIsNull()
                .path("diagnosis.subTerritoriesLackingAdviser.totalCount").entity(Integer.class).isEqualTo(0);
        close(yeu, "diagnosis.coordinatorCoverage.parent", 4_883.0 / 713_609);

        // Corsica: 360 communes, 19 EPCI, 355,486 inhabitants, advisers C1, A1, A2; compared with France (no parent).
        var corsica = diagnosis("REGION", "94");
        corsica.path("diagnosis.parent").valueIsNull()
                .path("diagnosis.communes").entity(Integer.class).isEqualTo(360)
                .path("diagnosis.epcis").entity(Integer.class).isEqualTo(19)
                .path("diagnosis.advisers").entity(Integer.class).isEqualTo(3)
                .path("diagnosis.subTerritoriesLackingAdviser.level").entity(String.class).isEqualTo("DEPARTMENT")
                .path("diagnosis.subTerritoriesLackingAdviser.totalCount").entity(Integer.class).isEqualTo(0);
        close(corsica, "diagnosis.advisersPer10000.parent", FRANCE_PER_10000);
        close(corsica, "diagnosis.coordinatedShare.value", 1.0 / 3);
    }

    @Test
    void anUnknownTerritoryHasNoDiagnosisAndTheHorizonIsBounded() {
        graphQl().document("{ diagnosis(level: DEPARTMENT, code: \"99\") { population } }").execute()
                .path("diagnosis").valueIsNull();
        graphQl().document("{ diagnosis(level: DEPARTMENT, code: \"2A\", contractsEndingWithinMonths: 99) { population } }")
                .execute().errors().expect(e -> "contractsEndingWithinMonths".equals(e.getExtensions().get("field")))
                .verify();
    }

    @Test
    void costsAFixedNumberOfStatements() {
        // find the territory, figures (territory, parent, France, sub-territories), details, and at most
        // three rounds of the territory data loader (parent; top lists; communes losing their last adviser).
        long commune = statementsOf(() -> diagnosis("COMMUNE", "2B033").path("diagnosis.advisers").hasValue());
        long started = System.nanoTime();
        long department = statementsOf(() -> diagnosis("DEPARTMENT", "2B").path("diagnosis.advisers").hasValue());
        long departmentMillis = (System.nanoTime() - started) / 1_000_000;
        long region = statementsOf(() -> diagnosis("REGION", "76").path("diagnosis.advisers").hasValue());
        started = System.nanoTime();
        long gaps = statementsOf(() -> graphQl().document("{ coverageGaps(level: EPCI, lacking: COORDINATOR,"
                + " includePartlyCovered: true, first: 100) { totalCount nodes { territory { name } } } }")
                .execute().path("coverageGaps.totalCount").hasValue());
        long gapsMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("Statements: diagnosis commune %d, département %d (%d ms), region %d;"
                + " national EPCI coverageGaps %d (%d ms)%n", commune, department, departmentMillis, region, gaps,
                gapsMillis);
        assertThat(List.of(commune, department, region)).allSatisfy(count -> assertThat(count).isBetween(3L, 6L));
    }
}
