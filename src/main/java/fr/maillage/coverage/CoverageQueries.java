package fr.maillage.coverage;

import fr.maillage.territories.TerritoryLevel;

/**
 * The Cypher of coverage, anchored on communes: each commune says who serves it, who covers it and what it holds,
 * then communes are grouped by the territory they lie in. Parameters: {@code $today} (reference date).
 */
final class CoverageQueries {

    private CoverageQueries() {
    }

    /** Adviser or coordinator {@code v} active at {@code $today}: status and a running contract. */
    static String active(String v) {
        return v + ".status = 'ACTIVE' AND EXISTS { (" + v + ")-[k:EMPLOYED_BY]->(:Employer)"
                + " WHERE k.start <= $today AND (k.end IS NULL OR k.end >= $today) }";
    }

    /**
     * The active advisers serving commune {@code m}: those working at a place there, and those with no place whose
     * running contract's employer is there. Anchored on the commune: {@code a} carries no label, else the planner
     * would start from the index of active advisers once per commune.
     */
    static final String SERVED = """
            CALL (m) {
                MATCH (m)<-[:IN_COMMUNE]-(:Place)<-[:WORKS_AT]-(a) WHERE %s
                RETURN a
                UNION
                MATCH (m)<-[:IN_COMMUNE]-(:Employer)<-[r:EMPLOYED_BY]-(a)
                WHERE a.status = 'ACTIVE' AND r.start <= $today AND (r.end IS NULL OR r.end >= $today)
                  AND NOT (a)-[:WORKS_AT]->()
                RETURN a
              }""".formatted(active("a"));

    /**
     * Facts of commune {@code m}, carrying {@code pop}, {@code epciCode} (from {@link #PROPERTIES}) and the variable
     * {@code carry}: {@code places}, ids of the {@code advisers} serving it, of those {@code coordinated}, and of the
     * active {@code coordinators} covering it (directly, through its EPCI, its département or its region).
     */
    static String communeFacts(String carry) {
        return """
                CALL (m) {
                  %2$s
                  WITH DISTINCT a
                  RETURN collect(a.id) AS advisers, collect(CASE WHEN EXISTS {
                    MATCH (x:Coordinator)-[:COORDINATES]->(a) WHERE %3$s } THEN a.id END) AS coordinated
                }
                CALL (m) {
                  CALL (m) {
                    MATCH (m)<-[:COVERS]-(c:Coordinator) RETURN c
                    UNION
                    MATCH (m)-[:IN_EPCI]->(:Epci)<-[:COVERS]-(c:Coordinator) RETURN c
                    UNION
                    MATCH (m)-[:IN_DEPARTMENT]->(:Department)<-[:COVERS]-(c:Coordinator) RETURN c
                    UNION
                    MATCH (m)-[:IN_DEPARTMENT]->(:Department)-[:IN_REGION]->(:Region)<-[:COVERS]-(c:Coordinator) RETURN c
                  }
                  WITH c WHERE %4$s
                  RETURN collect(DISTINCT c.id) AS coordinators
                }
                CALL (m) {
                  OPTIONAL MATCH (m)<-[:IN_COMMUNE]-(p:Place)
                  RETURN count(p) AS places
                }
                WITH m, %1$s, pop, epciCode, places, advisers, coordinated, coordinators
                """.formatted(carry, SERVED, active("x"), active("c"));
    }

