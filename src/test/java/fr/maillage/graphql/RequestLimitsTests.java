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

    @Test
    void refusesMoreRootFieldsThanTheLimitWhateverTheirCost() {
        var aliases = new StringBuilder("{");
        for (int i = 0; i < 11; i++) {
            aliases.append(" t").append(i).append(": territory(level: REGION, code: \"94\") { name }");
        }
        graphQl().document(aliases.append(" }").toString()).execute()
                .errors().expect(error -> error.getMessage().startsWith("Requête trop large : 11 champs à la racine")
                        && error.getMessage().contains("maximum autorisé 10")).verify();
    }

    @Test
    void weighsEachAggregateByItsWork() {
        // a diagnosis weighs 250 (its scalar fields nothing): eight fit in a request, nine do not
        var diagnoses = new StringBuilder("{");
        for (int i = 0; i < 9; i++) {
            diagnoses.append(" d").append(i).append(": diagnosis(level: REGION, code: \"94\") { population }");
        }
        graphQl().document(diagnoses.append(" }").toString()).execute()
                .errors().expect(error -> error.getMessage().startsWith("Requête trop coûteuse : complexité 2250"))
                .verify();
    }

    @Test
    void countsACountryWideAggregateAtItsCountryWideWeight() {
        // 1500 each over all of France, 50 inside a territory
        graphQl().document("""
                { a: coverageGaps(level: COMMUNE, lacking: COORDINATOR, first: 1) { totalCount }
                  b: coverageGaps(level: COMMUNE, lacking: ADVISER, first: 1) { totalCount } }""").execute()
                .errors().expect(error -> error.getMessage().startsWith("Requête trop coûteuse : complexité 3000"))
                .verify();
        graphQl().document("""
                { a: coverageGaps(level: COMMUNE, within: {level: DEPARTMENT, code: "2A"}, lacking: COORDINATOR, first: 1) {
                    totalCount }
                  b: coverageGaps(level: COMMUNE, within: {level: DEPARTMENT, code: "2B"}, lacking: ADVISER, first: 1) {
                    totalCount } }""").execute()
                .errors().verify();
    }
}
