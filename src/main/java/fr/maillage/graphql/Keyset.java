package fr.maillage.graphql;

import fr.maillage.validation.InvalidInputException;
import java.util.HashMap;
import java.util.Map;

/**
 * Keyset pagination on (sort value, id): the cursor carries both, so that equal names page correctly. The Cypher
 * fragments expect rows {@code r} with fields {@code sort} and {@code node.id}.
 */
public final class Keyset {

    private static final char SEPARATOR = '\u001f';

    /** Filters a sorted list {@code rows} to the page after the cursor. */
    public static final String PAGE = "[r IN rows WHERE $afterSort IS NULL OR r.sort > $afterSort"
            + " OR (r.sort = $afterSort AND r.node.id > $afterId)][0..$fetch]";

    private Keyset() {
    }

    public static String key(String sort, String id) {
        return (sort == null ? "" : sort) + SEPARATOR + id;
    }

    public static Map<String, Object> parameters(PageRequest page) {
        var parameters = new HashMap<String, Object>();
        parameters.put("fetch", page.fetchSize());
        parameters.put("afterSort", null);
        parameters.put("afterId", null);
        if (page.afterKey() != null) {
            int at = page.afterKey().lastIndexOf(SEPARATOR);
            if (at < 0) {
                throw new InvalidInputException("after", "curseur inconnu ; utilisez la valeur endCursor d'une page précédente");
            }
            parameters.put("afterSort", page.afterKey().substring(0, at));
            parameters.put("afterId", page.afterKey().substring(at + 1));
        }
        return parameters;
    }
}
