package fr.maillage.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

import fr.maillage.graphql.Connection;
import fr.maillage.graphql.Keyset;
import fr.maillage.graphql.PageRequest;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Contract;
import fr.maillage.network.NetworkModel.Coordinator;
import fr.maillage.network.NetworkModel.Employer;
import fr.maillage.network.NetworkModel.GovernanceMember;
import fr.maillage.network.NetworkModel.Hub;
import fr.maillage.network.NetworkModel.PartnerLink;
import fr.maillage.network.NetworkModel.PlaceAssignment;
import fr.maillage.security.Scope;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryMapper;
import fr.maillage.territories.TerritoryRef;
import org.neo4j.driver.types.Relationship;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of the network. Methods taking a collection of ids answer for all of them in one statement: they back the
 * data loaders of nested GraphQL fields.
 */
@Repository
@Transactional(readOnly = true)
public class NetworkRepository {

    private final Neo4jClient neo4j;

    NetworkRepository(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    // By id

    public <T> Map<String, T> byIds(String label, Collection<String> ids, Function<Object, T> mapper) {
        var found = new HashMap<String, T>();
        neo4j.query("MATCH (n:" + label + ") WHERE n.id IN $ids RETURN n.id AS id, n AS n")
                .bind(List.copyOf(ids)).to("ids").fetch().all()
                .forEach(row -> found.put((String) row.get("id"), mapper.apply(row.get("n"))));
        return found;
    }

    public Employer employerBySiret(String siret) {
        return neo4j.query("MATCH (n:Employer {siret: $siret}) RETURN n").bind(siret).to("siret").fetch().one()
                .map(row -> NetworkMapper.employer(row.get("n"))).orElse(null);
    }

    /** Actors of any kind by id (partner links, governance members). */
    public Map<String, Object> actors(Collection<String> ids) {
        var found = new HashMap<String, Object>();
        neo4j.query("""
                MATCH (n) WHERE n.id IN $ids AND (n:Adviser OR n:Employer OR n:Hub OR n:Partner OR n:Place)
                RETURN n.id AS id, n AS n""").bind(List.copyOf(ids)).to("ids").fetch().all()
                .forEach(row -> found.put((String) row.get("id"), NetworkMapper.actor(row.get("n"))));
        return found;
    }

    // Where actors lie, for access decisions

    /**
     * The scope of each adviser: départements and regions of its places and of its current employer, that
     * employer's SIRET, the adviser itself and its coordinators.
     */
    public Map<String, Scope> adviserScopes(Collection<String> adviserIds) {
        return adviserScopes(adviserIds, null);
    }

    /**
     * The scope of each adviser as it stands on {@code day} (today when null): its current employer is the one of a
     * contract running that day (a contract not yet begun counts: it is the employer's).
     */
    public Map<String, Scope> adviserScopes(Collection<String> adviserIds, LocalDate day) {
        var found = new HashMap<String, Scope>();
        neo4j.query("""
                UNWIND $ids AS id
                MATCH (a:Adviser {id: id})
                """ + ADVISER_SCOPE + """
                RETURN id, departments, regions, sirets, advisers""")
                .bindAll(nullable("day", day, "ids", List.copyOf(adviserIds))).fetch().all()
                .forEach(row -> found.put((String) row.get("id"), scope(row)));
        return found;
    }

    /**
     * The scope of adviser {@code a} on {@code $day} (today when null), as the lists {@code departments},
     * {@code regions}, {@code sirets} and {@code advisers} of a {@link Scope}: the départements and regions of its
     * places and of the employers of its contracts running that day (or not yet begun), those employers' SIRET, the
     * adviser itself and its coordinators. The one reading of an adviser's scope, for its personal data and writes.
     */
    private static final String ADVISER_SCOPE = """
            CALL (a) {
              WITH a, [(a)-[r:EMPLOYED_BY]->(e:Employer) WHERE r.end IS NULL OR r.end >= coalesce($day, date()) | e]
                AS employers
              RETURN [(a)-[:WORKS_AT]->(p:Place) | p.departmentCode] + [e IN employers | e.departmentCode] AS departments,
                [(a)-[:WORKS_AT]->(p:Place) | p.regionCode] + [e IN employers | e.regionCode] AS regions,
                [e IN employers | e.siret] AS sirets,
                [a.id] + [(c:Coordinator)-[:COORDINATES]->(a) | c.id] AS advisers
            }
            """;

    /**
     * The scope of each coordinator for a hub that would support it: its scope as an adviser, plus the regions of
     * its perimeter. Ids that are not coordinators are absent.
     */
    public Map<String, Scope> coordinatorScopes(Collection<String> coordinatorIds) {
        var advisers = adviserScopes(coordinatorIds);
        var found = new HashMap<String, Scope>();
        neo4j.query("""
                MATCH (c:Coordinator) WHERE c.id IN $ids
                OPTIONAL MATCH (c)-[:COVERS]->(t)
                WITH c, collect(CASE WHEN t:Region THEN [t.code] WHEN t:Epci THEN t.regionCodes
                  WHEN t IS NULL THEN [] ELSE [t.regionCode] END) AS lists
                RETURN c.id AS id, reduce(all = [], list IN lists | all + list) AS regions""")
                .bind(List.copyOf(coordinatorIds)).to("ids").fetch().all().forEach(row -> {
                    var id = (String) row.get("id");
                    found.put(id, advisers.getOrDefault(id, Scope.NOWHERE)
                            .plus(Scope.of(List.of(), strings(row.get("regions")), List.of(), List.of())));
                });
        return found;
    }

    /** The scope of a located actor (employer, place, partner, hub, governance) by id; null when absent. */
    public Scope actorScope(String label, String id) {
        return actorScopes(label, List.of(id)).get(id);
    }

    /**
     * The scope of located actors of label {@code label} (a label expression such as {@code Employer|Hub|Partner})
     * by id: the département and region of their commune, the regions a hub covers, their SIRET. Absent ids are
     * absent.
     */
    public Map<String, Scope> actorScopes(String label, Collection<String> ids) {
        var found = new HashMap<String, Scope>();
        neo4j.query("""
                MATCH (n:%s) WHERE n.id IN $ids
                RETURN n.id AS id, [x IN [n.departmentCode] WHERE x IS NOT NULL] AS departments,
                  [x IN [n.regionCode] WHERE x IS NOT NULL] + [(n)-[:COVERS]->(r:Region) | r.code] AS regions,
                  [x IN [n.siret] WHERE x IS NOT NULL] AS sirets, [] AS advisers""".formatted(label))
                .bind(ids.stream().filter(Objects::nonNull).toList()).to("ids").fetch().all()
                .forEach(row -> found.put((String) row.get("id"), scope(row)));
        return found;
    }

    /**
     * The employer whose reach bounds where an actor works: an employer itself, or the employer of an adviser's
     * latest contract; null when there is none.
     */
    public String reachingEmployer(String actorId) {
        if (actorId == null) {
            return null;
        }
        return neo4j.query("""
                OPTIONAL MATCH (x:Employer {id: $id})
                OPTIONAL MATCH (a:Adviser {id: $id})
                RETURN coalesce(x.id, CASE WHEN a IS NULL THEN null ELSE %s.employerId END) AS employerId"""
                .formatted(LATEST_CONTRACT)).bind(actorId).to("id").fetchAs(String.class).one().orElse(null);
    }

    /**
     * Of the located actors {@code ids} of label {@code label} (places, partners), those out of reach of employer
     * {@code employerId} ({@link NetworkQueries#withinReach}); all of them when the employer or the actor is absent.
     */
    public Set<String> outOfReach(String employerId, String label, Collection<String> ids) {
        return Set.copyOf(neo4j.query("""
                OPTIONAL MATCH (e:Employer {id: $employerId})
                WITH e
                UNWIND $ids AS id
                OPTIONAL MATCH (n:%s {id: id})-[:IN_COMMUNE]->(m:Commune)
                WITH id, e, m
                WHERE e IS NULL OR m IS NULL OR NOT %s
                RETURN collect(DISTINCT id) AS ids""".formatted(label, NetworkQueries.withinReach("m", "e")))
                .bindAll(nullable("employerId", employerId, "ids", List.copyOf(ids))).fetch().one()
                .map(row -> strings(row.get("ids"))).orElse(List.of()));
    }

    /**
     * Of the advisers {@code adviserIds}, those serving ({@link NetworkQueries#SERVED_COMMUNES}) at least one
     * commune of the perimeter of coordinator {@code coordinatorId} on {@code today}.
     */
    public Set<String> servingPerimeter(String coordinatorId, Collection<String> adviserIds, LocalDate today) {
        return Set.copyOf(neo4j.query("""
                MATCH (c:Coordinator {id: $coordinatorId})
                UNWIND $ids AS id
                MATCH (a:Adviser {id: id})
                """ + NetworkQueries.SERVED_COMMUNES + """
                WITH c, a, m WHERE %s
                RETURN collect(DISTINCT a.id) AS ids""".formatted(NetworkQueries.covers("c", "m")))
                .bindAll(nullable("coordinatorId", coordinatorId, "ids", List.copyOf(adviserIds), "today", today))
                .fetch().one().map(row -> strings(row.get("ids"))).orElse(List.of()));
    }

    /** The scope of a place in the referential, for actors about to be created there. */
    public Scope territoryScope(TerritoryRef ref) {
        if (ref == null || ref.code() == null) {
            return null;
        }
        var cypher = switch (ref.level()) {
            case COMMUNE -> "MATCH (t:Commune {code: $code}) RETURN [t.departmentCode] AS departments, [t.regionCode] AS regions";
            case DEPARTMENT -> "MATCH (t:Department {code: $code}) RETURN [t.code] AS departments, [t.regionCode] AS regions";
            case EPCI -> "MATCH (t:Epci {code: $code}) RETURN t.departmentCodes AS departments, t.regionCodes AS regions";
            case REGION -> "MATCH (t:Region {code: $code}) RETURN t.departmentCodes AS departments, [t.code] AS regions";
        };
        return neo4j.query(cypher + ", [] AS sirets, [] AS advisers").bind(ref.code()).to("code").fetch().one()
                .map(NetworkRepository::scope).orElse(null);
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object list) {
        return ((List<Object>) list).stream().filter(Objects::nonNull).map(String::valueOf).toList();
    }

    @SuppressWarnings("unchecked")
    private static Scope scope(Map<String, Object> row) {
        return Scope.of((List<String>) row.get("departments"), (List<String>) row.get("regions"),
                (List<String>) row.get("sirets"), (List<String>) row.get("advisers"));
    }

    // Links of many actors at once

    /** The most recent contract of each adviser. */
    /** The latest contract of adviser {@code a} (the one that started last), as a map {r, employerId}; null if none. */
    private static final String LATEST_CONTRACT = """
            head(COLLECT { MATCH (a)-[c:EMPLOYED_BY]->(e:Employer)
              RETURN {r: c, employerId: e.id} AS latest ORDER BY c.start DESC })""";

    /** The places of adviser {@code a} as maps {p, main}, the main one first, then by name. */
    private static final String PLACE_ASSIGNMENTS = """
            COLLECT { MATCH (a)-[w:WORKS_AT]->(p:Place)
              RETURN {p: p, main: coalesce(w.main, false)} AS place ORDER BY place.main DESC, p.name }""";

    public Map<String, Contract> latestContracts(Collection<String> adviserIds) {
        var found = new HashMap<String, Contract>();
        neo4j.query("MATCH (a:Adviser) WHERE a.id IN $ids RETURN a.id AS id, " + LATEST_CONTRACT + " AS latest")
                .bind(List.copyOf(adviserIds)).to("ids").fetch().all().forEach(row -> {
                    var contract = contract(row.get("latest"));
                    if (contract != null) {
                        found.put((String) row.get("id"), contract);
                    }
                });
        return found;
    }

    public Map<String, List<PlaceAssignment>> placesOfAdvisers(Collection<String> adviserIds) {
        var found = new LinkedHashMap<String, List<PlaceAssignment>>();
        for (var id : adviserIds) {
            found.put(id, List.of());
        }
        neo4j.query("MATCH (a:Adviser) WHERE a.id IN $ids RETURN a.id AS id, " + PLACE_ASSIGNMENTS + " AS places")
                .bind(List.copyOf(adviserIds)).to("ids").fetch().all()
                .forEach(row -> found.put((String) row.get("id"), assignments(row.get("places"))));
        return found;
    }

    private static Contract contract(Object latest) {
        if (latest == null) {
            return null;
        }
        @SuppressWarnings("unchecked")
        var map = (Map<String, Object>) latest;
        return NetworkMapper.contract((Relationship) map.get("r"), (String) map.get("employerId"));
    }

    private static List<PlaceAssignment> assignments(Object places) {
        @SuppressWarnings("unchecked")
        var list = (List<Map<String, Object>>) places;
        return list.stream().map(x -> new PlaceAssignment(NetworkMapper.place(x.get("p")), (Boolean) x.get("main")))
                .toList();
    }

    public Map<String, List<Coordinator>> coordinatorsOfAdvisers(Collection<String> adviserIds) {
        return grouped("""
                MATCH (c:Coordinator)-[:COORDINATES]->(a:Adviser) WHERE a.id IN $ids
                RETURN a.id AS key, c ORDER BY c.id""", adviserIds,
                row -> new Coordinator(NetworkMapper.adviser(row.get("c"))));
    }

    public Map<String, List<Adviser>> advisersOfPlaces(Collection<String> placeIds) {
        return grouped("""
                MATCH (a:Adviser)-[:WORKS_AT]->(p:Place) WHERE p.id IN $ids
                RETURN p.id AS key, a ORDER BY a.id""", placeIds,
                row -> NetworkMapper.adviser(row.get("a")));
    }

    /**
     * Partner links seen from advisers. The label on x lets the planner start from the advisers' id constraint; without
     * it, it walks every partner link of the graph to find the few it wants.
     */
    public Map<String, List<PartnerLink>> partnerLinksOfAdvisers(Collection<String> adviserIds) {
        return grouped("""
                MATCH (p:Partner)-[l:PARTNERS_WITH]->(x:Adviser) WHERE x.id IN $ids
                RETURN x.id AS key, p, x, l ORDER BY p.name, p.id""", adviserIds, NetworkRepository::partnerLink);
    }

    /** Partner links seen from employers, started from the employers' id constraint like those of advisers. */
    public Map<String, List<PartnerLink>> partnerLinksOfEmployers(Collection<String> employerIds) {
        return grouped("""
                MATCH (p:Partner)-[l:PARTNERS_WITH]->(x:Employer) WHERE x.id IN $ids
                RETURN x.id AS key, p, x, l ORDER BY p.name, p.id""", employerIds, NetworkRepository::partnerLink);
    }

    public Map<String, List<PartnerLink>> partnerLinksOfPartners(Collection<String> partnerIds) {
        return grouped("""
                MATCH (p:Partner)-[l:PARTNERS_WITH]->(x) WHERE p.id IN $ids
                RETURN p.id AS key, p, x, l ORDER BY l.since, x.id""", partnerIds, NetworkRepository::partnerLink);
    }

    /** A coordinator with its perimeter (territories by level then code), in one statement; null when absent. */
    public CoordinatorWithPerimeter coordinator(String id) {
        return neo4j.query("""
                MATCH (c:Coordinator {id: $id})
                RETURN c, COLLECT { MATCH (c)-[:COVERS]->(t) RETURN t ORDER BY t.level, t.code } AS perimeter""")
                .bind(id).to("id").fetch().one().map(row -> {
                    @SuppressWarnings("unchecked")
                    var perimeter = (List<Object>) row.get("perimeter");
                    return new CoordinatorWithPerimeter(new Coordinator(NetworkMapper.adviser(row.get("c"))),
                            perimeter.stream().map(TerritoryMapper::territory).toList());
                }).orElse(null);
    }

    public record CoordinatorWithPerimeter(Coordinator coordinator, List<Territory> perimeter) {
    }

    public Map<String, List<Territory>> perimeters(Collection<String> coordinatorIds) {
        return grouped("""
                MATCH (c:Coordinator)-[:COVERS]->(t) WHERE c.id IN $ids
                RETURN c.id AS key, t ORDER BY t.level, t.code""", coordinatorIds,
                row -> TerritoryMapper.territory(row.get("t")));
    }

    public Map<String, List<Hub>> hubsOfCoordinators(Collection<String> coordinatorIds) {
        return grouped("""
                MATCH (h:Hub)-[:SUPPORTS]->(c:Coordinator) WHERE c.id IN $ids
                RETURN c.id AS key, h ORDER BY h.name""", coordinatorIds, row -> NetworkMapper.hub(row.get("h")));
    }

    public Map<String, List<Coordinator>> coordinatorsOfHubs(Collection<String> hubIds) {
        return grouped("""
                MATCH (h:Hub)-[:SUPPORTS]->(c:Coordinator) WHERE h.id IN $ids
                RETURN h.id AS key, c ORDER BY c.id""", hubIds,
                row -> new Coordinator(NetworkMapper.adviser(row.get("c"))));
    }

    public Map<String, List<Territory>> regionsOfHubs(Collection<String> hubIds) {
        return grouped("""
                MATCH (h:Hub)-[:COVERS]->(r:Region) WHERE h.id IN $ids
                RETURN h.id AS key, r ORDER BY r.code""", hubIds, row -> TerritoryMapper.territory(row.get("r")));
    }

    public Map<String, List<GovernanceMember>> governanceMembers(Collection<String> governanceIds) {
        return grouped("""
                MATCH (m)-[r:MEMBER_OF]->(g:Governance) WHERE g.id IN $ids
                RETURN g.id AS key, m, coalesce(r.coCarrier, false) AS coCarrier, r.since AS since
                ORDER BY coCarrier DESC, m.name""", governanceIds, row -> new GovernanceMember(
                        governanceActor(row.get("m")), (Boolean) row.get("coCarrier"),
                        NetworkMapper.date(row.get("since"))));
    }

    public NetworkModel.Governance governanceOf(String departmentCode) {
        return neo4j.query("MATCH (g:Governance {departmentCode: $code}) RETURN g").bind(departmentCode).to("code")
                .fetch().one().map(row -> NetworkMapper.governance(row.get("g"))).orElse(null);
    }

    // Paginated advisers below many parents (an employer's, a coordinator's)

    /**
     * A page of advisers below a parent; {@code withContracts} and {@code withPlaces} say that the request reads the
     * latest contract or the places of the advisers of the page, read with it.
     */
    public record AdviserPage(String parentId, boolean ofCoordinator, boolean activeOnly, PageRequest page,
            boolean withContracts, boolean withPlaces) {
    }

    /**
     * A page of advisers, and when asked the latest contract and the places of each adviser of the page (as
     * {@link #latestContracts} and {@link #placesOfAdvisers} give them): one statement instead of three.
     */
    public record AdviserPageResult(Connection<Adviser> connection, Map<String, Contract> contracts,
            Map<String, List<PlaceAssignment>> places) {
    }

    public Map<AdviserPage, AdviserPageResult> adviserPages(Collection<AdviserPage> keys, LocalDate today) {
        var result = new HashMap<AdviserPage, AdviserPageResult>();
        var list = List.copyOf(keys);
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < list.size(); i++) {
            var key = list.get(i);
            var row = new HashMap<String, Object>(Keyset.parameters(key.page()));
            row.put("index", i);
            row.put("parentId", key.parentId());
            row.put("coordinator", key.ofCoordinator());
            row.put("activeOnly", key.activeOnly());
            rows.add(row);
        }
        boolean contracts = list.stream().anyMatch(AdviserPage::withContracts);
        boolean places = list.stream().anyMatch(AdviserPage::withPlaces);
        neo4j.query("""
                UNWIND $keys AS k
                CALL (k) {
                  OPTIONAL MATCH (a:Adviser)-[:EMPLOYED_BY]->(e:Employer {id: k.parentId})
                  WHERE NOT k.coordinator AND (NOT k.activeOnly OR %s)
                  RETURN a
                  UNION
                  OPTIONAL MATCH (:Coordinator {id: k.parentId})-[:COORDINATES]->(a:Adviser)
                  WHERE k.coordinator AND (NOT k.activeOnly OR %s)
                  RETURN a
                }
                WITH k, a WHERE a IS NOT NULL
                WITH k, a, a.id AS sort ORDER BY sort
                WITH k, collect({node: a, sort: sort}) AS found
                WITH k, size(found) AS total, [r IN found WHERE k.afterSort IS NULL OR r.sort > k.afterSort
                     OR (r.sort = k.afterSort AND r.node.id > k.afterId)][0..k.fetch] AS page
                CALL (page) {
                  UNWIND page AS r
                  WITH r, r.node AS a
                  RETURN collect({node: a, sort: r.sort, contract: %s, places: %s}) AS rows
                }
                RETURN k.index AS index, total, rows AS page"""
                .formatted(NetworkQueries.activeAdviserOf("a", "e"), NetworkQueries.ACTIVE_ADVISER,
                        contracts ? LATEST_CONTRACT : "null",
                        places ? PLACE_ASSIGNMENTS : "null"))
                .bindAll(Map.of("keys", rows, "today", today)).fetch().all().forEach(row -> {
                    var key = list.get(((Number) row.get("index")).intValue());
                    @SuppressWarnings("unchecked")
                    var page = (List<Map<String, Object>>) row.get("page");
                    var latest = new HashMap<String, Contract>();
                    var assignments = new HashMap<String, List<PlaceAssignment>>();
                    for (var r : page) {
                        var id = ((org.neo4j.driver.types.Node) r.get("node")).get("id").asString();
                        var contract = contract(r.get("contract"));
                        if (contract != null) {
                            latest.put(id, contract);
                        }
                        if (r.get("places") != null) {
                            assignments.put(id, assignments(r.get("places")));
                        }
                    }
                    result.put(key, new AdviserPageResult(adviserConnection(row, key.page()), latest, assignments));
                });
        for (var key : list) {
            result.putIfAbsent(key, new AdviserPageResult(Connection.of(List.of(), key.page(), 0, a -> a.id()),
                    Map.of(), Map.of()));
        }
        return result;
    }

