package fr.maillage.coverage;

import fr.maillage.network.NetworkQueries;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;

/**
 * What lies inside a territory, and what changes by {@code $horizon}, for a diagnosis. Put together for the level of
 * the territory; each variant is kept under docs/cypher/coverage by CoverageStatementsTests.
 */
final class DetailQueries {

    private DetailQueries() {
    }

    /**
     * Counts of the values {@code %3$s} over the actors {@code n} of label {@code %1$s} inside the territory
     * ({@code %2$s}), largest first, as column {@code %4$s}.
     */
    private static final String COUNT_BY = """
            CALL () {
              MATCH (n:%1$s) WHERE %2$s
              UNWIND %3$s AS code
              WITH code, count(*) AS count ORDER BY count DESC, code
              RETURN collect({code: code, count: count}) AS %4$s
            }
            """;

    /**
     * The counts of places by service and by public, partners by kind, employers by sector and by legal kind
     * ({@code %1$s}, from {@link #COUNT_BY}); the contracts of the advisers serving the territory's communes
     * ({@code %2$s} on {@code m}; {@code %3$s}: {@link CoverageQueries#SERVED}) that end by {@code $horizon}, and the
     * communes whose every adviser leaves by then. Lists bounded by {@code $limit}.
     */
    private static final String DETAILS = """
            %1$sCALL () {
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
              endingCount, ending, losing""";

    /** The details of a territory of {@code level}, code {@code $withinCode}. */
    static String details(TerritoryLevel level) {
        var within = NetworkQueries.within("n", new TerritoryRef(level, ""));
        var counts = COUNT_BY.formatted("Place", within, "coalesce(n.services, [])", "placesByService")
                + COUNT_BY.formatted("Place", within, "coalesce(n.publics, [])", "placesByPublic")
                + COUNT_BY.formatted("Partner", within, "[n.kind]", "partnersByKind")
                + COUNT_BY.formatted("Employer", within, "[n.sector]", "employersBySector")
                + COUNT_BY.formatted("Employer", within, "[n.legalKind]", "employersByLegalKind");
        return DETAILS.formatted(counts, "m." + CoverageQueries.property(level) + " = $withinCode",
                CoverageQueries.SERVED);
    }
}
