package fr.maillage.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import fr.maillage.security.Role;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An adviser id that exists nowhere is out of everyone's scope but ANCT's: whoever may not read an adviser's personal
 * data gets the very same answer for an existing adviser and for an unknown id; ANCT is told the id is unknown.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnknownAdviserTests extends IntegrationTest {

    private static final String UNKNOWN = "00000000-0000-0000-0000-000000000000";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    String adviser;

    @BeforeAll
    void anAdviserInCorseDuSud() {
        clearNetwork();
        var employer = asAnct().document("""
                mutation { registerEmployer(input: {siret: "20007695800012", name: "Collectivité de Corse",
                  legalKind: TERRITORIAL_COLLECTIVITY, communeCode: "2A004"}) { id } }""")
                .execute().path("registerEmployer.id").entity(String.class).get();
        adviser = asAnct().document("""
                mutation($e: ID!) { hireAdviser(input: {employerId: $e, firstName: "Marie", lastName: "Casanova",
                  email: "marie@example.org", contractType: CDI_PUBLIC, start: "2023-01-01"}) { id } }""")
                .variable("e", employer).execute().path("hireAdviser.id").entity(String.class).get();
    }

    @AfterAll
    void clean() {
        clearNetwork();
    }

    /** The raw answer, with the id asked for replaced by a placeholder, to compare two answers. */
    private JsonNode answer(String bearer, String query, String id) {
        var client = bearer == null ? http() : http(bearer);
        var body = client.post().uri("/graphql").header("Content-Type", "application/json")
                .bodyValue(Map.of("query", query, "variables", Map.of("id", id))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContain("NullValueInNonNullableField");
        return JSON.readTree(body.replace(id, "<id>"));
    }

    private List<String> outsiders() {
        return java.util.Arrays.asList(null, token(Role.EMPLOYER, Map.of("sirets", List.of("13002526500013")), null),
                token(Role.PREFECTURE, Map.of("departments", List.of("75")), null),
                token(Role.HUB, Map.of("regions", List.of("11")), null),
                token(Role.COORDINATOR, Map.of(), UNKNOWN));
    }

    @Test
    void personalFieldsOfAnUnknownAdviserAnswerExactlyAsThoseOfAnAdviserOutOfScope() {
        for (var query : List.of("query($id: ID!) { adviser(id: $id) { email } }",
                "query($id: ID!) { adviser(id: $id) { id __typename firstName lastName phone } }")) {
            for (var bearer : outsiders()) {
                var existing = answer(bearer, query, adviser);
                var unknown = answer(bearer, query, UNKNOWN);

                assertThat(existing.get("errors").get(0).get("extensions").get("classification").asString())
                        .isEqualTo("FORBIDDEN");
                assertThat(unknown).as(query).isEqualTo(existing);
            }
        }
    }

    @Test
    void anctIsToldThatTheAdviserDoesNotExist() {
        asAnct().document("query($id: ID!) { adviser(id: $id) { id email } }").variable("id", UNKNOWN).execute()
                .errors().verify().path("adviser").valueIsNull();
        asAnct().document("query($id: ID!) { personalDataExport(adviserId: $id) { exportedAt } }")
                .variable("id", UNKNOWN).execute().errors()
                .expect(error -> "BAD_REQUEST".equals(error.getErrorType().toString())
                        && "adviserId".equals(error.getExtensions().get("field"))
                        && error.getMessage().contains("aucun conseiller avec l'identifiant " + UNKNOWN))
                .verify();
    }

    @Test
    void theExportOfAnUnknownAdviserIsRefusedAsThatOfAnAdviserOutOfScope() {
        var query = "query($id: ID!) { personalDataExport(adviserId: $id) { exportedAt adviser { id } } }";
        for (var bearer : outsiders()) {
            var existing = answer(bearer, query, adviser);
            var unknown = answer(bearer, query, UNKNOWN);

            assertThat(existing.get("errors").get(0).get("extensions").get("classification").asString())
                    .isEqualTo("FORBIDDEN");
            assertThat(unknown).isEqualTo(existing);
        }
    }
}
