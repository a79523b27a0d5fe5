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
        return "%1$s.status = 'ACTIVE' AND EXISTS { (%1$s)-[activeContract:EMPLOYED_BY]->(:Employer) WHERE %2$s }"
                .formatted(a, running("activeContract", "$today"));
    }

    /** An adviser {@code a} counts when active and under a contract running at {@code $today}. */
    public static final String ACTIVE_ADVISER = activeAdviser("a");

    /**
     * The condition that adviser {@code a} counts for employer {@code e} at {@code $today}: active, under a contract
     * with that employer running then (an earlier contract elsewhere, ended, does not count there).
     */
    public static String activeAdviserOf(String a, String e) {
        return "%1$s.status = 'ACTIVE' AND EXISTS { (%1$s)-[activeContract:EMPLOYED_BY]->(%2$s) WHERE %3$s }"
                .formatted(a, e, running("activeContract", "$today"));
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
            case EPCI -> "EXISTS { (" + variable + ")-[:IN_COMMUNE]->(:Commune)-[:IN_EPCI]->(:Epci {code: $withinCode}) }";
        };
    }

    public static Map<String, Object> withinParameters(TerritoryRef within, Map<String, Object> others) {
        var parameters = new HashMap<>(others);
        parameters.put("withinCode", within == null ? null : within.code());
        return parameters;
    }
}
