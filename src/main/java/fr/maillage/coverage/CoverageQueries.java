package fr.maillage.coverage;

import fr.maillage.network.NetworkQueries;
import fr.maillage.territories.TerritoryLevel;

/**
 * The Cypher of coverage. A few territories: anchored on their communes, found through the commune indexes; each
 * commune says who serves it and what it holds, then communes are grouped by the territory they lie in. A whole level
 * or France: from the actors' side. Parameters: {@code $today} (reference date).
 */
final class CoverageQueries {

    private CoverageQueries() {
    }

    /** Adviser or coordinator {@code v} active at {@code $today}: status and a running contract. */
    static String active(String v) {
        return NetworkQueries.activeAdviser(v);
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
                WHERE a.status = 'ACTIVE' AND %s
                  AND NOT (a)-[:WORKS_AT]->()
                RETURN a
              }""".formatted(active("a"), NetworkQueries.running("r", "$today"));

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
     * The figures of territories, anchored on their communes through the commune indexes: those of {@code $groups}
     * (maps {level, code}) and, with {@code sub}, every territory of that level having a commune inside
     * {@code $withinCode} (of level {@code within}). Two lists keyed by "LEVEL:code", joined by the caller:
     * {@code base} (communes, population, EPCI, places, advisers and coordinated advisers each counted once) and
     * {@code coverage} (active coordinators covering a commune, covered communes and population). Whether a
     * coordinator is active is checked once per coordinator, not once per commune it covers. With
     * {@code withFrance}, also the figures of France ({@link #NATIONAL}) in {@code france}: one statement for a
     * diagnosis.
     */
    static String figures(TerritoryLevel sub, TerritoryLevel within, boolean withFrance) {
        var subGroups = sub == null ? "RETURN [] AS subGroups" : """
                MATCH (m:Commune) WHERE m.%1$s = $withinCode AND m.%2$s IS NOT NULL
                  RETURN collect(DISTINCT {level: '%3$s', code: m.%2$s}) AS subGroups"""
                .formatted(property(within), property(sub), sub.name());
        return """
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
                %5$s""".formatted(subGroups, SERVED, active("x"), active("c"), withFrance
                ? "CALL () {\n" + NATIONAL + "}\nRETURN base, coverage, row AS france" : "RETURN base, coverage");
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
     * The figures of every territory of a level, from the actors' side (no walk with subqueries over every commune):
     * base figures by commune property {@code %1$s}, then covered communes from the active coordinators' perimeters,
     * served communes from the active advisers, places by commune. Four lists keyed by territory code, joined by the
     * caller. An adviser is coordinated when an active coordinator coordinates it: the served advisers are grouped
     * with the advisers of the active coordinators (each coordinator checked once) instead of checking, for each of
     * the advisers, its coordinators. Without {@code advisers} or {@code places} those lists come back empty.
     */
    static String nationalFigures(TerritoryLevel level, boolean advisers, boolean places) {
        return ("""
                CALL () {
                  MATCH (m:Commune) WHERE m.%1$s IS NOT NULL
                  WITH m.%1$s AS key, count(m) AS communes, sum(coalesce(m.population, 0)) AS population,
                    count(DISTINCT m.epciCode) AS epcis
                  RETURN collect({key: key, communes: communes, population: population, epcis: epcis}) AS base
                }
                CALL () {
                  MATCH (c:Coordinator)-[:COVERS]->(t) WHERE %2$s
                  WITH t, collect(c) AS coordinators
                  %5$s
                  WITH t, coordinators, m.%1$s AS key, collect(m) AS communes
                  WHERE key IS NOT NULL
                  WITH key, collect(communes) AS communeLists, collect(coordinators) AS coordinatorLists
                  CALL (communeLists) {
                    UNWIND communeLists AS communes UNWIND communes AS m
                    WITH DISTINCT m
                    RETURN count(m) AS coveredCommunes, sum(coalesce(m.population, 0)) AS coveredPopulation
                  }
                  CALL (coordinatorLists) {
                    UNWIND coordinatorLists AS coordinators UNWIND coordinators AS c
                    RETURN count(DISTINCT c) AS coordinators
                  }
                  RETURN collect({key: key, coordinators: coordinators, coveredCommunes: coveredCommunes,
                    coveredPopulation: coveredPopulation}) AS coverage
                }
                """ + (advisers ? SERVED_BY_KEY : "CALL () { RETURN [] AS served }\n")
                + (places ? PLACED_BY_KEY : "CALL () { RETURN [] AS placed }\n")
                + "RETURN base, coverage, served, placed").formatted(property(level), active("c"), active("a"),
                active("x"), PERIMETER);
    }

    /** Active advisers and coordinated ones by territory of the level ({@code %1$s}), for {@link #nationalFigures}. */
    private static final String SERVED_BY_KEY = """
                CALL () {
                  CALL () {
                    MATCH (a:Adviser) WHERE %3$s
                """ + NetworkQueries.SERVED_COMMUNES + """
                    WITH DISTINCT a, m.%1$s AS key
                    WHERE key IS NOT NULL
                    RETURN a, key, 0 AS coordinated
                    UNION ALL
                    MATCH (x:Coordinator) WHERE %4$s
                    MATCH (x)-[:COORDINATES]->(a:Adviser)
                    RETURN DISTINCT a, null AS key, 1 AS coordinated
                  }
                  WITH a, collect(key) AS keys, max(coordinated) AS coordinated
                  UNWIND keys AS key
                  WITH key, count(a) AS advisers, sum(coordinated) AS coordinated
                  RETURN collect({key: key, advisers: advisers, coordinated: coordinated}) AS served
                }
                """;

    /** Places by territory of the level ({@code %1$s}), for {@link #nationalFigures}. */
    private static final String PLACED_BY_KEY = """
                CALL () {
                  MATCH (:Place)-[:IN_COMMUNE]->(m:Commune)
                  WITH m.%1$s AS key, count(*) AS places
                  WHERE key IS NOT NULL
                  RETURN collect({key: key, places: places}) AS placed
                }
                """;

    /**
     * The figures of France, computed from the actors' side instead of walking every commune: every active adviser serves some commune (a place's, or its running
     * contract's employer's), every active coordinator with a perimeter covers some, and the covered communes are the
     * perimeters' communes. Coordinated advisers are found from the active coordinators (each checked once), and a
     * place's IN_COMMUNE always leads to a commune (a degree check instead of an expansion).
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
            """.formatted(active("c"), active("a"), active("x"), PERIMETER);

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
