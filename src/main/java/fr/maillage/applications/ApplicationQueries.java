package fr.maillage.applications;

import fr.maillage.network.NetworkQueries;

/**
 * The Cypher fragments the application readers share: the communes of a zone, and the structures to consult. The
 * statements built with them are kept whole under docs/cypher/applications (ApplicationCypherTests).
 */
final class ApplicationQueries {

    private ApplicationQueries() {
    }

    /** The communes of zone territory {@code t} (a map with level and code), each level through its own index. */
    static final String ZONE_COMMUNES = """
            CALL (t) {
              MATCH (m:Commune {code: t.code}) WHERE t.level = 'COMMUNE' RETURN m
              UNION
              MATCH (m:Commune {epciCode: t.code}) WHERE t.level = 'EPCI' RETURN m
              UNION
              MATCH (m:Commune {departmentCode: t.code}) WHERE t.level = 'DEPARTMENT' RETURN m
              UNION
              MATCH (m:Commune {regionCode: t.code}) WHERE t.level = 'REGION' RETURN m
            }
            """;

    /** Zone territories of application {@code a}, as maps {@code t}, from its stored references, then their communes. */
    static final String ZONE_OF_APPLICATION = """
            UNWIND a.perimeterRefs AS ref
            WITH a, {level: split(ref, ':')[0], code: split(ref, ':')[1]} AS t
            """ + ZONE_COMMUNES;

    /**
     * The structures employing active advisers who serve the communes {@code communes} at {@code day}: the same
     * reading of "serves" as coverage (a place there, or, for advisers without a place, the employer of the contract
     * running that day there: a former employer, whose contract ended, is not asked), the applicant left out.
     */
    static final String EMPLOYERS_SERVING = """
            CALL (communes, day, applicantId) {
              UNWIND communes AS m
              CALL (m, day) {
                MATCH (m)<-[:IN_COMMUNE]-(:Place)<-[:WORKS_AT]-(x:Adviser) RETURN x
                UNION
                MATCH (m)<-[:IN_COMMUNE]-(:Employer)<-[r:EMPLOYED_BY]-(x:Adviser) WHERE NOT (x)-[:WORKS_AT]->()
                  AND %s
                RETURN x
              }
              WITH DISTINCT x, day, applicantId
              MATCH (x)-[:EMPLOYED_BY]->(e:Employer)
              WHERE %s AND e.id <> applicantId
              RETURN collect(DISTINCT e.id) AS required
            }
            """.formatted(NetworkQueries.running("r", "day"), NetworkQueries.activeAdviserOf("x", "e", "day"));

    /**
     * The scheme of adviser {@code x}, the programme's when none is recorded (advisers imported before schemes
     * existed were all conseillers numériques).
     */
    static String scheme(String x) {
        return "coalesce(%s.scheme, 'CONSEILLER_NUMERIQUE')".formatted(x);
    }
}
