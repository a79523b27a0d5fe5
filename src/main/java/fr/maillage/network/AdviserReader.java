package fr.maillage.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.graphql.Connection;
import fr.maillage.graphql.Keyset;
import fr.maillage.graphql.PageRequest;
import fr.maillage.graphql.RootReads;
import fr.maillage.graphql.RootReads.RootRead;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Contract;
import fr.maillage.network.NetworkModel.Coordinator;
import fr.maillage.network.NetworkModel.PlaceAssignment;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryMapper;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.neo4j.driver.Values;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads of advisers: their contracts, places and coordinators, and the pages of advisers below an employer or a
 * coordinator. Methods taking a collection of ids answer for all of them in one statement: they back the data
 * loaders of nested GraphQL fields.
 */
@Repository
@Transactional(readOnly = true)
class AdviserReader {

    /** The places of adviser {@code a} as maps {p, main}, the main one first, then by name. */
    static final String PLACE_ASSIGNMENTS = """
            COLLECT { MATCH (a)-[w:WORKS_AT]->(p:Place)
              RETURN {p: p, main: coalesce(w.main, false)} AS place ORDER BY place.main DESC, p.name }""";

    static final String LATEST_CONTRACTS = "MATCH (a:Adviser) WHERE a.id IN $ids RETURN a.id AS id, "
            + NetworkQueries.LATEST_CONTRACT + " AS latest";

    static final String PLACES = "MATCH (a:Adviser) WHERE a.id IN $ids RETURN a.id AS id, "
            + PLACE_ASSIGNMENTS + " AS places";

    private static final String COORDINATORS = """
            MATCH (c:Coordinator)-[:COORDINATES]->(a:Adviser) WHERE a.id IN $ids
            RETURN a.id AS key, c ORDER BY c.id""";

    private static final String OF_PLACES = """
            MATCH (a:Adviser)-[:WORKS_AT]->(p:Place) WHERE p.id IN $ids
            RETURN p.id AS key, a ORDER BY a.id""";

    private static final String CONTRACTS_OF_ONE = """
            MATCH (:Adviser {id: $id})-[r:EMPLOYED_BY]->(e:Employer) RETURN r, e.id AS employerId ORDER BY r.start""";

    private final Neo4jClient neo4j;

