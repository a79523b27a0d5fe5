package fr.maillage.exploration;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import fr.maillage.database.Cypher;
import fr.maillage.exploration.ExplorationModel.ActorKind;
import fr.maillage.exploration.ExplorationModel.MapEdge;
import fr.maillage.exploration.ExplorationModel.MapNode;
import fr.maillage.exploration.ExplorationModel.NetworkPath;
import fr.maillage.exploration.ExplorationModel.PartnerProspect;
import fr.maillage.graphql.Keyset;
import fr.maillage.graphql.RootReads;
import fr.maillage.graphql.RootReads.RootRead;
import fr.maillage.graphql.PageRequest;
import fr.maillage.network.NetworkEnums.PartnerRole;
import fr.maillage.network.NetworkMapper;
import fr.maillage.network.NetworkQueries;
import fr.maillage.territories.TerritoryLevel;
import org.neo4j.driver.Value;
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

    /**
     * The actors of a map of territory {@code $code} (region {@code $region}): those placed in it by the commune
     * property {@code %1$s} (regionCode or departmentCode), the advisers working or employed there, the hubs of the
     * region, the coordinators whose perimeter meets it ({@code %2$s}, on their territories {@code t}). Read as one
     * row per commune (a region holds about ten actors per commune) with, for each actor, only what the map shows:
     * returning whole nodes and looking up the commune's EPCI and département once per actor made most of the time
     * at scale 10. {@code %3$s}: the active adviser rule; {@code %4$s}: the links; {@code %5$s}: the kind of an actor
     * {@code n}, as {@link #kind(Node)} reads it; {@code %6$s}: contract {@code r} running at {@code $today}.
     */
    private static final String MAP_ROWS = """
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
              d.name AS departmentName, actors""";

    /** The kind of actor {@code n}, as {@link #kind(Node)} reads it from the labels. */
    private static final String KIND = "CASE WHEN n:Coordinator THEN 'COORDINATOR' WHEN n:Adviser THEN 'ADVISER'"
            + " WHEN n:Employer THEN 'EMPLOYER' WHEN n:Hub THEN 'HUB' WHEN n:Place THEN 'PLACE' ELSE 'PARTNER' END";

    /** A coordinator's territory {@code t} meeting region {@code $code}. */
    private static final String COVERS_REGION =
            "(t:Region AND t.code = $code) OR t.regionCode = $code OR (t:Epci AND $code IN t.regionCodes)";

    /** A coordinator's territory {@code t} meeting département {@code $code} (of region {@code $region}). */
    private static final String COVERS_DEPARTMENT = "(t:Department AND t.code = $code) OR t.departmentCode = $code"
            + " OR (t:Epci AND $code IN t.departmentCodes) OR (t:Region AND t.code = $region)";

    /**
     * The partners {@code p} in the communes coordinator {@code $id} covers, each {@code candidate} saying whom of the
     * coordinator and its advisers it works with, {@code unlinked} counting those nobody works with; sorted by
     * {@code sort}: unlinked prescribers first, then the other unlinked, then the linked ones, by name. The head of
     * {@link #PROSPECTS_PAGE} and {@link #PROSPECT_ROWS}.
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

    /** A page of {@link #PROSPECTS} after the keyset cursor, with their number and the number of unlinked ones. */
    static final String PROSPECTS_PAGE = PROSPECTS + """
            WITH unlinked, collect({node: p, sort: sort, linkedWith: candidate.linkedWith}) AS rows
            RETURN {unlinked: unlinked, total: size(rows), page: %s} AS prospects""".formatted(Keyset.PAGE);

    /** Every prospect of {@link #PROSPECTS}, in its order, each with the name of its commune. */
    static final String PROSPECT_ROWS = PROSPECTS + """
            RETURN p, candidate.linkedWith AS linkedWith, head([(p)-[:IN_COMMUNE]->(m:Commune) | m.name]) AS communeName
            ORDER BY sort, p.id""";

    /**
     * The shortest path of at most {@code %3$d} links {@code %2$s} between actors {@code $from} and {@code $to}
     * (labels {@code %1$s}). The length bounds a variable-length pattern, which Cypher takes as a literal only.
     */
    private static final String SHORTEST_PATH = """
            CALL () { MATCH (a:%1$s) WHERE a.id = $from RETURN a LIMIT 1 }
            CALL () { MATCH (b:%1$s) WHERE b.id = $to RETURN b LIMIT 1 }
            MATCH path = shortestPath((a)-[:%2$s*..%3$d]-(b))
            RETURN nodes(path) AS nodes,
              [r IN relationships(path) | [startNode(r).id, endNode(r).id, type(r)]] AS links""";

    private static final List<String> PRESCRIBERS = List.of("FRANCE_TRAVAIL", "MISSION_LOCALE", "CAP_EMPLOI", "CAF",
            "CCAS");

    private final Neo4jClient neo4j;

    ExplorationRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** An outgoing link of an actor: its type, and the id of the actor (or anything) it leads to. */
    record Link(String type, String target) {
    }

    /** One row per actor of the map: who it is, where it is, and its outgoing links to anything. */
    record MapRow(String id, ActorKind kind, String label, String communeCode, String epciCode, String epciName,
            String departmentCode, String departmentName, List<Link> links) {
    }

    /** The rows of the actors of one commune (one row of the map statement). */
    private record CommuneRows(List<MapRow> actors) {
    }

    /** The map statement of a region or a département. */
    static String mapStatement(TerritoryLevel level) {
        boolean region = level == TerritoryLevel.REGION;
        return MAP_ROWS.formatted(region ? "regionCode" : "departmentCode", region ? COVERS_REGION : COVERS_DEPARTMENT,
                NetworkQueries.ACTIVE_ADVISER, LINKS, KIND, NetworkQueries.running("r", "$today"));
    }

    List<MapRow> mapRows(TerritoryLevel level, String code, String regionCode, LocalDate today) {
        return neo4j.query(mapStatement(level))
                .bindAll(Cypher.parameters("code", code, "region", regionCode, "today", today))
                .fetchAs(CommuneRows.class).mappedBy((types, row) -> communeRows(row))
                .all().stream().flatMap(commune -> commune.actors().stream()).toList();
    }

    private static CommuneRows communeRows(org.neo4j.driver.Record row) {
        var communeCode = row.get("communeCode").asString(null);
        var epciCode = row.get("epciCode").asString(null);
        var epciName = row.get("epciName").asString(null);
        var departmentCode = row.get("departmentCode").asString(null);
        var departmentName = row.get("departmentName").asString(null);
        return new CommuneRows(row.get("actors").asList(actor -> {
            var kind = ActorKind.valueOf(actor.get(1).asString());
            var links = actor.get(4).asList(link -> new Link(link.get(0).asString(), link.get(1).asString(null)));
            return new MapRow(actor.get(0).asString(), kind,
                    label(kind, actor.get(2).asString(null), actor.get(3).asString(null)), communeCode, epciCode,
                    epciName, departmentCode, departmentName, links);
        }));
    }

    /** Partners in the communes a coordinator covers, prescribers nobody works with first. */
    record ProspectPage(List<PartnerProspect> prospects, long total, long unlinked) {
    }

    /** The read of a page of {@link #PROSPECTS}, for {@link RootReads}: sent with the request's other root reads. */
    static RootRead<ProspectPage> prospects(String coordinatorId, List<String> kinds, boolean onlyUnlinked,
            PageRequest page) {
        var params = new HashMap<String, Object>(Keyset.parameters(page));
        params.putAll(prospectParameters(coordinatorId, kinds, onlyUnlinked));
        return new RootRead<>(PROSPECTS_PAGE, params, rows -> rows.stream().findFirst()
                .map(row -> new ProspectPage(row.get("page").asList(r -> prospect(r.get("node"), r.get("linkedWith"))),
                        row.get("total").asLong(), row.get("unlinked").asLong()))
                .orElse(new ProspectPage(List.of(), 0, 0)));
    }

    private static PartnerProspect prospect(Value partner, Value linkedWith) {
        var ids = linkedWith.asList(Value::asString);
        return new PartnerProspect(NetworkMapper.partner(partner), !ids.isEmpty(), ids);
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
                sink.accept(new ProspectRow(prospect(row.get("p"), row.get("linkedWith")),
                        row.get("communeName").asString(null)));
            }
            return Optional.empty();
        }).run();
    }

    private static Map<String, Object> prospectParameters(String coordinatorId, List<String> kinds,
            boolean onlyUnlinked) {
        return Cypher.parameters("id", coordinatorId, "kinds", kinds, "onlyUnlinked", onlyUnlinked,
                "prescribers", PRESCRIBERS);
    }

    /** Sort key of a prospect, the same as in the query, for its cursor. */
    static String prospectSort(PartnerProspect prospect) {
        var p = prospect.partner();
        return (prospect.linked() ? "2" : p.role() == PartnerRole.PRESCRIBER ? "0" : "1") + p.name();
    }

    /** The shortest-path statement for paths of at most {@code maxLength} links. */
    static String shortestPathStatement(int maxLength) {
        return SHORTEST_PATH.formatted(ACTOR_LABELS, LINKS, maxLength);
    }

    NetworkPath shortestPath(String fromId, String toId, int maxLength) {
        return neo4j.query(shortestPathStatement(maxLength)).bindAll(Map.of("from", fromId, "to", toId))
                .fetchAs(NetworkPath.class).mappedBy((types, row) -> {
                    var nodes = row.get("nodes").asList(value -> {
                        var n = value.asNode();
                        return new MapNode(n.get("id").asString(), kind(n), label(n),
                                n.get("communeCode").asString(null), 1);
                    });
                    var edges = row.get("links").asList(l -> new MapEdge(l.get(0).asString(), l.get(1).asString(),
                            l.get(2).asString(), 1));
                    return new NetworkPath(edges.size(), nodes, edges);
                }).one().orElse(null);
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
