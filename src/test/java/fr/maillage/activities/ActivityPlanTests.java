package fr.maillage.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.summary.Plan;

/**
 * The activity statements are anchored on indexes: their plans hold no scan of all activities, advisers or
 * coordinators, nor of all nodes (the only label scan is of the 26 regions, for France's population).
 */
class ActivityPlanTests extends IntegrationTest {

    static List<String> scans(Plan plan) {
        var found = new ArrayList<String>();
        if (plan.operatorType().contains("AllNodesScan") || plan.operatorType().contains("NodeByLabelScan")) {
            found.add(plan.operatorType() + " " + plan.arguments().get("Details"));
        }
        plan.children().forEach(child -> found.addAll(scans(child)));
        return found;
    }

    List<String> scansOf(String statement, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            var plan = session.run("EXPLAIN " + statement, parameters).consume().plan();
            return scans(plan);
        }
    }

    @Test
    void aScanIsSeenWhereThereIsOne() {
        assertThat(scansOf("MATCH (x:Activity) WHERE x.title = $title RETURN x", Map.of("title", "Atelier")))
                .singleElement().asString().contains("NodeByLabelScan");
    }

    @Test
    void theFiguresOfATerritoryReadTheIndexesOfActivities() {
        var scans = scansOf(ActivityQueries.TERRITORY_FIGURES, Map.of("targets", List.of(), "level", "DEPARTMENT",
                "code", "2A", "from", "2024-01-01", "to", "2024-12-31", "reachingPeople", List.of()));
        assertThat(scans).allMatch(scan -> scan.contains(":Region"), "only the regions are scanned");
    }

    @Test
    void theFiguresOfCoordinatorsStartFromTheirIds() {
        assertThat(scansOf(ActivityQueries.COORDINATOR_FIGURES, Map.of("groups", List.of(List.of("C1")), "from",
                "2024-01-01", "to", "2024-12-31", "reachingPeople", List.of(), "meetingAdvisers", List.of())))
                .isEmpty();
        assertThat(scansOf(ActivityQueries.COORDINATORS_OF_REGION, Map.of("regionCode", "94"))).isEmpty();
    }

    @Test
    void anAdvisersActivitiesStartFromTheAdviser() {
        assertThat(scansOf(ActivityReader.OF_ADVISER, Map.of("adviserId", "A1", "from", "2024-01-01", "to",
                "2024-12-31", "fetch", 21, "afterSort", "", "afterId", ""))).isEmpty();
        assertThat(scansOf(ActivityReader.BY_IDS, Map.of("ids", List.of("x")))).isEmpty();
    }
}
