package fr.maillage.applications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationModel.ApplicationEvent;
import fr.maillage.applications.ApplicationModel.Campaign;
import fr.maillage.applications.ApplicationModel.Consultation;
import fr.maillage.applications.ApplicationModel.CoordinatorOverlap;
import fr.maillage.applications.ApplicationModel.Funding;
import fr.maillage.applications.ApplicationModel.Perimeter;
import fr.maillage.applications.ApplicationModel.PrefectureOpinion;
import fr.maillage.applications.ApplicationModel.SubsidySummary;
import fr.maillage.applications.ApplicationModel.SubsidyTotal;
import fr.maillage.applications.ApplicationRules.ApplicantCategory;
import fr.maillage.applications.ApplicationRules.ApplicationCase;
import fr.maillage.applications.ApplicationRules.ApplicationDecision;
import fr.maillage.applications.ApplicationRules.ApplicationStatus;
import fr.maillage.applications.ApplicationRules.ConsultationAnswer;
import fr.maillage.applications.ApplicationRules.FundingRule;
import fr.maillage.applications.ApplicationRules.Situation;
import fr.maillage.graphql.Connection;
import fr.maillage.graphql.Keyset;
import fr.maillage.graphql.PageRequest;
import fr.maillage.network.NetworkEnums.ContractType;
import fr.maillage.network.NetworkEnums.PerimeterKind;
import fr.maillage.network.NetworkQueries;
import fr.maillage.security.Caller;
import fr.maillage.security.Role;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads of campaigns and applications; every list and nested field in one statement for all its parents. */
@Repository
@Transactional(readOnly = true)
class ApplicationRepository {

    /**
     * The communes of zone territory {@code t} (a map with level and code), each level through its own index.
     */
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

    /** Zone territories of application {@code a}, as maps {@code t}, from its stored references. */
    private static final String ZONE_OF_APPLICATION = """
            UNWIND a.perimeterRefs AS ref
            WITH a, {level: split(ref, ':')[0], code: split(ref, ':')[1]} AS t
            """ + ZONE_COMMUNES;

    /**
     * The structures employing active advisers who serve the communes {@code communes} at {@code day}: the same
     * reading of "serves" as coverage (a place there, or, for advisers without a place, the employer of the contract
     * running that day there: a former employer, whose contract ended, is not asked).
     */
    static final String EMPLOYERS_SERVING = """
            CALL (communes, day, applicantId) {
              UNWIND communes AS m
              CALL (m, day) {
                MATCH (m)<-[:IN_COMMUNE]-(:Place)<-[:WORKS_AT]-(x:Adviser) RETURN x
                UNION
                MATCH (m)<-[:IN_COMMUNE]-(:Employer)<-[r:EMPLOYED_BY]-(x:Adviser) WHERE NOT (x)-[:WORKS_AT]->()
                  AND %1$s
                RETURN x
              }
              WITH DISTINCT x, day, applicantId
              MATCH (x)-[k:EMPLOYED_BY]->(e:Employer)
              WHERE x.status = 'ACTIVE' AND %2$s AND e.id <> applicantId
              RETURN collect(DISTINCT e.id) AS required
            }
            """.formatted(NetworkQueries.running("r", "day"), NetworkQueries.running("k", "day"));

    private static final String WITH_RULE = """
            OPTIONAL MATCH (rule:FundingRule {key: a.fundingRuleKey})
            """;

    /** ANCT and the employer see everything; the territory's authorities see what has been filed. */
    private static final String VISIBLE = "($national OR a.employerSiret IN $sirets OR a.status <> 'DRAFT'"
            + " AND (any(d IN a.departmentCodes WHERE d IN $departments) OR any(g IN a.regionCodes WHERE g IN $regions)))";

    private final Neo4jClient neo4j;

    ApplicationRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    // Campaigns

