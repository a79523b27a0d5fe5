package fr.maillage.territories;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import fr.maillage.graphql.Connection;
import fr.maillage.graphql.PageRequest;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the territorial referential. Every method is one Cypher statement, whatever the number of keys. */
@Repository
@Transactional(readOnly = true)
public class TerritoryRepository {

    /** How a child level hangs below a parent level; {@code c} is the child, {@code p} the parent. */
    private static final Map<String, String> CHILD_PATTERNS = Map.of(
            "REGION>DEPARTMENT", "(c:Department)-[:IN_REGION]->(p)",
            "REGION>EPCI", "(c:Epci)-[:IN_DEPARTMENT]->(:Department)-[:IN_REGION]->(p)",
            "REGION>COMMUNE", "(c:Commune)-[:IN_DEPARTMENT]->(:Department)-[:IN_REGION]->(p)",
            "DEPARTMENT>EPCI", "(c:Epci)-[:IN_DEPARTMENT]->(p)",
            "DEPARTMENT>COMMUNE", "(c:Commune)-[:IN_DEPARTMENT]->(p)",
            "EPCI>COMMUNE", "(c:Commune)-[:IN_EPCI]->(p)");

    private final Neo4jClient neo4j;

    TerritoryRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    public Map<TerritoryRef, Territory> findAll(Collection<TerritoryRef> refs) {
        var byLevel = refs.stream().collect(Collectors.groupingBy(TerritoryRef::level,
                Collectors.mapping(TerritoryRef::code, Collectors.toSet())));
        var cypher = new StringBuilder();
        var params = new HashMap<String, Object>();
        for (var entry : byLevel.entrySet()) {
            if (!cypher.isEmpty()) {
                cypher.append(" UNION ALL ");
            }
            var level = entry.getKey();
            cypher.append("MATCH (n:").append(level.label()).append(") WHERE n.code IN $").append(level)
                    .append(" RETURN n");
            params.put(level.name(), List.copyOf(entry.getValue()));
        }
        if (cypher.isEmpty()) {
            return Map.of();
        }
        var found = new HashMap<TerritoryRef, Territory>();
        neo4j.query(cypher.toString()).bindAll(params).fetchAs(Territory.class)
                .mappedBy((types, row) -> TerritoryMapper.territory(row.get("n"))).all()
                .forEach(t -> found.put(t.ref(), t));
        return found;
    }

    public Territory find(TerritoryRef ref) {
        return findAll(List.of(ref)).get(ref);
    }

    /** A page of a whole level, in code order. */
    public Connection<Territory> page(TerritoryLevel level, PageRequest page) {
        var cypher = """
                CALL () { MATCH (x:%1$s) RETURN count(x) AS total }
                CALL () {
                  MATCH (c:%1$s) WHERE $after IS NULL OR c.code > $after
                  WITH c ORDER BY c.code LIMIT $fetch
                  RETURN collect(c) AS rows
                }
                RETURN total, rows""".formatted(level.label());
        var params = new HashMap<String, Object>();
        params.put("after", page.afterKey());
        params.put("fetch", page.fetchSize());
        return neo4j.query(cypher).bindAll(params).fetchAs(Connection.class)
                .mappedBy((types, row) -> toConnection(row.get("rows"), page, row.get("total").asLong()))
                .one().map(c -> castConnection(c)).orElseThrow();
    }

    /** Pages of children for many parents of one level at once (the nested connections of a GraphQL request). */
    public Map<ChildPage, Connection<Territory>> children(Collection<ChildPage> keys) {
        var result = new HashMap<ChildPage, Connection<Territory>>();
        keys.stream().collect(Collectors.groupingBy(k -> k.parent().level() + ">" + k.childLevel()))
                .forEach((shape, group) -> result.putAll(childrenOfShape(shape, group)));
        return result;
    }

