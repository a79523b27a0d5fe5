package fr.maillage.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import fr.maillage.graphql.RootReads.RootRead;
import org.junit.jupiter.api.Test;

/** How the root reads of one request become one statement: each a CALL collected in a list, its parameters apart. */
class RootReadsComposeTests {

    @Test
    void eachReadIsACollectSubqueryOfTheOneReturnWithItsParametersRenamedApart() {
        var coordinator = new RootRead<>("MATCH (c:Coordinator {id: $id})\nRETURN c.id AS id", Map.of("id", "k"),
                rows -> rows);
        var partners = new RootRead<>("MATCH (c:Coordinator {id: $id})<-[:PARTNERS_WITH]-(p:Partner)\n"
                + "WHERE $kinds IS NULL OR p.kind IN $kinds\nRETURN p.name AS name", Map.of("id", "k", "kinds",
                List.of("CAF")), rows -> rows);

        var composed = RootReads.compose(List.of(coordinator, partners));

        assertThat(composed.cypher()).isEqualTo("""
                CALL () {
                  MATCH (c:Coordinator {id: $r0_id})
                  RETURN c.id AS id
                }
                WITH collect(id) AS r0
                CALL () {
                  MATCH (c:Coordinator {id: $r1_id})<-[:PARTNERS_WITH]-(p:Partner)
                  WHERE $r1_kinds IS NULL OR p.kind IN $r1_kinds
                  RETURN p.name AS name
                }
                WITH r0, collect(name) AS r1
                RETURN r0, r1""");
        assertThat(composed.parameters()).containsOnly(Map.entry("r0_id", "k"), Map.entry("r1_id", "k"),
                Map.entry("r1_kinds", List.of("CAF")));
    }
}