    List<Campaign> campaigns() {
        return neo4j.query("""
                MATCH (c:Campaign)
                OPTIONAL MATCH (c)-[:FUNDS]->(r:FundingRule)
                WITH c, r ORDER BY r.rank
                RETURN c, collect(r) AS rules ORDER BY c.opensOn DESC, c.code""")
                .fetchAs(Campaign.class).mappedBy((types, record) -> campaign(record.get("c").asNode(),
                        record.get("rules").asList(Value::asNode))).all().stream().toList();
    }

    Campaign campaign(String code) {
        return campaigns(List.of(code)).get(code);
    }

    Map<String, Campaign> campaigns(Collection<String> codes) {
        var found = new HashMap<String, Campaign>();
        neo4j.query("""
                MATCH (c:Campaign) WHERE c.code IN $codes
                OPTIONAL MATCH (c)-[:FUNDS]->(r:FundingRule)
                WITH c, r ORDER BY r.rank
                RETURN c, collect(r) AS rules""").bind(List.copyOf(codes)).to("codes")
                .fetchAs(Campaign.class).mappedBy((types, record) -> campaign(record.get("c").asNode(),
                        record.get("rules").asList(Value::asNode)))
                .all().forEach(c -> found.put(c.code(), c));
        return found;
    }

    // Applications

    Application application(String id) {
        return applications(List.of(id)).get(id);
    }

    Map<String, Application> applications(Collection<String> ids) {
        var found = new LinkedHashMap<String, Application>();
        neo4j.query("MATCH (a:CoordinatorApplication) WHERE a.id IN $ids " + WITH_RULE + "RETURN a, rule")
                .bind(List.copyOf(ids)).to("ids").fetch().all()
                .forEach(row -> {
                    var application = application(row.get("a"), row.get("rule"));
                    found.put(application.id(), application);
                });
        return found;
    }

    /** Whether the caller may read the application (the same rule as the lists below). */
    boolean visible(String id, Caller caller) {
        return neo4j.query("MATCH (a:CoordinatorApplication {id: $id}) RETURN " + VISIBLE + " AS visible")
                .bindAll(visibility(caller, Map.of("id", id))).fetchAs(Boolean.class).one().orElse(false);
    }

    record Filter(String campaignCode, String employerId, List<String> statuses, TerritoryRef within) {
    }

    Connection<Application> list(Filter filter, Caller caller, PageRequest page) {
        var params = new HashMap<String, Object>();
        params.put("campaignCode", filter.campaignCode());
        params.put("employerId", filter.employerId());
        params.put("statuses", filter.statuses());
        params.put("withinLevel", filter.within() == null ? null : filter.within().level().name());
        params.put("withinCode", filter.within() == null ? null : filter.within().code());
        return page("""
                MATCH (a:CoordinatorApplication)
                WHERE ($campaignCode IS NULL OR a.campaignCode = $campaignCode)
                  AND ($employerId IS NULL OR a.employerId = $employerId)
                  AND ($statuses IS NULL OR a.status IN $statuses)
                  AND ($withinCode IS NULL
                    OR $withinLevel = 'REGION' AND $withinCode IN a.regionCodes
                    OR $withinLevel = 'DEPARTMENT' AND $withinCode IN a.departmentCodes
                    OR $withinLevel = 'COMMUNE' AND EXISTS { MATCH (m:Commune {code: $withinCode})
                      WHERE any(ref IN a.perimeterRefs WHERE ref IN ['COMMUNE:' + m.code,
                        'EPCI:' + coalesce(m.epciCode, ''), 'DEPARTMENT:' + m.departmentCode, 'REGION:' + m.regionCode]) }
                    OR $withinLevel = 'EPCI' AND EXISTS { MATCH (x:Epci {code: $withinCode})
                      WHERE 'EPCI:' + x.code IN a.perimeterRefs
                        OR any(d IN x.departmentCodes WHERE 'DEPARTMENT:' + d IN a.perimeterRefs)
                        OR any(g IN x.regionCodes WHERE 'REGION:' + g IN a.perimeterRefs)
                        OR EXISTS { MATCH (m:Commune {epciCode: x.code}) WHERE 'COMMUNE:' + m.code IN a.perimeterRefs } })
                """, params, caller, page);
    }

