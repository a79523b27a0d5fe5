package fr.maillage.network;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import fr.maillage.database.Cypher;
import fr.maillage.security.Scope;
import fr.maillage.territories.TerritoryRef;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Where actors lie, for access decisions: their scopes, and whether they are within reach of one another. */
@Repository
@Transactional(readOnly = true)
class ScopeReader {

    /**
     * The scope of adviser {@code a} on {@code $day} (today when null), as the lists {@code departments},
     * {@code regions}, {@code sirets} and {@code advisers} of a {@link Scope}: the départements and regions of its
     * places and of the employers of its contracts running that day (or not yet begun), those employers' SIRET, the
     * adviser itself and its coordinators. The one reading of an adviser's scope, for its personal data and writes.
     */
    static final String ADVISER_SCOPE = adviserScope("a",
            "[(a)-[r:EMPLOYED_BY]->(e:Employer) WHERE r.end IS NULL OR r.end >= coalesce($day, date()) | e]");

    static final String ADVISER_SCOPES = """
            UNWIND $ids AS id
            MATCH (a:Adviser {id: id})
            """ + ADVISER_SCOPE + """
            RETURN id, departments, regions, sirets, advisers""";

    /**
     * The scope of each adviser of {@code $pairs} ({id, day}) as it was on that day, for what it did then: only the
     * employers of its contracts running that day, not one it joined later.
     */
    static final String ADVISER_SCOPES_ON = """
            UNWIND $pairs AS pair
            MATCH (a:Adviser {id: pair.id})
            WITH a, pair, pair.day AS day
            """ + adviserScope("a, day", "[(a)-[r:EMPLOYED_BY]->(e:Employer) WHERE " + NetworkQueries.running("r", "day")
            + " | e]") + """
            RETURN pair.id AS id, pair.day AS day, departments, regions, sirets, advisers""";

    /** The subquery reading the scope of adviser {@code a}, its employers being {@code employers}. */
    private static String adviserScope(String imported, String employers) {
        return """
                CALL (%s) {
                  WITH a, %s
                    AS employers
                  RETURN [(a)-[:WORKS_AT]->(p:Place) | p.departmentCode] + [e IN employers | e.departmentCode] AS departments,
                    [(a)-[:WORKS_AT]->(p:Place) | p.regionCode] + [e IN employers | e.regionCode] AS regions,
                    [e IN employers | e.siret] AS sirets,
                    [a.id] + [(c:Coordinator)-[:COORDINATES]->(a) | c.id] AS advisers
                }
                """.formatted(imported, employers);
    }

    private static final String PERIMETER_REGIONS = """
            MATCH (c:Coordinator) WHERE c.id IN $ids
            OPTIONAL MATCH (c)-[:COVERS]->(t)
            WITH c, collect(CASE WHEN t:Region THEN [t.code] WHEN t:Epci THEN t.regionCodes
              WHEN t IS NULL THEN [] ELSE [t.regionCode] END) AS lists
            RETURN c.id AS id, reduce(all = [], list IN lists | all + list) AS regions""";

    /** The employer of actor {@code $id}: an employer itself, or the employer of an adviser's latest contract. */
    static final String REACHING_EMPLOYER = """
            OPTIONAL MATCH (x:Employer {id: $id})
            OPTIONAL MATCH (a:Adviser {id: $id})
            RETURN coalesce(x.id, CASE WHEN a IS NULL THEN null ELSE %s.employerId END) AS employerId"""
            .formatted(NetworkQueries.LATEST_CONTRACT);

    /** Of advisers {@code $ids}, those serving a commune of the perimeter of coordinator {@code $coordinatorId}. */
    static final String SERVING_PERIMETER = """
            MATCH (c:Coordinator {id: $coordinatorId})
            UNWIND $ids AS id
            MATCH (a:Adviser {id: id})
            """ + NetworkQueries.SERVED_COMMUNES + """
            WITH c, a, m WHERE %s
            RETURN collect(DISTINCT a.id) AS ids""".formatted(NetworkQueries.covers("c", "m"));

