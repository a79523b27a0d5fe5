package fr.maillage.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import fr.maillage.support.IntegrationTest;
import graphql.schema.GraphQLArgument;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLInterfaceType;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLObjectType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import graphql.schema.GraphQLUnionType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.MediaType;

/**
 * No personal value reaches a caller who may not read it, through any path of the schema. The queries are generated
 * from the schema itself: from every root query field, every path (a type at most twice on a path) that leads to a
 * personal field of an adviser or to a pagination cursor is selected, with the arguments of the fixture. Each query is
 * sent over HTTP by every kind of caller, in and out of scope and anonymous; the raw body (data, errors, extensions)
 * and every cursor-like token in it, base64-decoded, must hold no personal value of an adviser the caller may not
 * read. A new root field or argument without a value here fails the test until it is given one.
 * <p>
 * The fixture: in Corse-du-Sud the Collectivité (SIRET A) employs coordinator C and adviser X, who work at a place in
 * Ajaccio; C covers 2A and coordinates X; Hub Corsica supports C. In Haute-Corse an association (SIRET B) employs
 * adviser Y at a place in Bastia. Partners work with X, with the Collectivité and with Y; a governance of 2A; an
 * application of the Collectivité that converts X's post.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonalDataLeakTests extends IntegrationTest {

    static final String SIRET_A = "20007695800012";
    static final String SIRET_B = "13002526500013";
    static final int MAX_DEPTH = 9;

    enum Who {
        ANONYMOUS, ANCT, PREFECTURE_2A, PREFECTURE_2B, PREFECTURE_75, SGAR_94, SGAR_11, HUB_94, HUB_84, COORDINATOR_C,
        COORDINATOR_OTHER, EMPLOYER_A, EMPLOYER_B
    }

    @Autowired
    GraphQlSource graphQlSource;

    final Map<String, String> ids = new HashMap<>();
    /** Adviser key (C, X, Y) → its personal values as stored. */
    final Map<String, List<String>> personal = new LinkedHashMap<>();

    @BeforeAll
    void network() {
        clearNetwork();
        ids.put("A", mutation("registerEmployer(input: {siret: \"" + SIRET_A + "\", name: \"Collectivité de Corse\","
                + " legalKind: TERRITORIAL_COLLECTIVITY, communeCode: \"2A004\"}) { id }"));
        ids.put("B", mutation("registerEmployer(input: {siret: \"" + SIRET_B + "\", name: \"Association Bastiaise\","
                + " legalKind: ASSOCIATION, communeCode: \"2B033\"}) { id }"));
        ids.put("P", mutation("addPlace(input: {name: \"Médiathèque d'Ajaccio\", address: \"1 rue\","
                + " communeCode: \"2A004\"}) { id }"));
        ids.put("Q", mutation("addPlace(input: {name: \"Espace numérique de Bastia\", address: \"2 rue\","
                + " communeCode: \"2B033\"}) { id }"));
        ids.put("C", hire("A", "Philomena", "Zorbalek", "philomena.zorbalek@exemple.fr", "0611223341", "P", "CN-ZQ-7731"));
        ids.put("X", hire("A", "Ondine", "Quintavalle", "ondine.quintavalle@exemple.fr", "0611223342", "P", "CN-ZQ-7732"));
        ids.put("Y", hire("B", "Barnabe", "Marchettini", "barnabe.marchettini@exemple.fr", "0611223343", "Q", "CN-ZQ-7733"));
        mutation("grantCoordinatorRole(adviserId: \"" + ids.get("C") + "\", perimeter: {kind: DEPARTMENT,"
                + " territories: [{level: DEPARTMENT, code: \"2A\"}]}) { id }");
        mutation("attachAdvisers(coordinatorId: \"" + ids.get("C") + "\", adviserIds: [\"" + ids.get("X") + "\"]) { id }");
        ids.put("H", mutation("createHub(input: {name: \"Hub Corsica\", regionCodes: [\"94\"], communeCode: \"2A004\"}) { id }"));
        mutation("supportCoordinators(hubId: \"" + ids.get("H") + "\", coordinatorIds: [\"" + ids.get("C") + "\"]) { id }");
        ids.put("T", mutation("addPartner(input: {kind: FRANCE_TRAVAIL, name: \"France Travail Ajaccio\","
                + " communeCode: \"2A004\"}) { id }"));
        ids.put("U", mutation("addPartner(input: {kind: MISSION_LOCALE, name: \"Mission locale de Bastia\","
                + " communeCode: \"2B033\"}) { id }"));
        for (var link : List.of("T:X", "T:A", "U:Y")) {
            var parts = link.split(":");
            mutation("linkPartner(partnerId: \"" + ids.get(parts[0]) + "\", actorId: \"" + ids.get(parts[1]) + "\") { id }");
        }
        mutation("setGovernance(input: {departmentCode: \"2A\", name: \"Gouvernance France Numérique Ensemble 2A\","
                + " members: [{actorId: \"" + ids.get("A") + "\", coCarrier: true}, {actorId: \"PREFECTURE:2A\"}]}) { id }");
        ids.put("APP", asAnct().document("""
                mutation($input: CoordinatorApplicationInput!) { draftCoordinatorApplication(input: $input) { id } }""")
                .variable("input", Map.of("campaignCode", "AAC-COORD-2023", "employerId", ids.get("A"),
                        "applicationCase", "CONVERT_ADVISER_POST", "contractType", "PROJECT_CONTRACT", "fullTime", true,
                        "existingPostAdviserId", ids.get("X"), "perimeter", Map.of("kind", "DEPARTMENT",
                                "territories", List.of(Map.of("level", "DEPARTMENT", "code", "2A")))))
                .execute().path("draftCoordinatorApplication.id").entity(String.class).get());
        // a meeting of C with X: what the activity queries return, to every caller
        asAnct().document("""
                mutation($input: ActivityInput!) { recordActivity(input: $input) { id } }""")
                .variable("input", Map.of("kind", "COORDINATION_MEETING", "date", "2024-03-01", "communeCode", "2A004",
                        "leaderIds", List.of(ids.get("C")), "metAdviserIds", List.of(ids.get("X"))))
                .execute().errors().verify();
        for (var key : List.of("C", "X", "Y")) {
            var values = asAnct().document(
                    "query($id: ID!) { adviser(id: $id) { firstName lastName email phone externalId } }")
                    .variable("id", ids.get(key)).execute().errors().verify()
                    .path("adviser").entity(new org.springframework.core.ParameterizedTypeReference<Map<String, String>>() {
                    }).get();
            personal.put(key, List.copyOf(values.values()));
        }
    }

    @AfterAll
    void clean() {
        clearNetwork();
    }

    /** Whose personal data each caller may read, by the rules of Access. */
    Set<String> readable(Who who) {
        return switch (who) {
            case ANCT, HUB_94, SGAR_94 -> Set.of("C", "X", "Y");
            case PREFECTURE_2A, EMPLOYER_A -> Set.of("C", "X");
            case COORDINATOR_C -> Set.of("C", "X");
            case PREFECTURE_2B, EMPLOYER_B -> Set.of("Y");
            // a coordinator elsewhere: only itself, and it is none of the fixture's advisers
            case ANONYMOUS, PREFECTURE_75, SGAR_11, HUB_84, COORDINATOR_OTHER -> Set.of();
        };
    }

    String bearer(Who who) {
        return switch (who) {
            case ANONYMOUS -> null;
            case ANCT -> anct();
            case PREFECTURE_2A -> token(Role.PREFECTURE, Map.of("departments", List.of("2A")), null);
            case PREFECTURE_2B -> token(Role.PREFECTURE, Map.of("departments", List.of("2B")), null);
            case PREFECTURE_75 -> token(Role.PREFECTURE, Map.of("departments", List.of("75")), null);
            case SGAR_94 -> token(Role.SGAR, Map.of("regions", List.of("94")), null);
            case SGAR_11 -> token(Role.SGAR, Map.of("regions", List.of("11")), null);
            case HUB_94 -> token(Role.HUB, Map.of("regions", List.of("94")), null);
            case HUB_84 -> token(Role.HUB, Map.of("regions", List.of("84")), null);
            case COORDINATOR_C -> token(Role.COORDINATOR, Map.of(), ids.get("C"));
            case COORDINATOR_OTHER -> token(Role.COORDINATOR, Map.of(), "00000000-0000-0000-0000-000000000000");
            case EMPLOYER_A -> token(Role.EMPLOYER, Map.of("sirets", List.of(SIRET_A)), null);
            case EMPLOYER_B -> token(Role.EMPLOYER, Map.of("sirets", List.of(SIRET_B)), null);
        };
    }

    @Test
    void noPathOfTheSchemaShowsAPersonalValueToACallerWhoMayNotReadIt() {
        var queries = new QueryGenerator(graphQlSource.schema()).queries();
        assertThat(queries).as("root query fields walked").hasSize(graphQlSource.schema().getQueryType()
                .getFieldDefinitions().size()).containsKeys("Query.adviser", "Query.advisers",
                "Query.employer", "Query.coordinator", "Query.place", "Query.partner", "Query.hub", "Query.governance",
                "Query.coordinatorApplication", "Query.personalDataExport", "Query.territories", "Query.coverageGaps",
                "Query.territoryCoverages", "Query.franceCoverage");
        var leaks = java.util.Collections.synchronizedList(new ArrayList<String>());
        var seen = new java.util.concurrent.ConcurrentHashMap<Who, Set<String>>();
        // callers side by side: the service answers them concurrently, as it would in use
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var walks = java.util.Arrays.stream(Who.values()).map(who -> pool.submit(() -> {
                seen.put(who, walk(who, queries, leaks));
                return who;
            })).toList();
            for (var walk : walks) {
                walk.get();
            }
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        assertThat(leaks).as("personal values seen by callers who may not read them").isEmpty();
        // the walk really reaches the personal fields: each caller reads exactly what it may
        for (var who : Who.values()) {
            assertThat(seen.get(who)).as("advisers whose personal data %s reads", who).isEqualTo(readable(who));
        }
    }

    /** Sends every query as {@code who}; notes each forbidden value seen; returns whose personal data it read. */
    Set<String> walk(Who who, Map<String, Selection> queries, List<String> leaks) {
        var bearer = bearer(who);
        var forbidden = new LinkedHashMap<String, String>();
        personal.forEach((key, values) -> {
            if (!readable(who).contains(key)) {
                values.forEach(value -> forbidden.put(value, key));
            }
        });
        var found = new TreeSet<String>();
        for (var query : queries.entrySet()) {
            for (var body : send(query.getValue(), bearer)) {
                var text = body + "\n" + decodedTokens(body);
                forbidden.forEach((value, key) -> {
                    if (text.contains(value)) {
                        leaks.add(who + " reads " + key + "'s « " + value + " » through " + query.getKey());
                    }
                });
                personal.forEach((key, values) -> values.stream().filter(body::contains)
                        .forEach(value -> found.add(key)));
            }
        }
        return found;
    }

    @Test
    void adviserListsAreInIdentifierOrderWhateverTheNames() {
        var order = graphQl().document("""
                { advisers(within: {level: REGION, code: "94"}) { nodes { id } } }""").execute()
                .path("advisers.nodes[*].id").entityList(String.class).get();
        assertThat(order).hasSize(3).isSorted();
    }

    /** The answers to a query: the whole document, or, when a limit refuses it, its parts, split again as needed. */
    List<String> send(Selection query, String bearer) {
        var whole = post("{ " + query.print() + " }", bearer);
        if (!whole.contains("Requête trop")) {
            return List.of(whole);
        }
        assertThat(query.children()).as("a single field refused by the limits: " + query.print()).isNotEmpty();
        var answers = new ArrayList<String>();
        for (var part : query.split()) {
            answers.addAll(send(part, bearer));
        }
        return answers;
    }

    String post(String query, String bearer) {
        var client = bearer == null ? http() : http(bearer);
        var body = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query)).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).as(query).doesNotContain("INTERNAL_ERROR");
        return body;
    }

    static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_\\-+/]{12,}={0,2}");

    /** Every string of the answer that could be base64, decoded: cursors must not carry what fields hide. */
    static String decodedTokens(String body) {
        var decoded = new StringBuilder();
        var matcher = TOKEN.matcher(body);
        while (matcher.find()) {
            var token = matcher.group().replace('+', '-').replace('/', '_').replace("=", "");
            try {
                decoded.append(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)).append('\n');
            } catch (IllegalArgumentException notBase64) {
                // an ordinary word
            }
        }
        return decoded.toString();
    }

    String mutation(String field) {
        var name = field.substring(0, field.indexOf('('));
        return asAnct().document("mutation { " + field + " }").execute().errors().verify()
                .path(name + ".id").entity(String.class).get();
    }

    String hire(String employer, String firstName, String lastName, String email, String phone, String place,
            String externalId) {
        return mutation("hireAdviser(input: {employerId: \"" + ids.get(employer) + "\", externalId: \"" + externalId
                + "\", firstName: \"" + firstName
                + "\", lastName: \"" + lastName + "\", email: \"" + email + "\", phone: \"" + phone
                + "\", contractType: CDI_PUBLIC, start: \"2023-01-01\", mainPlaceId: \"" + ids.get(place) + "\"}) { id }");
    }

    /** A field of a generated query, with what it selects: printed whole, or split when a limit refuses it. */
    record Selection(String field, List<Selection> children) {

        String print() {
            return children.isEmpty() ? field
                    : field + " { " + String.join(" ", children.stream().map(Selection::print).toList()) + " }";
        }

        /** The same root with each one of its children alone (or, with one child, each of the child's parts). */
        List<Selection> split() {
            var parts = children.size() == 1 ? children.get(0).split() : children;
            return parts.stream().map(child -> new Selection(field, List.of(child))).toList();
        }
    }

    /**
     * Walks the schema from each root query field: every field of every type it meets is selected, leaves everywhere
     * (so the personal fields of an adviser wherever one appears, labels, messages), and the object fields of a type the
     * first time the walk meets that type under this root. {@code first} is always 3; required arguments come from the
     * fixture, by (type, field, argument) or by argument name.
     */
    class QueryGenerator {

        private final GraphQLSchema schema;
        private final Set<String> missing = new LinkedHashSet<>();

        QueryGenerator(GraphQLSchema schema) {
            this.schema = schema;
        }

        Map<String, Selection> queries() {
            var queries = new LinkedHashMap<String, Selection>();
            for (var field : schema.getQueryType().getFieldDefinitions()) {
                var target = GraphQLTypeUtil.unwrapAll(field.getType());
                var visited = new LinkedHashSet<String>(Set.of(target.getName()));
                var children = GraphQLTypeUtil.isLeaf(target) ? List.<Selection>of()
                        : selections(target, MAX_DEPTH - 1, visited);
                queries.put("Query." + field.getName(),
                        new Selection(field.getName() + arguments(schema.getQueryType(), field), children));
            }
            assertThat(missing).as("arguments without a value in the privacy test").isEmpty();
            return queries;
        }

        private List<Selection> selections(GraphQLNamedType type, int depth, Set<String> visited) {
            if (type instanceof GraphQLUnionType union) {
                return possible(union.getTypes().stream().map(GraphQLNamedType.class::cast).toList(), depth, visited);
            }
            if (type instanceof GraphQLInterfaceType iface) {
                return possible(List.copyOf(schema.getImplementations(iface)), depth, visited);
            }
            var container = (GraphQLFieldsContainer) type;
            var selections = new ArrayList<Selection>();
            for (var field : container.getFieldDefinitions()) {
                var target = GraphQLTypeUtil.unwrapAll(field.getType());
                var arguments = arguments(container, field);
                if (arguments == null) {
                    continue;
                }
                if (GraphQLTypeUtil.isLeaf(target)) {
                    selections.add(new Selection(field.getName() + arguments, List.of()));
                } else if (depth > 1 && visited.add(target.getName())) {
                    selections.add(new Selection(field.getName() + arguments, selections(target, depth - 1, visited)));
                } else if (depth > 1 && !target.getName().endsWith("Connection")) {
                    // met before under this root: its leaves again, here (whose they are changes with the path)
                    var leaves = selections(target, 1, visited);
                    if (!leaves.isEmpty()) {
                        selections.add(new Selection(field.getName() + arguments, leaves));
                    }
                }
            }
            return selections;
        }

        private List<Selection> possible(List<? extends GraphQLNamedType> types, int depth, Set<String> visited) {
            var selections = new ArrayList<Selection>(List.of(new Selection("__typename", List.of())));
            for (var type : types) {
                var inner = selections(type, depth, visited);
                if (!inner.isEmpty()) {
                    selections.add(new Selection("... on " + type.getName(), inner));
                }
            }
            return selections;
        }

        /** The arguments of a field, "" when none are needed, null when the walk must leave the field out. */
        private String arguments(GraphQLFieldsContainer parent, GraphQLFieldDefinition field) {
            var values = new ArrayList<String>();
            for (var argument : field.getArguments()) {
                var value = value(parent, field, argument);
                if (value != null) {
                    values.add(argument.getName() + ": " + value);
                } else if (argument.getType() instanceof GraphQLNonNull && !argument.hasSetDefaultValue()) {
                    missing.add(parent.getName() + "." + field.getName() + "(" + argument.getName() + ")");
                    return null;
                }
            }
            return values.isEmpty() ? "" : "(" + String.join(", ", values) + ")";
        }

        private String value(GraphQLFieldsContainer parent, GraphQLFieldDefinition field, GraphQLArgument argument) {
            var returned = GraphQLTypeUtil.unwrapAll(field.getType()).getName();
            var name = argument.getName();
            if (name.equals("first")) {
                return "3";
            }
            if (!(argument.getType() instanceof GraphQLNonNull)) {
                return null;
            }
            var id = switch (parent.getName() + "." + field.getName() + "." + name) {
                case "Query.coordinatorPartners.coordinatorId" -> ids.get("C");
                case "Query.shortestPath.fromId" -> ids.get("X");
                case "Query.shortestPath.toId" -> ids.get("Y");
                case "Query.personalDataExport.adviserId" -> ids.get("X");
                case "Query.adviserActivities.adviserId" -> ids.get("X");
                default -> null;
            };
            if (id != null) {
                return quoted(id);
            }
            if (name.equals("input") && field.getName().equals("previewCoordinatorApplication")) {
                // employer A's form naming adviser X as the holder of the existing post: nothing personal comes back
                return "{employerId: %s, campaignCode: \"AAC-COORD-2023\", applicationCase: CONVERT_ADVISER_POST,"
                        .formatted(quoted(ids.get("A"))) + " existingPostAdviserId: %s}".formatted(quoted(ids.get("X")));
            }
            if (name.equals("coordinatorIds")) {
                return "[" + quoted(ids.get("C")) + "]";
            }
            return switch (name) {
                case "id" -> switch (returned) {
                    case "Employer" -> quoted(ids.get("A"));
                    case "Adviser" -> quoted(ids.get("X"));
                    case "Coordinator" -> quoted(ids.get("C"));
                    case "Hub" -> quoted(ids.get("H"));
                    case "Place" -> quoted(ids.get("P"));
                    case "Partner" -> quoted(ids.get("T"));
                    case "CoordinatorApplication" -> quoted(ids.get("APP"));
                    default -> null;
                };
                case "level" -> "DEPARTMENT";
                case "code", "departmentCode" -> quoted("2A");
                case "regionCode" -> quoted("94");
                case "lacking" -> "ADVISER";
                case "text" -> quoted("Ajaccio");
                case "campaignCode" -> quoted("AAC-COORD-2023");
                default -> null;
            };
        }

        private static String quoted(String value) {
            return "\"" + value + "\"";
        }
    }
}