    Connection<Application> awaitingOpinion(String departmentCode, Caller caller, PageRequest page) {
        return page("""
                MATCH (a:CoordinatorApplication) WHERE a.status IN ['SUBMITTED', 'REVIEWED']
                  AND $department IN a.departmentCodes
                  AND NOT EXISTS { (:Prefecture {code: $department})-[:GAVE_OPINION]->(a) }
                """, Map.of("department", departmentCode), caller, page);
    }

    /** The lists of the ANCT queue: what waits for an action, and the deadlines passed. */
    enum Queue {
        AWAITING_OPINIONS("Avis des préfectures attendus", "a.status = 'SUBMITTED'"),
        AWAITING_DECISION("Décision de l'ANCT attendue", "a.status = 'REVIEWED'"),
        AWAITING_NOTIFICATION("Notification attendue", "a.status IN ['ACCEPTED', 'REFUSED']"),
        NOTIFICATION_OVERDUE("Notification en retard", "a.submittedOn IS NOT NULL AND a.notifiedOn IS NULL"
                + " AND a.status <> 'WITHDRAWN' AND a.submittedOn + duration({months: a.notificationDelayMonths}) < $today"),
        RECRUITMENT_OVERDUE("Recrutement en retard", "a.status = 'NOTIFIED' AND a.decision = 'ACCEPTED'"
                + " AND a.notifiedOn + duration({months: a.recruitmentDelayMonths}) < $today"),
        PAYMENT_OVERDUE("Versement en retard", "a.status = 'CONVENTION_SIGNED'"
                + " AND date.truncate('month', a.conventionSignedOn) + duration({months: 2}) <= $today");

        final String label;
        /** A condition on application {@code a} and {@code $today}. */
        final String condition;

        Queue(String label, String condition) {
            this.label = label;
            this.condition = condition;
        }
    }

    /** A page of an ANCT queue. */
    Connection<Application> queue(Queue queue, String campaignCode, LocalDate today, Caller caller, PageRequest page) {
        return page(queueMatch(queue), queueParameters(campaignCode, today), caller, page);
    }

    /** An application of a queue with the name of its employer, for an export. */
    record QueuedApplication(Application application, String employerName) {
    }

    /**
     * Every application of a queue, in the order of its pages, streamed to {@code sink} as the database reads them;
     * the sink must not query the database.
     */
    void eachInQueue(Queue queue, String campaignCode, LocalDate today, Caller caller,
            Consumer<QueuedApplication> sink) {
        neo4j.delegateTo(runner -> {
            var result = runner.run(queueRows(queue), visibility(caller, queueParameters(campaignCode, today)));
            while (result.hasNext()) {
                var row = result.next();
                sink.accept(new QueuedApplication(application(row.get("a"), row.get("rule")),
                        row.get("employerName").asString(null)));
            }
            return Optional.empty();
        }).run();
    }

    /** The rows of {@link #eachInQueue}: sorted, then each one's funding rule and employer's name. */
    private static String queueRows(Queue queue) {
        return visible(queueMatch(queue)) + """
                WITH a ORDER BY a.sort, a.id
                %s
                OPTIONAL MATCH (e:Employer {id: a.employerId})
                RETURN a, rule, e.name AS employerName
                ORDER BY a.sort, a.id""".formatted(WITH_RULE);
    }

    private static String queueMatch(Queue queue) {
        return "MATCH (a:CoordinatorApplication) WHERE ($campaignCode IS NULL OR a.campaignCode = $campaignCode)"
                + " AND " + queue.condition + "\n";
    }

    private static Map<String, Object> queueParameters(String campaignCode, LocalDate today) {
        var params = new HashMap<String, Object>();
        params.put("campaignCode", campaignCode);
        params.put("today", today);
        return params;
    }

    /** A match of applications {@code a} (ending with a WHERE clause), restricted to those the caller may read. */
    private static String visible(String match) {
        return match + "  AND " + VISIBLE + "\n";
    }