    // Lists inside a territory

    public Connection<Employer> employers(TerritoryRef within, String sector, String legalKind, PageRequest page) {
        return list(byName(employersMatch(within)), employersParameters(within, sector, legalKind,
                Keyset.parameters(page)), page, NetworkMapper::employer, e -> Keyset.key(e.name(), e.id()));
    }

    /** Every employer of {@link #employers}, in the same order, streamed to {@code sink} as the database reads them. */
    public void eachEmployer(TerritoryRef within, String sector, String legalKind, Consumer<Located<Employer>> sink) {
        stream(employersMatch(within) + BY_NAME, employersParameters(within, sector, legalKind, Map.of()),
                row -> located(row, NetworkMapper.employer(row.get("n"))), sink);
    }

    /** The employers {@code n} of a list, ending with a WHERE clause. */
    private static String employersMatch(TerritoryRef within) {
        return """
                MATCH (n:Employer) WHERE %s AND ($sector IS NULL OR n.sector = $sector)
                  AND ($legalKind IS NULL OR n.legalKind = $legalKind)""".formatted(NetworkQueries.within("n", within));
    }

    private static Map<String, Object> employersParameters(TerritoryRef within, String sector, String legalKind,
            Map<String, Object> others) {
        var params = NetworkQueries.withinParameters(within, others);
        params.put("sector", sector);
        params.put("legalKind", legalKind);
        return params;
    }

