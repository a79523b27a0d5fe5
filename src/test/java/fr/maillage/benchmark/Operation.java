package fr.maillage.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import fr.maillage.territories.SearchQuery;
import org.neo4j.driver.Record;

/**
 * One key operation measured two ways: the GraphQL request a user sends, and the best single Cypher statement written
 * by hand for the same answer. Each side is reduced to the same comparable answer (numbers normalised), so the
 * benchmark refuses to time two queries that do not agree.
 */
record Operation(String name, String document, String cypher, Function<LocalDate, Map<String, Object>> parameters,
        Function<Map<String, Object>, Object> graphQlAnswer, Function<List<Record>, Object> cypherAnswer,
        boolean afterWrite) {

    Operation(String name, String document, String cypher, Function<LocalDate, Map<String, Object>> parameters,
            Function<Map<String, Object>, Object> graphQlAnswer, Function<List<Record>, Object> cypherAnswer) {
        this(name, document, cypher, parameters, graphQlAnswer, cypherAnswer, false);
    }

    /**
     * The same operation with a write sent before each GraphQL request (outside its timing): figures kept between
     * writes are then never served, and what is timed is their computation from scratch.
     */
    Operation eachAfterWrite() {
        return new Operation(name + ", each after a write", document, cypher, parameters, graphQlAnswer, cypherAnswer,
                true);
    }

    static final int MAP_MAX_NODES = 2_000;

    static List<Operation> all() {
        return List.of(coverageGaps(), coverageGaps().eachAfterWrite(), diagnosis(), diagnosis().eachAfterWrite(),
                networkMap(), networkMap().eachAfterWrite(), coordinator(), employers(), territorySearch(),
                departmentEpcisCommunes(), places());
    }

    private static Operation coverageGaps() {
        return new Operation("national EPCI coverage gaps", """
                { coverageGaps(level: EPCI, lacking: COORDINATOR, first: 20) { totalCount totalPopulation
                  nodes { territory { code name } population coordinatorCoverage } } }""",
                cypher("coverage-gaps-epci"), today -> Map.of("today", today, "first", 20),
                data -> {
                    var gaps = map(data, "coverageGaps");
                    return answer("total", gaps.get("totalCount"), "population", gaps.get("totalPopulation"),
                            "page", list(gaps, "nodes").stream().map(n -> List.of(map(n, "territory").get("code"),
                                    map(n, "territory").get("name"), n.get("population"), n.get("coordinatorCoverage")))
                                    .toList());
                },
                records -> {
                    var r = records.get(0);
                    return answer("total", r.get("total").asLong(), "population", r.get("population").asLong(),
                            "page", r.get("page").asList(v -> List.of(v.get("code").asString(), v.get("name").asString(),
                                    v.get("population").asLong(), v.get("coverage").asDouble())));
                });
    }

    private static Operation diagnosis() {
        return new Operation("département diagnosis (13)", """
                { diagnosis(level: DEPARTMENT, code: "13") { population advisers coordinators
                  advisersPer10000 { value parent france } coordinatorCoverage { value parent france }
                  placesByService { label count } partnersByKind { label count }
                  subTerritoriesLackingCoordinator { totalCount top { territory { name } population } }
                  endingContracts { count } } }""",
                cypher("diagnosis-department"),
                today -> Map.of("today", today, "horizon", today.plusMonths(3), "code", "13", "region", "93"),
                data -> {
                    var d = map(data, "diagnosis");
                    var lacking = map(d, "subTerritoriesLackingCoordinator");
                    return answer("population", d.get("population"), "advisers", d.get("advisers"),
                            "coordinators", d.get("coordinators"),
                            "per10000", triple(map(d, "advisersPer10000")),
                            "coverage", triple(map(d, "coordinatorCoverage")),
                            "placesByService", list(d, "placesByService").stream()
                                    .map(c -> List.of(c.get("label"), c.get("count"))).toList(),
                            "partnersByKind", list(d, "partnersByKind").stream().map(c -> c.get("count")).toList(),
                            "lacking", lacking.get("totalCount"),
                            "lackingTop", list(lacking, "top").stream()
                                    .map(t -> List.of(map(t, "territory").get("name"), t.get("population"))).toList(),
                            "ending", map(d, "endingContracts").get("count"));
                },
                records -> {
                    var r = records.get(0);
                    return answer("population", r.get("population").asLong(), "advisers", r.get("advisers").asLong(),
                            "coordinators", r.get("coordinators").asLong(),
                            "per10000", List.of(r.get("advisersPer10000").asDouble(), r.get("regionPer10000").asDouble(),
                                    r.get("francePer10000").asDouble()),
                            "coverage", List.of(r.get("coverage").asDouble(), r.get("regionCoverage").asDouble(),
                                    r.get("franceCoverage").asDouble()),
                            "placesByService", r.get("placesByService").asList(v -> List.of(v.get("label").asString(),
                                    v.get("count").asLong())),
                            "partnersByKind", r.get("partnersByKind").asList(v -> v.get("count").asLong()),
                            "lacking", r.get("lackingCount").asLong(),
                            "lackingTop", r.get("lackingTop").asList(v -> List.of(v.get("name").asString(),
                                    v.get("population").asLong())),
                            "ending", r.get("ending").asLong());
                });
    }

    private static Operation networkMap() {
        return new Operation("region network map (84)", """
                { networkMap(level: REGION, code: "84", maxNodes: %d) { summarised actorCount linkCount
                  nodes { id kind count } edges { source target kind count } } }""".formatted(MAP_MAX_NODES),
                cypher("network-map-region"), today -> Map.of("today", today, "region", "84"),
                data -> {
                    var m = map(data, "networkMap");
                    var nodes = new TreeMap<String, Object>();
                    list(m, "nodes").forEach(n -> nodes.put((String) n.get("id"), List.of(n.get("kind"), n.get("count"))));
                    var edges = new TreeMap<String, Object>();
                    list(m, "edges").forEach(e -> edges.merge(e.get("source") + ">" + e.get("target") + ":" + e.get("kind"),
                            e.get("count"), (a, b) -> ((Number) a).longValue() + ((Number) b).longValue()));
                    return answer("summarised", m.get("summarised"), "actors", m.get("actorCount"),
                            "links", m.get("linkCount"), "nodes", nodes, "edges", edges);
                },
                Operation::summariseMap);
    }

    /** The map the service draws, from the rows of the Cypher: every actor, or past the bound one node per group. */
    private static Object summariseMap(List<Record> records) {
        var ids = new HashSet<String>();
        var groupOf = new HashMap<String, String>();
        var kindOf = new HashMap<String, String>();
        for (var r : records) {
            var id = r.get("id").asString();
            ids.add(id);
            kindOf.put(id, r.get("kind").asString());
            groupOf.put(id, r.get("kind").asString() + ":" + r.get("area").asString());
        }
        boolean summarised = records.size() > MAP_MAX_NODES;
        var nodes = new TreeMap<String, Object>();
        var counts = new TreeMap<String, Long>();
        for (var id : ids) {
            if (summarised) {
                counts.merge(groupOf.get(id), 1L, Long::sum);
            } else {
                nodes.put(id, List.of(kindOf.get(id), 1L));
            }
        }
        counts.forEach((group, count) -> nodes.put(group, List.of(group.substring(0, group.indexOf(':')), count)));
        var edges = new TreeMap<String, Object>();
        long links = 0;
        for (var r : records) {
            var source = r.get("id").asString();
            for (var link : r.get("links").asList(v -> v.asList(x -> x.asString(null)))) {
                var target = link.get(1);
                if (ids.contains(target)) {
                    links++;
                    var key = summarised ? groupOf.get(source) + ">" + groupOf.get(target) + ":" + link.get(0)
                            : source + ">" + target + ":" + link.get(0);
                    edges.merge(key, 1L, (a, b) -> (Long) a + (Long) b);
                }
            }
        }
        return answer("summarised", summarised, "actors", (long) records.size(), "links", links, "nodes", nodes,
                "edges", edges);
    }

    private static Operation coordinator() {
        return new Operation("coordinator, advisers, partners", """
                { coordinator(id: "demo-adviser-000001") { perimeter { code } advisers(first: 50) { totalCount
                    nodes { id contract { end } places { place { name } } } } }
                  coordinatorPartners(coordinatorId: "demo-adviser-000001", first: 50) { totalCount unlinkedCount
                    nodes { linked partner { name kind } } } }""",
                cypher("coordinator"), today -> Map.of("id", "demo-adviser-000001", "first", 50, "prescribers",
                        List.of("FRANCE_TRAVAIL", "MISSION_LOCALE", "CAP_EMPLOI", "CAF", "CCAS")),
                data -> {
                    var c = map(data, "coordinator");
                    var advisers = map(c, "advisers");
                    var partners = map(data, "coordinatorPartners");
                    return answer("perimeter", list(c, "perimeter").stream().map(t -> t.get("code")).toList(),
                            "advisers", advisers.get("totalCount"),
                            "adviserPage", list(advisers, "nodes").stream().map(a -> List.of(a.get("id"),
                                    String.valueOf(map(a, "contract").get("end")),
                                    list(a, "places").stream().map(p -> map(p, "place").get("name")).toList())).toList(),
                            "partners", partners.get("totalCount"), "unlinked", partners.get("unlinkedCount"),
                            "partnerPage", list(partners, "nodes").stream().map(p -> List.of(map(p, "partner").get("name"),
                                    map(p, "partner").get("kind"), p.get("linked"))).toList());
                },
                records -> {
                    var r = records.get(0);
                    return answer("perimeter", r.get("perimeter").asList(v -> v.asString()),
                            "advisers", r.get("adviserCount").asLong(),
                            "adviserPage", r.get("advisers").asList(a -> List.of(a.get("id").asString(),
                                    a.get("end").isNull() ? "null" : a.get("end").asLocalDate().toString(),
                                    a.get("places").asList(v -> v.asString()))),
                            "partners", r.get("partnerCount").asLong(), "unlinked", r.get("unlinked").asLong(),
                            "partnerPage", r.get("partners").asList(p -> List.of(p.get("name").asString(),
                                    p.get("kind").asString(), p.get("linked").asBoolean())));
                });
    }

    private static Operation employers() {
        return new Operation("employers of a region (84), advisers", """
                { employers(within: {level: REGION, code: "84"}, first: 50) { totalCount
                  nodes { siret name commune { name } advisers { totalCount } } } }""",
                cypher("employers-region"), today -> Map.of("region", "84", "first", 50, "today", today),
                data -> {
                    var employers = map(data, "employers");
                    return answer("total", employers.get("totalCount"), "page", list(employers, "nodes").stream()
                            .map(e -> List.of(e.get("siret"), e.get("name"), map(e, "commune").get("name"),
                                    map(e, "advisers").get("totalCount"))).toList());
                },
                records -> {
                    var r = records.get(0);
                    return answer("total", r.get("total").asLong(), "page", r.get("page").asList(e -> List.of(
                            e.get("siret").asString(), e.get("name").asString(), e.get("commune").asString(),
                            e.get("advisers").asLong())));
                });
    }

    private static Operation departmentEpcisCommunes() {
        return new Operation("département → EPCI → communes (13)", """
                { territory(level: DEPARTMENT, code: "13") { name ... on Department { epcis(first: 10) { totalCount
                  nodes { code name communes(first: 100) { totalCount nodes { code name } } } } } } }""",
                cypher("department-epcis-communes"), today -> Map.of("code", "13", "epcis", 10, "communes", 100),
                data -> {
                    var department = map(data, "territory");
                    var epcis = map(department, "epcis");
                    return answer("name", department.get("name"), "epcis", epcis.get("totalCount"),
                            "page", list(epcis, "nodes").stream().map(e -> List.of(e.get("code"), e.get("name"),
                                    map(e, "communes").get("totalCount"), list(map(e, "communes"), "nodes").stream()
                                            .map(m -> List.of(m.get("code"), m.get("name"))).toList())).toList());
                },
                records -> {
                    var r = records.get(0);
                    return answer("name", r.get("name").asString(), "epcis", r.get("epciCount").asLong(),
                            "page", r.get("epcis").asList(e -> List.of(e.get("code").asString(),
                                    e.get("name").asString(), e.get("communeCount").asLong(),
                                    e.get("communes").asList(m -> List.of(m.get("code").asString(),
                                            m.get("name").asString())))));
                });
    }

    private static final SearchQuery SEARCH = SearchQuery.of("saint etienne", List.of());

    private static Operation territorySearch() {
        return new Operation("territory search", """
                { searchTerritories(text: "saint etienne", first: 10) { score territory { code name } } }""",
                cypher("territory-search"), today -> Map.of("lucene", SEARCH.lucene(), "exactNames", SEARCH.exactNames(),
                        "first", 10),
                data -> answer("matches", list(data, "searchTerritories").stream()
                        .map(m -> List.of(map(m, "territory").get("code"), map(m, "territory").get("name"))).toList()),
                records -> answer("matches", records.stream()
                        .map(r -> List.of(r.get("code").asString(), r.get("name").asString())).toList()));
    }

    private static Operation places() {
        return new Operation("page of places (region 84)", """
                { places(within: {level: REGION, code: "84"}, first: 50) { totalCount
                  nodes { name address services commune { name } } } }""",
                cypher("places-page"), today -> Map.of("region", "84", "first", 50),
                data -> {
                    var places = map(data, "places");
                    return answer("total", places.get("totalCount"), "page", list(places, "nodes").stream()
                            .map(p -> List.of(p.get("name"), String.valueOf(p.get("address")),
                                    p.get("services") == null ? List.of() : p.get("services"),
                                    p.get("commune") == null ? "null" : map(p, "commune").get("name"))).toList());
                },
                records -> {
                    var r = records.get(0);
                    return answer("total", r.get("total").asLong(), "page", r.get("page").asList(p -> List.of(
                            p.get("name").asString(), String.valueOf(p.get("address").asString(null)),
                            p.get("services").isNull() ? List.of() : p.get("services").asList(v -> v.asString()),
                            p.get("commune").isNull() ? "null" : p.get("commune").asString())));
                });
    }

    private static List<Object> triple(Map<String, Object> comparison) {
        var values = new ArrayList<Object>();
        values.add(comparison.get("value"));
        values.add(comparison.get("parent"));
        values.add(comparison.get("france"));
        return values;
    }

    /** An answer to compare: keys in order, numbers normalised (integers as longs, decimals to six places). */
    private static Map<String, Object> answer(Object... pairs) {
        var answer = new LinkedHashMap<String, Object>();
        for (int i = 0; i < pairs.length; i += 2) {
            answer.put((String) pairs[i], normalise(pairs[i + 1]));
        }
        return answer;
    }

    private static Object normalise(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return String.format(Locale.ROOT, "%.6f", ((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Operation::normalise).toList();
        }
        if (value instanceof Map<?, ?> map) {
            var copy = new TreeMap<String, Object>();
            map.forEach((k, v) -> copy.put((String) k, normalise(v)));
            return copy;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> parent, String key) {
        return (List<Map<String, Object>>) parent.get(key);
    }

    private static String cypher(String name) {
        try (var in = Operation.class.getResourceAsStream("/benchmark/" + name + ".cypher")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
