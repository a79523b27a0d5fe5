package fr.maillage.coverage;

import fr.maillage.network.NetworkQueries;
import fr.maillage.territories.TerritoryLevel;

/**
 * The Cypher of the coverage figures. A few territories: anchored on their communes, found through the commune
 * indexes; each commune says who serves it and what it holds, then communes are grouped by the territory they lie in.
 * A whole level or France: from the actors' side. Parameters: {@code $today} (reference date). The statements are
 * put together for a level (the commune property naming it) and from the network's rules; each variant is kept
 * under docs/cypher/coverage by CoverageStatementsTests.
 */
final class CoverageQueries {

    private CoverageQueries() {
    }

    /** The active advisers {@code a} serving commune {@code m}: the network's rule, read from the commune. */
    static final String SERVED = NetworkQueries.SERVING_ADVISERS;

    /** The property of a commune naming the territory of a level it lies in. */
    static String property(TerritoryLevel level) {
        return switch (level) {
            case REGION -> "regionCode";
            case DEPARTMENT -> "departmentCode";
            case EPCI -> "epciCode";
            case COMMUNE -> "code";
        };
    }

    /**
     * The territories of a level (commune property {@code %2$s}, level {@code %3$s}) having a commune inside
     * {@code $withinCode} (commune property {@code %1$s}), as groups {level, code}.
     */
    private static final String SUB_GROUPS = """
            MATCH (m:Commune) WHERE m.%1$s = $withinCode AND m.%2$s IS NOT NULL
              RETURN collect(DISTINCT {level: '%3$s', code: m.%2$s}) AS subGroups""";

    private static final String NO_SUB_GROUPS = "RETURN [] AS subGroups";

    /**
     * The figures of the territories of {@code $groups} (maps {level, code}) and of the sub-groups {@code %1$s},
     * anchored on their communes. Two lists keyed by "LEVEL:code", joined by the caller: {@code base} (communes,
     * population, EPCI, places, advisers and coordinated advisers each counted once) and {@code coverage} (active
     * coordinators covering a commune, covered communes and population). Whether a coordinator is active is checked
     * once per coordinator, not once per commune it covers. {@code %2$s}: the advisers {@code a} serving commune
     * {@code m} ({@link #SERVED}); {@code %3$s}, {@code %4$s}: coordinators {@code x}, {@code c} active;
     * {@code %5$s}: the end, with or without the figures of France.
     */
    private static final String FIGURES = """
            CALL () {
              CALL () {
                %1$s
              }
              UNWIND $groups + subGroups AS g
              CALL (g) {
                MATCH (m:Commune) WHERE g.level = 'REGION' AND m.regionCode = g.code RETURN m
                UNION ALL
                MATCH (m:Commune) WHERE g.level = 'DEPARTMENT' AND m.departmentCode = g.code RETURN m
                UNION ALL
                MATCH (m:Commune) WHERE g.level = 'EPCI' AND m.epciCode = g.code RETURN m
                UNION ALL
                MATCH (m:Commune) WHERE g.level = 'COMMUNE' AND m.code = g.code RETURN m
              }
              WITH m, collect(g.level + ':' + g.code) AS keys
              RETURN collect({m: m, keys: keys}) AS anchored
            }
            CALL (anchored) {
              UNWIND anchored AS commune
              WITH commune.m AS m, commune.keys AS keys
              WITH m, keys, coalesce(m.population, 0) AS pop, m.epciCode AS epciCode
              CALL (m) {
                %2$s
                WITH DISTINCT a
                RETURN collect(a.id) AS advisers, collect(CASE WHEN EXISTS {
                  MATCH (x:Coordinator)-[:COORDINATES]->(a) WHERE %3$s } THEN a.id END) AS coordinated
              }
              CALL (m) {
                OPTIONAL MATCH (m)<-[:IN_COMMUNE]-(p:Place)
                RETURN count(p) AS places
              }
              UNWIND keys AS key
              WITH key, count(m) AS communes, sum(pop) AS population, sum(places) AS places,
                count(DISTINCT epciCode) AS epcis, collect(advisers) AS adviserLists,
                collect(coordinated) AS coordinatedLists
              CALL (adviserLists) { UNWIND adviserLists AS ids UNWIND ids AS id RETURN count(DISTINCT id) AS advisers }
              CALL (coordinatedLists) {
                UNWIND coordinatedLists AS ids UNWIND ids AS id RETURN count(DISTINCT id) AS coordinated
              }
              RETURN collect({key: key, communes: communes, population: population, places: places, epcis: epcis,
                advisers: advisers, coordinated: coordinated}) AS base
            }
            CALL (anchored) {
              UNWIND anchored AS commune
              WITH commune, commune.m AS m
              CALL (m) {
                MATCH (m)<-[:COVERS]-(c:Coordinator) RETURN c
                UNION
                MATCH (m)-[:IN_EPCI]->(:Epci)<-[:COVERS]-(c:Coordinator) RETURN c
                UNION
                MATCH (m)-[:IN_DEPARTMENT]->(:Department)<-[:COVERS]-(c:Coordinator) RETURN c
                UNION
                MATCH (m)-[:IN_DEPARTMENT]->(:Department)-[:IN_REGION]->(:Region)<-[:COVERS]-(c:Coordinator) RETURN c
              }
              WITH c, collect(commune) AS covered
              WHERE %4$s
              UNWIND covered AS commune
              UNWIND commune.keys AS key
              WITH key, collect(DISTINCT c) AS coordinators, collect(DISTINCT commune.m) AS covered
              RETURN collect({key: key, coordinators: size(coordinators), coveredCommunes: size(covered),
                coveredPopulation: reduce(total = 0, m IN covered | total + coalesce(m.population, 0))}) AS coverage
            }
            %5$s""";

