package fr.maillage.applications;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.applications.ApplicationModel.ApplicationEvent;
import fr.maillage.applications.ApplicationModel.Consultation;
import fr.maillage.applications.ApplicationModel.CoordinatorOverlap;
import fr.maillage.applications.ApplicationModel.PrefectureOpinion;
import fr.maillage.applications.ApplicationRules.ApplicationStatus;
import fr.maillage.applications.ApplicationRules.ConsultationAnswer;
import fr.maillage.network.NetworkQueries;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The nested lists of applications (consultations, prefecture opinions, coordinators in the zone, history), each in
 * one statement for all the applications of a page.
 */
@Repository
@Transactional(readOnly = true)
class ApplicationDetailsReader {

    /**
     * The structures to consult (frozen at submission, computed from the zone before) and those consulted; final text
     * in docs/cypher/applications/consultations.cypher.
     */
    static final String CONSULTATIONS = """
            UNWIND $ids AS id
            MATCH (a:CoordinatorApplication {id: id})
            CALL (a) {
              WITH a WHERE a.requiredConsultations IS NOT NULL
              RETURN a.requiredConsultations AS required
              UNION
              WITH a WHERE a.requiredConsultations IS NULL
            """ + ApplicationQueries.ZONE_OF_APPLICATION.indent(2) + """
              WITH a, collect(DISTINCT m) AS communes, $today AS day, a.employerId AS applicantId
            """ + ApplicationQueries.EMPLOYERS_SERVING.indent(2) + """
              RETURN required
            }
            OPTIONAL MATCH (a)-[c:CONSULTED]->(e:Employer)
            WITH a, required, collect({employerId: e.id, on: c.on, answer: c.answer, comment: c.comment}) AS done
            RETURN a.id AS id, required, [d IN done WHERE d.employerId IS NOT NULL] AS done""";

    private static final String OPINIONS = """
            UNWIND $ids AS id
            MATCH (a:CoordinatorApplication {id: id})
            UNWIND a.departmentCodes AS code
            OPTIONAL MATCH (:Prefecture {code: code})-[o:GAVE_OPINION]->(a)
            WITH a, code, o ORDER BY code
            RETURN a.id AS id, collect({code: code, favourable: o.favourable, comment: o.comment, on: o.on}) AS opinions""";

    /**
     * The coordinators in post on the day of submission (or today, before it) whose perimeter meets the zone, with
     * the communes and population shared; final text in docs/cypher/applications/overlaps.cypher.
     */
    static final String OVERLAPS = """
            UNWIND $ids AS id
            MATCH (a:CoordinatorApplication {id: id})
            """ + ApplicationQueries.ZONE_OF_APPLICATION + """
            WITH a, collect(DISTINCT m) AS communes, coalesce(a.submittedOn, $today) AS day
            CALL (a, communes, day) {
              UNWIND communes AS m
              CALL (m) {
                MATCH (c:Coordinator)-[:COVERS]->(m) RETURN c
                UNION
                MATCH (c:Coordinator)-[:COVERS]->(:Epci {code: m.epciCode}) RETURN c
                UNION
                MATCH (c:Coordinator)-[:COVERS]->(:Department {code: m.departmentCode}) RETURN c
                UNION
                MATCH (c:Coordinator)-[:COVERS]->(:Region {code: m.regionCode}) RETURN c
              }
              WITH c, m, day, a WHERE c.id <> coalesce(a.coordinatorId, '') AND c.id <> coalesce(a.existingPostAdviserId, '')
                AND %s
              WITH c, count(DISTINCT m) AS shared, sum(coalesce(m.population, 0)) AS population
              ORDER BY population DESC, c.id
              RETURN collect({id: c.id, shared: shared, population: population}) AS overlaps
            }
            RETURN a.id AS id, a.zonePopulation AS zonePopulation, overlaps"""
            .formatted(NetworkQueries.activeAdviser("c", "day"));

    private static final String HISTORY = """
            UNWIND $ids AS id
            MATCH (a:CoordinatorApplication {id: id})-[:HAS_EVENT]->(e:ApplicationEvent)
            WITH a, e ORDER BY e.recordedAt, e.seq
            RETURN a.id AS id, collect(e) AS events""";

    private final Neo4jClient neo4j;

