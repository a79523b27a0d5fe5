package fr.maillage.territories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
            "grenoble alpes  | 200040715 | Grenoble-Alpes-Métropole",
            "st etienne      | 42218     | Saint-Étienne",
            "st-etienne      | 42218     | Saint-Étienne",
            "ste foy-les-lyon | 69202    | Sainte-Foy-lès-Lyon",
            "ste-foy-lès-lyon | 69202    | Sainte-Foy-lès-Lyon",
            "sant etienne    | 42218     | Saint-Étienne",
            "saint etiene    | 42218     | Saint-Étienne"})
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

    /**
     * The referential has 42 EPCI with a word beginning with "saint" in their name (from "CC du Grand Pic Saint-Loup"
     * to "Saint-Étienne Métropole"; count them in territories.tsv.gz: lines E whose folded name has such a word), and
     * one département, Seine-Saint-Denis, beside the three overseas collectivities that are both a region and a
     * département (Saint-Pierre-et-Miquelon, Saint-Barthélemy, Saint-Martin). Asking the index for its best hits of every level, then filtering, found
     * none: the 500 best were communes.
     */
    @Test
    void aLevelFilterNeverEmptiesTheResult() {
        graphQl().document("{ searchTerritories(text: \"saint\", levels: [EPCI], first: 100) { territory { __typename name } } }")
                .execute()
                .path("searchTerritories[*].territory.__typename").entityList(String.class)
                .satisfies(types -> assertThat(types).hasSize(42).containsOnly("Epci"))
                .path("searchTerritories[*].territory.name").entityList(String.class)
                .satisfies(names -> assertThat(names).contains("Saint-Étienne Métropole", "CC du Grand Pic Saint-Loup",
                        "CA Mont-Saint-Michel-Normandie", "CC du Pays de Sainte-Odile"));
        graphQl().document("{ searchTerritories(text: \"saint\", levels: [DEPARTMENT, REGION]) { territory { __typename code } } }")
                .execute()
                .path("searchTerritories[*].territory.__typename").entityList(String.class)
                .satisfies(types -> assertThat(types).containsOnly("Department", "Region"))
                .path("searchTerritories[*].territory.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsExactlyInAnyOrder("93", "975", "975", "977", "977", "978",
                        "978"));
    }

    /** The level is a field of the index, not a word of the names: "region" finds the 11 EPCI named so, no region. */
    @Test
    void aLevelIsNotAWordOfTheNames() {
        graphQl().document("{ searchTerritories(text: \"region\", first: 100) { territory { __typename name } } }")
                .execute()
                .path("searchTerritories[*].territory.__typename").entityList(String.class)
                .satisfies(types -> assertThat(types).hasSize(11).containsOnly("Epci"))
                .path("searchTerritories[0].territory.name").entity(String.class).satisfies(name -> assertThat(
                        SearchText.fold(name)).contains("region"));
    }

    @Test
    void abbreviationsAndTyposRankTheExactNameFirst() {
        for (var text : new String[] {"st etienne", "sant etienne"}) {
            graphQl().document("query($text: String!) { searchTerritories(text: $text, levels: [COMMUNE], first: 5) { territory { code } } }")
                    .variable("text", text).execute()
                    .path("searchTerritories[*].territory.code").entityList(String.class)
                    .satisfies(codes -> assertThat(codes).hasSize(5).first().isEqualTo("42218"));
        }
        // the typo is tolerated only when the text as typed finds nothing
        graphQl().document("{ searchTerritories(text: \"sains\", levels: [COMMUNE], first: 100) { territory { name } } }")
                .execute()
                .path("searchTerritories[*].territory.name").entityList(String.class)
                .satisfies(names -> assertThat(names).isNotEmpty()
                        .allMatch(name -> List.of(SearchText.fold(name).split(" ")).stream().anyMatch(w -> w.startsWith("sains"))));
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