    private static final String WITHOUT_FRANCE = "RETURN base, coverage";

    /** The end of {@link #FIGURES} with the figures of France ({@code %s}: {@link #NATIONAL}). */
    private static final String WITH_FRANCE = """
            CALL () {
            %s}
            RETURN base, coverage, row AS france""";

    /**
     * The figures of territories: those of {@code $groups} and, with {@code sub}, every territory of that level having
     * a commune inside {@code $withinCode} (of level {@code within}). With {@code withFrance}, also the figures of
     * France in {@code france}: one statement for a diagnosis.
     */
    static String figures(TerritoryLevel sub, TerritoryLevel within, boolean withFrance) {
        var subGroups = sub == null ? NO_SUB_GROUPS : SUB_GROUPS.formatted(property(within), property(sub), sub.name());
        return FIGURES.formatted(subGroups, SERVED, NetworkQueries.activeAdviser("x"),
                NetworkQueries.activeAdviser("c"), withFrance ? WITH_FRANCE.formatted(NATIONAL) : WITHOUT_FRANCE);
    }

    /**
     * The communes {@code m} of a covered territory {@code t}. Callers first reduce to distinct territories: expanding
     * once per coordinator and territory made about 1.3 million rows at scale 10 (a region is covered by dozens).
     */
    static final String PERIMETER = """
            CALL (t) {
                WITH t WHERE t:Commune RETURN t AS m
                UNION
                WITH t WHERE t:Epci MATCH (m:Commune)-[:IN_EPCI]->(t) RETURN m
                UNION
                WITH t WHERE t:Department MATCH (m:Commune)-[:IN_DEPARTMENT]->(t) RETURN m
                UNION
                WITH t WHERE t:Region MATCH (m:Commune {regionCode: t.code}) RETURN m
              }""";

    /**
     * The figures of France, computed from the actors' side instead of walking every commune: every active adviser
     * serves some commune (a place's, or its running contract's employer's), every active coordinator with a
     * perimeter covers some, and the covered communes are the perimeters' communes. Coordinated advisers are found
     * from the active coordinators (each checked once), and a place's IN_COMMUNE always leads to a commune (a degree
     * check instead of an expansion). {@code %1$s}, {@code %2$s}, {@code %3$s}: {@code c}, {@code a}, {@code x}
     * active; {@code %4$s}: {@link #PERIMETER}.
     */
    static final String NATIONAL = """
            CALL () {
              MATCH (m:Commune)
              RETURN count(m) AS communes, sum(coalesce(m.population, 0)) AS population,
                count(DISTINCT m.epciCode) AS epcis
            }
            CALL () {
              MATCH (c:Coordinator)-[:COVERS]->(t) WHERE %1$s
              WITH DISTINCT t
              WITH collect(t) AS covered
              WITH covered, [t IN covered WHERE t:Region | t.code] AS regions
              UNWIND covered AS t
              // a territory lying wholly in covered regions adds no commune
              WITH t WHERE t:Region OR NOT ((t:Department OR t:Commune) AND t.regionCode IN regions
                OR t:Epci AND all(r IN t.regionCodes WHERE r IN regions))
              %4$s
              WITH DISTINCT m
              RETURN sum(coalesce(m.population, 0)) AS coveredPopulation, count(m) AS coveredCommunes
            }
            CALL () {
              MATCH (c:Coordinator) WHERE %1$s AND EXISTS { (c)-[:COVERS]->() }
              RETURN count(c) AS coordinators
            }
            CALL () {
              MATCH (a:Adviser) WHERE %2$s
              RETURN count(a) AS advisers
            }
            CALL () {
              MATCH (x:Coordinator) WHERE %3$s
              MATCH (x)-[:COORDINATES]->(a:Adviser)
              WITH DISTINCT a WHERE %2$s
              RETURN count(a) AS coordinated
            }
            CALL () {
              MATCH (p:Place) WHERE EXISTS { (p)-[:IN_COMMUNE]->() }
              RETURN count(p) AS places
            }
            RETURN {code: 'FRANCE', communes: communes, population: population, places: places, epcis: epcis,
              coveredPopulation: coveredPopulation,
              coverage: CASE WHEN population > 0 THEN toFloat(coveredPopulation) / population
                             WHEN communes > 0 THEN toFloat(coveredCommunes) / communes ELSE 0.0 END,
              advisers: advisers, coordinated: coordinated, coordinators: coordinators} AS row
            """.formatted(NetworkQueries.activeAdviser("c"), NetworkQueries.ACTIVE_ADVISER,
            NetworkQueries.activeAdviser("x"), PERIMETER);
}