    AdviserReader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** The latest contract ({@link NetworkQueries#LATEST_CONTRACT}) of each adviser that has one. */
    Map<String, Contract> latestContracts(Collection<String> adviserIds) {
        var found = new HashMap<String, Contract>();
        for (var row : rows(LATEST_CONTRACTS, adviserIds)) {
            var contract = contract(row.get("latest"));
            if (contract != null) {
                found.put(row.get("id").asString(), contract);
            }
        }
        return found;
    }

    /** Every contract of an adviser, the oldest first. */
    List<Contract> contracts(String adviserId) {
        return List.copyOf(neo4j.query(CONTRACTS_OF_ONE).bind(adviserId).to("id").fetchAs(Contract.class)
                .mappedBy((types, row) -> NetworkMapper.contract(row.get("r").asRelationship(),
                        row.get("employerId").asString(null))).all());
    }

    Map<String, List<PlaceAssignment>> placesOfAdvisers(Collection<String> adviserIds) {
        var found = new LinkedHashMap<String, List<PlaceAssignment>>();
        for (var id : adviserIds) {
            found.put(id, List.of());
        }
        rows(PLACES, adviserIds).forEach(row -> found.put(row.get("id").asString(), assignments(row.get("places"))));
        return found;
    }

    Map<String, List<Coordinator>> coordinatorsOfAdvisers(Collection<String> adviserIds) {
        return Rows.grouped(rows(COORDINATORS, adviserIds), adviserIds,
                row -> new Coordinator(NetworkMapper.adviser(row.get("c"))));
    }

    Map<String, List<Adviser>> advisersOfPlaces(Collection<String> placeIds) {
        return Rows.grouped(rows(OF_PLACES, placeIds), placeIds, row -> NetworkMapper.adviser(row.get("a")));
    }

    // Pages of advisers below many parents (an employer's, a coordinator's)

    /**
     * A page of advisers below a parent; {@code withContracts} and {@code withPlaces} say that the request reads the
     * latest contract or the places of the advisers of the page, read with it; {@code countOnly} that it reads only
     * their number (no adviser of the page is read then).
     */
    record AdviserPage(String parentId, boolean ofCoordinator, boolean activeOnly, PageRequest page,
            boolean withContracts, boolean withPlaces, boolean countOnly) {

        AdviserPage of(String parent) {
            return new AdviserPage(parent, ofCoordinator, activeOnly, page, withContracts, withPlaces, countOnly);
        }
    }

    /**
     * A page of advisers, and when asked the latest contract and the places of each adviser of the page (as
     * {@link #latestContracts} and {@link #placesOfAdvisers} give them): one statement instead of three.
     */
    record AdviserPageResult(Connection<Adviser> connection, Map<String, Contract> contracts,
            Map<String, List<PlaceAssignment>> places) {
    }

    /**
     * The pages of advisers of {@code $keys}: employed by an employer (active at {@code $today} for it, with
     * activeOnly) or coordinated by a coordinator; with each adviser, {@code contract} and {@code places} are the
     * fragments {@code contract} and {@code places} (or null when no page of the batch reads them).
     */
    static String adviserPages(boolean contracts, boolean places) {
        return "UNWIND $keys AS k\n" + pageOfKey(contracts, places) + "RETURN k.index AS index, total, rows AS page";
    }

    /**
     * The page of advisers of key {@code key} (a map as {@link #parameters} makes it) as {@code advisers}:
     * {@code {total, page}}, or null when the parent has no adviser. The root statement of a request embeds it to
     * read a parent and its page of advisers at once. (A CALL, not a COLLECT expression: Neo4j 5 counts the
     * aggregations inside an expression's subquery as the enclosing RETURN's own.)
     */
    static String adviserPageCall(String imports, String key, boolean contracts, boolean places) {
        return "OPTIONAL CALL (" + imports + ") {\n  WITH " + key + " AS k\n" + pageOfKey(contracts, places).indent(2)
                + "  RETURN {total: total, page: rows} AS advisers\n}\n";
    }

    /** The advisers of parent {@code k}, sorted and paged: one row of {@code k, total, rows}, none when it has none. */
    private static String pageOfKey(boolean contracts, boolean places) {
        return """
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
                """.formatted(NetworkQueries.activeAdviserOf("a", "e"), NetworkQueries.ACTIVE_ADVISER,
                        contracts ? NetworkQueries.LATEST_CONTRACT : "null", places ? PLACE_ASSIGNMENTS : "null");
    }

    /** The parameters of page {@code key}, the map {@code k} of {@link #pageOfKey}. */
    static Map<String, Object> parameters(AdviserPage key, int index) {
        var row = new HashMap<String, Object>(Keyset.parameters(key.page()));
        if (key.countOnly()) {
            row.put("fetch", 0);
        }
        row.put("index", index);
        row.put("parentId", key.parentId());
        row.put("coordinator", key.ofCoordinator());
        row.put("activeOnly", key.activeOnly());
        return row;
    }

    Map<AdviserPage, AdviserPageResult> adviserPages(Collection<AdviserPage> keys, LocalDate today) {
        var result = new HashMap<AdviserPage, AdviserPageResult>();
        var list = List.copyOf(keys);
        var parameters = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < list.size(); i++) {
            parameters.add(parameters(list.get(i), i));
        }
        var cypher = adviserPages(list.stream().anyMatch(AdviserPage::withContracts),
                list.stream().anyMatch(AdviserPage::withPlaces));
        for (var row : neo4j.query(cypher).bindAll(Map.of("keys", parameters, "today", today))
                .fetchAs(Record.class).mappedBy((types, record) -> record).all()) {
            var key = list.get(row.get("index").asInt());
            result.put(key, pageResult(key, row.get("total").asLong(), row.get("page")));
        }
        for (var key : list) {
            result.putIfAbsent(key, pageResult(key, Values.NULL));
        }
        return result;
    }

    /** Page {@code key} as {@link #adviserPageCall} reads it: {@code {total, page}}, or null for a parent without any. */
    static AdviserPageResult pageResult(AdviserPage key, Value found) {
        return found.isNull() ? pageResult(key, 0, Values.value(List.of()))
                : pageResult(key, found.get("total").asLong(), found.get("page"));
    }

    /** Page {@code key} as {@link #pageOfKey} reads it: its advisers, with their contracts and places when read. */
    static AdviserPageResult pageResult(AdviserPage key, long total, Value page) {
        var latest = new HashMap<String, Contract>();
        var assignments = new HashMap<String, List<PlaceAssignment>>();
        var nodes = new ArrayList<Adviser>();
        for (var r : page.values()) {
            var adviser = NetworkMapper.adviser(r.get("node"));
            nodes.add(adviser);
            var contract = contract(r.get("contract"));
            if (contract != null) {
                latest.put(adviser.id(), contract);
            }
            if (!r.get("places").isNull()) {
                assignments.put(adviser.id(), assignments(r.get("places")));
            }
        }
        return new AdviserPageResult(Connection.of(nodes, key.page(), total, Rows::adviserKey), latest, assignments);
    }

    /**
     * Coordinator {@code $id} with its perimeter, and when {@code page} is given (the request reads it) its page of
     * advisers {@code $page}: the whole of a coordinator request in one statement.
     */
    static String coordinator(boolean page, boolean contracts, boolean places) {
        return """
                MATCH (coordinator:Coordinator {id: $id})
                %sRETURN {node: coordinator,
                  perimeter: COLLECT { MATCH (coordinator)-[:COVERS]->(t) RETURN t ORDER BY t.level, t.code },
                  advisers: %s} AS coordinator""".formatted(
                page ? adviserPageCall("", "$page", contracts, places) : "", page ? "advisers" : "null");
    }

    record CoordinatorRead(Coordinator coordinator, List<Territory> perimeter, AdviserPageResult advisers) {
    }

    /** The read of {@link #coordinator}, for {@link RootReads}: null for an unknown id. */
    static RootRead<CoordinatorRead> coordinator(String id, AdviserPage page, LocalDate today) {
        var parameters = new HashMap<String, Object>();
        parameters.put("id", id);
        parameters.put("today", today);
        if (page != null) {
            parameters.put("page", parameters(page, 0));
        }
        var cypher = coordinator(page != null, page != null && page.withContracts(), page != null && page.withPlaces());
        return new RootRead<>(cypher, parameters, rows -> rows.stream().findFirst().map(row -> new CoordinatorRead(
                new Coordinator(NetworkMapper.adviser(row.get("node"))),
                row.get("perimeter").asList(TerritoryMapper::territory),
                page == null ? null : pageResult(page, row.get("advisers"))))
                .orElse(null));
    }

    /** A latest contract as {@link NetworkQueries#LATEST_CONTRACT} reads it; null for none. */
    static Contract contract(Value latest) {
        return latest.isNull() ? null
                : NetworkMapper.contract(latest.get("r").asRelationship(), latest.get("employerId").asString(null));
    }

    /** Places as {@link #PLACE_ASSIGNMENTS} reads them. */
    static List<PlaceAssignment> assignments(Value places) {
        return places.asList(x -> new PlaceAssignment(NetworkMapper.place(x.get("p")), x.get("main").asBoolean()));
    }

    private List<Record> rows(String cypher, Collection<String> ids) {
        return Rows.all(neo4j.query(cypher).bind(List.copyOf(ids)).to("ids"));
    }
}
