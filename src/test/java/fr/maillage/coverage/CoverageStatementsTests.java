package fr.maillage.coverage;

import java.util.Locale;

import fr.maillage.support.GoldenCypher;
import fr.maillage.territories.TerritoryLevel;
import org.junit.jupiter.api.Test;

/**
 * The coverage statements put together for a level and from the network's rules, each variant as it runs
 * (docs/cypher/coverage).
 */
class CoverageStatementsTests {

    /** The figures of the sub-territories of each level inside a territory of each level (coverageGaps, exports). */
    @Test
    void figuresOfALevelInsideATerritory() {
        for (var sub : TerritoryLevel.values()) {
            for (var within : TerritoryLevel.values()) {
                GoldenCypher.assertStatement("coverage/figures-" + name(sub) + "-in-" + name(within),
                        CoverageQueries.figures(sub, within, false));
            }
        }
    }

    /** A diagnosis: the territory, its parent, France and its sub-territories (none for a commune). */
    @Test
    void figuresOfADiagnosis() {
        for (var level : TerritoryLevel.values()) {
            GoldenCypher.assertStatement("coverage/diagnosis-figures-" + name(level),
                    CoverageQueries.figures(DiagnosisService.subLevel(level), level, true));
        }
    }

    /** France alone (franceCoverage): the statement of a diagnosis without any territory. */
    @Test
    void figuresOfFrance() {
        GoldenCypher.assertStatement("coverage/france-figures", CoverageQueries.figures(null, null, true));
    }

    @Test
    void figuresOfALevelOverTheCountry() {
        for (var level : TerritoryLevel.values()) {
            for (boolean advisers : new boolean[] {false, true}) {
                for (boolean places : new boolean[] {false, true}) {
                    GoldenCypher.assertStatement("coverage/national-figures-" + name(level)
                            + (advisers ? "-advisers" : "") + (places ? "-places" : ""),
                            NationalQueries.nationalFigures(level, advisers, places));
                }
            }
        }
    }

    @Test
    void detailsOfATerritory() {
        for (var level : TerritoryLevel.values()) {
            GoldenCypher.assertStatement("coverage/details-" + name(level), DetailQueries.details(level));
        }
    }

    private static String name(TerritoryLevel level) {
        return level.name().toLowerCase(Locale.ROOT);
    }
}
