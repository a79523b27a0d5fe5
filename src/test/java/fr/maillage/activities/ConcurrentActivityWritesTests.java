package fr.maillage.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import fr.maillage.support.AtOnce;
import org.junit.jupiter.api.Test;

/**
 * A change and a removal of one activity sent at the same instant, for a dozen rounds: whichever order the database
 * takes, the activity is gone at the end (a change that came second finds nothing to change, and does not bring back
 * the activity just removed), and the change that lost is told so in French on {@code id}.
 */
class ConcurrentActivityWritesTests extends ActivityFixture {

    static final int ROUNDS = 12;

    @Test
    void aChangeAndARemovalAtOnceNeverBringBackTheActivity() {
        var anct = anct();
        for (int round = 0; round < ROUNDS; round++) {
            var id = AtOnce.graphQl(http(anct), ActivityMutationTests.RECORD,
                    Map.of("input", ActivityMutationTests.workshop("A1"))).at("/data/recordActivity/id").asText();
            var changed = ActivityMutationTests.workshop("A1");
            changed.put("participants", 11);
            var answers = AtOnce.run(
                    () -> AtOnce.graphQl(http(anct), ActivityMutationTests.UPDATE, Map.of("id", id, "input", changed)),
                    () -> AtOnce.graphQl(http(anct), ActivityMutationTests.REMOVE, Map.of("id", id)));
            var update = answers.get(0);
            assertThat(AtOnce.succeeded(answers.get(1))).as("round %d: %s", round, answers).isTrue();
            if (!AtOnce.succeeded(update)) {
                assertThat(AtOnce.errorType(update)).as("round %d: %s", round, update).isIn("BAD_REQUEST", "CONFLICT");
                assertThat(update.at("/errors/0/message").asText()).containsAnyOf("aucune activité", "réessayez");
            }
            assertThat(count("MATCH (x:Activity {id: $id}) RETURN count(x)", Map.of("id", id)))
                    .as("round %d: %s", round, answers).isZero();
        }
    }
}
