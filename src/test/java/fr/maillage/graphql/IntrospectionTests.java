package fr.maillage.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;

/**
 * GraphiQL's docs explorer and completion rest on the standard introspection query of graphql-js, deeper than the
 * API's depth limit: introspection is measured within a bound of its own, and nothing else gets through with it.
 */
class IntrospectionTests extends IntegrationTest {

    /** The query texts of graphql-js getIntrospectionQuery (web/tools/introspection-queries.mjs writes them). */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"default.graphql", "full.graphql"})
    void theIntrospectionQueryOfGraphqlJsAnswersOverHttp(String file) throws IOException {
        var query = new ClassPathResource("introspection/" + file).getContentAsString(StandardCharsets.UTF_8);
        // the full schema's answer is past WebTestClient's default buffer of 256 KB
        var response = http().mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 << 20)).build()
                .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", query, "operationName", "IntrospectionQuery")).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() { }).returnResult()
                .getResponseBody();
        assertThat(response).doesNotContainKey("errors");
        @SuppressWarnings("unchecked")
        var schema = (Map<String, Object>) ((Map<String, Object>) response.get("data")).get("__schema");
        @SuppressWarnings("unchecked")
        var types = (List<Map<String, Object>>) schema.get("types");
        var root = types.stream().filter(type -> "Query".equals(type.get("name"))).findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        var fields = ((List<Map<String, Object>>) root.get("fields")).stream().map(field -> field.get("name")).toList();
        assertThat(fields).contains("coverageGaps", "coordinatorPartners", "territory", "diagnosis",
                "territoryCoverages", "franceCoverage");
    }

    @Test
    void theLongScalarOfTheFiguresIsDescribedInFrench() {
        graphQl().document("{ __type(name: \"Long\") { kind description } }").execute()
                .errors().verify()
                .path("__type.kind").entity(String.class).isEqualTo("SCALAR")
                .path("__type.description").entity(String.class).isEqualTo(LongScalar.DESCRIPTION);
    }

    @Test
    void aDeepQueryIsStillRefusedBesideIntrospection() {
        graphQl().document("""
                { __schema { queryType { name } }
                  territory(level: COMMUNE, code: "2A004") { ... on Commune { department { region { chefLieu {
                  department { region { chefLieu { department { region { chefLieu { department { region { name }
                  } } } } } } } } } } } } }""").execute()
                .errors().expect(error -> error.getMessage().startsWith("Requête trop profonde : profondeur 13,"))
                .verify()
                .path("territory").pathDoesNotExist();
    }

    @Test
    void introspectionHasABoundOfItsOwn() {
        var nested = new StringBuilder("name");
        for (int i = 0; i < 20; i++) {
            nested = new StringBuilder("name ofType { ").append(nested).append(" }");
        }
        graphQl().document("{ __type(name: \"Query\") { fields { type { " + nested + " } } } }").execute()
                .errors().expect(error -> error.getMessage().startsWith("Introspection trop profonde : profondeur 24,"))
                .verify();
    }

    @Test
    void oneSchemaIntrospectionPerRequest() {
        graphQl().document("{ a: __schema { queryType { name } } b: __schema { queryType { name } } }").execute()
                .errors().expect(error -> error.getMessage().contains("__schema")).verify();
    }

    @Test
    void introspectionCostsNothingAgainstTheComplexityBudget() {
        // eight diagnoses weigh 2,000, all a request may cost: the introspection beside them weighs nothing
        var request = new StringBuilder("{");
        for (int i = 0; i < 8; i++) {
            request.append(" d").append(i).append(": diagnosis(level: REGION, code: \"94\") { population }");
        }
        request.append(" __schema { queryType { name } types { name fields { name type { name ofType { name } } } } } }");
        graphQl().document(request.toString()).execute()
                .errors().verify()
                .path("d7.population").entity(Long.class).satisfies(population -> assertThat(population).isPositive());
    }
}