    private final Neo4jClient neo4j;

    ScopeReader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /**
     * The scope of each adviser as it stands on {@code day} (today when null): départements and regions of its
     * places and of its current employer (a contract not yet begun counts: it is the employer's), that employer's
     * SIRET, the adviser itself and its coordinators.
     */
    Map<String, Scope> adviserScopes(Collection<String> adviserIds, LocalDate day) {
        var found = new HashMap<String, Scope>();
        neo4j.query(ADVISER_SCOPES).bindAll(Cypher.parameters("day", day, "ids", List.copyOf(adviserIds)))
                .fetchAs(IdScope.class).mappedBy((types, row) -> new IdScope(row.get("id").asString(), scope(row)))
                .all().forEach(x -> found.put(x.id(), x.scope()));
        return found;
    }

    /** The scope of each adviser on each day of {@code pairs}, for what it did that day; absent advisers absent. */
    Map<AdviserDay, Scope> adviserScopesOn(Collection<AdviserDay> pairs) {
        var found = new HashMap<AdviserDay, Scope>();
        var rows = pairs.stream().distinct().map(p -> Map.<String, Object>of("id", p.adviserId(), "day", p.day())).toList();
        neo4j.query(ADVISER_SCOPES_ON).bind(rows).to("pairs").fetchAs(DayScope.class)
                .mappedBy((types, row) -> new DayScope(new AdviserDay(row.get("id").asString(),
                        row.get("day").asLocalDate()), scope(row)))
                .all().forEach(x -> found.put(x.pair(), x.scope()));
        return found;
    }

    /**
     * The scope of each coordinator for a hub that would support it: its scope as an adviser, plus the regions of
     * its perimeter. Ids that are not coordinators are absent.
     */
    Map<String, Scope> coordinatorScopes(Collection<String> coordinatorIds) {
        var advisers = adviserScopes(coordinatorIds, null);
        var found = new HashMap<String, Scope>();
        neo4j.query(PERIMETER_REGIONS).bind(List.copyOf(coordinatorIds)).to("ids").fetchAs(IdScope.class)
                .mappedBy((types, row) -> new IdScope(row.get("id").asString(),
                        Scope.of(List.of(), strings(row.get("regions")), List.of(), List.of())))
                .all().forEach(x -> found.put(x.id(), advisers.getOrDefault(x.id(), Scope.NOWHERE).plus(x.scope())));
        return found;
    }

    /**
     * The scope of located actors of label {@code label} (a label expression such as {@code Employer|Hub|Partner})
     * by id: the département and region of their commune, the regions a hub covers, their SIRET. Absent ids are
     * absent.
     */
    Map<String, Scope> actorScopes(String label, Collection<String> ids) {
        var found = new HashMap<String, Scope>();
        neo4j.query(actorScopesOf(label)).bind(ids.stream().filter(Objects::nonNull).toList()).to("ids")
                .fetchAs(IdScope.class).mappedBy((types, row) -> new IdScope(row.get("id").asString(), scope(row)))
                .all().forEach(x -> found.put(x.id(), x.scope()));
        return found;
    }

    /** The scopes of the actors {@code $ids} of label expression {@code label}. */
    static String actorScopesOf(String label) {
        return """
                MATCH (n:%s) WHERE n.id IN $ids
                RETURN n.id AS id, [x IN [n.departmentCode] WHERE x IS NOT NULL] AS departments,
                  [x IN [n.regionCode] WHERE x IS NOT NULL] + [(n)-[:COVERS]->(r:Region) | r.code] AS regions,
                  [x IN [n.siret] WHERE x IS NOT NULL] AS sirets, [] AS advisers""".formatted(label);
    }

    /**
     * The employer whose reach bounds where an actor works: an employer itself, or the employer of an adviser's
     * latest contract; null when there is none.
     */
    String reachingEmployer(String actorId) {
        if (actorId == null) {
            return null;
        }
        return neo4j.query(REACHING_EMPLOYER).bind(actorId).to("id").fetchAs(String.class).one().orElse(null);
    }

