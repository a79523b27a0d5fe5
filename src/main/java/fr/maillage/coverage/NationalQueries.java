package fr.maillage.coverage;

import fr.maillage.network.NetworkQueries;
import fr.maillage.territories.TerritoryLevel;

/**
 * The figures of every territory of a level over the whole country, from the actors' side (no walk with subqueries
 * over every commune). Put together for a level (the commune property naming it) and for the figures asked; each
 * variant is kept under docs/cypher/coverage by CoverageStatementsTests.
 */
final class NationalQueries {

    private NationalQueries() {
    }

    /**
     * Base figures by commune property {@code %1$s}, then covered communes from the active coordinators' ({@code %2$s})
     * perimeters ({@code %3$s}: {@link CoverageQueries#PERIMETER}), then the advisers ({@code %4$s}) and the places
     * ({@code %5$s}). Four lists keyed by territory code, joined by the caller.
     */
    private static final String NATIONAL_FIGURES = """
            CALL () {
              MATCH (m:Commune) WHERE m.%1$s IS NOT NULL
              WITH m.%1$s AS key, count(m) AS communes, sum(coalesce(m.population, 0)) AS population,
                count(DISTINCT m.epciCode) AS epcis
              RETURN collect({key: key, communes: communes, population: population, epcis: epcis}) AS base
            }
            CALL () {
              MATCH (c:Coordinator)-[:COVERS]->(t) WHERE %2$s
              WITH t, collect(c) AS coordinators
              %3$s
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
            %4$s%5$sRETURN base, coverage, served, placed""";

    /**
     * Active advisers ({@code %2$s}) and coordinated ones by territory (commune property {@code %1$s}): the served
     * communes {@code %3$s} ({@link NetworkQueries#SERVED_COMMUNES}) of each active adviser. An adviser is coordinated
     * when an active coordinator ({@code %4$s}) coordinates it: the served advisers are grouped with the advisers of
     * the active coordinators (each coordinator checked once) instead of checking, for each of the advisers, its
     * coordinators.
     */
    private static final String SERVED_BY_KEY = """
            CALL () {
              CALL () {
                MATCH (a:Adviser) WHERE %2$s
            %3$s    WITH DISTINCT a, m.%1$s AS key
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

    private static final String NO_ADVISERS = "CALL () { RETURN [] AS served }\n";

    /** Places by territory (commune property {@code %1$s}). */
    private static final String PLACED_BY_KEY = """
            CALL () {
              MATCH (:Place)-[:IN_COMMUNE]->(m:Commune)
              WITH m.%1$s AS key, count(*) AS places
              WHERE key IS NOT NULL
              RETURN collect({key: key, places: places}) AS placed
            }
            """;

    private static final String NO_PLACES = "CALL () { RETURN [] AS placed }\n";

    /**
     * The figures of every territory of a level; without {@code advisers} or {@code places} those lists come back
     * empty (each costs a pass over the whole country).
     */
    static String nationalFigures(TerritoryLevel level, boolean advisers, boolean places) {
        var property = CoverageQueries.property(level);
        var served = advisers ? SERVED_BY_KEY.formatted(property, NetworkQueries.ACTIVE_ADVISER,
                NetworkQueries.SERVED_COMMUNES, NetworkQueries.activeAdviser("x")) : NO_ADVISERS;
        var placed = places ? PLACED_BY_KEY.formatted(property) : NO_PLACES;
        return NATIONAL_FIGURES.formatted(property, NetworkQueries.activeAdviser("c"), CoverageQueries.PERIMETER,
                served, placed);
    }
}