    public Connection<Adviser> advisers(TerritoryRef within, String scheme, boolean coordinatorsOnly,
            boolean activeOnly, LocalDate today, PageRequest page) {
        var cypher = advisersMatch(within) + """
                WITH a AS n, a.id AS sort ORDER BY sort
                WITH collect({node: n, sort: sort}) AS rows
                RETURN size(rows) AS total, %s AS page""".formatted(Keyset.PAGE);
        return list(cypher, advisersParameters(within, scheme, coordinatorsOnly, activeOnly, today,
                Keyset.parameters(page)), page, NetworkMapper::adviser, NetworkRepository::adviserKey);
    }

    /**
     * An adviser of a list with what an export of it shows: its latest contract and that contract's employer, its
     * places (the main one first) and the commune of the first, and its scope (whether the caller may read its
     * personal data).
     */
    public record AdviserRow(Adviser adviser, Contract contract, String employerName, String employerSiret,
            List<PlaceAssignment> places, String placeCommuneName, Scope scope) {
    }

    /**
     * Every adviser of {@link #advisers}, in the same order (identifier), streamed to {@code sink} as the database
     * reads them, each with its contract, places and scope (the fragments of the pages and of {@link #adviserScopes}).
     */
    public void eachAdviser(TerritoryRef within, String scheme, boolean coordinatorsOnly, boolean activeOnly,
            LocalDate today, Consumer<AdviserRow> sink) {
        var cypher = advisersRows(within);
        var params = advisersParameters(within, scheme, coordinatorsOnly, activeOnly, today, Map.of());
        params.put("day", null);
        stream(cypher, params, row -> new AdviserRow(NetworkMapper.adviser(row.get("a")), contract(value(row, "latest")),
                row.get("employerName").asString(null), row.get("employerSiret").asString(null),
                assignments(value(row, "places")), row.get("placeCommuneName").asString(null),
                Scope.of(strings(value(row, "departments")), strings(value(row, "regions")),
                        strings(value(row, "sirets")), strings(value(row, "advisers")))), sink);
    }

