package fr.maillage.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A document is parsed and validated once, then served from the cache: every limit still applies to each request,
 * a refused document is refused again, and the variables of each request are its own.
 */
class DocumentCacheTests extends IntegrationTest {

    @Autowired
    DocumentCache cache;

    @Test
    void aCachedDocumentIsStillMeasuredAgainstTheDepthLimit() {
        var tooDeep = """
                { territory(level: COMMUNE, code: "2A004") { ... on Commune { department { region { chefLieu {
                  department { region { chefLieu { department { region { chefLieu { department { region { code }
                  } } } } } } } } } } } } }""";
        for (int i = 0; i < 2; i++) {
            graphQl().document(tooDeep).execute()
                    .errors().expect(error -> error.getMessage().startsWith("Requête trop profonde")).verify()
                    .path("territory").pathDoesNotExist();
        }
    }

    @Test
    void aCachedDocumentIsStillWeighed() {
        var tooCostly = """
                { territories(level: REGION, first: 99) { nodes { ... on Region {
                  departments(first: 99) { nodes { communes(first: 99) { nodes { code } } } } } } } }""";
        long before = cache.size();
        for (int i = 0; i < 2; i++) {
            graphQl().document(tooCostly).execute()
                    .errors().expect(error -> error.getMessage().startsWith("Requête trop coûteuse")).verify();
        }
        assertThat(cache.size()).as("kept once").isEqualTo(before + 1);
    }

    @Test
    void anInvalidDocumentIsRefusedAgainWithTheSameError() {
        for (int i = 0; i < 2; i++) {
            graphQl().document("{ territory(level: REGION, code: \"94\") { nom } }").execute()
                    .errors().expect(error -> error.getMessage().contains("nom")).verify();
        }
    }

    @Test
    void theVariablesOfEachRequestAreItsOwn() {
        var document = "query Region($code: String!) { territory(level: REGION, code: $code) { name } }";
        graphQl().document(document).variable("code", "94").execute()
                .path("territory.name").entity(String.class).isEqualTo("Corse");
        graphQl().document(document).variable("code", "84").execute()
                .path("territory.name").entity(String.class).isEqualTo("Auvergne-Rhône-Alpes");
    }
}
