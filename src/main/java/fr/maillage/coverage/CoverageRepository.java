package fr.maillage.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import fr.maillage.coverage.CoverageModel.CoverageGapConnection;
import fr.maillage.coverage.CoverageModel.EndingContract;
import fr.maillage.coverage.CoverageModel.EndingContracts;
import fr.maillage.coverage.CoverageModel.LabelCount;
import fr.maillage.coverage.CoverageModel.Lacking;
import fr.maillage.coverage.CoverageModel.TerritoryCoverage;
import fr.maillage.graphql.Connection;
import fr.maillage.graphql.InvalidInputException;
import fr.maillage.graphql.Keyset;
import fr.maillage.graphql.PageRequest;
import fr.maillage.network.NetworkEnums;
import fr.maillage.network.NetworkQueries;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Coverage reads: each method is one Cypher statement, whatever the size of its answer. */
@Repository
@Transactional(readOnly = true)
class CoverageRepository {

    private final Neo4jClient neo4j;

    CoverageRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * Territories of a level lacking each of {@code criteria}, one page per criterion, in one statement: figures of the
     * level's territories (inside {@code within}, or over the whole country), then filtered, sorted and paged here.
     * The cursor carries population and code. Over the whole country, the advisers and places of each territory are
     * counted only when a criterion or {@code fields} (the figures the request shows) needs them.
     */
    Map<Lacking, CoverageGapConnection> gaps(TerritoryLevel level, TerritoryRef within, List<Lacking> criteria,
            boolean includePartlyCovered, LocalDate today, PageRequest page, Set<Figure> fields) {
        return page(rows(level, within, criteria, today, fields), criteria, includePartlyCovered, page);
    }

    /**
     * Every territory of a level lacking {@code criterion}, with all its figures (largest population first, then
     * code): the rows of {@link #gaps} without paging, for an export.
     */
    List<TerritoryCoverage> allGaps(TerritoryLevel level, TerritoryRef within, Lacking criterion,
            boolean includePartlyCovered, LocalDate today) {
        return rows(level, within, List.of(criterion), today, EnumSet.allOf(Figure.class)).stream()
                .filter(t -> lacks(t, criterion, includePartlyCovered)).toList();
    }

