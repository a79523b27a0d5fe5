package fr.maillage.exploration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import fr.maillage.exploration.ExplorationModel.ActorKind;
import fr.maillage.exploration.ExplorationModel.MapEdge;
import fr.maillage.exploration.ExplorationModel.MapNode;
import fr.maillage.exploration.ExplorationModel.NetworkPath;
import fr.maillage.exploration.ExplorationModel.PartnerProspect;
import fr.maillage.graphql.Keyset;
import fr.maillage.graphql.PageRequest;
import fr.maillage.network.NetworkMapper;
import fr.maillage.network.NetworkQueries;
import fr.maillage.territories.TerritoryLevel;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads that follow the links of the network; each method is one Cypher statement. */
@Repository
@Transactional(readOnly = true)
class ExplorationRepository {

    /** The links drawn on a map and followed by paths. */
    static final String LINKS = "EMPLOYED_BY|WORKS_AT|COORDINATES|SUPPORTS|PARTNERS_WITH";
    private static final String ACTOR_LABELS = "Adviser|Employer|Hub|Place|Partner";

    private final Neo4jClient neo4j;

    ExplorationRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The kind of actor {@code n}, as {@link #kind(Node)} reads it from the labels. */
    private static final String KIND = "CASE WHEN n:Coordinator THEN 'COORDINATOR' WHEN n:Adviser THEN 'ADVISER'"
            + " WHEN n:Employer THEN 'EMPLOYER' WHEN n:Hub THEN 'HUB' WHEN n:Place THEN 'PLACE' ELSE 'PARTNER' END";

    /** One row per actor of the map: who it is, where it is, and its outgoing links to anything. */
    record MapRow(String id, ActorKind kind, String label, String communeCode, String epciCode, String epciName,
            String departmentCode, String departmentName, List<List<String>> links) {
    }

    /**
     * The actors of a map, read as one row per commune (a region holds about ten actors per commune) with, for each
     * actor, only what the map shows: returning whole nodes and looking up the commune's EPCI and département once
     * per actor made most of the time at scale 10.
     */
    List<MapRow> mapRows(TerritoryLevel level, String code, String regionCode, LocalDate today) {
        var property = level == TerritoryLevel.REGION ? "regionCode" : "departmentCode";
        var covered = level == TerritoryLevel.REGION
                ? "(t:Region AND t.code = $code) OR t.regionCode = $code OR (t:Epci AND $code IN t.regionCodes)"
                : "(t:Department AND t.code = $code) OR t.departmentCode = $code OR (t:Epci AND $code IN t.departmentCodes)"
                        + " OR (t:Region AND t.code = $region)";
        var cypher = """
                CALL () {
                  MATCH (n:Employer) WHERE n.%1$s = $code RETURN n
                  UNION MATCH (n:Place) WHERE n.%1$s = $code RETURN n
                  UNION MATCH (n:Partner) WHERE n.%1$s = $code RETURN n
                  UNION MATCH (n:Hub)-[:COVERS]->(:Region {code: $region}) RETURN n
                  UNION MATCH (p:Place)<-[:WORKS_AT]-(n:Adviser) WHERE p.%1$s = $code RETURN n
                  UNION MATCH (e:Employer)<-[r:EMPLOYED_BY]-(n:Adviser) WHERE e.%1$s = $code AND NOT (n)-[:WORKS_AT]->()
                    AND %6$s RETURN n
                  UNION MATCH (n:Coordinator)-[:COVERS]->(t) WHERE %2$s RETURN n
                }
                WITH n AS a WHERE NOT a:Adviser OR (%3$s)
                WITH a AS n
                WITH n,
                  CASE WHEN n:Adviser THEN coalesce(
                    head([(n)-[w:WORKS_AT]->(p:Place) WHERE w.main | p.communeCode]),
                    head([(n)-[:WORKS_AT]->(p:Place) | p.communeCode]),
                    head([(n)-[r:EMPLOYED_BY]->(e:Employer) WHERE %6$s | e.communeCode]))
                  ELSE n.communeCode END AS communeCode
                WITH communeCode, collect([n.id, %5$s, n.name, n.scheme,
                  COLLECT { MATCH (n)-[r:%4$s]->(y)
                    WHERE type(r) <> 'EMPLOYED_BY' OR %6$s
                    RETURN [type(r), y.id] }]) AS actors
                OPTIONAL MATCH (m:Commune {code: communeCode})
                OPTIONAL MATCH (e:Epci {code: m.epciCode})
                OPTIONAL MATCH (d:Department {code: m.departmentCode})
                RETURN communeCode, e.code AS epciCode, e.name AS epciName, d.code AS departmentCode,
                  d.name AS departmentName, actors""".formatted(property, covered, NetworkQueries.ACTIVE_ADVISER, LINKS,
                KIND, NetworkQueries.running("r", "$today"));
        var params = new HashMap<String, Object>();
        params.put("code", code);
        params.put("region", regionCode);
        params.put("today", today);
        var rows = new ArrayList<MapRow>();
        neo4j.query(cypher).bindAll(params).fetch().all().forEach(row -> {
            @SuppressWarnings("unchecked")
            var actors = (List<List<Object>>) row.get("actors");
            for (var actor : actors) {
                var kind = ActorKind.valueOf((String) actor.get(1));
                @SuppressWarnings("unchecked")
                var links = (List<List<String>>) actor.get(4);
                rows.add(new MapRow((String) actor.get(0), kind,
                        label(kind, (String) actor.get(2), (String) actor.get(3)), (String) row.get("communeCode"),
                        (String) row.get("epciCode"), (String) row.get("epciName"), (String) row.get("departmentCode"),
                        (String) row.get("departmentName"), links));
            }
        });
        return rows;
    }

    /** Partners in the communes a coordinator covers, prescribers nobody works with first. */
    record ProspectPage(List<PartnerProspect> prospects, long total, long unlinked) {
    }

    ProspectPage prospects(String coordinatorId, List<String> kinds, boolean onlyUnlinked, PageRequest page) {
        var cypher = PROSPECTS + """
                WITH unlinked, collect({node: p, sort: sort, linkedWith: candidate.linkedWith}) AS rows
                RETURN unlinked, size(rows) AS total, %s AS page""".formatted(Keyset.PAGE);
        var params = new HashMap<String, Object>(Keyset.parameters(page));
        params.putAll(prospectParameters(coordinatorId, kinds, onlyUnlinked));
        return neo4j.query(cypher).bindAll(params).fetch().one().map(row -> {
            @SuppressWarnings("unchecked")
            var rows = (List<Map<String, Object>>) row.get("page");
            var prospects = new ArrayList<PartnerProspect>();
            for (var r : rows) {
                @SuppressWarnings("unchecked")
                var linkedWith = (List<String>) r.get("linkedWith");
                prospects.add(new PartnerProspect(NetworkMapper.partner(r.get("node")), !linkedWith.isEmpty(),
                        linkedWith));
            }
            return new ProspectPage(prospects, ((Number) row.get("total")).longValue(),
                    ((Number) row.get("unlinked")).longValue());
        }).orElse(new ProspectPage(List.of(), 0, 0));
    }

    /** A prospect with the name of its commune, for an export. */
    record ProspectRow(PartnerProspect prospect, String communeName) {
    }

    /**
     * Every prospect of {@link #prospects}, in the same order, streamed to {@code sink} as the database reads them
     * (nothing is collected); the sink must not query the database.
     */
    void eachProspect(String coordinatorId, List<String> kinds, boolean onlyUnlinked, Consumer<ProspectRow> sink) {
        neo4j.delegateTo(runner -> {
            var result = runner.run(PROSPECT_ROWS, prospectParameters(coordinatorId, kinds, onlyUnlinked));
            while (result.hasNext()) {
                var row = result.next();
                var linkedWith = row.get("linkedWith").asList(org.neo4j.driver.Value::asString);
                sink.accept(new ProspectRow(new PartnerProspect(NetworkMapper.partner(row.get("p")),
                        !linkedWith.isEmpty(), linkedWith), row.get("communeName").asString(null)));
            }
            return Optional.empty();
        }).run();
    }

    private static Map<String, Object> prospectParameters(String coordinatorId, List<String> kinds,
            boolean onlyUnlinked) {
        var params = new HashMap<String, Object>();
        params.put("id", coordinatorId);
        params.put("kinds", kinds);
        params.put("onlyUnlinked", onlyUnlinked);
        params.put("prescribers", PRESCRIBERS);
        return params;
    }

    private static final List<String> PRESCRIBERS = List.of("FRANCE_TRAVAIL", "MISSION_LOCALE", "CAP_EMPLOI", "CAF",
            "CCAS");

    /**
     * The partners {@code p} in the communes coordinator {@code $id} covers, each {@code candidate} saying whom of the
     * coordinator and its advisers it works with, {@code unlinked} counting those nobody works with; sorted by
     * {@code sort}: unlinked prescribers first, then the other unlinked, then the linked ones, by name.
     */
    private static final String PROSPECTS = """
                MATCH (c:Coordinator {id: $id})
                CALL (c) {
                  MATCH (c)-[:COVERS]->(t:Commune) RETURN t.code AS code
                  UNION MATCH (c)-[:COVERS]->(:Epci)<-[:IN_EPCI]-(m:Commune) RETURN m.code AS code
                  UNION MATCH (c)-[:COVERS]->(:Department)<-[:IN_DEPARTMENT]-(m:Commune) RETURN m.code AS code
                  UNION MATCH (c)-[:COVERS]->(r:Region) MATCH (m:Commune {regionCode: r.code}) RETURN m.code AS code
                }
                WITH c, collect(code) AS communes
                MATCH (p:Partner) WHERE p.communeCode IN communes AND ($kinds IS NULL OR p.kind IN $kinds)
                WITH p, [(p)-[:PARTNERS_WITH]->(x:Adviser) WHERE x = c OR (c)-[:COORDINATES]->(x) | x.id] AS linkedWith
                WITH p, linkedWith, size(linkedWith) > 0 AS linked
                WITH collect({p: p, linkedWith: linkedWith, linked: linked}) AS candidates
                WITH candidates, size([x IN candidates WHERE NOT x.linked]) AS unlinked
                UNWIND candidates AS candidate
                WITH unlinked, candidate WHERE NOT ($onlyUnlinked AND candidate.linked)
                WITH unlinked, candidate, candidate.p AS p
                WITH unlinked, candidate, p,
                  (CASE WHEN candidate.linked THEN '2' WHEN p.kind IN $prescribers THEN '0' ELSE '1' END) + p.name AS sort
                ORDER BY sort, p.id
                """;

    /** The rows of {@link #eachProspect}, in the order of {@link #PROSPECTS}, each with the name of its commune. */
    private static final String PROSPECT_ROWS = PROSPECTS + """
            RETURN p, candidate.linkedWith AS linkedWith, head([(p)-[:IN_COMMUNE]->(m:Commune) | m.name]) AS communeName
            ORDER BY sort, p.id""";

    /** Sort key of a prospect, the same as in the query, for its cursor. */
    static String prospectSort(PartnerProspect prospect) {
        var p = prospect.partner();
        return (prospect.linked() ? "2" : p.role() == fr.maillage.network.NetworkEnums.PartnerRole.PRESCRIBER ? "0" : "1")
                + p.name();
    }

    NetworkPath shortestPath(String fromId, String toId, int maxLength) {
        var cypher = """
                CALL () { MATCH (a:%1$s) WHERE a.id = $from RETURN a LIMIT 1 }
                CALL () { MATCH (b:%1$s) WHERE b.id = $to RETURN b LIMIT 1 }
                MATCH path = shortestPath((a)-[:%2$s*..%3$d]-(b))
                RETURN nodes(path) AS nodes,
                  [r IN relationships(path) | [startNode(r).id, endNode(r).id, type(r)]] AS links"""
                .formatted(ACTOR_LABELS, LINKS, maxLength);
        return neo4j.query(cypher).bindAll(Map.of("from", fromId, "to", toId)).fetch().one().map(row -> {
            @SuppressWarnings("unchecked")
            var nodes = (List<Node>) row.get("nodes");
            @SuppressWarnings("unchecked")
            var links = (List<List<String>>) row.get("links");
            var mapNodes = nodes.stream().map(n -> new MapNode(n.get("id").asString(), kind(n), label(n),
                    n.get("communeCode").asString(null), 1)).toList();
            var edges = links.stream().map(l -> new MapEdge(l.get(0), l.get(1), l.get(2), 1)).toList();
            return new NetworkPath(edges.size(), mapNodes, edges);
        }).orElse(null);
    }

    static ActorKind kind(Node n) {
        if (n.hasLabel("Coordinator")) {
            return ActorKind.COORDINATOR;
        }
        if (n.hasLabel("Adviser")) {
            return ActorKind.ADVISER;
        }
        if (n.hasLabel("Employer")) {
            return ActorKind.EMPLOYER;
        }
        if (n.hasLabel("Hub")) {
            return ActorKind.HUB;
        }
        if (n.hasLabel("Place")) {
            return ActorKind.PLACE;
        }
        return ActorKind.PARTNER;
    }

    /** What a map shows for an actor: its name, or for a person only its function (no personal data). */
    static String label(Node n) {
        return label(kind(n), n.get("name").asString(null), n.get("scheme").asString(null));
    }

    static String label(ActorKind kind, String name, String scheme) {
        return switch (kind) {
            case COORDINATOR -> "Coordinateur";
            case ADVISER -> "OTHER".equals(scheme) ? "Médiateur numérique" : "Conseiller numérique";
            default -> name == null ? "" : name;
        };
    }

}
