package fr.maillage.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import fr.maillage.database.CypherResource;
import fr.maillage.territories.SearchText;
import org.neo4j.driver.QueryRunner;

/**
 * Finds the commune of a row: by its INSEE code when given (an unknown code is an error, never guessed), otherwise by
 * postal code and name. A postal code shared by several communes needs the name; a name matching none or several of
 * them rejects the row.
 */
final class Communes {

    static final String CODE_INSEE = "code_insee";
    static final String POSTAL_CODE = "code_postal";
    static final String NAME = "commune";

    private static final Pattern INSEE_CODE = Pattern.compile("(\\d{2}|2[AB])\\d{3}|97\\d{3}");
    private static final Pattern POSTAL = Pattern.compile("\\d{5}");
    private static final Pattern CEDEX = Pattern.compile("\\s+cedex(\\s+\\d+)?$");
    private static final Set<String> ARTICLES = Set.of("l", "le", "la", "les");

    record Commune(String code, String name, String departmentCode, String regionCode) {
    }

    private final Map<String, Commune> byCode = new HashMap<>();
    private final Map<String, List<Commune>> byPostalCode = new HashMap<>();

    /** Loads the communes the rows name, by code or postal code, in one statement. */
    static Communes load(QueryRunner tx, Collection<SourceRow> rows) {
        var codes = new TreeSet<String>();
        var postalCodes = new TreeSet<String>();
        for (var row : rows) {
            if (row.has(CODE_INSEE)) {
                codes.add(normaliseCode(row.get(CODE_INSEE)));
            } else if (row.has(POSTAL_CODE)) {
                postalCodes.add(row.get(POSTAL_CODE));
            }
        }
        var communes = new Communes();
        if (codes.isEmpty() && postalCodes.isEmpty()) {
            return communes;
        }
        tx.run(CypherResource.read("neo4j/loaders/imports/communes.cypher"),
                Map.of("codes", List.copyOf(codes), "postalCodes", List.copyOf(postalCodes))).forEachRemaining(r -> {
                    var commune = new Commune(r.get("code").asString(), r.get("name").asString(),
                            r.get("departmentCode").asString(), r.get("regionCode").asString());
                    communes.byCode.put(commune.code(), commune);
                    for (var postalCode : r.get("postalCodes").asList(v -> v.asString(""))) {
                        communes.byPostalCode.computeIfAbsent(postalCode, k -> new ArrayList<>()).add(commune);
                    }
                });
        return communes;
    }

    /** The row's commune, or null with the reason added to the row's errors. */
    Commune resolve(RowCheck check) {
        var row = check.row();
        if (row.has(CODE_INSEE)) {
            var code = normaliseCode(row.get(CODE_INSEE));
            if (!INSEE_CODE.matcher(code).matches()) {
                check.error(CODE_INSEE, "code INSEE invalide « " + row.get(CODE_INSEE) + " » (5 caractères, ex. 2A004)");
                return null;
            }
            var commune = byCode.get(code);
            if (commune == null) {
                check.error(CODE_INSEE, "aucune commune actuelle n'a le code INSEE " + code);
            }
            return commune;
        }
        if (!row.has(POSTAL_CODE)) {
            check.error(CODE_INSEE, "obligatoire, ou à défaut code_postal et commune");
            return null;
        }
        var postalCode = row.get(POSTAL_CODE);
        if (!POSTAL.matcher(postalCode).matches()) {
            check.error(POSTAL_CODE, "code postal invalide « " + postalCode + " » (5 chiffres)");
            return null;
        }
        var candidates = byPostalCode.getOrDefault(postalCode, List.of());
        if (candidates.isEmpty()) {
            check.error(POSTAL_CODE, "aucune commune n'a le code postal " + postalCode);
            return null;
        }
        if (!row.has(NAME)) {
            if (candidates.size() == 1) {
                return candidates.get(0);
            }
            check.error(NAME, "obligatoire : le code postal " + postalCode + " est partagé par " + candidates.size()
                    + " communes (" + names(candidates) + ")");
            return null;
        }
        var wanted = comparable(row.get(NAME));
        var matches = candidates.stream().filter(c -> comparable(c.name()).equals(wanted)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        check.error(NAME, matches.isEmpty()
                ? "aucune commune « " + row.get(NAME) + " » avec le code postal " + postalCode + " (communes de ce code : "
                        + names(candidates) + ")"
                : "plusieurs communes « " + row.get(NAME) + " » avec le code postal " + postalCode + " : "
                        + names(matches) + " ; indiquez le code_insee");
        return null;
    }

    /** "2a004" and "2A004" are one code; a code that lost its leading zero in a spreadsheet ("1001") gets it back. */
    private static String normaliseCode(String code) {
        var upper = code.strip().toUpperCase(java.util.Locale.ROOT);
        return upper.matches("\\d{4}") ? "0" + upper : upper;
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

    private static String names(List<Commune> communes) {
        return String.join(", ", communes.stream().map(c -> c.name() + " " + c.code()).toList());
    }
}
