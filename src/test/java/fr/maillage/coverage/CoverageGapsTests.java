package fr.maillage.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** coverageGaps on the network of {@link CoverageFixture}; every figure worked out by hand below. */
class CoverageGapsTests extends CoverageFixture {

    static final String NODE = "territory { code name } population communes advisers coordinators places"
            + " coveredPopulation coordinatorCoverage status";

    GraphQlTester.Response gaps(String arguments) {
        return graphQl().document("{ coverageGaps(" + arguments + ", referenceDate: \"" + REFERENCE_DATE + "\") {"
                + " totalCount totalPopulation pageInfo { hasNextPage endCursor } nodes { " + NODE + " } } }")
                .execute();
    }

    @Test
    void regionsWithoutCoordinatorLargestFirstAcrossPages() {
        // 26 regions, 68,952,941 inhabitants. Corsica (94, 355,486) is covered by C1. Occitanie (76, 6,124,653) is
        // partly covered (Lozère by C2), Pays de la Loire (52, 3,907,156) partly (L'Île-d'Yeu by C3). Bretagne has
        // only the inactive C4: not covered. Share 0: 26 - 3 = 23 regions,
        // 68,952,941 - 355,486 - 6,124,653 - 3,907,156 = 58,565,646 inhabitants.
        // Largest first: Île-de-France (11, 12,463,067), Auvergne-Rhône-Alpes (84, 8,205,557), then
        // Nouvelle-Aquitaine (75, 6,150,451); Occitanie (6,124,653) would come next but is partly covered.
        var first = gaps("level: REGION, lacking: COORDINATOR, first: 2");
        first.path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(23)
                .path("coverageGaps.totalPopulation").entity(Long.class).isEqualTo(58_565_646L)
                .path("coverageGaps.nodes[*].territory.code").entityList(String.class).containsExactly("11", "84")
                .path("coverageGaps.nodes[0].population").entity(Integer.class).isEqualTo(12_463_067)
                .path("coverageGaps.nodes[0].status").entity(String.class).isEqualTo("NOT_COVERED")
                .path("coverageGaps.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
        var cursor = first.path("coverageGaps.pageInfo.endCursor").entity(String.class).get();
        gaps("level: REGION, lacking: COORDINATOR, first: 2, after: \"" + cursor + "\"")
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(23)
                .path("coverageGaps.nodes[0].territory.code").entity(String.class).isEqualTo("75");

        // With the partly covered ones: every region but Corsica, 68,952,941 - 355,486 = 68,597,455 inhabitants.
        gaps("level: REGION, lacking: COORDINATOR, includePartlyCovered: true, first: 4")
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(25)
                .path("coverageGaps.totalPopulation").entity(Long.class).isEqualTo(68_597_455L)
                .path("coverageGaps.nodes[*].territory.code").entityList(String.class)
                .containsExactly("11", "84", "75", "76")
                .path("coverageGaps.nodes[3].coveredPopulation").entity(Integer.class).isEqualTo(76_486)
                .path("coverageGaps.nodes[3].status").entity(String.class).isEqualTo("PARTLY_COVERED");
    }

    @Test
    void countryWideGapsCountAdvisersAndPlacesOnlyWhenAsked() {
        // Occitanie (76) is partly covered; it holds at least C2 and A4 (advisers) and P4 (a place). Country-wide, its
        // advisers and places are counted only when the request shows them, and then agree with its own figures.
        // first: 29, to stay under the complexity bound (a country-wide coverageGaps weighs 1500, each node 17)
        var shown = gaps("level: REGION, lacking: COORDINATOR, includePartlyCovered: true, first: 29");
        var own = gaps("level: REGION, within: {level: REGION, code: \"76\"}, lacking: COORDINATOR,"
                + " includePartlyCovered: true");
        int advisers = own.path("coverageGaps.nodes[0].advisers").entity(Integer.class).get();
        int places = own.path("coverageGaps.nodes[0].places").entity(Integer.class).get();
        assertThat(advisers).isGreaterThanOrEqualTo(2);
        assertThat(places).isGreaterThanOrEqualTo(1);
        shown.path("coverageGaps.nodes[?(@.territory.code == '76')].advisers").entityList(Integer.class)
                .containsExactly(advisers)
                .path("coverageGaps.nodes[?(@.territory.code == '76')].places").entityList(Integer.class)
                .containsExactly(places);
        var lean = graphQl().document("{ coverageGaps(level: REGION, lacking: COORDINATOR, includePartlyCovered: true,"
                + " first: 30, referenceDate: \"" + REFERENCE_DATE + "\") { totalCount totalPopulation"
                + " nodes { territory { code } population coordinatorCoverage } } }").execute();
        lean.path("coverageGaps.totalPopulation").entity(Long.class).isEqualTo(68_597_455L)
                .path("coverageGaps.nodes[*].territory.code").entityList(String.class).isEqualTo(
                        shown.path("coverageGaps.nodes[*].territory.code").entityList(String.class).get())
                .path("coverageGaps.nodes[*].coordinatorCoverage").entityList(Double.class).isEqualTo(
                        shown.path("coverageGaps.nodes[*].coordinatorCoverage").entityList(Double.class).get());
    }

    @Test
    void anEpciAcrossTwoDepartmentsIsJudgedAsAWhole() {
        // CC Mont Lozère (200069128): 21 communes, 5,810 inhabitants; 2 communes in the Gard (30153 Malons-et-Elze
        // 111, 30201 Ponteils-et-Brésis 365: 476), 19 in Lozère (5,334) covered by C2 through Department 48.
        // Coverage 5,334 / 5,810. Advisers: C2 (no place, employer in Villefort 48198) and A4 (place in Malons): 2.
        // Coordinators: C2. Places: P4.
        gaps("level: EPCI, within: {level: EPCI, code: \"200069128\"}, lacking: COORDINATOR, includePartlyCovered: true")
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(1)
                .path("coverageGaps.nodes[0].territory.name").entity(String.class).isEqualTo("CC Mont Lozère")
                .path("coverageGaps.nodes[0].population").entity(Integer.class).isEqualTo(5_810)
                .path("coverageGaps.nodes[0].communes").entity(Integer.class).isEqualTo(21)
                .path("coverageGaps.nodes[0].advisers").entity(Integer.class).isEqualTo(2)
                .path("coverageGaps.nodes[0].coordinators").entity(Integer.class).isEqualTo(1)
                .path("coverageGaps.nodes[0].places").entity(Integer.class).isEqualTo(1)
                .path("coverageGaps.nodes[0].coveredPopulation").entity(Integer.class).isEqualTo(5_334)
                .path("coverageGaps.nodes[0].coordinatorCoverage").entity(Double.class)
                .satisfies(share -> assertThat(share).isCloseTo(5_334.0 / 5_810, within(1e-9)))
                .path("coverageGaps.nodes[0].status").entity(String.class).isEqualTo("PARTLY_COVERED");
        gaps("level: EPCI, within: {level: EPCI, code: \"200069128\"}, lacking: COORDINATOR")
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(0);

        // EPCIs with a commune in Lozère: all partly or wholly covered. Partly: CC de Millau Grands Causses
        // (241200567, 15 communes, 29,583 inhabitants of which 126 in Lozère) and CC Mont Lozère, both judged with
        // their communes outside Lozère: 29,583 + 5,810 = 35,393 inhabitants.
        gaps("level: EPCI, within: {level: DEPARTMENT, code: \"48\"}, lacking: COORDINATOR, includePartlyCovered: true")
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(2)
                .path("coverageGaps.totalPopulation").entity(Long.class).isEqualTo(35_393L)
                .path("coverageGaps.nodes[*].territory.code").entityList(String.class)
                .containsExactly("241200567", "200069128")
                .path("coverageGaps.nodes[0].coveredPopulation").entity(Integer.class).isEqualTo(126)
                .path("coverageGaps.nodes[0].communes").entity(Integer.class).isEqualTo(15);
    }

    @Test
    void communesOfAPartlyCoveredEpci() {
        // Not covered: the two Gard communes, largest first: 30201 (365), 30153 (111); 476 inhabitants.
        gaps("level: COMMUNE, within: {level: EPCI, code: \"200069128\"}, lacking: COORDINATOR")
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(2)
                .path("coverageGaps.totalPopulation").entity(Long.class).isEqualTo(476L)
                .path("coverageGaps.nodes[*].territory.code").entityList(String.class).containsExactly("30201", "30153");
        // No adviser: all but Villefort (618, served by C2 through its employer) and Malons-et-Elze (111, A4):
        // 19 communes, 5,810 - 618 - 111 = 5,081 inhabitants.
        gaps("level: COMMUNE, within: {level: EPCI, code: \"200069128\"}, lacking: ADVISER")
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(19)
                .path("coverageGaps.totalPopulation").entity(Long.class).isEqualTo(5_081L);
        // No place: all but Malons-et-Elze: 20 communes, 5,810 - 111 = 5,699.
        gaps("level: COMMUNE, within: {level: EPCI, code: \"200069128\"}, lacking: PLACE")
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(20)
                .path("coverageGaps.totalPopulation").entity(Long.class).isEqualTo(5_699L);
    }

    @Test
    void anAdviserWithoutPlaceServesItsEmployersCommuneAndAnEndedContractDoesNotCount() {
        // Villefort: no place, but C2 (no place) is employed there.
        gaps("level: COMMUNE, within: {level: COMMUNE, code: \"48198\"}, lacking: ADVISER")
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(0);
        gaps("level: COMMUNE, within: {level: COMMUNE, code: \"48198\"}, lacking: PLACE")
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(1);
        // Calvi (5,788): a place, but A3's contract ended on 2024-12-31.
        gaps("level: COMMUNE, within: {level: COMMUNE, code: \"2B050\"}, lacking: ADVISER")
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(1)
                .path("coverageGaps.totalPopulation").entity(Long.class).isEqualTo(5_788L)
                .path("coverageGaps.nodes[0].places").entity(Integer.class).isEqualTo(1)
                .path("coverageGaps.nodes[0].status").entity(String.class).isEqualTo("COVERED");
    }

    @Test
    void communesWithoutEpci() {
        // L'Île-d'Yeu (4,883) and Île-de-Bréhat (429) belong to no EPCI.
        gaps("level: EPCI, within: {level: COMMUNE, code: \"85113\"}, lacking: COORDINATOR, includePartlyCovered: true")
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(0);
        // Vendée (713,609) is partly covered by C3 through L'Île-d'Yeu alone.
        gaps("level: DEPARTMENT, within: {level: COMMUNE, code: \"85113\"}, lacking: COORDINATOR, includePartlyCovered: true")
                .path("coverageGaps.nodes[0].territory.code").entity(String.class).isEqualTo("85")
                .path("coverageGaps.nodes[0].coveredPopulation").entity(Integer.class).isEqualTo(4_883)
                .path("coverageGaps.nodes[0].coordinators").entity(Integer.class).isEqualTo(1)
                .path("coverageGaps.nodes[0].advisers").entity(Integer.class).isEqualTo(1);
        // Île-de-Bréhat: a place, the inactive C4 works there and covers the Côtes-d'Armor: no adviser, no coordinator.
        gaps("level: COMMUNE, within: {level: COMMUNE, code: \"22016\"}, lacking: ADVISER")
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(1)
                .path("coverageGaps.totalPopulation").entity(Long.class).isEqualTo(429L)
                .path("coverageGaps.nodes[0].status").entity(String.class).isEqualTo("NOT_COVERED")
                .path("coverageGaps.nodes[0].places").entity(Integer.class).isEqualTo(1);
    }

    @Test
    void refusesAnUnknownTerritoryAndAnOversizedPage() {
        gaps("level: EPCI, within: {level: DEPARTMENT, code: \"99\"}, lacking: ADVISER")
                .errors().expect(e -> "within".equals(e.getExtensions().get("field"))).verify();
        // Above the largest page (100); the selection is kept small so that the complexity bound does not answer first.
        graphQl().document("{ coverageGaps(level: EPCI, lacking: ADVISER, first: 101) { totalCount } }").execute()
                .errors().expect(e -> "first".equals(e.getExtensions().get("field"))).verify();
    }

    @Test
    void costsAFixedNumberOfStatements() {
        // One to check `within`, one for the gaps, one for the territories of the page (data loader).
        long tiny = statementsOf(() -> gaps("level: COMMUNE, within: {level: COMMUNE, code: \"22016\"}, lacking: ADVISER")
                .path("coverageGaps.totalCount").entity(Integer.class).isEqualTo(1));
        // pages of 25: a country-wide coverageGaps weighs 1500 and each node 17, under the complexity bound of 2000
        long national = statementsOf(() -> gaps("level: COMMUNE, lacking: ADVISER, first: 25")
                .path("coverageGaps.nodes").entityList(Object.class).hasSize(25));
        long epcis = statementsOf(() -> gaps("level: EPCI, lacking: COORDINATOR, includePartlyCovered: true, first: 25")
                .path("coverageGaps.nodes").entityList(Object.class).hasSize(25));
        assertThat(List.of(tiny, national, epcis)).allSatisfy(count -> assertThat(count).isBetween(1L, 3L));
    }
}