    /** The figures of every territory of a level (inside {@code within}, or over the whole country), sorted. */
    private List<TerritoryCoverage> rows(TerritoryLevel level, TerritoryRef within, List<Lacking> criteria,
            LocalDate today, Set<Figure> fields) {
        return within == null ? nationalRows(level, today,
                criteria.contains(Lacking.ADVISER) || fields.contains(Figure.ADVISERS),
                criteria.contains(Lacking.PLACE) || fields.contains(Figure.PLACES))
                : figures(List.of(), level, within, false, today).subTerritories();
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
     * The figures of every territory of a level over the whole country, computed from the actors' side, largest
     * population first then code.
     */
    private List<TerritoryCoverage> nationalRows(TerritoryLevel level, LocalDate today, boolean advisers,
            boolean places) {
        var figures = new HashMap<String, Map<String, Object>>();
        neo4j.query(CoverageQueries.nationalFigures(level, advisers, places)).bindAll(Map.of("today", today)).fetch().one()
                .ifPresent(result -> join(figures, result, List.of("base", "coverage", "served", "placed")));
        return rows(figures, key -> new TerritoryRef(level, key));
    }

    /** Figures of a territory that cost a pass of their own over the whole country. */
    enum Figure {
        ADVISERS, PLACES
    }

    /** The figures of some territories, and of the territories of a level inside another. */
    record Figures(Map<TerritoryRef, TerritoryCoverage> territories, List<TerritoryCoverage> subTerritories) {
    }

    /**
     * Figures of {@code refs}, of the territories of level {@code sub} having a commune inside {@code within} (largest
     * population first, then code) and with {@code withFrance} of France under the null key, in one statement.
     */
    Figures figures(Collection<TerritoryRef> refs, TerritoryLevel sub, TerritoryRef within, boolean withFrance,
            LocalDate today) {
        var groups = refs.stream().map(ref -> Map.of("level", ref.level().name(), "code", ref.code())).toList();
        var params = new HashMap<String, Object>();
        params.put("groups", groups);
        params.put("today", today);
        params.put("withinCode", within == null ? null : within.code());
        var figures = new HashMap<String, Map<String, Object>>();
        var found = new HashMap<TerritoryRef, TerritoryCoverage>();
        neo4j.query(CoverageQueries.figures(sub, within == null ? null : within.level(), withFrance)).bindAll(params)
                .fetch().one().ifPresent(result -> {
                    join(figures, result, List.of("base", "coverage"));
                    if (withFrance) {
                        @SuppressWarnings("unchecked")
                        var france = (Map<String, Object>) result.get("france");
                        found.put(null, TerritoryCoverage.of(null, france));
                    }
                });
        var all = rows(figures, key -> new TerritoryRef(TerritoryLevel.valueOf(key.substring(0, key.indexOf(':'))),
                key.substring(key.indexOf(':') + 1)));
        var subTerritories = new ArrayList<TerritoryCoverage>();
        var wanted = new HashSet<>(refs);
        for (var row : all) {
            if (wanted.contains(row.ref())) {
                found.put(row.ref(), row);
            }
            if (row.ref().level() == sub) {
                subTerritories.add(row);
            }
        }
        return new Figures(found, subTerritories);
    }

    /** Joins lists of maps keyed by {@code key} into one row per key of the first list, with zeros for the rest. */
    private static void join(Map<String, Map<String, Object>> figures, Map<String, Object> result,
            List<String> columns) {
        for (var column : columns) {
            @SuppressWarnings("unchecked")
            var entries = (List<Map<String, Object>>) result.get(column);
            for (var entry : entries) {
                var key = (String) entry.get("key");
                if (column.equals(columns.get(0))) {
                    var row = new HashMap<String, Object>(Map.of("coveredPopulation", 0L, "coveredCommunes", 0L,
                            "coordinators", 0L, "advisers", 0L, "coordinated", 0L, "places", 0L));
                    row.putAll(entry);
                    figures.put(key, row);
                } else if (figures.containsKey(key)) {
                    figures.get(key).putAll(entry);
                }
            }
        }
    }

    /**
     * Coverage of each joined row: share of the population; share of the communes when the territory has no recorded
     * population. Largest population first, then code.
     */
    private static List<TerritoryCoverage> rows(Map<String, Map<String, Object>> figures,
            Function<String, TerritoryRef> ref) {
        return figures.entrySet().stream().map(entry -> {
            var row = entry.getValue();
            long population = ((Number) row.get("population")).longValue();
            long communes = ((Number) row.get("communes")).longValue();
            double coverage = population > 0 ? ((Number) row.get("coveredPopulation")).doubleValue() / population
                    : communes > 0 ? ((Number) row.get("coveredCommunes")).doubleValue() / communes : 0.0;
            row.put("coverage", coverage);
            return TerritoryCoverage.of(ref.apply(entry.getKey()), row);
        }).sorted(Comparator.comparingInt(TerritoryCoverage::population).reversed()
                .thenComparing(t -> t.ref().code())).toList();
    }

    /** One page per criterion of the rows (already sorted) lacking it, and the population of all those rows. */
    Map<Lacking, CoverageGapConnection> page(List<TerritoryCoverage> rows, List<Lacking> criteria,
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

    /** What lies inside a territory and what changes by {@code horizon}. */
    record Details(List<LabelCount> placesByService, List<LabelCount> placesByPublic, List<LabelCount> partnersByKind,
            List<LabelCount> employersBySector, List<LabelCount> employersByLegalKind, EndingContracts ending) {
    }

    Details details(TerritoryRef territory, LocalDate today, LocalDate horizon, int limit) {
        var cypher = CoverageQueries.details(NetworkQueries.within("n", territory),
                "m." + CoverageQueries.property(territory.level()) + " = $withinCode");
        var params = NetworkQueries.withinParameters(territory,
                Map.of("today", today, "horizon", horizon, "limit", limit));
        return neo4j.query(cypher).bindAll(params).fetch().one().map(row -> {
            @SuppressWarnings("unchecked")
            var ending = ((List<Map<String, Object>>) row.get("ending")).stream()
                    .map(c -> new EndingContract((String) c.get("adviserId"), (LocalDate) c.get("end"),
                            (String) c.get("employerName"))).toList();
            @SuppressWarnings("unchecked")
            var losing = (List<String>) row.get("losing");
            return new Details(counts(row, "placesByService", code -> code),
                    counts(row, "placesByPublic", code -> code),
                    counts(row, "partnersByKind", code -> label(code, c -> NetworkEnums.PartnerKind.valueOf(c).label)),
                    counts(row, "employersBySector", code -> label(code, c -> NetworkEnums.Sector.valueOf(c).label)),
                    counts(row, "employersByLegalKind", code -> label(code, c -> NetworkEnums.LegalKind.valueOf(c).label)),
                    new EndingContracts(((Number) row.get("endingCount")).intValue(), ending, List.copyOf(losing)));
        }).orElseThrow();
    }

    private static List<LabelCount> counts(Map<String, Object> row, String column, Function<String, String> label) {
        @SuppressWarnings("unchecked")
        var counts = (List<Map<String, Object>>) row.get(column);
        return counts.stream().filter(c -> c.get("code") != null).map(c -> new LabelCount((String) c.get("code"),
                label.apply((String) c.get("code")), ((Number) c.get("count")).intValue())).toList();
    }

    /** The French label of a vocabulary value; the value itself if it is not (or no longer) in the vocabulary. */
    private static String label(String code, Function<String, String> vocabulary) {
        try {
            return vocabulary.apply(code);
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    private static long population(Object text) {
        try {
            return Long.parseLong((String) text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("after", "curseur inconnu ; utilisez la valeur endCursor d'une page précédente");
        }
    }
}