    ApplicationDetailsReader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    private record ConsultationsOf(String id, List<Consultation> consultations) {
    }

    private record OpinionsOf(String id, List<PrefectureOpinion> opinions) {
    }

    private record OverlapsOf(String id, List<CoordinatorOverlap> overlaps) {
    }

    private record HistoryOf(String id, List<ApplicationEvent> events) {
    }

    /** The structures to consult and those consulted, in one list per application. */
    Map<String, List<Consultation>> consultations(Collection<String> ids, LocalDate today) {
        var result = new HashMap<String, List<Consultation>>();
        neo4j.query(CONSULTATIONS).bindAll(Map.of("ids", List.copyOf(ids), "today", today))
                .fetchAs(ConsultationsOf.class).mappedBy((types, row) -> {
                    var byEmployer = new LinkedHashMap<String, Consultation>();
                    for (var employerId : row.get("required").asList(Value::asString)) {
                        byEmployer.put(employerId, new Consultation(employerId, false, null, null, null));
                    }
                    for (var d : row.get("done").values()) {
                        var employerId = d.get("employerId").asString();
                        byEmployer.put(employerId, new Consultation(employerId, true,
                                ApplicationMapping.date(d.get("on")),
                                ConsultationAnswer.valueOf(d.get("answer").asString()), d.get("comment").asString(null)));
                    }
                    return new ConsultationsOf(row.get("id").asString(), List.copyOf(byEmployer.values()));
                }).all().forEach(found -> result.put(found.id(), found.consultations()));
        return result;
    }

    /** One opinion per département of the zone, given or awaited. */
    Map<String, List<PrefectureOpinion>> opinions(Collection<String> ids) {
        var result = new HashMap<String, List<PrefectureOpinion>>();
        neo4j.query(OPINIONS).bind(List.copyOf(ids)).to("ids").fetchAs(OpinionsOf.class)
                .mappedBy((types, row) -> new OpinionsOf(row.get("id").asString(), row.get("opinions").asList(o ->
                        new PrefectureOpinion(o.get("code").asString(), !o.get("on").isNull(),
                                o.get("favourable").isNull() ? null : o.get("favourable").asBoolean(),
                                o.get("comment").asString(null), ApplicationMapping.date(o.get("on"))))))
                .all().forEach(found -> result.put(found.id(), found.opinions()));
        return result;
    }

    /** Coordinators in post at the reference date whose perimeter meets the zone, with the shared communes. */
    Map<String, List<CoordinatorOverlap>> overlaps(Collection<String> ids, LocalDate today) {
        var result = new HashMap<String, List<CoordinatorOverlap>>();
        neo4j.query(OVERLAPS).bindAll(Map.of("ids", List.copyOf(ids), "today", today)).fetchAs(OverlapsOf.class)
                .mappedBy((types, row) -> {
                    long zone = row.get("zonePopulation").asLong();
                    return new OverlapsOf(row.get("id").asString(), row.get("overlaps").asList(o -> {
                        long shared = o.get("population").asLong();
                        return new CoordinatorOverlap(o.get("id").asString(), o.get("shared").asInt(), shared,
                                zone == 0 ? 0.0 : (double) shared / zone);
                    }));
                }).all().forEach(found -> result.put(found.id(), found.overlaps()));
        return result;
    }

    Map<String, List<ApplicationEvent>> history(Collection<String> ids) {
        var result = new HashMap<String, List<ApplicationEvent>>();
        neo4j.query(HISTORY).bind(List.copyOf(ids)).to("ids").fetchAs(HistoryOf.class)
                .mappedBy((types, row) -> new HistoryOf(row.get("id").asString(), row.get("events").asList(v -> {
                    var e = v.asNode();
                    return new ApplicationEvent(e.get("on").asLocalDate(),
                            e.get("recordedAt").asZonedDateTime().toOffsetDateTime().toString(),
                            e.get("action").asString(), e.get("label").asString(),
                            e.get("fromStatus").isNull() ? null : ApplicationStatus.valueOf(e.get("fromStatus").asString()),
                            ApplicationStatus.valueOf(e.get("toStatus").asString()), e.get("role").asString(null),
                            e.get("comment").asString(null));
                }))).all().forEach(found -> result.put(found.id(), found.events()));
        return result;
    }
}