    /**
     * The rows of {@link #eachAdviser}: sorted on the advisers alone, then each row's contract, places and scope read
     * as the rows are pulled (the order the sort provides is kept: the database does not sort the rows again).
     */
    private static String advisersRows(TerritoryRef within) {
        return advisersMatch(within) + """
                WITH a ORDER BY a.id
                WITH a, %s AS latest, %s AS places
                OPTIONAL MATCH (e:Employer {id: latest.employerId})
                OPTIONAL MATCH (m:Commune {code: head(places).p.communeCode})
                %s
                RETURN a, latest, places, e.name AS employerName, e.siret AS employerSiret, m.name AS placeCommuneName,
                  departments, regions, sirets, advisers
                ORDER BY a.id""".formatted(LATEST_CONTRACT, PLACE_ASSIGNMENTS, ADVISER_SCOPE);
    }

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

    private static Map<String, Object> advisersParameters(TerritoryRef within, String scheme, boolean coordinatorsOnly,
            boolean activeOnly, LocalDate today, Map<String, Object> others) {
        var params = NetworkQueries.withinParameters(within, others);
        params.put("scheme", scheme);
        params.put("coordinatorsOnly", coordinatorsOnly);
        params.put("activeOnly", activeOnly);
        params.put("today", today);
        return params;
    }

