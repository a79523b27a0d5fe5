package fr.maillage.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;

import fr.maillage.network.NetworkKeys;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Requests that cannot be served get a 4xx with a JSON body in French, GraphQL-shaped on {@code /graphql}
 * ({@code {"errors": [{"message": ...}]}}), {@code {"status", "error"}} elsewhere; an unexpected failure gets a generic
 * French message with a reference that is in the server's log. Never a database message, a class name or the
 * servlet container's HTML page.
 */
class RequestErrorsTests extends IntegrationTest {

    private static final Pattern INTERNALS = Pattern.compile("Neo\\.|Node\\(|MATCH \\(|MERGE \\(|\\[Source|Exception"
            + "|StreamRead|<html|\\b(org|java|jakarta|fr\\.maillage|tools\\.jackson|com\\.fasterxml)\\.[a-z]");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    record Answer(int status, String contentType, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String graphQlMessage() {
            return json().get("errors").get(0).get("message").asString();
        }
    }

    private Answer post(String path, String contentType, byte[] body, String bearer) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        var answer = new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
        assertThat(answer.body()).as("body of %s", path).doesNotContainPattern(INTERNALS);
        return answer;
    }

    private Answer graphQl(String contentType, String body) throws Exception {
        return post("/graphql", contentType, body.getBytes(StandardCharsets.UTF_8), null);
    }

    @Test
    void aNullBodyIsABadRequestWithAGraphQlError() throws Exception {
        for (var body : new String[] {"null", "", "[]", "42", "\"{ __typename }\""}) {
            var answer = graphQl("application/json", body);

            assertThat(answer.status()).as("body « %s »", body).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/");
            assertThat(answer.contentType()).contains("json");
            assertThat(answer.graphQlMessage()).contains("objet JSON").contains("query");
        }
    }

    @Test
    void aNullBodyAskingForServerSentEventsIsABadRequestToo() throws Exception {
        for (var body : new String[] {"null", "[]", "{\"query\": \"subscription { x }\"}"}) {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(body)).build();
            var response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

            assertThat(response.statusCode()).as(body).isLessThan(500);
            assertThat(response.body()).doesNotContainPattern(INTERNALS);
        }
    }

    @Test
    void aWildcardContentTypeIsAnUnsupportedMediaTypeWithAGraphQlError() throws Exception {
        for (var type : new String[] {"*/*", "application/*", "not a media type"}) {
            var answer = graphQl(type, "{\"query\":\"{ __typename }\"}");

            assertThat(answer.status()).as(type).isEqualTo(415);
            assertThat(answer.contentType()).contains("json");
            assertThat(answer.graphQlMessage()).contains("application/json");
        }
        var imports = post("/api/imports/places", "*/*", "nom\nx\n".getBytes(StandardCharsets.UTF_8), anct());
        assertThat(imports.status()).isEqualTo(415);
        assertThat(imports.json().get("status").asInt()).isEqualTo(415);
        assertThat(imports.json().get("error").asString()).contains("text/csv");
    }

    @Test
    void aDateBeyondTheYear9999IsRefusedAsADateNotAnInternalError() throws Exception {
        // found by probing: ISO's expanded year was read, then overflowed the first month added to it (500)
        var answer = graphQl("application/json", """
                {"query": "{ diagnosis(level: DEPARTMENT, code: \\"2A\\", referenceDate: \\"+999999999-12-31\\") { population } }"}""");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.graphQlMessage()).contains("Date invalide « +999999999-12-31 »");
        var data = answer.json().get("data");
        assertThat(data == null || data.isNull()).as("no data").isTrue();
    }

    @Test
    void malformedGraphQlJsonSaysWhereInFrench() throws Exception {
        var answer = graphQl("application/json", "{\"query\": \"{ __typename }\",}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.graphQlMessage()).contains("JSON").contains("ligne 1, colonne");
    }

    @Test
    void aBrokenMultipartUploadIsABadRequest() throws Exception {
        var answer = post("/api/imports/places", "multipart/form-data", "--b\r\n".getBytes(StandardCharsets.UTF_8),
                anct());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get("error").asString()).contains("multipart");
    }

    @Test
    void importJsonErrorsSayWhatAndWhereInFrenchWithoutTheParsersText() throws Exception {
        var cases = Map.of(
                "[{\"nom\": \"Lieu\",}]", "ligne 1, colonne ",
                "[\n  {\"nom\": \"Lieu\" \"adresse\": \"Rue\"}\n]", "ligne 2, colonne ",
                "[{\"nom\": \"Lieu\"", "ligne 1",
                "[" + "{\"a\":".repeat(600) + "1" + "}".repeat(600) + "]", "imbriqué",
                "[{\"nom\": 1" + "0".repeat(5000) + "}]", "nombre");
        for (var entry : cases.entrySet()) {
            var answer = post("/api/imports/places?dryRun=true", "application/json",
                    entry.getKey().getBytes(StandardCharsets.UTF_8), anct());

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.json().get("error").asString()).as(entry.getKey().substring(0, Math.min(20, entry.getKey().length())))
                    .startsWith("JSON illisible").contains(entry.getValue())
                    .doesNotContain("Unexpected", "expected", "`", "Source", "code 125");
        }
    }

    @Test
    void anUnexpectedDatabaseFailureIsAGenericFrenchErrorWithAReference() throws Exception {
        // a stored value the service cannot read (a name that is a list): the driver fails converting it. (A write
        // refused by a uniqueness constraint is no longer unexpected: it is a CONFLICT, see ConcurrentNetworkWritesTests)
        clearNetwork();
        write("CREATE (:Employer {id: $id, siret: '20007695800012', name: ['not', 'a', 'name'], sector: 'PUBLIC',"
                + " legalKind: 'TERRITORIAL_COLLECTIVITY'})", Map.of("id", NetworkKeys.employerId("20007695800012")));
        var query = "{ employer(siret: \\\"20007695800012\\\") { id name } }";

        var answer = post("/graphql", "application/json", ("{\"query\": \"" + query + "\"}")
                .getBytes(StandardCharsets.UTF_8), anct());

        assertThat(answer.status()).isEqualTo(200);
        var error = answer.json().get("errors").get(0);
        assertThat(error.get("message").asString()).startsWith("Erreur interne").contains("référence");
        assertThat(error.get("extensions").get("classification").asString()).isEqualTo("INTERNAL_ERROR");
        assertThat(error.get("message").asString()).contains(error.get("extensions").get("errorId").asString());
        clearNetwork();
    }
}
