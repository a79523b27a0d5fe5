package fr.maillage.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * territoryCoverages (every territory of a level) and franceCoverage on the network of {@link CoverageFixture}; every
 * figure worked out by hand below.
 */
class TerritoryCoveragesTests extends CoverageFixture {

    static final String NODE = "territory { code name } population communes advisers advisersPer10000 coordinators"
            + " places coveredPopulation coordinatorCoverage status";

    GraphQlTester.Response coverages(String arguments) {
        return graphQl().document("{ territoryCoverages(" + arguments + ", referenceDate: \"" + REFERENCE_DATE
                + "\") { " + NODE + " } }").execute();
    }

    static void close(GraphQlTester.Response response, String path, double expected) {
        response.path(path).entity(Double.class).satisfies(v -> assertThat(v).isCloseTo(expected, within(1e-9)));
    }

    @Test
    void everyDepartmentOfFranceLargestFirstWithItsFigures() {
        // 109 départements with communes (101 départements and the collectivités d'outre-mer), largest first: Nord
        // (59, 2,615,635), Paris (75, 2,103,778), Bouches-du-Rhône (13, 2,087,658).
        var all = coverages("level: DEPARTMENT");
        all.path("territoryCoverages").entityList(Object.class).hasSize(109)
                .path("territoryCoverages[*].territory.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).startsWith("59", "75", "13"))
                .path("territoryCoverages[0].population").entity(Integer.class).isEqualTo(2_615_635)
                .path("territoryCoverages[0].status").entity(String.class).isEqualTo("NOT_COVERED");

        // Corse-du-Sud (124 communes, 168,306 inhabitants): C1 (P1 Ajaccio) and A2 (its employer's Ajaccio) serve it,
        // A1 works in Bastia (2B); covered as a whole by C1 through Region 94; one place, P1.
        var corseDuSud = "territoryCoverages[?(@.territory.code == '2A')]";
        all.path(corseDuSud + ".communes").entityList(Integer.class).containsExactly(124)
                .path(corseDuSud + ".advisers").entityList(Integer.class).containsExactly(2)
                .path(corseDuSud + ".coordinators").entityList(Integer.class).containsExactly(1)
                .path(corseDuSud + ".places").entityList(Integer.class).containsExactly(1)
                .path(corseDuSud + ".coveredPopulation").entityList(Integer.class).containsExactly(168_306)
                .path(corseDuSud + ".coordinatorCoverage").entityList(Double.class).containsExactly(1.0)
                .path(corseDuSud + ".status").entityList(String.class).containsExactly("COVERED")
                .path(corseDuSud + ".advisersPer10000").entityList(Double.class)
                .satisfies(ratio -> assertThat(ratio.get(0)).isCloseTo(2 * 10_000.0 / 168_306, within(1e-9)));

        // Gard (770,940): A4 works at P4 in Malons-et-Elze; C2 covers Lozère only, so no coordinator.
        var gard = "territoryCoverages[?(@.territory.code == '30')]";
        all.path(gard + ".advisers").entityList(Integer.class).containsExactly(1)
                .path(gard + ".coordinators").entityList(Integer.class).containsExactly(0)
                .path(gard + ".places").entityList(Integer.class).containsExactly(1)
                .path(gard + ".status").entityList(String.class).containsExactly("NOT_COVERED");
    }

    @Test
    void everyRegionOfFrance() {
        // 26 regions with communes (18 regions and the collectivités d'outre-mer); Corsica covered as a whole by C1,
        // Île-de-France (11, 12,463,067) first.
        coverages("level: REGION")
                .path("territoryCoverages").entityList(Object.class).hasSize(26)
                .path("territoryCoverages[0].territory.code").entity(String.class).isEqualTo("11")
                .path("territoryCoverages[0].population").entity(Integer.class).isEqualTo(12_463_067)
                .path("territoryCoverages[?(@.territory.code == '94')].status").entityList(String.class)
                .containsExactly("COVERED")
                .path("territoryCoverages[?(@.territory.code == '94')].advisers").entityList(Integer.class)
                .containsExactly(3);
    }

    @Test
    void theEpcisOfADepartmentJudgedAsAWholeAndTheCommunesOfAnEpci() {
        // Lozère's communes lie in 11 EPCI, largest first: CC de Millau Grands Causses (241200567, 29,583, mostly in
        // Aveyron, 126 inhabitants covered), then 244800405 (15,780); CC Mont Lozère (200069128) has 5,810
        // inhabitants in 21 communes, 5,334 of them in Lozère (covered by C2); advisers C2 and A4; place P4.
        var epcis = coverages("level: EPCI, within: {level: DEPARTMENT, code: \"48\"}");
        epcis.path("territoryCoverages").entityList(Object.class).hasSize(11)
                .path("territoryCoverages[*].territory.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).startsWith("241200567", "244800405"))
                .path("territoryCoverages[0].coveredPopulation").entity(Integer.class).isEqualTo(126)
                .path("territoryCoverages[0].status").entity(String.class).isEqualTo("PARTLY_COVERED");
        var montLozere = "territoryCoverages[?(@.territory.code == '200069128')]";
        epcis.path(montLozere + ".population").entityList(Integer.class).containsExactly(5_810)
                .path(montLozere + ".communes").entityList(Integer.class).containsExactly(21)
                .path(montLozere + ".advisers").entityList(Integer.class).containsExactly(2)
                .path(montLozere + ".coordinators").entityList(Integer.class).containsExactly(1)
                .path(montLozere + ".places").entityList(Integer.class).containsExactly(1)
                .path(montLozere + ".coveredPopulation").entityList(Integer.class).containsExactly(5_334);

        // Its 21 communes, largest first: Mont Lozère et Goulet (48027, 1,098), Saint-Étienne-du-Valdonnez (48147,
        // 644), Villefort (48198, 618, served by C2 through its employer).
        var communes = coverages("level: COMMUNE, within: {level: EPCI, code: \"200069128\"}");
        communes.path("territoryCoverages").entityList(Object.class).hasSize(21)
                .path("territoryCoverages[*].territory.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).startsWith("48027", "48147", "48198"))
                .path("territoryCoverages[2].advisers").entity(Integer.class).isEqualTo(1)
                .path("territoryCoverages[2].status").entity(String.class).isEqualTo("COVERED");
        close(communes, "territoryCoverages[2].advisersPer10000", 10_000.0 / 618);
    }

    @Test
    void epciAndCommunesOnlyInsideATerritory() {
        coverages("level: EPCI").errors()
                .expect(e -> "within".equals(e.getExtensions().get("field")) && e.getMessage().contains("obligatoire"))
                .verify().path("territoryCoverages").pathDoesNotExist();
        coverages("level: COMMUNE").errors()
                .expect(e -> "within".equals(e.getExtensions().get("field"))).verify();
        coverages("level: COMMUNE, within: {level: DEPARTMENT, code: \"99\"}").errors()
                .expect(e -> "within".equals(e.getExtensions().get("field"))).verify();
    }

    @Test
    void theFiguresOfFrance() {
        // 34,969 communes, 68,952,941 inhabitants; active advisers C1, A1, A2, C2, A4, C3 (A3's contract ended, C4
        // inactive); active coordinators C1, C2, C3; places P1 to P6; covered: Corsica 355,486, Lozère 76,486,
        // L'Île-d'Yeu 4,883 = 436,855.
        var france = graphQl().document("{ franceCoverage(referenceDate: \"" + REFERENCE_DATE + "\") {"
                + " referenceDate population communes advisers advisersPer10000 coordinators places"
                + " coveredPopulation coordinatorCoverage status } }").execute();
        france.path("franceCoverage.referenceDate").entity(String.class).isEqualTo(REFERENCE_DATE)
                .path("franceCoverage.population").entity(Integer.class).isEqualTo(68_952_941)
                .path("franceCoverage.communes").entity(Integer.class).isEqualTo(34_969)
                .path("franceCoverage.advisers").entity(Integer.class).isEqualTo(6)
                .path("franceCoverage.coordinators").entity(Integer.class).isEqualTo(3)
                .path("franceCoverage.places").entity(Integer.class).isEqualTo(6)
                .path("franceCoverage.coveredPopulation").entity(Integer.class).isEqualTo(436_855)
                .path("franceCoverage.status").entity(String.class).isEqualTo("PARTLY_COVERED");
        close(france, "franceCoverage.advisersPer10000", DiagnosisTests.FRANCE_PER_10000);
        close(france, "franceCoverage.coordinatorCoverage", DiagnosisTests.FRANCE_COVERAGE);
    }

    @Test
    void oneStatementForAllTheTerritoriesOfALevel() {
        // the figures, then one round of the territory data loader; with `within`, one more to find it
        long departments = statementsOf(() -> coverages("level: DEPARTMENT").path("territoryCoverages").hasValue());
        long epcis = statementsOf(() -> coverages("level: EPCI, within: {level: DEPARTMENT, code: \"48\"}")
                .path("territoryCoverages").hasValue());
        long france = statementsOf(() -> graphQl().document("{ franceCoverage { population } }").execute()
                .path("franceCoverage.population").hasValue());
        assertThat(departments).isEqualTo(2);
        assertThat(epcis).isEqualTo(3);
        assertThat(france).isEqualTo(1);
    }
}
