package fr.maillage.territories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class TerritoryNavigationTests extends IntegrationTest {

    @Test
    void aCommuneLeadsUpToItsEpciDepartmentAndRegion() {
        graphQl().document("""
                { territory(level: COMMUNE, code: "2B134") {
                    __typename id name population
                    ... on Commune { postalCodes epci { name } department { code name } region { code name } }
                } }""").execute()
                .path("territory.__typename").entity(String.class).isEqualTo("Commune")
                .path("territory.id").entity(String.class).isEqualTo("COMMUNE:2B134")
                .path("territory.name").entity(String.class).isEqualTo("L'Île-Rousse")
                .path("territory.population").entity(Integer.class).isEqualTo(3_231)
                .path("territory.postalCodes").entityList(String.class).containsExactly("20220")
                .path("territory.epci.name").entity(String.class).isEqualTo("CC de l'Ile-Rousse - Balagne")
                .path("territory.department.code").entity(String.class).isEqualTo("2B")
                .path("territory.region.name").entity(String.class).isEqualTo("Corse");
    }

    @Test
    void regionAndDepartmentCodesOverlapButLevelsKeepThemApart() {
        graphQl().document("""
                { region: territory(level: REGION, code: "84") { name }
                  department: territory(level: DEPARTMENT, code: "84") { name } }""").execute()
                .path("region.name").entity(String.class).isEqualTo("Auvergne-Rhône-Alpes")
                .path("department.name").entity(String.class).isEqualTo("Vaucluse");
    }

    @Test
    void aRegionListsItsDepartmentsEpciAndCommunesWithTotals() {
        graphQl().document("""
                { territory(level: REGION, code: "94") { population ... on Region {
                    departments { totalCount nodes { code } }
                    epcis(first: 1) { totalCount }
                    communes(first: 1) { totalCount } } } }""").execute()
                .path("territory.population").entity(Integer.class).isEqualTo(355_486)
                .path("territory.departments.totalCount").entity(Integer.class).isEqualTo(2)
                .path("territory.departments.nodes[*].code").entityList(String.class).containsExactly("2A", "2B")
                .path("territory.epcis.totalCount").entity(Integer.class).isEqualTo(19)
                .path("territory.communes.totalCount").entity(Integer.class).isEqualTo(360);
    }

    @Test
    void anEpciAcrossTwoDepartmentsHasTwoPrefectures() {
        graphQl().document("""
                { territory(level: EPCI, code: "200069128") { name population
                    prefectures { code } sgars { code }
                    ... on Epci { nature natureLabel departments { code } regions { code } communes { totalCount } } } }""")
                .execute()
                .path("territory.name").entity(String.class).isEqualTo("CC Mont Lozère")
                .path("territory.population").entity(Integer.class).isEqualTo(5_810)
                .path("territory.natureLabel").entity(String.class).isEqualTo("Communauté de communes")
                .path("territory.departments[*].code").entityList(String.class).containsExactly("30", "48")
                .path("territory.regions[*].code").entityList(String.class).containsExactly("76")
                .path("territory.prefectures[*].code").entityList(String.class).containsExactly("30", "48")
                .path("territory.sgars[*].code").entityList(String.class).containsExactly("76")
                .path("territory.communes.totalCount").entity(Integer.class).isEqualTo(21);
    }

    @Test
    void aCommuneOutsideAnyEpciHasNone() {
        graphQl().document("""
                { territory(level: COMMUNE, code: "85113") { name ... on Commune { epci { code } department { code } } } }""")
                .execute()
                .path("territory.name").entity(String.class).isEqualTo("L'Île-d'Yeu")
                .path("territory.epci").valueIsNull()
                .path("territory.department.code").entity(String.class).isEqualTo("85");
    }

    @Test
    void prefecturesAndSgarsAreNamedTheFrenchWay() {
        graphQl().document("""
                { south: prefecture(departmentCode: "2a") { name regional seat { name } region { name } department { name } }
                  north: prefecture(departmentCode: "2B") { name regional seat { name } }
                  sgar(regionCode: "94") { name seat { name } region { code } }
                  ain: prefecture(departmentCode: "01") { name } }""").execute()
                .path("south.name").entity(String.class).isEqualTo("Préfecture de la Corse-du-Sud")
                .path("south.regional").entity(Boolean.class).isEqualTo(true)
                .path("south.seat.name").entity(String.class).isEqualTo("Ajaccio")
                .path("south.department.name").entity(String.class).isEqualTo("Corse-du-Sud")
                .path("north.name").entity(String.class).isEqualTo("Préfecture de la Haute-Corse")
                .path("north.regional").entity(Boolean.class).isEqualTo(false)
                .path("north.seat.name").entity(String.class).isEqualTo("Bastia")
                .path("sgar.name").entity(String.class).isEqualTo("SGAR de Corse")
                .path("ain.name").entity(String.class).isEqualTo("Préfecture de l'Ain");
    }

    @Test
    void aRegionNamesItsRegionalPrefectureAndEveryDepartmentPrefecture() {
        graphQl().document("""
                { territory(level: REGION, code: "94") { prefectures { code } sgars { name }
                    ... on Region { prefecture { code } sgar { code } chefLieu { name } } } }""").execute()
                .path("territory.prefectures[*].code").entityList(String.class).containsExactly("2A", "2B")
                .path("territory.prefecture.code").entity(String.class).isEqualTo("2A")
                .path("territory.chefLieu.name").entity(String.class).isEqualTo("Ajaccio")
                .path("territory.sgars[*].name").entityList(String.class).containsExactly("SGAR de Corse");
    }

    @Test
    void anUnknownTerritoryIsNull() {
        graphQl().document("{ territory(level: COMMUNE, code: \"99999\") { name } }").execute()
                .path("territory").valueIsNull();
    }

    @Test
    void listsALevelInsideAnotherTerritory() {
        graphQl().document("""
                { territories(level: COMMUNE, within: {level: EPCI, code: "200069128"}, first: 50) {
                    totalCount nodes { ... on Commune { department { code } } } } }""").execute()
                .path("territories.totalCount").entity(Integer.class).isEqualTo(21)
                .path("territories.nodes[*].department.code").entityList(String.class)
                .satisfies(codes -> assertThat(codes).containsOnly("30", "48").hasSize(21));
    }

    @Test
    void refusesAWithinThatCannotContainTheLevel() {
        graphQl().document("{ territories(level: REGION, within: {level: COMMUNE, code: \"2B134\"}) { totalCount } }")
                .execute().errors().expect(error -> error.getMessage().startsWith("within.level")
                        && "within.level".equals(error.getExtensions().get("field")));
        graphQl().document("{ territories(level: COMMUNE, within: {level: DEPARTMENT, code: \"00\"}) { totalCount } }")
                .execute().errors().expect(error -> List.of("within").contains(error.getExtensions().get("field")));
    }
}
