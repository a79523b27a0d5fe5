package fr.maillage.graphql;

import fr.maillage.validation.InvalidInputException;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** Cursors are sealed: they show nothing of their key and the service reads only those it wrote. */
class CursorCodecTests {

    final CursorCodec codec = new CursorCodec("secret of the service".getBytes(StandardCharsets.UTF_8));

    @Test
    void aCursorOpensToItsKeyAndShowsNothingOfIt() {
        var cursor = codec.seal("Quintavalle Ondine\u001fadviser-1");
        assertThat(codec.open(cursor)).isEqualTo("Quintavalle Ondine\u001fadviser-1");
        var bytes = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1);
        assertThat(bytes).doesNotContain("Quintavalle", "Ondine", "adviser");
    }

    @Test
    void theSamePositionGivesTheSameCursor() {
        assertThat(codec.seal("2A004")).isEqualTo(codec.seal("2A004")).isNotEqualTo(codec.seal("2A005"));
    }

    @Test
    void aForgedAlteredOrForeignCursorIsRefusedWithOneMessage() {
        var genuine = codec.seal("Ajaccio\u001fplace-1");
        var altered = Base64.getUrlDecoder().decode(genuine);
        altered[altered.length - 1] ^= 1;
        var forgedTheOldWay = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("k:Q\u001f".getBytes(StandardCharsets.UTF_8));
        var foreign = new CursorCodec("another secret".getBytes(StandardCharsets.UTF_8)).seal("Ajaccio\u001fplace-1");
        for (var cursor : new String[] {Base64.getUrlEncoder().withoutPadding().encodeToString(altered),
                forgedTheOldWay, foreign, "not base64 !", ""}) {
            assertThatThrownBy(() -> codec.open(cursor)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.problems()).singleElement().satisfies(problem -> {
                        assertThat(problem.field()).isEqualTo("after");
                        assertThat(problem.reason()).isEqualTo(
                                "curseur inconnu ; utilisez la valeur endCursor d'une page précédente");
                    }));
        }
    }
}
