package fr.maillage.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.maillage.graphql.Keyset;
import fr.maillage.network.AdviserReader.AdviserPage;
import fr.maillage.territories.TerritoryRef;

/**
 * The statements of the lists of {@link ListReader}: each list filters on the territory by the rule
 * {@link NetworkQueries#within}, whose text depends on the territory's level; each variant's text is kept under
 * docs/cypher/network/lists/ (NetworkStatementsTests).
 */
final class ListStatements {

    private ListStatements() {
    }

    /**
     * Every actor {@code n} of a list match, in the order of its pages ({@link #byName}), with where it lies: the
     * name of its commune and its département.
     */
    private static final String BY_NAME = """

            WITH n ORDER BY n.name, n.id
            RETURN n, head([(n)-[:IN_COMMUNE]->(m:Commune) | m.name]) AS communeName,
              n.departmentCode AS departmentCode
            ORDER BY n.name, n.id""";

    /**
     * A page of the actors {@code n} (label {@code label}) that {@code match} finds once given the condition opening
     * its WHERE clause, in {@code within} (all France when null), sorted by name then id, and their total: a count,
     * and a top-N from the cursor on, instead of sorting every match into one list (13,666 places in region 84 at
     * scale 10 for a page of 50). {@code filtered}: a filter of the list is asked.
     */
    private static String page(String label, Function<String, String> match, TerritoryRef within, boolean filtered,
            RowReads reads) {
        var listed = match.apply(NetworkQueries.within("n", within));
        if (within != null) {
            return byName(counted(listed), listed, reads);
        }
        // all France: read from the index on names (migration 0015), a page's worth, instead of sorting every actor
        // of France for each page; counted by the label's count unless filtered. (The index leaves out an actor
        // without a name: every write of the service names them.)
        var total = filtered ? counted(listed) : "MATCH (n:%s) RETURN count(n) AS total".formatted(label);
        return byName(total, match.apply("n.name >= coalesce($afterSort, '')"), reads);
    }

    private static String counted(String match) {
        return match + "\n  RETURN count(n) AS total";
    }

    /** {@code total} counts the list, {@code match} (ending with a WHERE clause) its actors {@code n}. */
    private static String byName(String total, String match, RowReads reads) {
        return """
                CALL () {
                  %1$s
                }
                CALL () {
                  %2$s
                    AND ($afterSort IS NULL OR n.name > $afterSort OR (n.name = $afterSort AND n.id > $afterId))
                  WITH n, n.name AS sort ORDER BY sort, n.id LIMIT $fetch
                %3$s  RETURN collect({node: n, sort: sort%4$s}) AS page
                }
                RETURN total, page""".formatted(total, match, reads.advisers() == null ? ""
                        : AdviserReader.adviserPageCall("n", ADVISERS_OF_ROW, reads.advisers().withContracts(),
                                reads.advisers().withPlaces()).indent(2),
                (reads.commune() ? ", commune: head([(n)-[:IN_COMMUNE]->(m:Commune) | m])" : "")
                        + (reads.advisers() == null ? "" : ", advisers: advisers"));
    }

    /** The key of the page of advisers of row {@code n}: that of {@code $advisers}, for parent n. */
    private static final String ADVISERS_OF_ROW = "{parentId: n.id, coordinator: false,"
            + " activeOnly: $advisers.activeOnly, afterSort: $advisers.afterSort, afterId: $advisers.afterId,"
            + " fetch: $advisers.fetch}";

    /**
     * What a page reads with each of its actors because the request selects it: the actor's commune, and (employers)
     * its page of advisers {@code advisers}, whose parent is left blank. No further statement for them.
     */
    record RowReads(boolean commune, AdviserPage advisers) {

        static final RowReads NONE = new RowReads(false, null);

        Map<String, Object> parameters(LocalDate today) {
            return advisers == null ? Map.of()
                    : Map.of("advisers", AdviserReader.parameters(advisers, 0), "today", today);
        }
    }

    // Employers

    /** The employers {@code n} of a list, ending with a WHERE clause. */
    private static String employersMatch(TerritoryRef within) {
        return employersMatch(NetworkQueries.within("n", within));
    }

    private static String employersMatch(String condition) {
        return """
                MATCH (n:Employer) WHERE %s AND ($sector IS NULL OR n.sector = $sector)
                  AND ($legalKind IS NULL OR n.legalKind = $legalKind)""".formatted(condition);
    }

    /** {@code filtered}: a sector or a legal kind is asked. */
    static String employersPage(TerritoryRef within, boolean filtered, RowReads reads) {
        return page("Employer", ListStatements::employersMatch, within, filtered, reads);
    }

    static String everyEmployer(TerritoryRef within) {
        return employersMatch(within) + BY_NAME;
    }