    public Connection<NetworkModel.Place> places(TerritoryRef within, String service, PageRequest page) {
        return list(byName(placesMatch(within)), placesParameters(within, service, Keyset.parameters(page)), page,
                NetworkMapper::place, p -> Keyset.key(p.name(), p.id()));
    }

    /** Every place of {@link #places}, in the same order, streamed to {@code sink} as the database reads them. */
    public void eachPlace(TerritoryRef within, String service, Consumer<Located<NetworkModel.Place>> sink) {
        stream(placesMatch(within) + BY_NAME, placesParameters(within, service, Map.of()),
                row -> located(row, NetworkMapper.place(row.get("n"))), sink);
    }

    private static String placesMatch(TerritoryRef within) {
        return """
                MATCH (n:Place) WHERE %s AND ($service IS NULL OR any(s IN n.services WHERE toLower(s) CONTAINS $service))"""
                .formatted(NetworkQueries.within("n", within));
    }

    private static Map<String, Object> placesParameters(TerritoryRef within, String service, Map<String, Object> others) {
        var params = NetworkQueries.withinParameters(within, others);
        params.put("service", service == null ? null : service.toLowerCase());
        return params;
    }

    public Connection<NetworkModel.Partner> partners(TerritoryRef within, List<String> kinds, PageRequest page) {
        return list(byName(partnersMatch(within)), partnersParameters(within, kinds, Keyset.parameters(page)), page,
                NetworkMapper::partner, p -> Keyset.key(p.name(), p.id()));
    }

