package fr.maillage.activities;

import fr.maillage.support.GoldenCypher;
import org.junit.jupiter.api.Test;

/** The activity statements as they run, composed from the one reading of a territory's activities (docs/cypher/activities). */
class ActivityStatementsTests {

    @Test
    void theFiguresOfATerritoryBesideItsParentFranceAndItsSubTerritories() {
        GoldenCypher.assertStatement("activities/territory-figures", ActivityQueries.TERRITORY_FIGURES);
    }

    @Test
    void anAdvisersActivitiesByPage() {
        GoldenCypher.assertStatement("activities/adviser-activities", ActivityReader.OF_ADVISER);
    }

    @Test
    void activitiesById() {
        GoldenCypher.assertStatement("activities/by-ids", ActivityReader.BY_IDS);
    }
}
