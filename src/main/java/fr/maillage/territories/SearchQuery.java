package fr.maillage.territories;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * What a search text becomes for the full-text index {@code territory_search} (fields {@code searchName},
 * {@code searchCodes} and {@code level}; see the migration that defines it). Every word of the text must match a
 * word of the name or of the codes: the whole word weighs more than a word it only begins. The usual abbreviations
 * of saint are read as the word too ("st" saint, "ste" sainte, "sts" saints, "stes" saintes). The levels asked are
 * a clause of the same query, so that the index answers only territories of those levels: a level filter never
 * drops a result the index would have ranked among its best hits of another level.
 *
 * <p>{@code tolerantLucene} also accepts one typo per word of four letters or more: the search asks it only when the
 * text as typed finds nothing ("sant etienne").
 */
public record SearchQuery(List<String> exactNames, String lucene, String tolerantLucene) {

    private static final Map<String, String> ABBREVIATIONS = Map.of("st", "saint", "ste", "sainte", "sts", "saints",
            "stes", "saintes");
    /** Shorter words, and numbers (codes), get no typo tolerance: too many other words lie one letter away. */
    private static final int TOLERANT_LENGTH = 4;

    /** The query of a folded text ({@link SearchText#fold}) over territories of {@code levels} (all when empty). */
    public static SearchQuery of(String folded, List<TerritoryLevel> levels) {
        var words = List.of(folded.split(" "));
        var expanded = words.stream().map(word -> ABBREVIATIONS.getOrDefault(word, word)).toList();
        var exactNames = new ArrayList<String>();
        exactNames.add(folded);
        var expandedName = String.join(" ", expanded);
        if (!expandedName.equals(folded)) {
            exactNames.add(expandedName);
        }
        var levelClause = levels == null || levels.isEmpty() ? ""
                : " +level:(" + String.join(" ", levels.stream().map(Enum::name).toList()) + ")";
        return new SearchQuery(List.copyOf(exactNames), clauses(words, false) + levelClause,
                clauses(words, true) + levelClause);
    }

    /** One required clause per word: the word, a word it begins, its expansion if an abbreviation, a near word. */
    private static String clauses(List<String> words, boolean tolerant) {
        var query = new StringJoiner(" ");
        for (var word : words) {
            var alternatives = new StringJoiner(" ", "+(", ")");
            alternatives.add("searchName:" + word + "^4").add("searchName:" + word + "*");
            alternatives.add("searchCodes:" + word + "^4").add("searchCodes:" + word + "*");
            if (ABBREVIATIONS.containsKey(word)) {
                alternatives.add("searchName:" + ABBREVIATIONS.get(word) + "^4");
            }
            if (tolerant && word.length() >= TOLERANT_LENGTH && !word.chars().allMatch(Character::isDigit)) {
                alternatives.add("searchName:" + word + "~1");
            }
            query.add(alternatives.toString());
        }
        return query.toString();
    }
}
