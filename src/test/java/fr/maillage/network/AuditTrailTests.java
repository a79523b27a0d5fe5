package fr.maillage.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import fr.maillage.security.PersonalDataAudit;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Values;

/**
 * ANCT reads the audit trail newest first, whole or for one adviser, through indexes (migration 0014), not by reading
 * every record ever written. The records are the service's own: ANCT asks for the activities of each id below (ANCT
 * sees every adviser, so even an id that exists nowhere is asked and recorded), in operation "AuditTrailFixture",
 * removed after. Each reading is compared with the same records read the slow way, every record checked.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTests extends IntegrationTest {

    /**
     * Ids that Lucene's query syntax would misread unquoted, ids that are prefixes or other cases of others, ids of
     * punctuation only, and ids whose words are those of another ("b c" and "b-c").
     */
    static final List<String> TRICKY = List.of("A1", "A10", "a1", "x-\"y\\z", "b c", "b-c", "A*", "or:AND", "-",
            "***", "trailing\\", "€");

    static final String IMMENSE = "x".repeat(40_000);

    @BeforeAll
    void records() {
        for (var id : TRICKY) {
            askActivitiesOf(id);
        }
        askActivitiesOf("shared");
        askActivitiesOf("shared");
        askActivitiesOf("shared");
        // kept whole in a keyword index, such an id stopped the database at the commit of its record
        askActivitiesOf(IMMENSE);
    }

    @AfterAll
    void clean() {
        write("MATCH (e:AuditEvent {operation: 'AuditTrailFixture'}) DELETE e", Map.of());
    }

    @Test
    void theRecordsOfAnAdviserAreThoseNamingExactlyItsId() {
        for (var id : TRICKY) {
            assertThat(trail(id, 10)).as(id).hasSize(1).isEqualTo(slowly(id, 10));
        }
        assertThat(trail("A", 10)).as("a prefix names no one").isEmpty();
        assertThat(trail("x-", 10)).isEmpty();
        assertThat(trail("*", 10)).as("no wildcard").isEmpty();
    }

    @Test
    void theNewestComeFirstAndFirstBoundsTheAnswer() {
        assertThat(trail("shared", 10)).hasSize(3).isEqualTo(slowly("shared", 10));
        assertThat(trail("shared", 2)).isEqualTo(slowly("shared", 2));
        assertThat(trail(null, 5)).as("the whole trail").isEqualTo(slowly(null, 5));
    }

    @Test
    void aRecordNamingAnImmenseIdIsWrittenAndAskingForItIsRefused() {
        assertThat(trail(null, 1)).isEqualTo(slowly(IMMENSE, 1));
        asAnct().document("query($id: ID) { auditTrail(adviserId: $id) { id } }").variable("id", IMMENSE).execute()
                .errors().expect(e -> "adviserId".equals(e.getExtensions().get("field"))).verify();
        asAnct().document("{ auditTrail(adviserId: \"\") { id } }").execute()
                .errors().expect(e -> "adviserId".equals(e.getExtensions().get("field"))).verify();
    }

    /** The migration that filled in the records written before it keeps the ids the service's records keep. */
    @Test
    void theMigrationIndexesTheIdsTheRecordsIndex() throws IOException {
        assertThat(Files.readString(Path.of("neo4j/migrations/V0014__Audit_trail_indexes.cypher")))
                .contains("WHERE size(id) <= " + PersonalDataAudit.INDEXED_ID_LENGTH + "]");
    }

    @Test
    void anIdIsOneQuotedTerm() {
        assertThat(PersonalData.term("a-b")).isEqualTo("\"a-b\"");
        assertThat(PersonalData.term("x-\"y\\z")).isEqualTo("\"x-\\\"y\\\\z\"");
    }

    private void askActivitiesOf(String adviserId) {
        asAnct().document("query AuditTrailFixture($id: ID!) { adviserActivities(adviserId: $id) { totalCount } }")
                .variable("id", adviserId).execute().errors().verify();
    }

    private List<String> trail(String adviserId, int first) {
        return asAnct().document("query($id: ID, $first: Int) { auditTrail(adviserId: $id, first: $first) { id } }")
                .variable("id", adviserId).variable("first", first).execute()
                .path("auditTrail[*].id").entityList(String.class).get();
    }

    /** The same reading, every record of the trail checked: its newest {@code first} naming {@code adviserId}. */
    private List<String> slowly(String adviserId, int first) {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (e:AuditEvent) WHERE $id IS NULL OR $id IN e.adviserIds
                    RETURN e.id AS id ORDER BY e.at DESC, e.id DESC LIMIT $first""",
                    Map.of("id", adviserId == null ? Values.NULL : adviserId, "first", first))
                    .list(row -> row.get("id").asString());
        }
    }
}