    private Connection<Application> page(String match, Map<String, Object> filterParams, Caller caller,
            PageRequest page) {
        var cypher = visible(match) + """
                WITH a ORDER BY a.sort, a.id
                WITH collect({node: a, sort: a.sort}) AS rows
                CALL (rows) {
                  UNWIND %s AS r
                  WITH r.node AS a
                  %s
                  RETURN collect({node: a, rule: rule}) AS page
                }
                RETURN size(rows) AS total, page""".formatted(Keyset.PAGE, WITH_RULE);
        var params = new HashMap<>(visibility(caller, filterParams));
        params.putAll(Keyset.parameters(page));
        var row = neo4j.query(cypher).bindAll(params).fetch().one().orElseThrow();
        @SuppressWarnings("unchecked")
        var rows = (List<Map<String, Object>>) row.get("page");
        var nodes = rows.stream().map(r -> application(r.get("node"), r.get("rule"))).toList();
        return Connection.of(nodes, page, ((Number) row.get("total")).longValue(), Application::sort);
    }

    private static Map<String, Object> visibility(Caller caller, Map<String, Object> others) {
        var params = new HashMap<>(others);
        params.put("national", caller.national());
        params.put("departments", caller.has(Role.PREFECTURE) ? List.copyOf(caller.departments()) : List.of());
        params.put("regions", caller.has(Role.SGAR) || caller.has(Role.HUB) ? List.copyOf(caller.regions()) : List.of());
        params.put("sirets", caller.has(Role.EMPLOYER) ? List.copyOf(caller.sirets()) : List.of());
        return params;
    }

    // Nested fields, for many applications at once

    /**
     * The structures to consult (frozen at submission, computed from the zone before) and those consulted, in one
     * list per application.
     */
    Map<String, List<Consultation>> consultations(Collection<String> ids, LocalDate today) {
        var result = new HashMap<String, List<Consultation>>();
        neo4j.query("""
                UNWIND $ids AS id
                MATCH (a:CoordinatorApplication {id: id})
                CALL (a) {
                  WITH a WHERE a.requiredConsultations IS NOT NULL
                  RETURN a.requiredConsultations AS required
                  UNION
                  WITH a WHERE a.requiredConsultations IS NULL
                  """ + ZONE_OF_APPLICATION + """
                  WITH a, collect(DISTINCT m) AS communes, $today AS day, a.employerId AS applicantId
                  """ + EMPLOYERS_SERVING + """
                  RETURN required
                }
                OPTIONAL MATCH (a)-[c:CONSULTED]->(e:Employer)
                WITH a, required, collect({employerId: e.id, on: c.on, answer: c.answer, comment: c.comment}) AS done
                RETURN a.id AS id, required, [d IN done WHERE d.employerId IS NOT NULL] AS done""")
                .bindAll(Map.of("ids", List.copyOf(ids), "today", today)).fetch().all().forEach(row -> {
                    @SuppressWarnings("unchecked")
                    var required = (List<String>) row.get("required");
                    @SuppressWarnings("unchecked")
                    var done = (List<Map<String, Object>>) row.get("done");
                    var byEmployer = new LinkedHashMap<String, Consultation>();
                    for (var employerId : required) {
                        byEmployer.put(employerId, new Consultation(employerId, false, null, null, null));
                    }
                    for (var d : done) {
                        var employerId = (String) d.get("employerId");
                        byEmployer.put(employerId, new Consultation(employerId, true, (LocalDate) d.get("on"),
                                ConsultationAnswer.valueOf((String) d.get("answer")), (String) d.get("comment")));
                    }
                    result.put((String) row.get("id"), List.copyOf(byEmployer.values()));
                });
        return result;
    }

