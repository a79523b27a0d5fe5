package fr.maillage.territories;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.maillage.support.GoldenCypher;
import org.junit.jupiter.api.Test;

/** The statements of the referential put together for a level, as they run (docs/cypher/territories). */
class TerritoryStatementsTests {

    @Test
    void pageOfEachLevel() {
        for (var level : TerritoryLevel.values()) {
            GoldenCypher.assertStatement("territories/page-" + name(level), TerritoryRepository.pageStatement(level));
        }
    }

    @Test
    void childrenOfEachShape() {
        var levels = TerritoryLevel.values();
        for (int parent = 0; parent < levels.length; parent++) {
            for (int child = parent + 1; child < levels.length; child++) {
                GoldenCypher.assertStatement("territories/children-" + name(levels[child]) + "-of-" + name(levels[parent]),
                        TerritoryRepository.childrenStatement(levels[parent], levels[child]));
            }
        }
        assertThatThrownBy(() -> TerritoryRepository.childrenStatement(TerritoryLevel.COMMUNE, TerritoryLevel.REGION))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** A territory with one level of its navigation, or two: each shape of the root read of {@code territory}. */
    @Test
    void territoryWithItsChildrenAndTheirs() {
        var levels = TerritoryLevel.values();
        for (int parent = 0; parent < levels.length; parent++) {
            GoldenCypher.assertStatement("territories/with-children-" + name(levels[parent]),
                    TerritoryRepository.withChildrenStatement(levels[parent], null, null));
            for (int child = parent + 1; child < levels.length; child++) {
                GoldenCypher.assertStatement("territories/with-children-" + name(levels[parent]) + "-"
                        + name(levels[child]), TerritoryRepository.withChildrenStatement(levels[parent], levels[child],
                        null));
                for (int grandchild = child + 1; grandchild < levels.length; grandchild++) {
                    GoldenCypher.assertStatement("territories/with-children-" + name(levels[parent]) + "-"
                            + name(levels[child]) + "-" + name(levels[grandchild]),
                            TerritoryRepository.withChildrenStatement(levels[parent], levels[child], levels[grandchild]));
                }
            }
        }
    }

    private static String name(TerritoryLevel level) {
        return level.name().toLowerCase(java.util.Locale.ROOT);
    }
}
