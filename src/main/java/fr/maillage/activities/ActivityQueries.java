package fr.maillage.activities;

import java.util.List;

import fr.maillage.activities.ActivityVocabulary.ActivityKind;

/**
 * The statements of the activity figures. The activities of a territory over a period are read in one place,
 * {@link #ACTIVITIES_OF_TERRITORY}, on the territory code each activity carries; the composed statements are printed
 * under docs/cypher/activities and checked by ActivityStatementsTests.
 */
final class ActivityQueries {

    /**
     * The activities {@code x} dated within {@code [$from, $to]} of the territory {@code level, code} (variables of
     * the enclosing query; level FRANCE for the whole country). Each branch is anchored on one index.
     */
    static final String ACTIVITIES_OF_TERRITORY = """
            CALL (level, code) {
              WITH level, code WHERE level = 'COMMUNE'
              MATCH (x:Activity) WHERE x.communeCode = code AND x.date >= $from AND x.date <= $to
              RETURN x
              UNION
              WITH level, code WHERE level = 'EPCI'
              MATCH (x:Activity) WHERE x.epciCode = code AND x.date >= $from AND x.date <= $to
              RETURN x
              UNION
              WITH level, code WHERE level = 'DEPARTMENT'
              MATCH (x:Activity) WHERE x.departmentCode = code AND x.date >= $from AND x.date <= $to
              RETURN x
              UNION
              WITH level, code WHERE level = 'REGION'
              MATCH (x:Activity) WHERE x.regionCode = code AND x.date >= $from AND x.date <= $to
              RETURN x
              UNION
              WITH level, code WHERE level = 'FRANCE'
              MATCH (x:Activity) WHERE x.date >= $from AND x.date <= $to
              RETURN x
            }""";

    /**
     * The figures of the territories of {@code $targets} ({level, code, name, population, role}: the territory, its
     * parent, France) and of the sub-territories of territory {@code $level, $code}, over {@code [$from, $to]}; the
     * most frequent themes of the territory itself.
     */
    static final String TERRITORY_FIGURES = """
            CALL () {
              MATCH (r:Region) RETURN sum(r.population) AS francePopulation
            }
            CALL (francePopulation) {
              UNWIND $targets AS t
              RETURN t.level AS level, t.code AS code, t.name AS name,
                coalesce(t.population, francePopulation) AS population, t.role AS role
              UNION
              MATCH (s:Department)-[:IN_REGION]->(:Region {code: $code}) WHERE $level = 'REGION'
              RETURN 'DEPARTMENT' AS level, s.code AS code, s.name AS name, s.population AS population, 'sub' AS role
              UNION
              MATCH (s:Epci)-[:IN_DEPARTMENT]->(:Department {code: $code}) WHERE $level = 'DEPARTMENT'
              RETURN 'EPCI' AS level, s.code AS code, s.name AS name, s.population AS population, 'sub' AS role
              UNION
              MATCH (s:Commune)-[:IN_EPCI]->(:Epci {code: $code}) WHERE $level = 'EPCI'
              RETURN 'COMMUNE' AS level, s.code AS code, s.name AS name, s.population AS population, 'sub' AS role
            }
            CALL (level, code) {
              %1$s
              WITH x WHERE x.status = 'HELD'
              RETURN sum(CASE WHEN x.kind IN $reachingPeople THEN x.participants ELSE 0 END) AS peopleHelped,
                count(CASE WHEN x.kind = 'INDIVIDUAL_ACCOMPANIMENT' THEN 1 END) AS accompaniments,
                count(CASE WHEN x.kind = 'COLLECTIVE_WORKSHOP' THEN 1 END) AS workshops,
                count(CASE WHEN x.kind = 'EVENT_DAY' THEN 1 END) AS eventDays,
                count(x) AS activities, sum(coalesce(x.durationMinutes, 0)) AS minutes
            }
            CALL (level, code, role) {
              WITH level, code, role WHERE role = 'own'
              %1$s
              WITH x WHERE x.status = 'HELD'
              UNWIND x.themes AS theme
              WITH theme, count(*) AS activities
              ORDER BY activities DESC, theme
              LIMIT 10
              RETURN collect({theme: theme, activities: activities}) AS themes
            }
            RETURN level, code, name, population, role, peopleHelped, accompaniments, workshops, eventDays, activities,
              minutes, themes
            ORDER BY role, peopleHelped DESC, code""".formatted(ACTIVITIES_OF_TERRITORY.indent(2).strip());

