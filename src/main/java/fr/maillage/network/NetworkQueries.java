package fr.maillage.network;

import java.util.HashMap;
import java.util.Map;

import fr.maillage.territories.TerritoryRef;

/** Cypher fragments shared by the network's reads and by the coverage feature. */
public final class NetworkQueries {

    /** An adviser counts when active and under a contract running at {@code $today}. */
    public static final String ACTIVE_ADVISER = "a.status = 'ACTIVE' AND EXISTS { (a)-[r:EMPLOYED_BY]->(:Employer)"
            + " WHERE r.start <= $today AND (r.end IS NULL OR r.end >= $today) }";

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
              WHERE NOT (a)-[:WORKS_AT]->() AND r.start <= $today AND (r.end IS NULL OR r.end >= $today)
              RETURN m
            }
            """;

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