    private Map<ChildPage, Connection<Territory>> childrenOfShape(String shape, List<ChildPage> keys) {
        var pattern = CHILD_PATTERNS.get(shape);
        if (pattern == null) {
            throw new IllegalArgumentException("No territory below another in " + shape);
        }
        var parentLevel = keys.get(0).parent().level();
        var cypher = """
                UNWIND $keys AS k
                MATCH (p:%s {code: k.code})
                CALL (p, k) {
                  MATCH %s
                  WITH DISTINCT c ORDER BY c.code
                  WITH collect(c) AS children
                  RETURN size(children) AS total, [x IN children WHERE k.after IS NULL OR x.code > k.after][0..k.fetch] AS rows
                }
                RETURN k.index AS index, total, rows""".formatted(parentLevel.label(), pattern);
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < keys.size(); i++) {
            var key = keys.get(i);
            var row = new HashMap<String, Object>();
            row.put("index", i);
            row.put("code", key.parent().code());
            row.put("after", key.page().afterKey());
            row.put("fetch", key.page().fetchSize());
            rows.add(row);
        }
        var result = new LinkedHashMap<ChildPage, Connection<Territory>>();
        neo4j.query(cypher).bind(rows).to("keys").fetch().all().forEach(row -> {
            var key = keys.get(((Number) row.get("index")).intValue());
            @SuppressWarnings("unchecked")
            var nodes = (List<Object>) row.get("rows");
            var territories = nodes.stream().map(TerritoryMapper::territory).toList();
            result.put(key, Connection.of(territories, key.page(), ((Number) row.get("total")).longValue(),
                    Territory::code));
        });
        return result;
    }

    /**
     * Best matches first: exact folded name (abbreviations of saint read as the word), then Lucene relevance, then
     * population. The levels are filtered inside the index query ({@link SearchQuery}); when the text as typed finds
     * nothing, the same search again tolerating one typo per word.
     */
    public List<TerritoryMatch> search(String folded, List<TerritoryLevel> levels, int first) {
        var query = SearchQuery.of(folded, levels);
        var found = matches(query.lucene(), query.exactNames(), first);
        return found.isEmpty() ? matches(query.tolerantLucene(), query.exactNames(), first) : found;
    }

    private List<TerritoryMatch> matches(String lucene, List<String> exactNames, int first) {
        var cypher = """
                CALL db.index.fulltext.queryNodes('territory_search', $lucene, {limit: 500}) YIELD node, score
                RETURN node, score, node.searchName IN $exactNames AS exact
                ORDER BY exact DESC, score DESC, node.population DESC, node.code
                LIMIT $first""";
        return List.copyOf(neo4j.query(cypher)
                .bindAll(Map.of("lucene", lucene, "exactNames", exactNames, "first", first))
                .fetchAs(TerritoryMatch.class)
                .mappedBy((types, row) -> new TerritoryMatch(TerritoryMapper.territory(row.get("node")),
                        row.get("score").asDouble()))
                .all());
    }

    public Map<String, Prefecture> prefectures(Collection<String> departmentCodes) {
        var found = new HashMap<String, Prefecture>();
        neo4j.query("MATCH (p:Prefecture) WHERE p.code IN $codes RETURN p").bind(List.copyOf(departmentCodes))
                .to("codes").fetchAs(Prefecture.class).mappedBy((types, row) -> TerritoryMapper.prefecture(row.get("p")))
                .all().forEach(p -> found.put(p.code(), p));
        return found;
    }

    public Map<String, Sgar> sgars(Collection<String> regionCodes) {
        var found = new HashMap<String, Sgar>();
        neo4j.query("MATCH (s:Sgar) WHERE s.code IN $codes RETURN s").bind(List.copyOf(regionCodes)).to("codes")
                .fetchAs(Sgar.class).mappedBy((types, row) -> TerritoryMapper.sgar(row.get("s")))
                .all().forEach(s -> found.put(s.code(), s));
        return found;
    }

    private static Connection<Territory> toConnection(Value rows, PageRequest page, long total) {
        return Connection.of(rows.asList(TerritoryMapper::territory), page, total, Territory::code);
    }

    @SuppressWarnings("unchecked")
    private static Connection<Territory> castConnection(Connection<?> connection) {
        return (Connection<Territory>) connection;
    }

    /** One nested connection to fill: the children of {@code parent} at {@code childLevel}, one page of them. */
    public record ChildPage(TerritoryRef parent, TerritoryLevel childLevel, PageRequest page) {
    }

    public record TerritoryMatch(Territory territory, double score) {
    }
}