    /** One opinion per département of the zone, given or awaited. */
    Map<String, List<PrefectureOpinion>> opinions(Collection<String> ids) {
        var result = new HashMap<String, List<PrefectureOpinion>>();
        neo4j.query("""
                UNWIND $ids AS id
                MATCH (a:CoordinatorApplication {id: id})
                UNWIND a.departmentCodes AS code
                OPTIONAL MATCH (:Prefecture {code: code})-[o:GAVE_OPINION]->(a)
                WITH a, code, o ORDER BY code
                RETURN a.id AS id, collect({code: code, favourable: o.favourable, comment: o.comment, on: o.on}) AS opinions""")
                .bind(List.copyOf(ids)).to("ids").fetch().all().forEach(row -> {
                    @SuppressWarnings("unchecked")
                    var opinions = (List<Map<String, Object>>) row.get("opinions");
                    result.put((String) row.get("id"), opinions.stream().map(o -> new PrefectureOpinion(
                            (String) o.get("code"), o.get("on") != null, (Boolean) o.get("favourable"),
                            (String) o.get("comment"), (LocalDate) o.get("on"))).toList());
                });
        return result;
    }

    /** Coordinators in post at the reference date whose perimeter meets the zone, with the shared communes. */
    Map<String, List<CoordinatorOverlap>> overlaps(Collection<String> ids, LocalDate today) {
        var result = new HashMap<String, List<CoordinatorOverlap>>();
        neo4j.query("""
                UNWIND $ids AS id
                MATCH (a:CoordinatorApplication {id: id})
                """ + ZONE_OF_APPLICATION + """
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
                    AND c.status = 'ACTIVE'
                    AND EXISTS { (c)-[k:EMPLOYED_BY]->(:Employer) WHERE k.start <= day AND (k.end IS NULL OR k.end >= day) }
                  WITH c, count(DISTINCT m) AS shared, sum(coalesce(m.population, 0)) AS population
                  ORDER BY population DESC, c.id
                  RETURN collect({id: c.id, shared: shared, population: population}) AS overlaps
                }
                RETURN a.id AS id, a.zonePopulation AS zonePopulation, overlaps""")
                .bindAll(Map.of("ids", List.copyOf(ids), "today", today)).fetch().all().forEach(row -> {
                    @SuppressWarnings("unchecked")
                    var overlaps = (List<Map<String, Object>>) row.get("overlaps");
                    long zone = ((Number) row.get("zonePopulation")).longValue();
                    result.put((String) row.get("id"), overlaps.stream().map(o -> {
                        long shared = ((Number) o.get("population")).longValue();
                        return new CoordinatorOverlap((String) o.get("id"), ((Number) o.get("shared")).intValue(),
                                shared, zone == 0 ? 0.0 : (double) shared / zone);
                    }).toList());
                });
        return result;
    }

    Map<String, List<ApplicationEvent>> history(Collection<String> ids) {
        var result = new HashMap<String, List<ApplicationEvent>>();
        neo4j.query("""
                UNWIND $ids AS id
                MATCH (a:CoordinatorApplication {id: id})-[:HAS_EVENT]->(e:ApplicationEvent)
                WITH a, e ORDER BY e.recordedAt, e.seq
                RETURN a.id AS id, collect(e) AS events""").bind(List.copyOf(ids)).to("ids").fetch().all()
                .forEach(row -> {
                    @SuppressWarnings("unchecked")
                    var events = (List<Node>) row.get("events");
                    result.put((String) row.get("id"), events.stream().map(e -> new ApplicationEvent(
                            e.get("on").asLocalDate(), e.get("recordedAt").asZonedDateTime().toOffsetDateTime().toString(),
                            e.get("action").asString(), e.get("label").asString(),
                            e.get("fromStatus").isNull() ? null : ApplicationStatus.valueOf(e.get("fromStatus").asString()),
                            ApplicationStatus.valueOf(e.get("toStatus").asString()), e.get("role").asString(null),
                            e.get("comment").asString(null))).toList());
                });
        return result;
    }

    // What the workflow checks against the graph

