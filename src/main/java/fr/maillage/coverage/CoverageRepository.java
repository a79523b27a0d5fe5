package fr.maillage.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
     * Territories of a level lacking each of {@code criteria}, one page per criterion, in one statement. The cursor
     * carries population and code.
     */
    Map<Lacking, CoverageGapConnection> gaps(TerritoryLevel level, TerritoryRef within, List<Lacking> criteria,
            boolean includePartlyCovered, LocalDate today, PageRequest page) {
        if (within == null) {
            return nationalGaps(level, criteria, includePartlyCovered, today, page);
        }
        var params = new HashMap<String, Object>();
        params.put("today", today);
        params.put("criteria", criteria.stream().map(Enum::name).toList());
        params.put("partly", includePartlyCovered);
        params.put("withinCode", within == null ? null : within.code());
        params.put("fetch", page.fetchSize());
        var after = Keyset.parameters(page);
        params.put("afterPopulation", after.get("afterSort") == null ? null : population(after.get("afterSort")));
        params.put("afterCode", after.get("afterId"));
        var result = new EnumMap<Lacking, CoverageGapConnection>(Lacking.class);
        neo4j.query(CoverageQueries.gaps(level, within == null ? null : within.level())).bindAll(params).fetch().all()
                .forEach(row -> {
                    @SuppressWarnings("unchecked")
                    var rows = (List<Map<String, Object>>) row.get("page");
                    var nodes = rows.stream()
                            .map(r -> TerritoryCoverage.of(new TerritoryRef(level, (String) r.get("code")), r)).toList();
                    var connection = Connection.of(nodes, page, ((Number) row.get("total")).longValue(),
                            t -> Keyset.key(Integer.toString(t.population()), t.ref().code()));
                    result.put(Lacking.valueOf((String) row.get("criterion")),
                            new CoverageGapConnection(connection, ((Number) row.get("population")).longValue()));
                });
        return result;
    }

    /**
     * The gaps over the whole country: figures of every territory of the level computed from the actors' side in one
     * statement, then filtered, sorted (largest population first, then code) and paged here.
     */
    private Map<Lacking, CoverageGapConnection> nationalGaps(TerritoryLevel level, List<Lacking> criteria,
            boolean includePartlyCovered, LocalDate today, PageRequest page) {
        var figures = new HashMap<String, Map<String, Object>>();
        neo4j.query(CoverageQueries.nationalFigures(level)).bindAll(Map.of("today", today)).fetch().one()
                .ifPresent(result -> {
                    for (var column : List.of("base", "coverage", "served", "placed")) {
                        @SuppressWarnings("unchecked")
                        var entries = (List<Map<String, Object>>) result.get(column);
                        for (var entry : entries) {
                            var key = (String) entry.get("key");
                            if (column.equals("base")) {
                                var row = new HashMap<String, Object>(Map.of("code", key, "coveredPopulation", 0L,
                                        "coveredCommunes", 0L, "coordinators", 0L, "advisers", 0L, "coordinated", 0L,
                                        "places", 0L));
                                row.putAll(entry);
                                figures.put(key, row);
                            } else if (figures.containsKey(key)) {
                                figures.get(key).putAll(entry);
                            }
                        }
                    }
                });
        var rows = figures.values().stream().map(row -> {
            long population = ((Number) row.get("population")).longValue();
            long communes = ((Number) row.get("communes")).longValue();
            double coverage = population > 0 ? ((Number) row.get("coveredPopulation")).doubleValue() / population
                    : communes > 0 ? ((Number) row.get("coveredCommunes")).doubleValue() / communes : 0.0;
            row.put("coverage", coverage);
            return TerritoryCoverage.of(new TerritoryRef(level, (String) row.get("code")), row);
        }).sorted(Comparator.comparingInt(TerritoryCoverage::population).reversed()
                .thenComparing(t -> t.ref().code())).toList();
        var after = Keyset.parameters(page);
        Long afterPopulation = after.get("afterSort") == null ? null : population(after.get("afterSort"));
        var afterCode = (String) after.get("afterId");
        var result = new EnumMap<Lacking, CoverageGapConnection>(Lacking.class);
        for (var criterion : criteria) {
            var found = rows.stream().filter(t -> switch (criterion) {
                case COORDINATOR -> t.coordinatorCoverage() == 0.0 || includePartlyCovered && t.coordinatorCoverage() < 1.0;
                case ADVISER -> t.advisers() == 0;
                case PLACE -> t.places() == 0;
            }).toList();
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

    /**
     * Figures of several territories (one pass over their communes), and of France under the null key (from the
     * actors' side: two statements whatever the number of territories.
     */
    Map<TerritoryRef, TerritoryCoverage> figures(Collection<TerritoryRef> refs, LocalDate today) {
        var groups = new ArrayList<Map<String, Object>>();
        var byKey = new HashMap<String, TerritoryRef>();
        for (var ref : refs) {
            groups.add(Map.of("level", ref.level().name(), "code", ref.code()));
            byKey.put(ref.level().name() + ":" + ref.code(), ref);
        }
        var found = new HashMap<TerritoryRef, TerritoryCoverage>();
        neo4j.query(CoverageQueries.GROUPS).bindAll(Map.of("groups", groups, "today", today)).fetch().all()
                .forEach(row -> {
                    @SuppressWarnings("unchecked")
                    var figures = (Map<String, Object>) row.get("row");
                    var ref = byKey.get((String) figures.get("code"));
                    found.put(ref, TerritoryCoverage.of(ref, figures));
                });
        neo4j.query(CoverageQueries.NATIONAL).bindAll(Map.of("today", today)).fetch().one().ifPresent(row -> {
            @SuppressWarnings("unchecked")
            var figures = (Map<String, Object>) row.get("row");
            found.put(null, TerritoryCoverage.of(null, figures));
        });
        return found;
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
