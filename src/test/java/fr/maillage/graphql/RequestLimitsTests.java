package fr.maillage.graphql;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class RequestLimitsTests extends IntegrationTest {

    @Test
    void refusesARequestDeeperThanTheLimit() {
        // 13 levels of selection: commune -> department -> region -> chef-lieu -> ... (limit 12)
        graphQl().document("""
                { territory(level: COMMUNE, code: "2A004") { ... on Commune { department { region { chefLieu {
                  department { region { chefLieu { department { region { chefLieu { department { region { name }
                  } } } } } } } } } } } } }""").execute()
                .errors().expect(error -> error.getMessage().startsWith("Requête trop profonde")).verify()
                .path("territory").pathDoesNotExist();
    }

    @Test
    void refusesARequestWhosePagesMultiplyBeyondTheLimit() {
        graphQl().document("""
                { territories(level: REGION, first: 100) { nodes { ... on Region {
                  departments(first: 100) { nodes { communes(first: 100) { nodes { name } } } } } } } }""").execute()
                .errors().expect(error -> error.getMessage().startsWith("Requête trop coûteuse")).verify();
    }

    @Test
    void acceptsAnOrdinaryNavigation() {
        graphQl().document("""
                { territories(level: REGION, first: 30) { nodes { name ... on Region { departments(first: 20) {
                  nodes { name } } } } } }""").execute()
                .errors().verify()
                .path("territories.nodes").entityList(Object.class).hasSize(26);
    }
}