    /** In the programme: it employs or has employed a conseiller numérique; carries a coordination post today. */
    Situation situation(String employerId, LocalDate day) {
        return neo4j.query("""
                MATCH (e:Employer {id: $id})
                RETURN EXISTS { (e)<-[:EMPLOYED_BY]-(x:Adviser) WHERE coalesce(x.scheme, 'CONSEILLER_NUMERIQUE')
                         = 'CONSEILLER_NUMERIQUE' } AS inProgramme,
                       EXISTS { (e)<-[k:EMPLOYED_BY]-(c:Coordinator) WHERE c.status = 'ACTIVE' AND k.start <= $day
                         AND (k.end IS NULL OR k.end >= $day) } AS carriesCoordination""")
                .bindAll(Map.of("id", employerId, "day", day)).fetch().one()
                .map(row -> new Situation((Boolean) row.get("inProgramme"), (Boolean) row.get("carriesCoordination")))
                .orElse(new Situation(false, false));
    }

    /** The communes, population, départements and regions of a zone. */
    Perimeter zone(PerimeterKind kind, List<TerritoryRef> refs) {
        var territories = refs.stream().map(r -> Map.of("level", r.level().name(), "code", r.code())).toList();
        return neo4j.query("UNWIND $zone AS t " + ZONE_COMMUNES + """
                WITH DISTINCT m
                RETURN count(m) AS communes, sum(coalesce(m.population, 0)) AS population,
                       collect(DISTINCT m.departmentCode) AS departments, collect(DISTINCT m.regionCode) AS regions""")
                .bind(territories).to("zone").fetch().one()
                .map(row -> new Perimeter(kind, refs, ((Number) row.get("communes")).intValue(),
                        ((Number) row.get("population")).longValue(), sorted(row.get("departments")),
                        sorted(row.get("regions")))).orElseThrow();
    }

    /**
     * Whether every commune of the zone lies within reach of employer {@code employerId}
     * ({@link NetworkQueries#withinReach}): in its region, or in an EPCI having a commune in its département.
     */
    boolean withinReach(List<TerritoryRef> refs, String employerId) {
        var territories = refs.stream().map(r -> Map.of("level", r.level().name(), "code", r.code())).toList();
        return neo4j.query("MATCH (e:Employer {id: $employerId}) UNWIND $zone AS t " + ZONE_COMMUNES + """
                WITH e, m WHERE NOT %s
                RETURN count(m) = 0 AS within""".formatted(NetworkQueries.withinReach("m", "e")))
                .bindAll(Map.of("zone", territories, "employerId", employerId)).fetchAs(Boolean.class).one()
                .orElse(true);
    }

    List<String> requiredConsultations(List<TerritoryRef> refs, String applicantId, LocalDate day) {
        var territories = refs.stream().map(r -> Map.of("level", r.level().name(), "code", r.code())).toList();
        return neo4j.query("UNWIND $zone AS t " + ZONE_COMMUNES + """
                WITH collect(DISTINCT m) AS communes, $day AS day, $applicantId AS applicantId
                """ + EMPLOYERS_SERVING + " RETURN required")
                .bindAll(Map.of("zone", territories, "day", day, "applicantId", applicantId)).fetch().one()
                .map(row -> sorted(row.get("required"))).orElse(List.of());
    }

    // Subsidies

    SubsidySummary subsidies(String campaignCode, TerritoryLevel level) {
        var property = level == TerritoryLevel.DEPARTMENT ? "departmentCode" : "regionCode";
        var rows = neo4j.query("""
                MATCH (a:CoordinatorApplication {campaignCode: $campaign})
                WHERE a.status IN $engaged AND a.decision = 'ACCEPTED'
                MATCH (e:Employer {id: a.employerId})
                WITH e.%s AS code, count(a) AS applications, sum(a.amountEur) AS engaged,
                     sum(CASE WHEN a.status = 'SUBSIDY_PAID' THEN a.amountEur ELSE 0 END) AS paid
                RETURN code, applications, engaged, paid ORDER BY engaged DESC, code""".formatted(property))
                .bindAll(Map.of("campaign", campaignCode, "engaged",
                        ApplicationRules.ENGAGED.stream().map(Enum::name).toList()))
                .fetch().all();
        var byTerritory = rows.stream().map(row -> new SubsidyTotal(new TerritoryRef(level, (String) row.get("code")),
                ((Number) row.get("applications")).intValue(), ((Number) row.get("engaged")).longValue(),
                ((Number) row.get("paid")).longValue())).toList();
        var total = new SubsidyTotal(null, byTerritory.stream().mapToInt(SubsidyTotal::applications).sum(),
                byTerritory.stream().mapToLong(SubsidyTotal::engagedEur).sum(),
                byTerritory.stream().mapToLong(SubsidyTotal::paidEur).sum());
        return new SubsidySummary(campaignCode, total, byTerritory);
    }

