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

    private static String name(TerritoryLevel level) {
        return level.name().toLowerCase(java.util.Locale.ROOT);
    }
}
