package fr.maillage.territories;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.maillage.database.Cypher;
import fr.maillage.graphql.Connection;
import fr.maillage.graphql.PageRequest;
import fr.maillage.graphql.RootReads.RootRead;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the territorial referential. Every method is one Cypher statement, whatever the number of keys. Public for
 * {@link #find} and {@link #findAll}, the territories other modules name.
 */
@Repository
@Transactional(readOnly = true)
public class TerritoryRepository {

    /** Territories by level and code: one branch per level, each through the code index of its label. */
    static final String FIND_ALL = """
            MATCH (n:Region) WHERE n.code IN $REGION RETURN n
            UNION ALL
            MATCH (n:Department) WHERE n.code IN $DEPARTMENT RETURN n
            UNION ALL
            MATCH (n:Epci) WHERE n.code IN $EPCI RETURN n
            UNION ALL
            MATCH (n:Commune) WHERE n.code IN $COMMUNE RETURN n""";

    /** A page of a whole level (label {@code %1$s}) in code order, with the level's size. */
    private static final String PAGE = """
            CALL () { MATCH (x:%1$s) RETURN count(x) AS total }
            CALL () {
              MATCH (c:%1$s) WHERE $after IS NULL OR c.code > $after
              WITH c ORDER BY c.code LIMIT $fetch
              RETURN collect(c) AS rows
            }
            RETURN total, rows""";

    /**
     * Pages of children for parents of one level (label {@code %1$s}), the children hanging below them by the
     * pattern {@code %2$s} ({@code c} the child, {@code p} the parent): one row per key of {@code $keys}.
     */
    private static final String CHILDREN = """
            UNWIND $keys AS k
            MATCH (p:%1$s {code: k.code})
            CALL (p, k) {
              MATCH %2$s
              WITH DISTINCT c ORDER BY c.code
              WITH collect(c) AS children
              RETURN size(children) AS total, [x IN children WHERE k.after IS NULL OR x.code > k.after][0..k.fetch] AS rows
            }
            RETURN k.index AS index, total, rows""";

    /** How a child level hangs below a parent level; {@code c} is the child, {@code p} the parent. */
    private static final Map<String, String> CHILD_PATTERNS = Map.of(
            "REGION>DEPARTMENT", "(c:Department)-[:IN_REGION]->(p)",
            "REGION>EPCI", "(c:Epci)-[:IN_DEPARTMENT]->(:Department)-[:IN_REGION]->(p)",
            "REGION>COMMUNE", "(c:Commune)-[:IN_DEPARTMENT]->(:Department)-[:IN_REGION]->(p)",
            "DEPARTMENT>EPCI", "(c:Epci)-[:IN_DEPARTMENT]->(p)",
            "DEPARTMENT>COMMUNE", "(c:Commune)-[:IN_DEPARTMENT]->(p)",
            "EPCI>COMMUNE", "(c:Commune)-[:IN_EPCI]->(p)");

    /**
     * Best matches of the full-text index: exact folded name first (abbreviations of saint read as the word), then
     * Lucene relevance, then population.
     */
    private static final String SEARCH = """
            CALL db.index.fulltext.queryNodes('territory_search', $lucene, {limit: 500}) YIELD node, score
            RETURN node, score, node.searchName IN $exactNames AS exact
            ORDER BY exact DESC, score DESC, node.population DESC, node.code
            LIMIT $first""";

    private static final String PREFECTURES = """
            MATCH (p:Prefecture) WHERE p.code IN $codes RETURN p""";

    private static final String SGARS = """
            MATCH (s:Sgar) WHERE s.code IN $codes RETURN s""";

    private final Neo4jClient neo4j;

    TerritoryRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public Map<TerritoryRef, Territory> findAll(Collection<TerritoryRef> refs) {
        if (refs.isEmpty()) {
            return Map.of();
        }
        var byLevel = refs.stream().collect(Collectors.groupingBy(TerritoryRef::level,
                Collectors.mapping(TerritoryRef::code, Collectors.toSet())));
        var params = new HashMap<String, Object>();
        for (var level : TerritoryLevel.values()) {
            params.put(level.name(), List.copyOf(byLevel.getOrDefault(level, Set.of())));
        }
        var found = new HashMap<TerritoryRef, Territory>();
        neo4j.query(FIND_ALL).bindAll(params).fetchAs(Territory.class)
                .mappedBy((types, row) -> TerritoryMapper.territory(row.get("n"))).all()
                .forEach(t -> found.put(t.ref(), t));
        return found;
    }

    public Territory find(TerritoryRef ref) {
        return findAll(List.of(ref)).get(ref);
    }

    /** The statement of {@link #page} for a level. */
    static String pageStatement(TerritoryLevel level) {
        return PAGE.formatted(level.label());
    }

    /** What a page statement answers: the size of the level and the territories of the page. */
    private record PageRows(long total, List<Territory> rows) {
    }

    /** A page of a whole level, in code order. */
    Connection<Territory> page(TerritoryLevel level, PageRequest page) {
        var found = neo4j.query(pageStatement(level))
                .bindAll(Cypher.parameters("after", page.afterKey(), "fetch", page.fetchSize()))
                .fetchAs(PageRows.class)
                .mappedBy((types, row) -> new PageRows(row.get("total").asLong(), territories(row.get("rows"))))
                .one().orElseThrow();
        return Connection.of(found.rows(), page, found.total(), Territory::code);
    }

    /** Pages of children for many parents of one level at once (the nested connections of a GraphQL request). */
    Map<ChildPage, Connection<Territory>> children(Collection<ChildPage> keys) {
        var result = new HashMap<ChildPage, Connection<Territory>>();
        keys.stream().collect(Collectors.groupingBy(k -> k.parent().level() + ">" + k.childLevel()))
                .forEach((shape, group) -> result.putAll(childrenOfShape(group)));
        return result;
    }

    /**
     * The statement of {@link #children} for a parent level and a child level; an error when no territory of the
     * child level lies below one of the parent level.
     */
    static String childrenStatement(TerritoryLevel parent, TerritoryLevel child) {
        return CHILDREN.formatted(parent.label(), childPattern(parent, child));
    }

    /** Whether territories of level {@code child} lie below those of level {@code parent}. */
    static boolean lieBelow(TerritoryLevel parent, TerritoryLevel child) {
        return CHILD_PATTERNS.containsKey(parent + ">" + child);
    }

    private static String childPattern(TerritoryLevel parent, TerritoryLevel child) {
        var pattern = CHILD_PATTERNS.get(parent + ">" + child);
        if (pattern == null) {
            throw new IllegalArgumentException("No territory below another in " + parent + ">" + child);
        }
        return pattern;
    }

    /**
     * Territory {@code $code} of label {@code %1$s} as {@code territory}: {@code {node, children}}, children being,
     * when the request reads them, the page {@code $children} ({@code {after, fetch}}) of its territories of the
     * level below by {@code %2$s} (null otherwise), each with, when read too, the page {@code $grandchildren} of its
     * own by {@code %3$s}. A territory and two levels of its navigation (département, EPCI, communes) in one statement.
     */
    private static final String WITH_CHILDREN = """
            MATCH (p:%1$s {code: $code})
            OPTIONAL CALL (p) {
              MATCH %2$s
              WITH DISTINCT c ORDER BY c.code
              WITH collect(c) AS found
              WITH size(found) AS total, [x IN found WHERE $children.after IS NULL OR x.code > $children.after]
                [0..$children.fetch] AS rows
              RETURN {total: total, rows: [c IN rows | {node: c, children: %3$s}]} AS children
            }
            RETURN {node: p, children: children} AS territory""";

    /** The part of {@link #WITH_CHILDREN} that pages the grandchildren {@code g} of child {@code c}. */
    private static final String GRANDCHILDREN = """
            head([found IN [COLLECT { MATCH %s RETURN DISTINCT g ORDER BY g.code }] |
                  {total: size(found), rows: [x IN found WHERE $grandchildren.after IS NULL
                    OR x.code > $grandchildren.after][0..$grandchildren.fetch]}])""";

    /**
     * The statement reading territory {@code level} with its page of children of level {@code child} and theirs of
     * level {@code grandchild} (each null when not read).
     */
    static String withChildrenStatement(TerritoryLevel level, TerritoryLevel child, TerritoryLevel grandchild) {
        if (child == null) {
            return "MATCH (p:%s {code: $code})\nRETURN {node: p, children: null} AS territory".formatted(level.label());
        }
        var grand = grandchild == null ? "null" : GRANDCHILDREN.formatted(
                childPattern(child, grandchild).replace("(c:", "(g:").replace("(p)", "(c)"));
        return WITH_CHILDREN.formatted(level.label(), childPattern(level, child), grand);
    }

    /** A territory read with two levels of its navigation ({@link #withChildrenStatement}). */
    record WithChildren(Territory territory, ChildPage children, Connection<Territory> page,
            Map<ChildPage, Connection<Territory>> grandchildren) {
    }

    /** The read of {@link #withChildrenStatement}, for {@code RootReads}: null for an unknown territory. */
    static RootRead<WithChildren> withChildren(TerritoryRef ref, ChildPage children, ChildPage grandchildren) {
        var parameters = new HashMap<String, Object>();
        parameters.put("code", ref.code());
        if (children != null) {
            parameters.put("children", Cypher.parameters("after", children.page().afterKey(), "fetch",
                    children.page().fetchSize()));
        }
        if (grandchildren != null) {
            parameters.put("grandchildren", Cypher.parameters("after", grandchildren.page().afterKey(), "fetch",
                    grandchildren.page().fetchSize()));
        }
        var cypher = withChildrenStatement(ref.level(), children == null ? null : children.childLevel(),
                grandchildren == null ? null : grandchildren.childLevel());
        return new RootRead<>(cypher, parameters, rows -> rows.stream().findFirst().map(row -> {
            var territory = TerritoryMapper.territory(row.get("node"));
            if (children == null || row.get("children").isNull()) {
                return new WithChildren(territory, null, null, Map.of());
            }
            var found = row.get("children");
            var nodes = new ArrayList<Territory>();
            var below = new HashMap<ChildPage, Connection<Territory>>();
            for (var child : found.get("rows").values()) {
                var node = TerritoryMapper.territory(child.get("node"));
                nodes.add(node);
                if (grandchildren != null) {
                    var key = new ChildPage(node.ref(), grandchildren.childLevel(), grandchildren.page());
                    var page = child.get("children");
                    below.put(key, Connection.of(territories(page.get("rows")), key.page(), page.get("total").asLong(),
                            Territory::code));
                }
            }
            var key = new ChildPage(ref, children.childLevel(), children.page());
            return new WithChildren(territory, key, Connection.of(nodes, key.page(), found.get("total").asLong(),
                    Territory::code), below);
        }).orElse(null));
    }

    /** One row of a children statement: the index of its key, the number of children, the children of the page. */
    private record ChildRows(int index, long total, List<Territory> rows) {
    }

    private Map<ChildPage, Connection<Territory>> childrenOfShape(List<ChildPage> keys) {
        var cypher = childrenStatement(keys.get(0).parent().level(), keys.get(0).childLevel());
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < keys.size(); i++) {
            var key = keys.get(i);
            rows.add(Cypher.parameters("index", i, "code", key.parent().code(), "after", key.page().afterKey(),
                    "fetch", key.page().fetchSize()));
        }
        var result = new LinkedHashMap<ChildPage, Connection<Territory>>();
        neo4j.query(cypher).bind(rows).to("keys").fetchAs(ChildRows.class)
                .mappedBy((types, row) -> new ChildRows(row.get("index").asInt(), row.get("total").asLong(),
                        territories(row.get("rows"))))
                .all().forEach(found -> {
                    var key = keys.get(found.index());
                    result.put(key, Connection.of(found.rows(), key.page(), found.total(), Territory::code));
                });
        return result;
    }

    /**
     * Best matches first: exact folded name (abbreviations of saint read as the word), then Lucene relevance, then
     * population. The levels are filtered inside the index query ({@link SearchQuery}); when the text as typed finds
     * nothing, the same search again tolerating one typo per word.
     */
    List<TerritoryMatch> search(String folded, List<TerritoryLevel> levels, int first) {
        var query = SearchQuery.of(folded, levels);
        var found = matches(query.lucene(), query.exactNames(), first);
        return found.isEmpty() ? matches(query.tolerantLucene(), query.exactNames(), first) : found;
    }

    private List<TerritoryMatch> matches(String lucene, List<String> exactNames, int first) {
        return List.copyOf(neo4j.query(SEARCH)
                .bindAll(Map.of("lucene", lucene, "exactNames", exactNames, "first", first))
                .fetchAs(TerritoryMatch.class)
                .mappedBy((types, row) -> new TerritoryMatch(TerritoryMapper.territory(row.get("node")),
                        row.get("score").asDouble()))
                .all());
    }

    Map<String, Prefecture> prefectures(Collection<String> departmentCodes) {
        var found = new HashMap<String, Prefecture>();
        neo4j.query(PREFECTURES).bind(List.copyOf(departmentCodes)).to("codes").fetchAs(Prefecture.class)
                .mappedBy((types, row) -> TerritoryMapper.prefecture(row.get("p")))
                .all().forEach(p -> found.put(p.code(), p));
        return found;
    }

    Map<String, Sgar> sgars(Collection<String> regionCodes) {
        var found = new HashMap<String, Sgar>();
        neo4j.query(SGARS).bind(List.copyOf(regionCodes)).to("codes").fetchAs(Sgar.class)
                .mappedBy((types, row) -> TerritoryMapper.sgar(row.get("s")))
                .all().forEach(s -> found.put(s.code(), s));
        return found;
    }

    private static List<Territory> territories(Value nodes) {
        return nodes.asList(TerritoryMapper::territory);
    }

    /** One nested connection to fill: the children of {@code parent} at {@code childLevel}, one page of them. */
    record ChildPage(TerritoryRef parent, TerritoryLevel childLevel, PageRequest page) {
    }

    /** A search result; public for graphql-java, which reads its fields. */
    public record TerritoryMatch(Territory territory, double score) {
    }
}
