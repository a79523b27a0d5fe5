package fr.maillage.applications;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.graphql.Connection;
import fr.maillage.graphql.Keyset;
import fr.maillage.graphql.PageRequest;
import fr.maillage.security.Caller;
import fr.maillage.security.Role;
import fr.maillage.territories.TerritoryRef;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of applications, one by one, in pages and in the ANCT queue; every list restricted to what the caller may
 * read. The paged statements put a match of applications into one page template: their final texts are under
 * docs/cypher/applications (ApplicationCypherTests).
 */
@Repository
@Transactional(readOnly = true)
class ApplicationReader {

    private static final String BY_IDS = """
            MATCH (a:CoordinatorApplication) WHERE a.id IN $ids
            OPTIONAL MATCH (rule:FundingRule {key: a.fundingRuleKey})
            RETURN a, rule""";

    /** ANCT and the employer see everything; the territory's authorities see what has been filed. */
    private static final String VISIBLE = "($national OR a.employerSiret IN $sirets OR a.status <> 'DRAFT'"
            + " AND (any(d IN a.departmentCodes WHERE d IN $departments) OR any(g IN a.regionCodes WHERE g IN $regions)))";

    static final String IS_VISIBLE = "MATCH (a:CoordinatorApplication {id: $id}) RETURN " + VISIBLE
            + " AS visible";

    /** The applications of a filter (all parameters optional). */
    static final String FILTERED = """
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
            """;

    /** The applications of a département awaiting its prefecture's opinion. */
    static final String AWAITING_OPINION = """
            MATCH (a:CoordinatorApplication) WHERE a.status IN ['SUBMITTED', 'REVIEWED']
              AND $department IN a.departmentCodes
              AND NOT EXISTS { (:Prefecture {code: $department})-[:GAVE_OPINION]->(a) }
            """;

    /** A page of a match of applications {@code a}, sorted: {@code %s} the match, then the keyset page. */
    private static final String PAGE = """
            %s  AND %s
            WITH a ORDER BY a.sort, a.id
            WITH collect({node: a, sort: a.sort}) AS rows
            CALL (rows) {
              UNWIND %s AS r
              WITH r.node AS a
              OPTIONAL MATCH (rule:FundingRule {key: a.fundingRuleKey})
              RETURN collect({node: a, rule: rule}) AS page
            }
            RETURN size(rows) AS total, page""";

    /** Every application of a queue: {@code %s} the queue's match, then each one's funding rule and employer's name. */
    private static final String QUEUE_ROWS = """
            %s  AND %s
            WITH a ORDER BY a.sort, a.id
            OPTIONAL MATCH (rule:FundingRule {key: a.fundingRuleKey})
            OPTIONAL MATCH (e:Employer {id: a.employerId})
            RETURN a, rule, e.name AS employerName
            ORDER BY a.sort, a.id""";

    private final Neo4jClient neo4j;

    ApplicationReader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    Application application(String id) {
        return applications(List.of(id)).get(id);
    }

    Map<String, Application> applications(Collection<String> ids) {
        var found = new LinkedHashMap<String, Application>();
        neo4j.query(BY_IDS).bind(List.copyOf(ids)).to("ids").fetchAs(Application.class)
                .mappedBy((types, row) -> ApplicationMapping.application(row.get("a"), row.get("rule"))).all()
                .forEach(application -> found.put(application.id(), application));
        return found;
    }

    /** Whether the caller may read the application (the same rule as the lists below). */
    boolean visible(String id, Caller caller) {
        return neo4j.query(IS_VISIBLE).bindAll(visibility(caller, Map.of("id", id))).fetchAs(Boolean.class).one()
                .orElse(false);
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
        return page(FILTERED, params, caller, page);
    }

    Connection<Application> awaitingOpinion(String departmentCode, Caller caller, PageRequest page) {
        return page(AWAITING_OPINION, Map.of("department", departmentCode), caller, page);
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

        /** The applications of this list, of campaign {@code $campaignCode} if given. */
        String match() {
            return "MATCH (a:CoordinatorApplication) WHERE ($campaignCode IS NULL OR a.campaignCode = $campaignCode)"
                    + " AND " + condition + "\n";
        }
    }

    /** A page of an ANCT queue. */
    Connection<Application> queue(Queue queue, String campaignCode, LocalDate today, Caller caller, PageRequest page) {
        return page(queue.match(), queueParameters(campaignCode, today), caller, page);
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
            var result = runner.run(queueRowsStatement(queue), visibility(caller, queueParameters(campaignCode, today)));
            while (result.hasNext()) {
                var row = result.next();
                sink.accept(new QueuedApplication(ApplicationMapping.application(row.get("a"), row.get("rule")),
                        row.get("employerName").asString(null)));
            }
            return Optional.empty();
        }).run();
    }

    /** The statement of a page over {@code match} (a match of applications {@code a} ending with a WHERE clause). */
    static String pageStatement(String match) {
        return PAGE.formatted(match, VISIBLE, Keyset.PAGE);
    }

    /** The statement of {@link #eachInQueue}. */
    static String queueRowsStatement(Queue queue) {
        return QUEUE_ROWS.formatted(queue.match(), VISIBLE);
    }

    private static Map<String, Object> queueParameters(String campaignCode, LocalDate today) {
        var params = new HashMap<String, Object>();
        params.put("campaignCode", campaignCode);
        params.put("today", today);
        return params;
    }

    private record Page(long total, List<Application> nodes) {
    }

    private Connection<Application> page(String match, Map<String, Object> filterParams, Caller caller,
            PageRequest page) {
        var params = new HashMap<>(visibility(caller, filterParams));
        params.putAll(Keyset.parameters(page));
        var found = neo4j.query(pageStatement(match)).bindAll(params).fetchAs(Page.class)
                .mappedBy((types, row) -> new Page(row.get("total").asLong(), row.get("page").asList(
                        r -> ApplicationMapping.application(r.get("node"), r.get("rule")))))
                .one().orElseThrow();
        return Connection.of(found.nodes(), page, found.total(), Application::sort);
    }

    private static Map<String, Object> visibility(Caller caller, Map<String, Object> others) {
        var params = new HashMap<>(others);
        params.put("national", caller.national());
        params.put("departments", caller.has(Role.PREFECTURE) ? List.copyOf(caller.departments()) : List.of());
        params.put("regions", caller.has(Role.SGAR) || caller.has(Role.HUB) ? List.copyOf(caller.regions()) : List.of());
        params.put("sirets", caller.has(Role.EMPLOYER) ? List.copyOf(caller.sirets()) : List.of());
        return params;
    }
}