    /**
     * Groups the commune facts by {@code key} into one map {@code row} per group: population, communes, EPCI,
     * advisers, coordinated advisers and coordinators (each counted once), places, covered population and coverage
     * (share of the population; share of the communes when the group has no recorded population).
     */
    static final String GROUP = """
            WITH key, count(m) AS communes, sum(pop) AS population, sum(places) AS places,
              sum(CASE WHEN size(coordinators) > 0 THEN pop ELSE 0 END) AS coveredPopulation,
              sum(CASE WHEN size(coordinators) > 0 THEN 1 ELSE 0 END) AS coveredCommunes,
              count(DISTINCT epciCode) AS epcis,
              collect(advisers) AS adviserLists, collect(coordinated) AS coordinatedLists,
              collect(coordinators) AS coordinatorLists
            CALL (adviserLists) { UNWIND adviserLists AS ids UNWIND ids AS id RETURN count(DISTINCT id) AS advisers }
            CALL (coordinatedLists) { UNWIND coordinatedLists AS ids UNWIND ids AS id RETURN count(DISTINCT id) AS coordinated }
            CALL (coordinatorLists) { UNWIND coordinatorLists AS ids UNWIND ids AS id RETURN count(DISTINCT id) AS coordinators }
            WITH {code: key, communes: communes, population: population, places: places, epcis: epcis,
              coveredPopulation: coveredPopulation,
              coverage: CASE WHEN population > 0 THEN toFloat(coveredPopulation) / population
                             WHEN communes > 0 THEN toFloat(coveredCommunes) / communes ELSE 0.0 END,
              advisers: advisers, coordinated: coordinated, coordinators: coordinators} AS row
            """;

    /**
     * The properties of commune {@code m} read once into variables: reading them again after the subqueries trips
     * the 5.26 planner ("should not appear non-cached").
     */
    static final String PROPERTIES = "WITH m, m.code AS code, m.epciCode AS epciCode, m.departmentCode AS departmentCode,"
            + " m.regionCode AS regionCode, coalesce(m.population, 0) AS pop\n";

    /**
     * The property of a commune naming the territory of a level it lies in; {@link #PROPERTIES} reads it into a
     * variable of the same name.
     */
    static String property(TerritoryLevel level) {
        return switch (level) {
            case REGION -> "regionCode";
            case DEPARTMENT -> "departmentCode";
            case EPCI -> "epciCode";
            case COMMUNE -> "code";
        };
    }

    /**
     * Territories of {@code level} lacking what {@code $criteria} names (one answer row per criterion), largest
     * population first then code; with {@code within}, those having a commune inside {@code $withinCode}.
     */
    static String gaps(TerritoryLevel level, TerritoryLevel within) {
        var communes = within == null
                ? "MATCH (m:Commune) WHERE m.%s IS NOT NULL".formatted(property(level))
                : """
                  CALL () {
                    MATCH (m:Commune) WHERE m.%s = $withinCode
                    RETURN collect(DISTINCT m.%s) AS keys
                  }
                  MATCH (m:Commune) WHERE m.%s IN keys""".formatted(property(within), property(level), property(level));
        return communes + "\n" + PROPERTIES + "WITH m, pop, epciCode, " + property(level) + " AS key\n"
                + communeFacts("key") + GROUP + """
                WITH row ORDER BY row.population DESC, row.code
                WITH collect(row) AS rows
                UNWIND $criteria AS criterion
                WITH criterion, [r IN rows WHERE CASE criterion
                    WHEN 'COORDINATOR' THEN r.coverage = 0.0 OR ($partly AND r.coverage < 1.0)
                    WHEN 'ADVISER' THEN r.advisers = 0
                    ELSE r.places = 0 END] AS found
                RETURN criterion, size(found) AS total, reduce(p = 0, r IN found | p + r.population) AS population,
                  [r IN found WHERE $afterPopulation IS NULL OR r.population < $afterPopulation
                     OR (r.population = $afterPopulation AND r.code > $afterCode)][0..$fetch] AS page""";
    }

    /**
     * The figures of several groups at once ({@code $groups}: maps {level, code}; a null level is France), in one
     * pass over the communes.
     */
    static final String GROUPS = """
            MATCH (m:Commune)
            """ + PROPERTIES + """
            WITH m, pop, epciCode, [g IN $groups WHERE g.level IS NULL
                OR (g.level = 'REGION' AND regionCode = g.code) OR (g.level = 'DEPARTMENT' AND departmentCode = g.code)
                OR (g.level = 'EPCI' AND epciCode = g.code) OR (g.level = 'COMMUNE' AND code = g.code)
                | coalesce(g.level + ':' + g.code, 'FRANCE')] AS keys
            WHERE size(keys) > 0
            """ + communeFacts("keys") + "UNWIND keys AS key\n" + GROUP + "RETURN row";