    /** Every partner of {@link #partners}, in the same order, streamed to {@code sink} as the database reads them. */
    public void eachPartner(TerritoryRef within, List<String> kinds, Consumer<Located<NetworkModel.Partner>> sink) {
        stream(partnersMatch(within) + BY_NAME, partnersParameters(within, kinds, Map.of()),
                row -> located(row, NetworkMapper.partner(row.get("n"))), sink);
    }

    private static String partnersMatch(TerritoryRef within) {
        return """
                MATCH (n:Partner) WHERE %s AND ($kinds IS NULL OR n.kind IN $kinds)""".formatted(
                NetworkQueries.within("n", within));
    }

    private static Map<String, Object> partnersParameters(TerritoryRef within, List<String> kinds,
            Map<String, Object> others) {
        var params = NetworkQueries.withinParameters(within, others);
        params.put("kinds", kinds);
        return params;
    }

    public List<Hub> hubs(String regionCode) {
        return List.copyOf(neo4j.query("""
                MATCH (h:Hub) WHERE $region IS NULL OR (h)-[:COVERS]->(:Region {code: $region})
                RETURN h ORDER BY h.name""").bindAll(nullable("region", regionCode)).fetch().all().stream()
                .map(row -> NetworkMapper.hub(row.get("h"))).toList());
    }

