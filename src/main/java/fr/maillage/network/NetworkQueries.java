package fr.maillage.network;

import java.util.HashMap;
import java.util.Map;

import fr.maillage.territories.TerritoryRef;

/** Cypher fragments shared by the network's reads and by the coverage feature. */
public final class NetworkQueries {

    /**
     * The condition that contract {@code r} (an EMPLOYED_BY relationship) runs on {@code day} (a Cypher expression):
     * begun, and not ended. The one reading of a running contract: an adviser's current employer is the employer of
     * its running contract. Imports and hires keep one running at a time: a new contract ends the one before it.
     */
    public static String running(String r, String day) {
        return "(%1$s.start <= %2$s AND (%1$s.end IS NULL OR %1$s.end >= %2$s))".formatted(r, day);
    }

    /** The condition that adviser {@code a} counts at {@code $today}: active, and under a running contract. */
    public static String activeAdviser(String a) {
        return activeAdviser(a, "$today");
    }

    /** The condition that adviser {@code a} counts on {@code day} (a Cypher expression), e.g. the day of an act. */
    public static String activeAdviser(String a, String day) {
        return "%1$s.status = 'ACTIVE' AND EXISTS { (%1$s)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE %2$s }"
                .formatted(a, running("activeContract", day));
    }

    /** An adviser {@code a} counts when active and under a contract running at {@code $today}. */
    public static final String ACTIVE_ADVISER = activeAdviser("a");

    /**
     * The condition that adviser {@code a} counts for employer {@code e} at {@code $today}: active, under a contract
     * with that employer running then (an earlier contract elsewhere, ended, does not count there).
     */
    public static String activeAdviserOf(String a, String e) {
        return activeAdviserOf(a, e, "$today");
    }

    /** The condition that adviser {@code a} counts for employer {@code e} on {@code day} (a Cypher expression). */
    public static String activeAdviserOf(String a, String e, String day) {
        return "%1$s.status = 'ACTIVE' AND EXISTS { (%1$s)-[activeContract:EMPLOYED_BY]->(%2$s) WHERE %3$s }"
                .formatted(a, e, running("activeContract", day));
    }

    /**
     * The communes {@code m} adviser {@code a} serves: those of its places, or, with no place, that of the employer of
     * its contract running at {@code $today}. The one reading of "serves" from the adviser's side (coverage counts
     * with it, write checks ask it).
     */
    public static final String SERVED_COMMUNES = """
            CALL (a) {
              MATCH (a)-[:WORKS_AT]->(:Place)-[:IN_COMMUNE]->(m:Commune) RETURN m
              UNION
              MATCH (a)-[r:EMPLOYED_BY]->(:Employer)-[:IN_COMMUNE]->(m:Commune)
              WHERE NOT (a)-[:WORKS_AT]->() AND %s
              RETURN m
            }
            """.formatted(running("r", "$today"));

    /**
     * The active advisers {@code a} serving commune {@code m}: {@link #SERVED_COMMUNES} read from the
     * commune's side (those working at a place there, and those with no place whose running contract's employer is
     * there). Anchored on the commune: {@code a} carries no label, else the planner would start from the index of
     * active advisers once per commune. An adviser under a running contract is active when its status is.
     */
    public static final String SERVING_ADVISERS = """
            CALL (m) {
                MATCH (m)<-[:IN_COMMUNE]-(:Place)<-[:WORKS_AT]-(a) WHERE %1$s
                RETURN a
                UNION
                MATCH (m)<-[:IN_COMMUNE]-(:Employer)<-[r:EMPLOYED_BY]-(a)
                WHERE %1$s AND %2$s
                  AND NOT (a)-[:WORKS_AT]->()
                RETURN a
              }""".formatted(activeAdviser("a"), running("r", "$today"));

    /**
     * The latest contract of adviser {@code a} (the one that started last), as a map {@code {r, employerId}} of the
     * EMPLOYED_BY relationship and its employer's id; null if none. The one reading of "its contract" (an adviser's
     * contract field, its employer's reach).
     */
    public static final String LATEST_CONTRACT = """
            head(COLLECT { MATCH (a)-[c:EMPLOYED_BY]->(e:Employer)
              RETURN {r: c, employerId: e.id} AS latest ORDER BY c.start DESC })""";

    /**
     * The territory codes an actor {@code n} (employer, place, partner, hub) placed in commune {@code c} carries,
     * copied from the commune: lists ({@link #within}) and access decisions read them without a walk. The one writing
     * of them: the network's writers compose it after linking {@code n} IN_COMMUNE {@code c}, and the Cypher files
     * under neo4j/ (loaders, migration V0013, and the territories' loader, which moves the copies when a new
     * referential moves a commune) carry this line verbatim (NetworkStatementsTests checks that they do).
     */
    public static final String LOCATE_IN_COMMUNE =
            "SET n.communeCode = c.code, n.epciCode = c.epciCode, n.departmentCode = c.departmentCode,"
                    + " n.regionCode = c.regionCode";

    private NetworkQueries() {
    }

    /**
     * The condition that commune {@code commune} lies within reach of employer {@code employer} (neighbouring
     * communes): in the employer's region, or in an EPCI having a commune in the employer's département (a bassin
     * de vie across a regional border).
     */
    public static String withinReach(String commune, String employer) {
        return ("(%1$s.regionCode = %2$s.regionCode OR EXISTS { MATCH (reach:Epci {code: %1$s.epciCode})"
                + " WHERE %2$s.departmentCode IN reach.departmentCodes })").formatted(commune, employer);
    }

    /**
     * The condition that coordinator {@code coordinator} covers commune {@code commune}: its perimeter holds the
     * commune, its EPCI, its département or its region.
     */
    public static String covers(String coordinator, String commune) {
        return ("(EXISTS { (%1$s)-[:COVERS]->(%2$s) } OR EXISTS { (%1$s)-[:COVERS]->(:Epci {code: %2$s.epciCode}) }"
                + " OR EXISTS { (%1$s)-[:COVERS]->(:Department {code: %2$s.departmentCode}) }"
                + " OR EXISTS { (%1$s)-[:COVERS]->(:Region {code: %2$s.regionCode}) })").formatted(coordinator, commune);
    }

    /**
     * The condition that an actor placed in a commune ({@code communeCode}, {@code departmentCode} and
     * {@code regionCode} copied on it) lies inside {@code within}; always true without a territory.
     */
    public static String within(String variable, TerritoryRef within) {
        if (within == null) {
            return "true";
        }
        return switch (within.level()) {
            case REGION -> variable + ".regionCode = $withinCode";
            case DEPARTMENT -> variable + ".departmentCode = $withinCode";
            case COMMUNE -> variable + ".communeCode = $withinCode";
            case EPCI -> variable + ".epciCode = $withinCode";
        };
    }

    public static Map<String, Object> withinParameters(TerritoryRef within, Map<String, Object> others) {
        var parameters = new HashMap<>(others);
        parameters.put("withinCode", within == null ? null : within.code());
        return parameters;
    }
}