    /**
     * The figures of every territory of a level, from the actors' side (no walk with subqueries over every commune):
     * base figures by commune property {@code %1$s}, then covered communes from the active coordinators' perimeters,
     * served communes from the active advisers, places by commune. Four lists keyed by territory code, joined by the
     * caller.
     */
    static String nationalFigures(TerritoryLevel level) {
        return """
                CALL () {
                  MATCH (m:Commune) WHERE m.%1$s IS NOT NULL
                  WITH m.%1$s AS key, count(m) AS communes, sum(coalesce(m.population, 0)) AS population,
                    count(DISTINCT m.epciCode) AS epcis
                  RETURN collect({key: key, communes: communes, population: population, epcis: epcis}) AS base
                }
                CALL () {
                  MATCH (c:Coordinator)-[:COVERS]->(t) WHERE %2$s
                  CALL (t) {
                    WITH t WHERE t:Commune RETURN t AS m
                    UNION
                    WITH t WHERE t:Epci MATCH (m:Commune)-[:IN_EPCI]->(t) RETURN m
                    UNION
                    WITH t WHERE t:Department MATCH (m:Commune)-[:IN_DEPARTMENT]->(t) RETURN m
                    UNION
                    WITH t WHERE t:Region MATCH (m:Commune {regionCode: t.code}) RETURN m
                  }
                  WITH DISTINCT c, m
                  WITH m.%1$s AS key, collect(DISTINCT c) AS coordinators, collect(DISTINCT m) AS covered
                  WHERE key IS NOT NULL
                  RETURN collect({key: key, coordinators: size(coordinators), coveredCommunes: size(covered),
                    coveredPopulation: reduce(total = 0, x IN covered | total + coalesce(x.population, 0))}) AS coverage
                }
                CALL () {
                  MATCH (a:Adviser) WHERE %3$s
                  CALL (a) {
                    MATCH (a)-[:WORKS_AT]->(:Place)-[:IN_COMMUNE]->(m:Commune) RETURN m
                    UNION
                    MATCH (a)-[r:EMPLOYED_BY]->(:Employer)-[:IN_COMMUNE]->(m:Commune)
                    WHERE NOT (a)-[:WORKS_AT]->() AND r.start <= $today AND (r.end IS NULL OR r.end >= $today)
                    RETURN m
                  }
                  WITH DISTINCT a, m.%1$s AS key
                  WHERE key IS NOT NULL
                  WITH key, count(a) AS advisers, sum(CASE WHEN EXISTS {
                    MATCH (x:Coordinator)-[:COORDINATES]->(a) WHERE %4$s } THEN 1 ELSE 0 END) AS coordinated
                  RETURN collect({key: key, advisers: advisers, coordinated: coordinated}) AS served
                }
                CALL () {
                  MATCH (:Place)-[:IN_COMMUNE]->(m:Commune)
                  WITH m.%1$s AS key, count(*) AS places
                  WHERE key IS NOT NULL
                  RETURN collect({key: key, places: places}) AS placed
                }
                RETURN base, coverage, served, placed""".formatted(property(level), active("c"), active("a"),
                active("x"));
    }