    /**
     * The figures of each group of coordinators of {@code $groups} (lists of coordinator ids) over
     * {@code [$from, $to]}: the activities they led, the events per EPCI, the partners involved, and the advisers
     * they coordinate (under a contract during the period) and those they met: brought together by a held
     * coordination meeting or working group they led, or leading a held activity with them.
     */
    static final String COORDINATOR_FIGURES = """
            UNWIND range(0, size($groups) - 1) AS group
            CALL (group) {
              UNWIND $groups[group] AS id
              MATCH (c:Coordinator {id: id})-[:LED]->(x:Activity)
              WHERE x.date >= $from AND x.date <= $to
              RETURN collect(DISTINCT x) AS led
            }
            CALL (led) {
              UNWIND led AS x
              WITH x WHERE x.status = 'HELD'
              RETURN count(CASE WHEN x.kind = 'COLLECTIVE_WORKSHOP' THEN 1 END) AS workshops,
                count(CASE WHEN x.kind = 'EVENT_DAY' THEN 1 END) AS eventDaysHeld,
                sum(CASE WHEN x.kind IN $reachingPeople THEN x.participants ELSE 0 END) AS peopleHelped,
                count(CASE WHEN x.kind = 'INDIVIDUAL_ACCOMPANIMENT' THEN 1 END) AS accompaniments,
                count(CASE WHEN x.kind = 'COORDINATION_MEETING' THEN 1 END) AS coordinationMeetings,
                count(DISTINCT CASE WHEN x.kind = 'WORKING_GROUP' THEN toLower(trim(coalesce(x.title, x.id))) END)
                  AS workingGroups,
                count(CASE WHEN x.kind = 'WORKING_GROUP' THEN 1 END) AS workingGroupSessions,
                count(CASE WHEN x.kind = 'DIGITAL_COMMON' THEN 1 END) AS digitalCommons,
                collect(CASE WHEN x.kind = 'DIGITAL_COMMON' THEN x.title END) AS digitalCommonTitles,
                sum(CASE WHEN x.kind = 'STRUCTURE_MAPPING' THEN coalesce(x.structures, 0) ELSE 0 END)
                  AS structuresMapped,
                count(CASE WHEN x.kind = 'PARTNER_MEETING' THEN 1 END) AS partnerMeetings
            }
            CALL (led) {
              UNWIND led AS x
              WITH x WHERE x.kind = 'EVENT_DAY' AND x.status <> 'CANCELLED'
              WITH x.epciCode AS epciCode, count(x) AS planned, count(CASE WHEN x.status = 'HELD' THEN 1 END) AS held,
                sum(CASE WHEN x.status = 'HELD' THEN x.participants ELSE 0 END) AS peopleHelped
              OPTIONAL MATCH (e:Epci {code: epciCode})
              WITH epciCode, e.name AS epciName, planned, held, peopleHelped
              ORDER BY epciName, epciCode
              RETURN collect({epciCode: epciCode, epciName: epciName, planned: planned, held: held,
                peopleHelped: peopleHelped}) AS eventsByEpci, sum(planned) AS eventDaysPlanned
            }
            CALL (led) {
              UNWIND led AS x
              WITH x WHERE x.status = 'HELD'
              MATCH (x)-[:WITH_PARTNER]->(p:Partner)
              WITH p, count(x) AS activities
              ORDER BY activities DESC, p.name, p.id
              RETURN collect({partnerId: p.id, name: p.name, kind: p.kind, activities: activities}) AS partners
            }
            CALL (group, led) {
              WITH group, led, COLLECT {
                  UNWIND $groups[group] AS id
                  MATCH (:Coordinator {id: id})-[:COORDINATES]->(a:Adviser)
                  WHERE EXISTS { (a)-[r:EMPLOYED_BY]->(:Employer) WHERE r.start <= $to AND (r.end IS NULL OR r.end >= $from) }
                  RETURN DISTINCT a
                } AS network
              WITH network, [x IN led WHERE x.status = 'HELD' AND x.kind IN $meetingAdvisers
                  | [(x)-[:MET]->(m:Adviser) | m]]
                + [x IN led WHERE x.status = 'HELD' | [(m:Adviser)-[:LED]->(x) | m]] AS seenLists
              WITH network, reduce(seen = [], list IN seenLists | seen + list) AS seen
              RETURN size(network) AS advisersCoordinated, size([a IN network WHERE a IN seen]) AS advisersMet
            }
            CALL (led) {
              UNWIND led AS x
              WITH x WHERE x.status = 'HELD'
              UNWIND x.themes AS theme
              WITH theme, count(*) AS activities
              ORDER BY activities DESC, theme
              LIMIT 10
              RETURN collect({theme: theme, activities: activities}) AS themes
            }
            RETURN group, workshops, eventDaysHeld, eventDaysPlanned, eventsByEpci, peopleHelped, accompaniments,
              coordinationMeetings, workingGroups, workingGroupSessions, digitalCommons, digitalCommonTitles,
              structuresMapped, partnerMeetings, partners, advisersCoordinated, advisersMet, themes
            ORDER BY group""";

    /** The coordinators whose perimeter lies in region {@code $regionCode}, by id. */
    static final String COORDINATORS_OF_REGION = """
            MATCH (r:Region {code: $regionCode})
            CALL (r) {
              MATCH (c:Coordinator)-[:COVERS]->(r) RETURN c
              UNION
              MATCH (c:Coordinator)-[:COVERS]->(:Department)-[:IN_REGION]->(r) RETURN c
              UNION
              MATCH (c:Coordinator)-[:COVERS]->(:Epci)-[:IN_DEPARTMENT]->(:Department)-[:IN_REGION]->(r) RETURN c
              UNION
              MATCH (c:Coordinator)-[:COVERS]->(:Commune)-[:IN_DEPARTMENT]->(:Department)-[:IN_REGION]->(r) RETURN c
            }
            RETURN c.id AS id ORDER BY id""";

    static List<String> reachingPeople() {
        return ActivityKind.REACHING_PEOPLE.stream().map(Enum::name).sorted().toList();
    }

    static List<String> meetingAdvisers() {
        return ActivityKind.MEETING_ADVISERS.stream().map(Enum::name).sorted().toList();
    }

    private ActivityQueries() {
    }
}
