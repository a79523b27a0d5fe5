package fr.maillage.activities;

import fr.maillage.network.NetworkQueries;

/**
 * The one statement that writes activities, for the API, the imports and the demo alike, and the one that says where
 * an activity lies for its recorder.
 */
public final class ActivityStatements {

    /**
     * Writes each row of {@code $rows} ({@link ActivityRecord#row()}): found again by its key, or created with its id;
     * its fields replaced, its territory codes copied from its commune, its links (commune, place, leaders, advisers
     * met, partners) replaced. A row whose commune does not exist writes nothing: callers check it first.
     */
    public static final String UPSERT = """
            UNWIND $rows AS row
            MATCH (c:Commune {code: row.communeCode})
            MERGE (x:Activity {key: row.key})
              ON CREATE SET x.id = row.id, x.createdAt = datetime()
            SET x.source = row.source, x.sourceId = row.sourceId, x.kind = row.kind, x.status = row.status,
                x.date = row.date, x.durationMinutes = row.durationMinutes, x.title = row.title,
                x.participants = row.participants, x.structures = row.structures, x.themes = row.themes,
                x.publics = row.publics, x.communeCode = c.code, x.epciCode = c.epciCode,
                x.departmentCode = c.departmentCode, x.regionCode = c.regionCode, x.updatedAt = datetime()
            WITH x, row, c
            CALL (x) {
              MATCH (x)-[r:IN_COMMUNE|AT_PLACE|MET|WITH_PARTNER]->() DELETE r
            }
            CALL (x) {
              MATCH ()-[r:LED]->(x) DELETE r
            }
            CREATE (x)-[:IN_COMMUNE]->(c)
            WITH x, row
            CALL (x, row) {
              MATCH (p:Place {id: row.placeId}) CREATE (x)-[:AT_PLACE]->(p)
            }
            CALL (x, row) {
              UNWIND row.leaderIds AS leaderId
              MATCH (a:Adviser {id: leaderId}) CREATE (a)-[:LED]->(x)
            }
            CALL (x, row) {
              UNWIND row.metIds AS metId
              MATCH (a:Adviser {id: metId}) CREATE (x)-[:MET]->(a)
            }
            CALL (x, row) {
              UNWIND row.partnerIds AS partnerId
              MATCH (p:Partner {id: partnerId}) CREATE (x)-[:WITH_PARTNER]->(p)
            }
            RETURN count(x) AS written""";

    /**
     * For each row of {@code $rows} ({line, leaderIds, date, communeCode, placeId, partnerIds}), its
     * {@link ActivityRules.Whereabouts}: the employers of each leader are those of its contracts running on the day
     * of the activity; a leader without one reaches nothing. Unknown communes and partners are out of reach.
     */
    public static final String WHEREABOUTS = """
            UNWIND $rows AS row
            OPTIONAL MATCH (m:Commune {code: row.communeCode})
            WITH row, m, [leaderId IN row.leaderIds | COLLECT { MATCH (:Adviser {id: leaderId})-[r:EMPLOYED_BY]->(e:Employer)
              WHERE %1$s RETURN e }] AS employersOfEachLeader
            RETURN row.line AS line,
              m IS NOT NULL AND all(employers IN employersOfEachLeader WHERE any(e IN employers WHERE %2$s))
                AS communeWithinReach,
              row.placeId IS NULL OR EXISTS { MATCH (a:Adviser)-[:WORKS_AT]->(:Place {id: row.placeId})
                WHERE a.id IN row.leaderIds } AS placeOfALeader,
              all(partnerId IN row.partnerIds WHERE EXISTS { MATCH (:Partner {id: partnerId})-[:IN_COMMUNE]->(n:Commune)
                WHERE all(employers IN employersOfEachLeader WHERE any(e IN employers WHERE %3$s)) })
                AS partnersWithinReach""".formatted(NetworkQueries.running("r", "row.date"),
            NetworkQueries.withinReach("m", "e"), NetworkQueries.withinReach("n", "e"));

    private ActivityStatements() {
    }
}
