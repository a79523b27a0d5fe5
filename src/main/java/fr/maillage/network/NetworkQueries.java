package fr.maillage.network;

import java.util.HashMap;
import java.util.Map;

import fr.maillage.territories.TerritoryRef;

/** Cypher fragments shared by the network's reads and by the coverage feature. */
public final class NetworkQueries {

    /** An adviser counts when active and under a contract running at {@code $today}. */
    public static final String ACTIVE_ADVISER = "a.status = 'ACTIVE' AND EXISTS { (a)-[r:EMPLOYED_BY]->(:Employer)"
            + " WHERE r.start <= $today AND (r.end IS NULL OR r.end >= $today) }";

    private NetworkQueries() {
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
