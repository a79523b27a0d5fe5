package fr.maillage.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
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
import fr.maillage.database.Cypher;
import fr.maillage.graphql.PageRequest;
import fr.maillage.network.NetworkEnums;
import fr.maillage.network.NetworkQueries;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Coverage reads: each method is one Cypher statement, whatever the size of its answer. */
@Repository
@Transactional(readOnly = true)
class CoverageRepository {

    private final Neo4jClient neo4j;
    private final KeptFigures kept;

    CoverageRepository(Neo4jClient neo4j, KeptFigures kept) {
        this.neo4j = neo4j;
        this.kept = kept;
    }

    /**
     * Territories of a level lacking each of {@code criteria}, one page per criterion, in one statement: figures of the
     * level's territories (inside {@code within}, or over the whole country), then filtered, sorted and paged here.
     * Over the whole country, the advisers and places of each territory are counted only when a criterion or
     * {@code fields} (the figures the request shows) needs them.
     */
    Map<Lacking, CoverageGapConnection> gaps(TerritoryLevel level, TerritoryRef within, List<Lacking> criteria,
            boolean includePartlyCovered, LocalDate today, PageRequest page, Set<Figure> fields) {
        return CoverageGaps.page(rows(level, within, criteria, today, fields), criteria, includePartlyCovered, page);
    }

    /**
     * Every territory of a level lacking {@code criterion}, with all its figures (largest population first, then
     * code): the rows of {@link #gaps} without paging, for an export.
     */
    List<TerritoryCoverage> allGaps(TerritoryLevel level, TerritoryRef within, Lacking criterion,
            boolean includePartlyCovered, LocalDate today) {
        return rows(level, within, List.of(criterion), today, EnumSet.allOf(Figure.class)).stream()
                .filter(t -> CoverageGaps.lacks(t, criterion, includePartlyCovered)).toList();
    }

    /**
     * The figures of every territory of a level, all of them (inside {@code within}, or over the whole country):
     * largest population first, then code.
     */
    List<TerritoryCoverage> all(TerritoryLevel level, TerritoryRef within, LocalDate today) {
        return rows(level, within, List.of(), today, EnumSet.allOf(Figure.class));
    }

    /** The figures of France: those of a diagnosis, without any territory. */
    TerritoryCoverage france(LocalDate today) {
        return figures(List.of(), null, null, true, today).territories().get(null);
    }

    /**
     * The figures of every territory of a level (inside {@code within}, or over the whole country), sorted; kept
     * between writes ({@link KeptFigures}).
     */
    private List<TerritoryCoverage> rows(TerritoryLevel level, TerritoryRef within, List<Lacking> criteria,
            LocalDate today, Set<Figure> fields) {
        // inside a territory every figure is read anyway
        boolean advisers = within != null || criteria.contains(Lacking.ADVISER) || fields.contains(Figure.ADVISERS);
        boolean places = within != null || criteria.contains(Lacking.PLACE) || fields.contains(Figure.PLACES);
        return kept.now().get(new RowsOf(level, within, today, advisers, places), Rows.class,
                () -> new Rows(within == null ? nationalRows(level, today, advisers, places)
                        : figures(List.of(), level, within, false, today).subTerritories())).rows();
    }

    /** What kept rows were read for. */
    private record RowsOf(TerritoryLevel level, TerritoryRef within, LocalDate date, boolean advisers,
            boolean places) {
    }

    /** The figures of the territories of a level, as kept (unmodifiable). */
    record Rows(List<TerritoryCoverage> rows) implements KeptFigures.Weighed {
        Rows {
            rows = List.copyOf(rows);
        }

        @Override
        public int weight() {
            return 1 + rows.size() / 10;
        }
    }

    /** Figures of a territory that cost a pass of their own over the whole country. */
    enum Figure {
        ADVISERS, PLACES
    }

    /**
     * What a figures statement answers: its lists of counts (the first one naming the territories) and, when asked,
     * the figures of France.
     */
    private record Answer(List<List<Counts>> lists, TerritoryCoverage france) {
    }

