package fr.maillage.territories;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;

class TerritoryPaginationTests extends IntegrationTest {

    private static final String COMMUNES_OF_2A = """
            query($after: String) { territory(level: DEPARTMENT, code: "2A") { ... on Department {
              communes(first: 50, after: $after) { totalCount nodes { code }
                pageInfo { hasNextPage hasPreviousPage endCursor } } } } }""";

    @Test
    void walksEveryPageOnceInCodeOrder() {
        var codes = new ArrayList<String>();
        String after = null;
        int pages = 0;
        boolean more;
        do {
            var response = graphQl().document(COMMUNES_OF_2A).variable("after", after).execute();
            response.path("territory.communes.totalCount").entity(Integer.class).isEqualTo(124);
            codes.addAll(response.path("territory.communes.nodes[*].code").entityList(String.class).get());
            more = response.path("territory.communes.pageInfo.hasNextPage").entity(Boolean.class).get();
            response.path("territory.communes.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
            after = response.path("territory.communes.pageInfo.endCursor").entity(String.class).get();
            pages++;
        } while (more);

        assertThat(pages).isEqualTo(3);
        assertThat(codes).hasSize(124).doesNotHaveDuplicates().isSorted();
        assertThat(count("MATCH (c:Commune {departmentCode: '2A'}) RETURN count(c)")).isEqualTo(124);
    }

    @Test
    void pagesAWholeLevelWithItsTotal() {
        graphQl().document("""
                { territories(level: COMMUNE, first: 3) { totalCount edges { cursor node { code } } pageInfo { hasNextPage } } }""")
                .execute()
                .path("territories.totalCount").entity(Integer.class).isEqualTo(34_969)
                .path("territories.edges[*].node.code").entityList(String.class).containsExactly("01001", "01002", "01004")
                .path("territories.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
    }

    @Test
    void batchesTheNestedConnectionsOfManyParents() {
        graphQl().document("""
                { territories(level: DEPARTMENT, within: {level: REGION, code: "94"}) {
                    nodes { code ... on Department { communes(first: 1) { totalCount nodes { name } } } } } }""")
                .execute()
                .path("territories.nodes[*].communes.totalCount").entityList(Integer.class).containsExactly(124, 236)
                .path("territories.nodes[*].communes.nodes[0].name").entityList(String.class)
                .containsExactly("Afa", "Aghione");
    }

    @Test
    void refusesPageSizesOutsideTheBounds() {
        for (int first : List.of(0, -1, 101)) {
            graphQl().document("query($first: Int) { territories(level: REGION, first: $first) { totalCount } }")
                    .variable("first", first).execute()
                    .errors().expect(error -> "first".equals(error.getExtensions().get("field"))
                            && error.getMessage().contains("entre 1 et 100"))
                    .verify();
        }
    }

    @Test
    void refusesACursorItDidNotIssue() {
        graphQl().document("{ territories(level: REGION, after: \"not-a-cursor\") { totalCount } }").execute()
                .errors().expect(error -> "after".equals(error.getExtensions().get("field"))).verify();
    }
}