    // Mapping

    private static Campaign campaign(Node c, List<Node> rules) {
        return new Campaign(c.get("code").asString(), c.get("name").asString(), c.get("opensOn").asLocalDate(),
                c.get("closesOn").asLocalDate(), c.get("notificationDelayMonths").asInt(),
                c.get("recruitmentDelayMonths").asInt(), c.get("weeklyHours").asInt(),
                c.get("initialAdviserFundingMonths").asInt(), rules.stream().map(ApplicationRepository::rule).toList());
    }

    static FundingRule rule(Node r) {
        return new FundingRule(r.get("key").asString(), r.get("rank").asInt(),
                ApplicantCategory.valueOf(r.get("applicant").asString()),
                r.get("contractTypes").asList(v -> ContractType.valueOf(v.asString())),
                r.get("departmentCodes").asList(Value::asString), r.get("amountEur").asInt(),
                r.get("periodMonths").asInt(), r.get("requiresBranchAgreement").asBoolean(false),
                r.get("note").asString(null));
    }

    private static Application application(Object value, Object ruleValue) {
        var a = value instanceof Value v ? v.asNode() : (Node) value;
        var ruleNode = ruleValue == null ? null : ruleValue instanceof Value v ? (v.isNull() ? null : v.asNode())
                : (Node) ruleValue;
        var refs = a.get("perimeterRefs").asList(v -> {
            var parts = v.asString().split(":", 2);
            return new TerritoryRef(TerritoryLevel.valueOf(parts[0]), parts[1]);
        });
        var perimeter = new Perimeter(PerimeterKind.valueOf(a.get("perimeterKind").asString()), refs,
                a.get("zoneCommunes").asInt(), a.get("zonePopulation").asLong(),
                a.get("departmentCodes").asList(Value::asString), a.get("regionCodes").asList(Value::asString));
        var funding = new Funding(a.get("amountEur").asInt(), a.get("periodMonths").asInt(), date(a, "fundingStart"),
                ruleNode == null ? null : rule(ruleNode), a.get("fundingNotes").asList(Value::asString));
        return new Application(a.get("id").asString(), a.get("reference").asString(), a.get("campaignCode").asString(),
                a.get("employerId").asString(), a.get("employerSiret").asString(),
                ApplicationCase.valueOf(a.get("case").asString()), ContractType.valueOf(a.get("contractType").asString()),
                a.get("fullTime").asBoolean(), a.get("branchAgreement").asBoolean(false),
                a.get("motivation").asString(null), perimeter, a.get("existingPostAdviserId").asString(null),
                ApplicationStatus.valueOf(a.get("status").asString()), funding, date(a, "createdOn"),
                date(a, "submittedOn"),
                a.get("decision").isNull() ? null : ApplicationDecision.valueOf(a.get("decision").asString()),
                date(a, "decidedOn"), a.get("decisionComment").asString(null), date(a, "notifiedOn"),
                date(a, "recruitedOn"), a.get("coordinatorId").asString(null), date(a, "conventionSignedOn"),
                date(a, "paidOn"), a.get("notificationDelayMonths").asInt(), a.get("recruitmentDelayMonths").asInt(),
                a.get("sort").asString());
    }

    @SuppressWarnings("unchecked")
    private static List<String> sorted(Object codes) {
        var list = new ArrayList<>((List<String>) codes);
        list.sort(null);
        return List.copyOf(list);
    }

    private static LocalDate date(Node node, String property) {
        var value = node.get(property);
        return value == null || value.isNull() ? null : value.asLocalDate();
    }
}