    /**
     * The figures of every territory of a level over the whole country, computed from the actors' side, largest
     * population first then code.
     */
    private List<TerritoryCoverage> nationalRows(TerritoryLevel level, LocalDate today, boolean advisers,
            boolean places) {
        return neo4j.query(NationalQueries.nationalFigures(level, advisers, places)).bindAll(Map.of("today", today))
                .fetchAs(Answer.class)
                .mappedBy((types, row) -> new Answer(lists(row, "base", "coverage", "served", "placed"), null))
                .one().map(answer -> rows(answer.lists(), key -> new TerritoryRef(level, key))).orElse(List.of());
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
        var params = Cypher.parameters("groups", groups, "today", today,
                "withinCode", within == null ? null : within.code());
        var answer = neo4j.query(CoverageQueries.figures(sub, within == null ? null : within.level(), withFrance))
                .bindAll(params).fetchAs(Answer.class)
                .mappedBy((types, row) -> new Answer(lists(row, "base", "coverage"),
                        withFrance ? france(row.get("france")) : null))
                .one();
        var found = new HashMap<TerritoryRef, TerritoryCoverage>();
        var subTerritories = new ArrayList<TerritoryCoverage>();
        answer.ifPresent(figures -> {
            if (figures.france() != null) {
                found.put(null, figures.france());
            }
            var wanted = new HashSet<>(refs);
            for (var row : rows(figures.lists(), CoverageRepository::groupRef)) {
                if (wanted.contains(row.ref())) {
                    found.put(row.ref(), row);
                }
                if (row.ref().level() == sub) {
                    subTerritories.add(row);
                }
            }
        });
        return new Figures(found, subTerritories);
    }

    /** The territory of a key "LEVEL:code". */
    private static TerritoryRef groupRef(String key) {
        int colon = key.indexOf(':');
        return new TerritoryRef(TerritoryLevel.valueOf(key.substring(0, colon)), key.substring(colon + 1));
    }

    private static List<List<Counts>> lists(org.neo4j.driver.Record row, String... columns) {
        var lists = new ArrayList<List<Counts>>();
        for (var column : columns) {
            lists.add(row.get(column).asList(Counts::of));
        }
        return lists;
    }

    /** The row of France, its coverage computed by the statement. */
    private static TerritoryCoverage france(Value row) {
        return TerritoryCoverage.of(null, Counts.of(row), row.get("coverage").asDouble());
    }

    /**
     * One row per key of the first list, its counts summed with those of the other lists under that key; largest
     * population first, then code.
     */
    private static List<TerritoryCoverage> rows(List<List<Counts>> lists, Function<String, TerritoryRef> ref) {
        var byKey = new HashMap<String, Counts>();
        lists.get(0).forEach(counts -> byKey.put(counts.key(), counts));
        for (var list : lists.subList(1, lists.size())) {
            list.forEach(counts -> byKey.computeIfPresent(counts.key(), (key, sum) -> sum.plus(counts)));
        }
        return byKey.values().stream().map(counts -> TerritoryCoverage.of(ref.apply(counts.key()), counts,
                counts.coverage())).sorted(Comparator.comparingInt(TerritoryCoverage::population).reversed()
                .thenComparing(t -> t.ref().code())).toList();
    }

    /** What lies inside a territory and what changes by {@code horizon}; unmodifiable (diagnoses keep it). */
    record Details(List<LabelCount> placesByService, List<LabelCount> placesByPublic, List<LabelCount> partnersByKind,
            List<LabelCount> employersBySector, List<LabelCount> employersByLegalKind, EndingContracts ending)
            implements KeptFigures.Weighed {

        /** Some 40 counts, 20 ending contracts, 20 communes: about 10 kilobytes. */
        @Override
        public int weight() {
            return 10;
        }
    }

    Details details(TerritoryRef territory, LocalDate today, LocalDate horizon, int limit) {
        var params = NetworkQueries.withinParameters(territory,
                Map.of("today", today, "horizon", horizon, "limit", limit));
        return neo4j.query(DetailQueries.details(territory.level())).bindAll(params).fetchAs(Details.class)
                .mappedBy((types, row) -> new Details(counts(row.get("placesByService"), code -> code),
                        counts(row.get("placesByPublic"), code -> code),
                        counts(row.get("partnersByKind"), code -> NetworkEnums.PartnerKind.valueOf(code).label),
                        counts(row.get("employersBySector"), code -> NetworkEnums.Sector.valueOf(code).label),
                        counts(row.get("employersByLegalKind"), code -> NetworkEnums.LegalKind.valueOf(code).label),
                        new EndingContracts(row.get("endingCount").asInt(),
                                List.copyOf(row.get("ending").asList(c -> new EndingContract(
                                        c.get("adviserId").asString(null), c.get("end").asLocalDate(null),
                                        c.get("employerName").asString(null)))),
                                List.copyOf(row.get("losing").asList(Value::asString)))))
                .one().orElseThrow();
    }

    /** Counts by code, with the French label of each code ({@code vocabulary}). */
    private static List<LabelCount> counts(Value counts, Function<String, String> vocabulary) {
        return counts.asList(c -> c).stream().filter(c -> !c.get("code").isNull()).map(c -> {
            var code = c.get("code").asString();
            return new LabelCount(code, label(code, vocabulary), c.get("count").asInt());
        }).toList();
    }

    /** The French label of a vocabulary value; the value itself if it is not (or no longer) in the vocabulary. */
    private static String label(String code, Function<String, String> vocabulary) {
        try {
            return vocabulary.apply(code);
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }
}