    static Map<String, Object> employersParameters(TerritoryRef within, String sector, String legalKind,
            Map<String, Object> others) {
        var params = NetworkQueries.withinParameters(within, others);
        params.put("sector", sector);
        params.put("legalKind", legalKind);
        return params;
    }

    // Advisers

    /**
     * The advisers {@code a} serving a territory: those working in a place inside it, or, with no place, whose
     * employer is inside it (with {@code $activeOnly}, the employer of the contract running at {@code $today}: an
     * adviser who moved serves its new employer's commune, not the former one's); filtered.
     */
    private static String advisersMatch(TerritoryRef within) {
        return """
                CALL () {
                  MATCH (n:Place) WHERE %1$s
                  MATCH (a:Adviser)-[:WORKS_AT]->(n)
                  RETURN a
                  UNION
                  MATCH (n:Employer) WHERE %1$s
                  MATCH (a:Adviser)-[r:EMPLOYED_BY]->(n) WHERE NOT (a)-[:WORKS_AT]->() AND (NOT $activeOnly OR %3$s)
                  RETURN a
                }
                WITH a WHERE ($scheme IS NULL OR a.scheme = $scheme) AND (NOT $coordinatorsOnly OR a:Coordinator)
                  AND (NOT $activeOnly OR %2$s)
                """.formatted(NetworkQueries.within("n", within), NetworkQueries.ACTIVE_ADVISER,
                NetworkQueries.running("r", "$today"));
    }

    static String advisersPage(TerritoryRef within) {
        return advisersMatch(within) + """
                WITH a AS n, a.id AS sort ORDER BY sort
                WITH collect({node: n, sort: sort}) AS rows
                RETURN size(rows) AS total, %s AS page""".formatted(Keyset.PAGE);
    }

    /**
     * The rows of {@link ListReader#eachAdviser}: sorted on the advisers alone, then each row's contract, places and
     * scope read as the rows are pulled (the order the sort provides is kept: the database does not sort the rows
     * again).
     */
    static String everyAdviser(TerritoryRef within) {
        return advisersMatch(within) + """
                WITH a ORDER BY a.id
                WITH a, %s AS latest, %s AS places
                OPTIONAL MATCH (e:Employer {id: latest.employerId})
                OPTIONAL MATCH (m:Commune {code: head(places).p.communeCode})
                %s
                RETURN a, latest, places, e.name AS employerName, e.siret AS employerSiret, m.name AS placeCommuneName,
                  departments, regions, sirets, advisers
                ORDER BY a.id""".formatted(NetworkQueries.LATEST_CONTRACT, AdviserReader.PLACE_ASSIGNMENTS,
                ScopeReader.ADVISER_SCOPE);
    }

    static Map<String, Object> advisersParameters(TerritoryRef within, String scheme, boolean coordinatorsOnly,
            boolean activeOnly, LocalDate today, Map<String, Object> others) {
        var params = NetworkQueries.withinParameters(within, others);
        params.put("scheme", scheme);
        params.put("coordinatorsOnly", coordinatorsOnly);
        params.put("activeOnly", activeOnly);
        params.put("today", today);
        return params;
    }

    // Places

    private static String placesMatch(TerritoryRef within) {
        return placesMatch(NetworkQueries.within("n", within));
    }

    private static String placesMatch(String condition) {
        return """
                MATCH (n:Place) WHERE %s AND ($service IS NULL OR any(s IN n.services WHERE toLower(s) CONTAINS $service))"""
                .formatted(condition);
    }

    /** {@code filtered}: a service is asked. */
    static String placesPage(TerritoryRef within, boolean filtered, RowReads reads) {
        return page("Place", ListStatements::placesMatch, within, filtered, reads);
    }

    static String everyPlace(TerritoryRef within) {
        return placesMatch(within) + BY_NAME;
    }

    static Map<String, Object> placesParameters(TerritoryRef within, String service, Map<String, Object> others) {
        var params = NetworkQueries.withinParameters(within, others);
        params.put("service", service == null ? null : service.toLowerCase());
        return params;
    }

    // Partners

    private static String partnersMatch(TerritoryRef within) {
        return partnersMatch(NetworkQueries.within("n", within));
    }

    private static String partnersMatch(String condition) {
        return """
                MATCH (n:Partner) WHERE %s AND ($kinds IS NULL OR n.kind IN $kinds)""".formatted(condition);
    }

    /** {@code filtered}: kinds are asked. */
    static String partnersPage(TerritoryRef within, boolean filtered, RowReads reads) {
        return page("Partner", ListStatements::partnersMatch, within, filtered, reads);
    }

    static String everyPartner(TerritoryRef within) {
        return partnersMatch(within) + BY_NAME;
    }

    static Map<String, Object> partnersParameters(TerritoryRef within, List<String> kinds, Map<String, Object> others) {
        var params = NetworkQueries.withinParameters(within, others);
        params.put("kinds", kinds);
        return params;
    }
}
