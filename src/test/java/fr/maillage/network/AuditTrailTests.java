package fr.maillage.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * ANCT reads the audit trail newest first, whole or for one adviser, through indexes (migration 0014), not by reading
 * every record ever written. The records are written as the service writes them (one node each, the advisers' ids in
 * a list), dated in 2999 so that they are the newest of the test database, and removed after.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTests extends IntegrationTest {

    /**
     * Ids that Lucene's query syntax would misread unquoted, ids that are prefixes or other cases of others, and ids
     * whose words are those of another ("b c" and "b-c").
     */
    static final List<String> TRICKY = List.of("A1", "A10", "a1", "x-\"y\\z", "b c", "A*", "or:AND", "b-c");

    @BeforeAll
    void records() {
        write("""
                UNWIND range(0, size($ids) - 1) AS i
                CREATE (:AuditEvent {id: 'trail-' + i, at: datetime('2999-01-01T00:00:00Z') + duration({minutes: i}),
                  subject: 'audit-trail-tests', roles: ['ANCT'], action: 'READ_PERSONAL_DATA', operation: 'test',
                  adviserIds: [$ids[i], 'shared']})""", Map.of("ids", TRICKY));
    }

    @AfterAll
    void clean() {
        write("MATCH (e:AuditEvent {subject: 'audit-trail-tests'}) DELETE e", Map.of());
    }

    @Test
    void theRecordsOfAnAdviserAreThoseNamingExactlyItsId() {
        for (int i = 0; i < TRICKY.size(); i++) {
            assertThat(trail(TRICKY.get(i), 10)).as(TRICKY.get(i)).containsExactly("trail-" + i);
        }
        assertThat(trail("A", 10)).as("a prefix names no one").isEmpty();
        assertThat(trail("x-", 10)).isEmpty();
        assertThat(trail("*", 10)).as("no wildcard").isEmpty();
    }

    @Test
    void theNewestComeFirstAndFirstBoundsTheAnswer() {
        var newestFirst = List.of("trail-7", "trail-6", "trail-5", "trail-4", "trail-3", "trail-2", "trail-1",
                "trail-0");
        assertThat(trail("shared", 10)).containsExactlyElementsOf(newestFirst);
        assertThat(trail("shared", 3)).containsExactlyElementsOf(newestFirst.subList(0, 3));
        assertThat(trail(null, 3)).as("the whole trail").containsExactlyElementsOf(newestFirst.subList(0, 3));
    }

    /** Kept whole as one term by the index, such an id stopped the database at the record's commit. */
    @Test
    void aRecordNamingAnIdLongerThanAnIndexTermIsStillWritten() {
        var immense = "x".repeat(40_000);
        write("""
                CREATE (:AuditEvent {id: 'trail-immense', at: datetime('2998-01-01T00:00:00Z'), subject: 'audit-trail-tests',
                  roles: ['ANCT'], action: 'READ_PERSONAL_DATA', operation: 'test', adviserIds: [$id, 'immense-neighbour']})""",
                Map.of("id", immense));
        assertThat(trail("immense-neighbour", 10)).containsExactly("trail-immense");
        assertThat(trail(immense, 10)).containsExactly("trail-immense");
    }

    @Test
    void anIdIsOneQuotedTerm() {
        assertThat(PersonalData.term("a-b")).isEqualTo("\"a-b\"");
        assertThat(PersonalData.term("x-\"y\\z")).isEqualTo("\"x-\\\"y\\\\z\"");
    }

    private List<String> trail(String adviserId, int first) {
        return asAnct().document("query($id: ID, $first: Int) { auditTrail(adviserId: $id, first: $first) { id } }")
                .variable("id", adviserId).variable("first", first).execute()
                .path("auditTrail[*].id").entityList(String.class).get();
    }
}
