package fr.maillage.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A validated page of a cursor connection. Cursors are opaque to clients; inside they carry the sort key of the last
 * row seen (keyset pagination: no offset scans, stable under inserts).
 */
public record PageRequest(int first, String afterKey) {

    private static final String PREFIX = "k:";

    public static PageRequest of(Integer first, String after, int maxPageSize) {
        int size = first == null ? 20 : first;
        if (size < 1 || size > maxPageSize) {
            throw new InvalidInputException("first",
                    "doit être compris entre 1 et " + maxPageSize + " (reçu " + size + ")");
        }
        return new PageRequest(size, after == null || after.isEmpty() ? null : decode(after));
    }

    /** How many rows to read: one more than the page tells whether another page follows. */
    public int fetchSize() {
        return first + 1;
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + key).getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        try {
            var text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                return text.substring(PREFIX.length());
            }
        } catch (IllegalArgumentException ignored) {
            // reported below like any other foreign cursor
        }
        throw new InvalidInputException("after", "curseur inconnu ; utilisez la valeur endCursor d'une page précédente");
    }
}
