package fr.maillage.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.network.ListStatements.RowReads;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.summary.Plan;

/**
 * Lists of places, partners and employers page in (name, id) order: following the cursors visits every actor of the
 * territory, or of France, once, equal names included, and the total stays that of the whole list, filtered or not.
 * Fixture: in Corse-du-Sud seven places (two named "Lieu B", one offering "Accès aux droits"), two partners with the
 * same name and three employers; in Haute-Corse one place named "Lieu A" offering "Accès aux droits".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListPaginationTests extends IntegrationTest {

    @BeforeAll
    void network() {
        clearNetwork();
        write("""
                MATCH (c:Commune {code: '2A004'}), (b:Commune {code: '2B033'})
                UNWIND [['p1', 'Lieu D'], ['p2', 'Lieu B'], ['p3', 'Lieu A'], ['p4', 'Lieu B'], ['p5', 'Lieu G'],
                        ['p6', 'Lieu C'], ['p7', 'Lieu E']] AS place
                CREATE (:Place {id: place[0], key: place[0], name: place[1], communeCode: '2A004',
                  epciCode: c.epciCode, departmentCode: '2A', regionCode: '94'})-[:IN_COMMUNE]->(c)
                WITH DISTINCT c, b
                CREATE (:Place {id: 'p8', key: 'p8', name: 'Lieu A', communeCode: '2B033', epciCode: b.epciCode,
                  departmentCode: '2B', regionCode: '94'})-[:IN_COMMUNE]->(b)
                CREATE (:Partner {id: 'q2', key: 'q2', kind: 'CAF', name: 'CAF', communeCode: '2A004',
                  epciCode: c.epciCode, departmentCode: '2A', regionCode: '94'})-[:IN_COMMUNE]->(c)
                CREATE (:Partner {id: 'q1', key: 'q1', kind: 'CAF', name: 'CAF', communeCode: '2A004',
                  epciCode: c.epciCode, departmentCode: '2A', regionCode: '94'})-[:IN_COMMUNE]->(c)
                WITH c
                UNWIND [['e1', 'Mairie', '21200004600018'], ['e2', 'Association', '21200004600026'],
                        ['e3', 'Mairie', '21200004600034']] AS employer
                CREATE (:Employer {id: employer[0], siret: employer[2], siren: substring(employer[2], 0, 9),
                  name: employer[1], sector: 'PUBLIC', legalKind: 'TERRITORIAL_COLLECTIVITY', communeCode: '2A004',
                  epciCode: c.epciCode, departmentCode: '2A', regionCode: '94'})-[:IN_COMMUNE]->(c)""", Map.of());
        write("MATCH (p:Place) WHERE p.id IN ['p4', 'p8'] SET p.services = ['Accès aux droits']", Map.of());
    }

    @AfterAll
    void clean() {
        clearNetwork();
    }

    @Test
    void placesPageByNameThenIdAcrossEqualNames() {
        assertThat(walk("places", 3)).containsExactly("p3", "p2", "p4", "p6", "p1", "p7", "p5");
    }

    @Test
    void partnersWithTheSameNamePageById() {
        assertThat(walk("partners", 1)).containsExactly("q1", "q2");
    }

    @Test
    void employersPageByName() {
        assertThat(walk("employers", 2)).containsExactly("e2", "e1", "e3");
    }

    @Test
    void theListsOfAllFrancePageTheSameWay() {
        assertThat(walk("places", "", 3)).containsExactly("p3", "p8", "p2", "p4", "p6", "p1", "p7", "p5");
        assertThat(walk("partners", "", 1)).containsExactly("q1", "q2");
        assertThat(walk("employers", "", 2)).containsExactly("e2", "e1", "e3");
    }

    @Test
    void theListsOfAllFranceFilteredCountWhatTheyPage() {
        assertThat(walk("places", "service: \"droits\", ", 1)).containsExactly("p8", "p4");
        assertThat(walk("partners", "kinds: [CAF], ", 1)).containsExactly("q1", "q2");
        assertThat(walk("partners", "kinds: [CCAS], ", 1)).isEmpty();
        assertThat(walk("employers", "sector: PUBLIC, ", 2)).containsExactly("e2", "e1", "e3");
        assertThat(walk("employers", "legalKind: ASSOCIATION, ", 2)).isEmpty();
    }

    /**
     * A page of all France is read from the index on names, from the cursor on, a page's worth (PartialTop), and
     * counted by the label's count; with a filter, the count alone reads each actor. (StatementPlansIT excuses a
     * filtered national statement for its count: this is what holds its page to the index.)
     */
    @Test
    void aPageOfAllFranceReadsTheIndexOfNames() {
        for (boolean filtered : List.of(false, true)) {
            for (var statement : List.of(ListStatements.employersPage(null, filtered, RowReads.NONE),
                    ListStatements.placesPage(null, filtered, RowReads.NONE),
                    ListStatements.partnersPage(null, filtered, RowReads.NONE))) {
                var operators = operators(statement);
                assertThat(operators).as(statement).contains("NodeIndexSeekByRange", "PartialTop")
                        .doesNotContain("Sort", "Top");
                assertThat(operators.stream().filter("NodeByLabelScan"::equals)).as(statement)
                        .hasSize(filtered ? 1 : 0);
                assertThat(operators.contains("NodeCountFromCountStore")).as(statement).isEqualTo(!filtered);
            }
        }
    }

    private List<String> operators(String statement) {
        var parameters = new HashMap<String, Object>();
        for (var name : List.of("afterSort", "afterId", "fetch", "service", "sector", "legalKind", "kinds")) {
            parameters.put(name, null);
        }
        try (var session = driver.session()) {
            var operators = new ArrayList<String>();
            collect(session.run("EXPLAIN " + statement, parameters).consume().plan(), operators);
            return operators;
        }
    }

    private static void collect(Plan plan, List<String> operators) {
        operators.add(plan.operatorType().replaceFirst("@.*", ""));
        plan.children().forEach(child -> collect(child, operators));
    }

    @Test
    void anEmptyPageStillCarriesTheTotal() {
        var total = asAnct().document("""
                { places(within: {level: DEPARTMENT, code: "2A"}, service: "aucun service de ce nom") {
                  totalCount nodes { id } } }""").execute().path("places.totalCount").entity(Integer.class).get();
        assertThat(total).isZero();
        var last = asAnct().document("""
                { places(within: {level: DEPARTMENT, code: "2B"}, first: 1) { totalCount pageInfo { endCursor } } }""")
                .execute().path("places.pageInfo.endCursor").entity(String.class).get();
        var after = asAnct().document("""
                query ($after: String) { places(within: {level: DEPARTMENT, code: "2B"}, first: 1, after: $after) {
                  totalCount nodes { id } pageInfo { hasNextPage } } }""").variable("after", last).execute();
        after.path("places.totalCount").entity(Integer.class).isEqualTo(1);
        after.path("places.nodes").entityList(Object.class).hasSize(0);
        after.path("places.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
    }

    /** Ids of a list of Corse-du-Sud, page after page of {@code size}, checking the total on each page. */
    private List<String> walk(String list, int size) {
        return walk(list, "within: {level: DEPARTMENT, code: \"2A\"}, ", size);
    }

    /** Ids of a list with {@code arguments} (each followed by ", "), page after page, checking the total. */
    private List<String> walk(String list, String arguments, int size) {
        var ids = new ArrayList<String>();
        String after = null;
        long expectedTotal = -1;
        for (int pages = 0; pages < 20; pages++) {
            var response = asAnct().document("""
                    query ($after: String) { %s(%sfirst: %d, after: $after) {
                      totalCount nodes { id } pageInfo { hasNextPage endCursor } } }""".formatted(list, arguments, size))
                    .variable("after", after).execute();
            long total = response.path(list + ".totalCount").entity(Long.class).get();
            if (expectedTotal < 0) {
                expectedTotal = total;
            }
            assertThat(total).isEqualTo(expectedTotal);
            ids.addAll(response.path(list + ".nodes[*].id").entityList(String.class).get());
            if (!response.path(list + ".pageInfo.hasNextPage").entity(Boolean.class).get()) {
                assertThat((long) ids.size()).isEqualTo(expectedTotal);
                return ids;
            }
            after = response.path(list + ".pageInfo.endCursor").entity(String.class).get();
        }
        throw new AssertionError("more than 20 pages");
    }
}
