package fr.maillage.exploration;

import fr.maillage.support.GoldenCypher;
import fr.maillage.territories.TerritoryLevel;
import org.junit.jupiter.api.Test;

/** The exploration statements put together from rules and fragments, as they run (docs/cypher/exploration). */
class ExplorationStatementsTests {

    @Test
    void mapOfARegionAndOfADepartment() {
        GoldenCypher.assertStatement("exploration/map-region", ExplorationRepository.mapStatement(TerritoryLevel.REGION));
        GoldenCypher.assertStatement("exploration/map-department",
                ExplorationRepository.mapStatement(TerritoryLevel.DEPARTMENT));
    }

    @Test
    void prospects() {
        GoldenCypher.assertStatement("exploration/prospects-page", ExplorationRepository.PROSPECTS_PAGE);
        GoldenCypher.assertStatement("exploration/prospect-rows", ExplorationRepository.PROSPECT_ROWS);
    }

    /** Only the bound varies with the length asked (1 to 15): the default one stands for them. */
    @Test
    void shortestPath() {
        GoldenCypher.assertStatement("exploration/shortest-path-8", ExplorationRepository.shortestPathStatement(8));
    }
}