    /**
     * Of the located actors {@code ids} of label {@code label} (places, partners), those out of reach of employer
     * {@code employerId} ({@link NetworkQueries#withinReach}); all of them when the employer or the actor is absent.
     */
    Set<String> outOfReach(String employerId, String label, Collection<String> ids) {
        return Set.copyOf(neo4j.query(outOfReachOf(label))
                .bindAll(Cypher.parameters("employerId", employerId, "ids", List.copyOf(ids)))
                .fetchAs(Ids.class).mappedBy((types, row) -> new Ids(strings(row.get("ids")))).one()
                .map(Ids::ids).orElse(List.of()));
    }

    /** Of actors {@code $ids} of label {@code label}, those out of reach of employer {@code $employerId}. */
    static String outOfReachOf(String label) {
        return """
                OPTIONAL MATCH (e:Employer {id: $employerId})
                WITH e
                UNWIND $ids AS id
                OPTIONAL MATCH (n:%s {id: id})-[:IN_COMMUNE]->(m:Commune)
                WITH id, e, m
                WHERE e IS NULL OR m IS NULL OR NOT %s
                RETURN collect(DISTINCT id) AS ids""".formatted(label, NetworkQueries.withinReach("m", "e"));
    }

    /**
     * Of the advisers {@code adviserIds}, those serving ({@link NetworkQueries#SERVED_COMMUNES}) at least one
     * commune of the perimeter of coordinator {@code coordinatorId} on {@code today}.
     */
    Set<String> servingPerimeter(String coordinatorId, Collection<String> adviserIds, LocalDate today) {
        return Set.copyOf(neo4j.query(SERVING_PERIMETER).bindAll(Cypher.parameters("coordinatorId", coordinatorId,
                "ids", List.copyOf(adviserIds), "today", today))
                .fetchAs(Ids.class).mappedBy((types, row) -> new Ids(strings(row.get("ids")))).one()
                .map(Ids::ids).orElse(List.of()));
    }

    /** The scope of a place in the referential, for actors about to be created there. */
    Scope territoryScope(TerritoryRef ref) {
        if (ref == null || ref.code() == null) {
            return null;
        }
        return neo4j.query(territoryScopeOf(ref.level())).bind(ref.code()).to("code").fetchAs(Scope.class)
                .mappedBy((types, row) -> scope(row)).one().orElse(null);
    }

    /** The départements and regions of territory {@code $code} of level {@code level}. */
    static String territoryScopeOf(fr.maillage.territories.TerritoryLevel level) {
        var match = switch (level) {
            case COMMUNE -> "MATCH (t:Commune {code: $code}) RETURN [t.departmentCode] AS departments, [t.regionCode] AS regions";
            case DEPARTMENT -> "MATCH (t:Department {code: $code}) RETURN [t.code] AS departments, [t.regionCode] AS regions";
            case EPCI -> "MATCH (t:Epci {code: $code}) RETURN t.departmentCodes AS departments, t.regionCodes AS regions";
            case REGION -> "MATCH (t:Region {code: $code}) RETURN t.departmentCodes AS departments, [t.code] AS regions";
        };
        return match + ", [] AS sirets, [] AS advisers";
    }

    /** A scope read from the lists {@code departments}, {@code regions}, {@code sirets} and {@code advisers}. */
    static Scope scope(Record row) {
        return Scope.of(strings(row.get("departments")), strings(row.get("regions")), strings(row.get("sirets")),
                strings(row.get("advisers")));
    }

    /** The non-null items of a list, as strings; none for null. */
    static List<String> strings(Value list) {
        return list.isNull() ? List.of() : list.asList(Value::asObject).stream().filter(Objects::nonNull)
                .map(String::valueOf).toList();
    }

    private record DayScope(AdviserDay pair, Scope scope) {
    }

    private record IdScope(String id, Scope scope) {
    }

    private record Ids(List<String> ids) {
    }
}
