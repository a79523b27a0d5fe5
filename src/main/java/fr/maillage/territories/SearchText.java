package fr.maillage.territories;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds a name for matching: no accents, lower case, ligatures spelled out, punctuation as spaces.
 * "L'Île-Rousse" and "ile rousse" both fold to words "l ile rousse" / "ile rousse".
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private SearchText() {
    }

    public static String fold(String text) {
        if (text == null) {
            return "";
        }
        var lower = text.toLowerCase(Locale.ROOT).replace("œ", "oe").replace("æ", "ae").replace("ß", "ss");
        var unaccented = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NOT_ALPHANUMERIC.matcher(unaccented).replaceAll(" ").trim();
    }
}