    /**
     * The figures of France, the same as {@link #GROUPS} would give under the key FRANCE, computed from the actors'
     * side instead of walking every commune: every active adviser serves some commune (a place's, or its running
     * contract's employer's), every active coordinator with a perimeter covers some, and the covered communes are the
     * perimeters' communes.
     */
    static final String NATIONAL = """
            CALL () {
              MATCH (m:Commune)
              RETURN count(m) AS communes, sum(coalesce(m.population, 0)) AS population,
                count(DISTINCT m.epciCode) AS epcis
            }
            CALL () {
              MATCH (c:Coordinator)-[:COVERS]->(t) WHERE %1$s
              CALL (t) {
                WITH t WHERE t:Commune RETURN t AS m
                UNION
                WITH t WHERE t:Epci MATCH (m:Commune)-[:IN_EPCI]->(t) RETURN m
                UNION
                WITH t WHERE t:Department MATCH (m:Commune)-[:IN_DEPARTMENT]->(t) RETURN m
                UNION
                WITH t WHERE t:Region MATCH (m:Commune {regionCode: t.code}) RETURN m
              }
              WITH DISTINCT m
              RETURN sum(coalesce(m.population, 0)) AS coveredPopulation, count(m) AS coveredCommunes
            }
            CALL () {
              MATCH (c:Coordinator) WHERE %1$s AND EXISTS { (c)-[:COVERS]->() }
              RETURN count(c) AS coordinators
            }
            CALL () {
              MATCH (a:Adviser) WHERE %2$s
              RETURN count(a) AS advisers, sum(CASE WHEN EXISTS {
                MATCH (x:Coordinator)-[:COORDINATES]->(a) WHERE %3$s } THEN 1 ELSE 0 END) AS coordinated
            }
            CALL () {
              MATCH (p:Place) WHERE EXISTS { (p)-[:IN_COMMUNE]->(:Commune) }
              RETURN count(p) AS places
            }
            RETURN {code: 'FRANCE', communes: communes, population: population, places: places, epcis: epcis,
              coveredPopulation: coveredPopulation,
              coverage: CASE WHEN population > 0 THEN toFloat(coveredPopulation) / population
                             WHEN communes > 0 THEN toFloat(coveredCommunes) / communes ELSE 0.0 END,
              advisers: advisers, coordinated: coordinated, coordinators: coordinators} AS row
            """.formatted(active("c"), active("a"), active("x"));

    /**
     * What lies inside a territory ({@code within} predicate on actors {@code n}), and what changes by
     * {@code $horizon}: contracts ending, communes losing their last adviser ({@code communes} predicate on
     * {@code m}). Lists bounded by {@code $limit}.
     */
    static String details(String within, String communes) {
        return (countBy("Place", "coalesce(n.services, [])", "placesByService")
                + countBy("Place", "coalesce(n.publics, [])", "placesByPublic")
                + countBy("Partner", "[n.kind]", "partnersByKind")
                + countBy("Employer", "[n.sector]", "employersBySector")
                + countBy("Employer", "[n.legalKind]", "employersByLegalKind") + """
                CALL () {
                  MATCH (m:Commune) WHERE %2$s
                  %3$s
                  WITH DISTINCT a
                  MATCH (a)-[r:EMPLOYED_BY]->(e:Employer)
                  WHERE r.start <= $today AND r.end >= $today AND r.end <= $horizon
                  WITH a, r, e ORDER BY r.end, a.id
                  RETURN count(*) AS endingCount,
                    collect({adviserId: a.id, end: r.end, employerName: e.name})[0..$limit] AS ending
                }
                CALL () {
                  MATCH (m:Commune) WHERE %2$s
                  WITH m, m.code AS code, coalesce(m.population, 0) AS population
                  CALL (m) {
                    %3$s
                    WITH DISTINCT a
                    RETURN count(a) AS serving, sum(CASE WHEN EXISTS { MATCH (a)-[later:EMPLOYED_BY]->(:Employer)
                      WHERE later.end IS NULL OR later.end > $horizon } THEN 0 ELSE 1 END) AS leaving
                  }
                  WITH code, population WHERE serving > 0 AND leaving = serving
                  ORDER BY population DESC, code
                  RETURN collect(code)[0..$limit] AS losing
                }
                RETURN placesByService, placesByPublic, partnersByKind, employersBySector, employersByLegalKind,
                  endingCount, ending, losing""").formatted(within, communes, SERVED);
    }

    /** Counts of the values of {@code values} over the actors {@code n} of a label inside {@code %1$s}, largest first. */
    private static String countBy(String label, String values, String column) {
        return """
                CALL () {
                  MATCH (n:%s) WHERE %%1$s
                  UNWIND %s AS code
                  WITH code, count(*) AS count ORDER BY count DESC, code
                  RETURN collect({code: code, count: count}) AS %s
                }
                """.formatted(label, values, column);
    }
}