    // helpers

    /**
     * A page of the actors {@code n} of {@code match} (ending with a WHERE clause) sorted by name then id, and their
     * total: a count, and a top-N from the cursor on, instead of sorting every match into one list (13,666 places in
     * region 84 at scale 10 for a page of 50).
     */
    private static String byName(String match) {
        return """
                CALL () {
                  %1$s
                  RETURN count(n) AS total
                }
                CALL () {
                  %1$s
                    AND ($afterSort IS NULL OR n.name > $afterSort OR (n.name = $afterSort AND n.id > $afterId))
                  WITH n, n.name AS sort ORDER BY sort, n.id LIMIT $fetch
                  RETURN collect({node: n, sort: sort}) AS page
                }
                RETURN total, page""".formatted(match);
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

    /** A located actor of a list, with the name of its commune and its département. */
    public record Located<T>(T actor, String communeName, String departmentCode) {
    }

    private static <T> Located<T> located(org.neo4j.driver.Record row, T actor) {
        return new Located<>(actor, row.get("communeName").asString(null), row.get("departmentCode").asString(null));
    }

    /**
     * Runs {@code cypher} and hands each record, mapped, to {@code sink} as the driver receives it (in batches, as the
     * sink consumes them): nothing is collected, whatever the number of rows. Runs in the read transaction of the
     * calling method; the sink must not query the database (another statement in the transaction would make the
     * driver buffer the rest of this one).
     */
    private <T> void stream(String cypher, Map<String, Object> params, Function<org.neo4j.driver.Record, T> mapper,
            Consumer<T> sink) {
        neo4j.delegateTo(runner -> {
            var result = runner.run(cypher, params);
            while (result.hasNext()) {
                sink.accept(mapper.apply(result.next()));
            }
            return Optional.empty();
        }).run();
    }

    private static Object value(org.neo4j.driver.Record row, String key) {
        var value = row.get(key);
        return value.isNull() ? null : value.asObject();
    }

    private <T> Map<String, List<T>> grouped(String cypher, Collection<String> ids,
            Function<Map<String, Object>, T> mapper) {
        var found = new LinkedHashMap<String, List<T>>();
        for (var id : ids) {
            found.put(id, new ArrayList<>());
        }
        neo4j.query(cypher).bind(List.copyOf(ids)).to("ids").fetch().all()
                .forEach(row -> found.get((String) row.get("key")).add(mapper.apply(row)));
        return found;
    }

    private <T> Connection<T> list(String cypher, Map<String, Object> params, PageRequest page,
            Function<Object, T> mapper, Function<T, String> key) {
        return neo4j.query(cypher).bindAll(params).fetch().one().map(row -> {
            @SuppressWarnings("unchecked")
            var rows = (List<Map<String, Object>>) row.get("page");
            var nodes = rows.stream().map(r -> mapper.apply(r.get("node"))).toList();
            return Connection.of(nodes, page, ((Number) row.get("total")).longValue(), key);
        }).orElseThrow();
    }

    private static Connection<Adviser> adviserConnection(Map<String, Object> row, PageRequest page) {
        @SuppressWarnings("unchecked")
        var rows = (List<Map<String, Object>>) row.get("page");
        var nodes = rows.stream().map(r -> NetworkMapper.adviser(r.get("node"))).toList();
        return Connection.of(nodes, page, ((Number) row.get("total")).longValue(), NetworkRepository::adviserKey);
    }

    /**
     * Lists of people are sorted by identifier, never by name: the order of a list, and the cursor of a page, must not
     * tell a caller who may not read the names anything about them.
     */
    private static String adviserKey(Adviser a) {
        return Keyset.key(a.id(), a.id());
    }

    private static PartnerLink partnerLink(Map<String, Object> row) {
        var link = (Relationship) row.get("l");
        return new PartnerLink(NetworkMapper.partner(row.get("p")), NetworkMapper.actor(row.get("x")),
                NetworkMapper.date(link.get("since")), link.get("nature").asString(null));
    }

    private static Object governanceActor(Object node) {
        var n = (org.neo4j.driver.types.Node) node;
        if (n.hasLabel("Prefecture")) {
            return new fr.maillage.territories.Prefecture(n.get("code").asString(), n.get("name").asString(),
                    n.get("regional").asBoolean(false), n.get("regionCode").asString(), n.get("seatCode").asString(null));
        }
        return NetworkMapper.actor(n);
    }

    private static Map<String, Object> nullable(Object... namesAndValues) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }
}
