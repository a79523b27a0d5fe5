package fr.maillage.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import fr.maillage.imports.Communes.Commune;
import fr.maillage.imports.Communes.Former;
import fr.maillage.territories.SearchText;

/** How commune names are compared and listed in messages: the spelling a file may use is not the referential's. */
final class CommuneNames {

    private static final Pattern CEDEX = Pattern.compile("\\s+cedex(\\s+\\d+)?$");
    private static final Set<String> ARTICLES = Set.of("l", "le", "la", "les");

    private CommuneNames() {
    }

    /**
     * A commune name compared without accents, case, hyphens or apostrophes, without a leading article and with
     * "St"/"Ste" spelled out: "L'ÎLE-ROUSSE", "ile rousse" and "L'Ile Rousse" are one name, "St Florent" is Saint-Florent.
     */
    static String comparable(String name) {
        var folded = CEDEX.matcher(SearchText.fold(name)).replaceAll("");
        var words = new ArrayList<>(List.of(folded.split(" ")));
        if (words.size() > 1 && ARTICLES.contains(words.get(0))) {
            words.remove(0);
        }
        words.replaceAll(word -> switch (word) {
            case "st" -> "saint";
            case "ste" -> "sainte";
            default -> word;
        });
        return String.join(" ", words);
    }

    /** A name as written, case and punctuation aside: accents and articles kept ("la vergne" is not "vergne"). */
    static String written(String name) {
        return CEDEX.matcher(name.toLowerCase(Locale.ROOT).replaceAll("[\\s'’-]+", " ").strip()).replaceAll("")
                .strip();
    }

    /**
     * Among {@code communes}, those named {@code name} (mapped to null) or holding a former commune of that name (mapped
     * to it); a commune named so wins over its own former commune of the same name.
     */
    static Map<Commune, Former> named(Collection<Commune> communes, String name) {
        var wanted = comparable(name);
        var found = new LinkedHashMap<Commune, Former>();
        for (var commune : communes) {
            if (comparable(commune.name()).equals(wanted)) {
                found.put(commune, null);
                continue;
            }
            commune.former().stream().filter(f -> f.name() != null && comparable(f.name()).equals(wanted)).findFirst()
                    .ifPresent(f -> found.put(commune, f));
        }
        return found;
    }

    /** Communes among {@code communes} whose name, or a former commune's, begins with {@code name} and goes on. */
    static List<Commune> beginningWith(Collection<Commune> communes, String name) {
        var wanted = comparable(name) + " ";
        return communes.stream().filter(c -> comparable(c.name()).startsWith(wanted) || c.former().stream()
                .anyMatch(f -> f.name() != null && comparable(f.name()).startsWith(wanted))).toList();
    }

    static String labels(Collection<Commune> communes) {
        return String.join(", ", communes.stream().map(Commune::label).toList());
    }
}
