package fr.maillage.territories;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TerritorySearchTests extends IntegrationTest {

    @ParameterizedTest(name = "\"{0}\" finds {2} first")
    @CsvSource(delimiter = '|', value = {
            "saint etienne   | 42218     | Saint-Étienne",
            "SAINT-ÉTIENNE   | 42218     | Saint-Étienne",
            "ile rousse      | 2B134     | L'Île-Rousse",
            "l'ile-rousse    | 2B134     | L'Île-Rousse",
            "corse du sud    | 2A        | Corse-du-Sud",
            "auvergne rhone  | 84        | Auvergne-Rhône-Alpes",
            "20220           | 2B134     | L'Île-Rousse",
            "2A004           | 2A004     | Ajaccio",
            "grenoble alpes  | 200040715 | Grenoble-Alpes-Métropole"})
    void findsByNameWithoutAccentsCaseOrPunctuation(String text, String code, String name) {
        graphQl().document("query($text: String!) { searchTerritories(text: $text) { territory { code name } } }")
                .variable("text", text).execute()
                .path("searchTerritories[0].territory.code").entity(String.class).isEqualTo(code)
                .path("searchTerritories[0].territory.name").entity(String.class).isEqualTo(name);
    }

    @Test
    void ranksBetterMatchesFirstAndPrefixesAfter() {
        graphQl().document("{ searchTerritories(text: \"saint etienne\", levels: [COMMUNE], first: 5) { score territory { name } } }")
                .execute()
                .path("searchTerritories[*].territory.name").entityList(String.class)
                .satisfies(names -> assertThat(names).hasSize(5).first().isEqualTo("Saint-Étienne"))
                .path("searchTerritories[*].score").entityList(Double.class)
                .satisfies(scores -> assertThat(scores).isSortedAccordingTo((a, b) -> Double.compare(b, a)));
    }

    @Test
    void filtersByLevel() {
        graphQl().document("{ searchTerritories(text: \"corse\", levels: [REGION]) { territory { __typename code } } }")
                .execute()
                .path("searchTerritories[*].territory.__typename").entityList(String.class).containsExactly("Region")
                .path("searchTerritories[0].territory.code").entity(String.class).isEqualTo("94");
    }

    @Test
    void findsNothingForAnUnknownName() {
        graphQl().document("{ searchTerritories(text: \"xqzwv\") { territory { name } } }").execute()
                .path("searchTerritories").entityList(Object.class).hasSize(0);
    }

    @Test
    void refusesATextWithNothingToSearch() {
        graphQl().document("{ searchTerritories(text: \" -' \") { territory { name } } }").execute()
                .errors().expect(error -> "text".equals(error.getExtensions().get("field"))
                        && error.getMessage().contains("au moins une lettre"))
                .verify();
    }

    @Test
    void searchIsBackedByTheFulltextIndex() {
        assertThat(count("SHOW FULLTEXT INDEXES YIELD name, state WHERE name = 'territory_search' AND state = 'ONLINE'"
                + " RETURN count(*)")).isEqualTo(1);
    }
}
