package fr.maillage.graphql;

import fr.maillage.validation.InvalidInputException;

/**
 * A validated page of a cursor connection. Cursors are opaque to clients: inside, sealed by {@link CursorCodec}, they
 * carry the sort key of the last row seen (keyset pagination: no offset scans, stable under inserts). A sort key is
 * never personal: lists of people are sorted by identifier.
 */
public record PageRequest(int first, String afterKey) {

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
        return CursorCodec.current().seal(key);
    }

    static String decode(String cursor) {
        return CursorCodec.current().open(cursor);
    }
}
