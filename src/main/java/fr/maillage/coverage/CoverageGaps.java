package fr.maillage.coverage;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import fr.maillage.coverage.CoverageModel.CoverageGapConnection;
import fr.maillage.coverage.CoverageModel.Lacking;
import fr.maillage.coverage.CoverageModel.TerritoryCoverage;
import fr.maillage.graphql.Connection;
import fr.maillage.graphql.Keyset;
import fr.maillage.graphql.PageRequest;
import fr.maillage.validation.InvalidInputException;

/** What a gap is, and the pages of territories lacking something, cut from figures already read and sorted. */
final class CoverageGaps {

    private CoverageGaps() {
    }

    /** Whether a territory lacks {@code criterion}: the one definition of a gap. */
    static boolean lacks(TerritoryCoverage t, Lacking criterion, boolean includePartlyCovered) {
        return switch (criterion) {
            case COORDINATOR -> t.coordinatorCoverage() == 0.0 || includePartlyCovered && t.coordinatorCoverage() < 1.0;
            case ADVISER -> t.advisers() == 0;
            case PLACE -> t.places() == 0;
        };
    }

    /**
     * One page per criterion of the rows (sorted by population, largest first, then code) lacking it, and the
     * population of all those rows. The cursor carries population and code.
     */
    static Map<Lacking, CoverageGapConnection> page(List<TerritoryCoverage> rows, List<Lacking> criteria,
            boolean includePartlyCovered, PageRequest page) {
        var after = Keyset.parameters(page);
        Long afterPopulation = after.get("afterSort") == null ? null : population(after.get("afterSort"));
        var afterCode = (String) after.get("afterId");
        var result = new EnumMap<Lacking, CoverageGapConnection>(Lacking.class);
        for (var criterion : criteria) {
            var found = rows.stream().filter(t -> lacks(t, criterion, includePartlyCovered)).toList();
            var pageRows = found.stream().filter(t -> afterPopulation == null || t.population() < afterPopulation
                    || t.population() == afterPopulation && t.ref().code().compareTo(afterCode) > 0)
                    .limit(page.fetchSize()).toList();
            var connection = Connection.of(pageRows, page, found.size(),
                    t -> Keyset.key(Integer.toString(t.population()), t.ref().code()));
            result.put(criterion, new CoverageGapConnection(connection,
                    found.stream().mapToLong(TerritoryCoverage::population).sum()));
        }
        return result;
    }

    private static long population(Object text) {
        try {
            return Long.parseLong((String) text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("after", "curseur inconnu ; utilisez la valeur endCursor d'une page précédente");
        }
    }
}
