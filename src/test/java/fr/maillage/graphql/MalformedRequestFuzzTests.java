package fr.maillage.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A few hundred malformed requests, generated from a fixed seed, sent over real HTTP to {@code /graphql} and
 * {@code /api/imports/*}: whatever a caller sends, the answer is a 2xx-4xx without a stack trace, a Java class name,
 * Cypher or a database message, and never the servlet container's HTML error page.
 */
class MalformedRequestFuzzTests extends IntegrationTest {

    private static final long SEED = 42;
    private static final int GENERATED = 260;

    /** Nothing of the implementation: exception traces, Jackson's source locations, the container's error page. */
    private static final List<String> LEAKS = List.of("\tat ", "Exception", "at [Source", "MATCH (", "MERGE (",
            "Neo.ClientError", "Neo.TransientError", "Neo.DatabaseError", "<html", "<!doctype", "Apache Tomcat",
            "StackTrace", "NullPointer", "[Source", "StreamRead", "JsonToken");
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(fr\\.maillage|java|javax|jakarta|org\\.springframework|com\\.fasterxml|tools\\.jackson|org\\.neo4j"
                    + "|graphql\\.(execution|schema|language|validation)|reactor\\.core|org\\.apache)\\.[a-zA-Z]");

    private static final String[] KINDS = {"places", "employers", "advisers", "partners"};
    private static final String[] CONTENT_TYPES = {"application/json", "*/*", "text/plain", "application/xml",
            "application/graphql", "application/graphql-response+json", "application/json;charset=ISO-8859-1",
            "application/json;charset=nope", "garbage", "text/", "/json", "multipart/form-data",
            "multipart/form-data; boundary=xyz", "application/x-www-form-urlencoded", "text/csv", "application/*",
            "application/json; charset=utf-8; q=oops", "image/png", "application/octet-stream"};
    private static final String[] INJECTIONS = {"' OR 1=1 --", "\" OR \"\"=\"", "'; DROP TABLE advisers; --",
            "}) DETACH DELETE n //", "` RETURN 1 //", "\\u0027) CALL db.labels() //", "${jndi:ldap://x/a}",
            "../../../../etc/passwd", "%00", "\u0000", "<script>alert(1)</script>", "{{7*7}}", "1; WAITFOR DELAY '0:0:5'",
            "n.name =~ '.*'", "\\\\\\\"", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃ \u202e", "OPTIONAL MATCH(n) RETURN n"};
    private static final String[] QUERIES = {
            "{ territory(level: REGION, code: \"94\") { name } }",
            "query($after: String) { territories(level: DEPARTMENT, first: 3, after: $after) { nodes { name } pageInfo { endCursor } } }",
            "{ advisers(first: 2) { nodes { id } } }",
            "{ searchTerritories(text: \"ajaccio\") { territory { name } } }",
            "{ adviser(id: \"x\") { id email } }",
            "{ places(first: 2) { nodes { name } } }",
            "{ employers(first: 2) { nodes { name } } }"};

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    record Probe(String description, String method, String path, String contentType, byte[] body, boolean anct,
            String accept) {

        Probe(String description, String method, String path, String contentType, byte[] body, boolean anct) {
            this(description, method, path, contentType, body, anct, null);
        }
    }

    @Test
    void noMalformedRequestGetsAServerErrorOrLeaksTheImplementation() throws Exception {
        var probes = new ArrayList<Probe>();
        fixedProbes(probes);
        var random = new Random(SEED);
        for (int i = 0; i < GENERATED; i++) {
            probes.add(generated(random, i));
        }
        var anct = anct();
        var failures = new ArrayList<String>();
        var slowest = new java.util.TreeMap<Long, String>();
        for (var probe : probes) {
            long started = System.nanoTime();
            var response = send(probe, anct);
            slowest.put((System.nanoTime() - started) / 1_000, probe.description());
            if (slowest.size() > 8) {
                slowest.pollFirstEntry();
            }
            var problem = problem(probe, response);
            if (problem != null) {
                failures.add(probe.description() + " -> " + response.statusCode() + " " + problem + "\n    "
                        + abbreviate(response.body()));
            }
        }
        System.out.println("Slowest probes (µs): " + slowest.descendingMap());
        assertThat(failures).as("%d of %d probes answered badly", failures.size(), probes.size()).isEmpty();
    }

    private void fixedProbes(List<Probe> probes) {
        graphQl(probes, "null body", "application/json", "null");
        graphQl(probes, "*/* content type", "*/*", "{\"query\":\"{ __typename }\"}");
        graphQl(probes, "empty body", "application/json", "");
        graphQl(probes, "array body", "application/json", "[{\"query\":\"{ __typename }\"}]");
        graphQl(probes, "number body", "application/json", "42");
        graphQl(probes, "string body", "application/json", "\"{ __typename }\"");
        graphQl(probes, "boolean body", "application/json", "true");
        graphQl(probes, "empty object", "application/json", "{}");
        graphQl(probes, "null query", "application/json", "{\"query\":null}");
        graphQl(probes, "number query", "application/json", "{\"query\":5}");
        graphQl(probes, "array query", "application/json", "{\"query\":[\"{ __typename }\"]}");
        graphQl(probes, "object query", "application/json", "{\"query\":{\"a\":1}}");
        graphQl(probes, "string variables", "application/json", "{\"query\":\"{ __typename }\",\"variables\":\"x\"}");
        graphQl(probes, "array variables", "application/json", "{\"query\":\"{ __typename }\",\"variables\":[1]}");
        graphQl(probes, "number operationName", "application/json",
                "{\"query\":\"{ __typename }\",\"operationName\":5}");
        graphQl(probes, "unknown operationName", "application/json",
                "{\"query\":\"{ __typename }\",\"operationName\":\"Nope\"}");
        graphQl(probes, "string extensions", "application/json", "{\"query\":\"{ __typename }\",\"extensions\":\"x\"}");
        graphQl(probes, "no content type", null, "{\"query\":\"{ __typename }\"}");
        graphQl(probes, "json nested 5000 deep", "application/json",
                "{\"query\":\"{ __typename }\",\"variables\":{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}}");
        graphQl(probes, "braces 5000 deep", "application/json",
                json("{ territory(level: REGION, code: \"94\") " + "{ name ".repeat(5000) + "}".repeat(5001)));
        graphQl(probes, "huge string argument", "application/json",
                json("{ searchTerritories(text: \"" + "a".repeat(1_000_000) + "\") { territory { name } } }"));
        graphQl(probes, "huge id variable", "application/json", "{\"query\":\"query($id: ID!) { adviser(id: $id) { id }"
                + " }\",\"variables\":{\"id\":\"" + "9".repeat(500_000) + "\"}}");
        graphQl(probes, "10000 aliases", "application/json",
                json("{ " + "a: __typename ".repeat(10_000) + "}"));
        graphQl(probes, "invalid UTF-8", "application/json", bytes("{\"query\":\"{ territory(level: REGION, code: \\\"",
                new byte[] {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE}, "\\\") { name } }\"}"));
        graphQl(probes, "UTF-16 body", "application/json",
                "{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.UTF_16));
        graphQl(probes, "invalid cursor", "application/json", json(QUERIES[1], "{\"after\": \"!!!not base64\"}"));
        graphQl(probes, "cursor of another kind", "application/json", json(QUERIES[1], "{\"after\": \"a3o=\"}"));
        graphQl(probes, "invalid enum", "application/json", json("{ territory(level: PLANET, code: \"94\") { name } }"));
        graphQl(probes, "enum as string", "application/json",
                json("{ territory(level: \"REGION\", code: \"94\") { name } }"));
        graphQl(probes, "negative page", "application/json", json("{ advisers(first: -5) { nodes { id } } }"));
        graphQl(probes, "huge page", "application/json", json("{ advisers(first: 2147483647) { nodes { id } } }"));
        graphQl(probes, "int overflow", "application/json", json("{ advisers(first: 99999999999999) { nodes { id } } }"));
        graphQl(probes, "subscription", "application/json", json("subscription { territory { name } }"));
        graphQl(probes, "mutation anonymous", "application/json",
                json("mutation { eraseAdviserPersonalData(adviserId: \"x\") { id } }"));
        graphQl(probes, "introspection of everything", "application/json",
                json("{ __schema { types { name fields { name args { name } } } } }"));
        for (var body : new String[] {"null", "[]", "", "{\"query\": \"subscription { nope }\"}", "{\"query\": 1}"}) {
            probes.add(new Probe("server-sent events, body « " + body + " »", "POST", "/graphql", "application/json",
                    body.getBytes(StandardCharsets.UTF_8), false, "text/event-stream"));
        }
        probes.add(new Probe("Accept nonsense", "POST", "/graphql", "application/json",
                "{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.UTF_8), false, "*/*;q=x, ///"));
        probes.add(new Probe("GET with a broken query", "GET", "/graphql?query=" + encode("{ territory("), null, null,
                false));
        probes.add(new Probe("GET with a mutation", "GET", "/graphql?query=" + encode("mutation { __typename }"), null,
                null, false));
        probes.add(new Probe("GET with broken variables", "GET", "/graphql?query=" + encode("{ __typename }")
                + "&variables=" + encode("{oops"), null, null, false));
        probes.add(new Probe("PUT", "PUT", "/graphql", "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                false));
        probes.add(new Probe("DELETE", "DELETE", "/graphql", null, null, false));
        for (var kind : KINDS) {
            imports(probes, kind + ": broken JSON", "/api/imports/" + kind + "?dryRun=true", "application/json",
                    "[{\"nom\": \"x\",}]".getBytes(StandardCharsets.UTF_8));
            imports(probes, kind + ": truncated JSON", "/api/imports/" + kind + "?dryRun=true", "application/json",
                    "[{\"nom\": \"x\"".getBytes(StandardCharsets.UTF_8));
            imports(probes, kind + ": JSON null", "/api/imports/" + kind + "?dryRun=true", "application/json",
                    "null".getBytes(StandardCharsets.UTF_8));
            imports(probes, kind + ": JSON nested", "/api/imports/" + kind + "?dryRun=true", "application/json",
                    ("[" + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "]").getBytes(StandardCharsets.UTF_8));
            imports(probes, kind + ": number too big", "/api/imports/" + kind + "?dryRun=true", "application/json",
                    ("[{\"nom\": 1" + "0".repeat(5000) + "}]").getBytes(StandardCharsets.UTF_8));
            imports(probes, kind + ": empty", "/api/imports/" + kind + "?dryRun=true", "text/csv", new byte[0]);
            imports(probes, kind + ": multipart without file", "/api/imports/" + kind + "?dryRun=true",
                    "multipart/form-data; boundary=b", "--b\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--b--\r\n"
                            .getBytes(StandardCharsets.UTF_8));
            imports(probes, kind + ": multipart without boundary", "/api/imports/" + kind + "?dryRun=true",
                    "multipart/form-data", "--b\r\n".getBytes(StandardCharsets.UTF_8));
            imports(probes, kind + ": dryRun not a boolean", "/api/imports/" + kind + "?dryRun=peut-etre", "text/csv",
                    "nom\nx\n".getBytes(StandardCharsets.UTF_8));
        }
        imports(probes, "unknown kind", "/api/imports/planets?dryRun=true", "text/csv",
                "nom\nx\n".getBytes(StandardCharsets.UTF_8));
        imports(probes, "kind with dots", "/api/imports/..%2F..%2Fgraphql", "text/csv",
                "nom\nx\n".getBytes(StandardCharsets.UTF_8));
        probes.add(new Probe("import without token", "POST", "/api/imports/places?dryRun=true", "text/csv",
                "nom\nx\n".getBytes(StandardCharsets.UTF_8), false));
        probes.add(new Probe("import with GET", "GET", "/api/imports/places", null, null, true));
    }

    /** One random malformed request: a GraphQL body or an import body, mangled in one of many ways. */
    private Probe generated(Random random, int n) {
        if (random.nextInt(3) == 0) {
            var kind = KINDS[random.nextInt(KINDS.length)];
            var path = "/api/imports/" + kind + "?dryRun=" + (random.nextInt(4) != 0);
            var type = random.nextBoolean() ? (random.nextBoolean() ? "text/csv" : "application/json")
                    : CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)];
            byte[] body = switch (random.nextInt(5)) {
                case 0 -> randomBytes(random, 1 + random.nextInt(4000));
                case 1 -> mangle(random, "[{\"nom\": \"" + pick(random, INJECTIONS) + "\", \"adresse\": \"1 rue\","
                        + " \"code_insee\": \"2A004\", \"siret\": \"" + pick(random, INJECTIONS) + "\"}]");
                case 2 -> mangle(random, "id_conseiller;nom;prenom;siret_employeur;type_contrat;date_debut\n"
                        + pick(random, INJECTIONS) + ";" + pick(random, INJECTIONS) + ";x;123;" + pick(random, INJECTIONS)
                        + ";2024-13-45\n");
                case 3 -> ("nom;adresse;code_insee\n" + pick(random, INJECTIONS) + ";\"" + "x".repeat(random.nextInt(
                        5000)) + ";" + pick(random, INJECTIONS) + "\n").getBytes(StandardCharsets.UTF_8);
                default -> mangle(random, "{\"lieux\": [" + "{\"nom\": 1},".repeat(random.nextInt(50)) + "{}]}");
            };
            return new Probe("#" + n + " import " + kind + " as " + type, "POST", path, type, body, random.nextInt(8) != 0);
        }
        var query = QUERIES[random.nextInt(QUERIES.length)];
        var type = random.nextInt(4) == 0 ? CONTENT_TYPES[random.nextInt(CONTENT_TYPES.length)] : "application/json";
        byte[] body = switch (random.nextInt(9)) {
            case 0 -> mangle(random, new String(json(query), StandardCharsets.UTF_8));
            case 1 -> json(query.replace("\"94\"", "\"" + escape(pick(random, INJECTIONS)) + "\"")
                    .replace("\"ajaccio\"", "\"" + escape(pick(random, INJECTIONS)) + "\"")
                    .replace("\"x\"", "\"" + escape(pick(random, INJECTIONS)) + "\""));
            case 2 -> json("query($id: ID!, $first: Int) { adviser(id: $id) { id } advisers(first: $first) { nodes { id }"
                    + " } }", "{\"id\": " + pick(random, new String[] {"{}", "[1,2]", "true", "null", "1.5e400",
                            "\"" + "é".repeat(random.nextInt(100_000)) + "\""}) + ", \"first\": "
                    + pick(random, new String[] {"\"ten\"", "1.5", "-1", "99999999999", "{}", "null", "[]"}) + "}");
            case 3 -> json("{ " + pick(random, new String[] {"nope", "territory(level: REGION, code: \"94\", color: RED)",
                    "territory(level: REGION) { name }", "adviser { id }", "territory(level: REGION, code: 94) { name }",
                    "advisers(first: \"2\") { nodes { id } }", "__type(name: 1) { name }", "territory(level: REGION,"
                            + " code: \"94\") { nope }"}) + " }");
            case 4 -> json(QUERIES[1], "{\"after\": \"" + escape(randomCursor(random)) + "\"}");
            case 5 -> randomBytes(random, 1 + random.nextInt(2000));
            case 6 -> json("{ " + "territory(level: REGION, code: \"94\") { ".repeat(1 + random.nextInt(400))
                    + "name" + " }".repeat(random.nextInt(401)) + " }");
            case 7 -> json("{ adviser(id: \"" + "A".repeat(random.nextInt(200_000)) + "\") { id } }");
            default -> json(query, pick(random, new String[] {"[]", "\"vars\"", "1", "{\"after\": {}}", "{\"__proto__\": 1}"}));
        };
        return new Probe("#" + n + " graphql as " + type, "POST", "/graphql", type, body, random.nextBoolean());
    }

    private static String randomCursor(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> java.util.Base64.getEncoder().encodeToString(randomBytes(random, random.nextInt(64)));
            case 1 -> java.util.Base64.getEncoder().encodeToString(("k:" + pick(random, INJECTIONS))
                    .getBytes(StandardCharsets.UTF_8));
            case 2 -> "x".repeat(random.nextInt(10_000));
            default -> new String(randomBytes(random, random.nextInt(40)), StandardCharsets.ISO_8859_1);
        };
    }

    private HttpResponse<String> send(Probe probe, String anct) throws Exception {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + probe.path()))
                .timeout(Duration.ofSeconds(60));
        if (probe.contentType() != null) {
            builder.header("Content-Type", probe.contentType());
        }
        if (probe.anct()) {
            builder.header("Authorization", "Bearer " + anct);
        }
        if (probe.accept() != null) {
            builder.header("Accept", probe.accept());
        }
        var body = probe.body() == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(probe.body());
        builder.method(probe.method(), body);
        return client.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** What is wrong with the answer, or null. A pattern the request itself carried may be echoed back. */
    private static String problem(Probe probe, HttpResponse<String> response) {
        if (response.statusCode() >= 500) {
            return "server error";
        }
        var body = response.body();
        var sent = (probe.path() + " " + (probe.body() == null ? "" : new String(probe.body(), StandardCharsets.UTF_8)))
                .toLowerCase(Locale.ROOT);
        for (var leak : LEAKS) {
            if (body.toLowerCase(Locale.ROOT).contains(leak.toLowerCase(Locale.ROOT))
                    && !sent.contains(leak.toLowerCase(Locale.ROOT))) {
                return "leaks « " + leak.strip() + " »";
            }
        }
        var className = CLASS_NAME.matcher(body);
        if (className.find()) {
            return "names a class: " + body.substring(className.start(), Math.min(body.length(), className.end() + 40));
        }
        return null;
    }

    private static void graphQl(List<Probe> probes, String description, String contentType, String body) {
        graphQl(probes, description, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void graphQl(List<Probe> probes, String description, String contentType, byte[] body) {
        probes.add(new Probe(description, "POST", "/graphql", contentType, body, false));
    }

    private static void imports(List<Probe> probes, String description, String path, String contentType, byte[] body) {
        probes.add(new Probe(description, "POST", path, contentType, body, true));
    }

    private static byte[] json(String query) {
        return ("{\"query\":\"" + escape(query) + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(String query, String variables) {
        return ("{\"query\":\"" + escape(query) + "\",\"variables\":" + variables + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        var out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Cuts, duplicates, flips or inserts bytes of a well-formed body. */
    private static byte[] mangle(Random random, String text) {
        var bytes = new ArrayList<Byte>();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            bytes.add(b);
        }
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits && !bytes.isEmpty(); i++) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(5)) {
                case 0 -> bytes.subList(at, bytes.size()).clear();
                case 1 -> bytes.remove(at);
                case 2 -> bytes.add(at, (byte) random.nextInt(256));
                case 3 -> bytes.set(at, (byte) "{}[]\",:\\".charAt(random.nextInt(8)));
                default -> bytes.addAll(at, bytes.subList(at, Math.min(bytes.size(), at + 1 + random.nextInt(20))));
            }
        }
        var out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    private static byte[] randomBytes(Random random, int length) {
        var bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        var a = before.getBytes(StandardCharsets.UTF_8);
        var c = after.getBytes(StandardCharsets.UTF_8);
        var out = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(middle, 0, out, a.length, middle.length);
        System.arraycopy(c, 0, out, a.length + middle.length, c.length);
        return out;
    }

    private static String pick(Random random, String[] values) {
        return values[random.nextInt(values.length)];
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String text) {
        var flat = text.replace("\n", "\\n");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "…";
    }
}
