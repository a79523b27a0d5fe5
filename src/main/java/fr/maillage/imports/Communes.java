package fr.maillage.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import fr.maillage.database.CypherResource;
import fr.maillage.territories.SearchText;
import org.neo4j.driver.QueryRunner;

/**
 * Finds the current commune of a row, and says how (the report shows it, so that a user can check the non-obvious
 * placements). In order:
 * <ol>
 * <li>by its INSEE code when given: a current commune's code, otherwise the code of a former commune (déléguée,
 * associée, merged away) or of a municipal arrondissement, placed in the commune that holds it today; an unknown code
 * is an error, never guessed;</li>
 * <li>by postal code and name: among the communes of the postal code, the one of that name, or the one holding a
 * former commune of that name (Seynod, 74600: Annecy); without a name, the postal code's only commune;</li>
 * <li>by name in the postal code's département, when the postal code is unknown (a CEDEX code) or names no commune of
 * that name: the one commune of that name, current or former, in the département.</li>
 * </ol>
 * Whenever two communes remain possible the row is rejected naming both: never a wrong commune. A 4-digit code whose
 * leading zero a spreadsheet dropped ("1000") is read with it ("01000") when such a code exists.
 */
final class Communes {

    static final String CODE_INSEE = "code_insee";
    static final String POSTAL_CODE = "code_postal";
    static final String NAME = "commune";

    private static final Pattern INSEE_CODE = Pattern.compile("(\\d{2}|2[AB])\\d{3}|97\\d{3}");
    private static final Pattern POSTAL = Pattern.compile("\\d{5}");
    private static final Pattern CEDEX = Pattern.compile("\\s+cedex(\\s+\\d+)?$");
    private static final Set<String> ARTICLES = Set.of("l", "le", "la", "les");

    /** A current commune, with the former communes and arrondissements that lie in it. */
    record Commune(String code, String name, String departmentCode, String regionCode, List<String> postalCodes,
            List<Former> former) {

        String label() {
            return name + " (" + code + ")";
        }
    }

    /** A code (and name, unless the referential does not publish it) that is no longer a current commune. */
    record Former(String code, String name, String kind) {

        /** "l'ancienne commune Seynod (74268)", "l'arrondissement municipal Lyon 3e Arrondissement (69383)". */
        String label() {
            return switch (kind) {
                case "ARM" -> "l'arrondissement municipal " + name + " (" + code + ")";
                case "COMA" -> "l'ancienne commune associée " + name + " (" + code + ")";
                case "COMD" -> "l'ancienne commune " + name + " (" + code + ", commune déléguée)";
                default -> name != null ? "l'ancienne commune " + name + " (" + code + ")"
                        : "l'ancien code INSEE " + code + " (commune fusionnée)";
            };
        }
    }

    /** How a row was placed: shown in the report for every placed row. */
    enum PlacedBy {
        INSEE_CODE, FORMER_INSEE_CODE, POSTAL_CODE, POSTAL_CODE_AND_NAME, FORMER_COMMUNE, NAME_IN_DEPARTMENT
    }

    /** {@code how}: one French sentence a user can check ("ancienne commune Seynod (74268) → Annecy (74010)"). */
    record Placement(PlacedBy by, String communeCode, String communeName, String how) {
    }

    private final Map<String, Commune> byCode = new HashMap<>();
    private final Map<String, List<Commune>> byFormerCode = new HashMap<>();
    private final Map<String, List<Commune>> byPostalCode = new HashMap<>();
    private final Map<String, List<Commune>> byDepartment = new HashMap<>();

    /**
     * Loads the communes the rows may name: by INSEE code (current or former), by postal code, then the communes of
     * the départements where a name must be looked for (the postal code named no commune of that name).
     */
    static Communes load(QueryRunner tx, Collection<SourceRow> rows) {
        var communes = new Communes();
        var codes = new TreeSet<String>();
        var postalCodes = new TreeSet<String>();
        for (var row : rows) {
            if (row.has(CODE_INSEE)) {
                var code = upper(row.get(CODE_INSEE));
                codes.add(code);
                if (code.matches("\\d{4}")) {
                    codes.add("0" + code);
                }
            }
            if (row.has(POSTAL_CODE)) {
                var postalCode = row.get(POSTAL_CODE);
                postalCodes.add(postalCode.matches("\\d{4}") ? "0" + postalCode : postalCode);
            }
        }
        if (!codes.isEmpty()) {
            communes.add(tx, "communes-by-code.cypher", Map.of("codes", List.copyOf(codes)));
        }
        if (!postalCodes.isEmpty()) {
            communes.add(tx, "communes-by-postal-code.cypher", Map.of("postalCodes", List.copyOf(postalCodes)));
        }
        // the départements of every row placed by name: there a name is looked for when the postal code has none of
        // it, and there a commune whose name differs only by accents or article is looked for (La Vergne, Vergné)
        var departments = new TreeSet<String>();
        for (var row : rows) {
            if (!row.has(CODE_INSEE) && row.has(NAME)) {
                var postalCode = communes.postalCode(row.get(POSTAL_CODE), null);
                if (postalCode != null) {
                    departments.addAll(departmentsOf(postalCode));
                }
            }
        }
        if (!departments.isEmpty()) {
            communes.add(tx, "communes-of-departments.cypher", Map.of("departmentCodes", List.copyOf(departments)));
            communes.byCode.values().forEach(c -> {
                if (departments.contains(c.departmentCode())) {
                    communes.byDepartment.computeIfAbsent(c.departmentCode(), k -> new ArrayList<>()).add(c);
                }
            });
        }
        return communes;
    }

    private void add(QueryRunner tx, String statement, Map<String, Object> parameters) {
        tx.run(CypherResource.read(RowImporter.DIR + statement), parameters).forEachRemaining(r -> {
            if (byCode.containsKey(r.get("code").asString())) {
                return;
            }
            var former = r.get("former").asList(f -> new Former(f.get("code").asString(), f.get("name").asString(null),
                    f.get("kind").asString()));
            var commune = new Commune(r.get("code").asString(), r.get("name").asString(),
                    r.get("departmentCode").asString(), r.get("regionCode").asString(),
                    r.get("postalCodes").asList(v -> v.asString("")), former);
            byCode.put(commune.code(), commune);
            commune.postalCodes().forEach(p -> byPostalCode.computeIfAbsent(p, k -> new ArrayList<>()).add(commune));
            former.forEach(f -> byFormerCode.computeIfAbsent(f.code(), k -> new ArrayList<>()).add(commune));
        });
    }

    /** The row's commune, or null with the reason added to the row's errors; the placement is given to the check. */
    Commune resolve(RowCheck check) {
        var row = check.row();
        String postalCode = null;
        if (row.has(POSTAL_CODE)) {
            postalCode = postalCode(row.get(POSTAL_CODE), check);
            if (postalCode == null) {
                check.error(POSTAL_CODE, "code postal invalide « " + row.get(POSTAL_CODE) + " » (5 chiffres)");
                return null;
            }
        }
        if (row.has(CODE_INSEE)) {
            return byInseeCode(check);
        }
        if (postalCode == null) {
            check.error(CODE_INSEE, "obligatoire, ou à défaut code_postal et commune");
            return null;
        }
        var candidates = byPostalCode.getOrDefault(postalCode, List.of());
        if (!row.has(NAME)) {
            if (candidates.size() == 1) {
                return placed(check, PlacedBy.POSTAL_CODE, candidates.get(0), "seule commune du code postal "
                        + postalCode);
            }
            check.error(NAME, candidates.isEmpty()
                    ? "obligatoire : aucune commune n'a le code postal " + postalCode + " (code CEDEX ?), le nom de la"
                            + " commune permet de la trouver dans le département"
                    : "obligatoire : le code postal " + postalCode + " est partagé par " + candidates.size()
                            + " communes (" + labels(candidates) + ")");
            return null;
        }
        var name = row.get(NAME);
        var matches = inPostalCode(postalCode, name);
        if (matches.size() == 1 && matches.values().iterator().next() == null) {
            // compared without accents and article, two communes of one département can be one name: La Vergne
            // (17465) and Vergné (17464). Then the name must be the one of the postal code's commune as written.
            var match = matches.keySet().iterator().next();
            var twins = new ArrayList<Commune>();
            for (var department : departmentsOf(postalCode)) {
                byDepartment.getOrDefault(department, List.of()).stream()
                        .filter(c -> !c.equals(match) && comparable(c.name()).equals(comparable(name)))
                        .forEach(twins::add);
            }
            if (!twins.isEmpty() && !written(match.name()).equals(written(name))) {
                twins.add(0, match);
                check.error(NAME, "« " + name + " » peut désigner plusieurs communes du département : "
                        + labels(twins) + " ; écrivez le nom exact ou indiquez le code_insee");
                return null;
            }
        }
        if (matches.size() == 1) {
            var match = matches.entrySet().iterator().next();
            return match.getValue() == null
                    ? placed(check, PlacedBy.POSTAL_CODE_AND_NAME, match.getKey(), "code postal " + postalCode
                            + " et nom")
                    : placed(check, PlacedBy.FORMER_COMMUNE, match.getKey(), match.getValue().label()
                            + ", code postal " + postalCode + ", fait aujourd'hui partie de " + match.getKey().label());
        }
        if (matches.size() > 1) {
            check.error(NAME, "plusieurs communes possibles pour « " + name + " » avec le code postal " + postalCode
                    + " : " + labels(matches.keySet()) + " ; indiquez le code_insee");
            return null;
        }
        // A real postal code whose commune bears a longer name beginning with the row's ("Saint-Barthélemy" for
        // Saint-Barthélemy-de-Séchilienne, 38220) or one whose zero was restored is not a wrong code to look past:
        // placing by name in the département would pick another commune (found by probing).
        var longer = beginningWith(candidates, name);
        if (!longer.isEmpty()) {
            check.error(NAME, "« " + name + " » n'est pas une commune du code postal " + postalCode + ", mais le début du"
                    + " nom de " + labels(longer) + " ; indiquez le nom complet ou le code_insee");
            return null;
        }
        if (!POSTAL.matcher(row.get(POSTAL_CODE)).matches()) {
            check.error(NAME, "aucune commune « " + name + " » n'a le code postal " + postalCode + " (lu ainsi après"
                    + " ajout du zéro initial) ; vérifiez le code postal, ou indiquez le code_insee");
            return null;
        }
        var departments = departmentsOf(postalCode);
        var inDepartment = new LinkedHashMap<Commune, Former>();
        for (var department : departments) {
            inDepartment.putAll(named(byDepartment.getOrDefault(department, List.of()), name));
        }
        var where = departments.size() == 1 ? "le département " + departments.get(0)
                : "les départements " + String.join(" et ", departments);
        var why = candidates.isEmpty()
                ? "le code postal " + postalCode + " n'est celui d'aucune commune (code CEDEX ?)"
                : "le code postal " + postalCode + " n'est pas celui de « " + name + " » (communes de ce code : "
                        + labels(candidates) + ")";
        if (inDepartment.size() == 1) {
            var match = inDepartment.entrySet().iterator().next();
            var as = match.getValue() == null ? "" : ", " + match.getValue().label() + " faisant aujourd'hui partie de "
                    + match.getKey().label();
            return placed(check, PlacedBy.NAME_IN_DEPARTMENT, match.getKey(), why + " : placée par son nom, seule"
                    + " commune « " + name + " » dans " + where + as);
        }
        check.error(NAME, inDepartment.isEmpty()
                ? why + ", et aucune commune « " + name + " » dans " + where
                : why + ", et plusieurs communes « " + name + " » dans " + where + " : "
                        + labels(inDepartment.keySet()) + " ; indiquez le code_insee");
        return null;
    }

    private Commune byInseeCode(RowCheck check) {
        var given = check.row().get(CODE_INSEE);
        var code = upper(given);
        if (code.matches("\\d{4}") && known("0" + code)) {
            check.note(CODE_INSEE, "code INSEE « " + given + " » lu 0" + code + " (le tableur avait retiré le zéro"
                    + " initial)");
            code = "0" + code;
        }
        if (!INSEE_CODE.matcher(code).matches()) {
            check.error(CODE_INSEE, "code INSEE invalide « " + given + " » (5 caractères, ex. 2A004)");
            return null;
        }
        var commune = byCode.get(code);
        if (commune != null) {
            return agreesWithName(check, code, commune)
                    ? placed(check, PlacedBy.INSEE_CODE, commune, "code INSEE") : null;
        }
        var holders = byFormerCode.getOrDefault(code, List.of());
        if (holders.size() > 1 && check.row().has(NAME)) {
            // a code of two former communes (a few were split): the name may tell which
            var named = named(holders, check.row().get(NAME));
            holders = named.size() == 1 ? List.copyOf(named.keySet()) : holders;
        }
        if (holders.size() == 1) {
            var holder = holders.get(0);
            if (!agreesWithName(check, code, holder)) {
                return null;
            }
            var former = formerOf(holder, code);
            return placed(check, PlacedBy.FORMER_INSEE_CODE, holder, "code INSEE " + code + " de " + former.label()
                    + ", qui fait aujourd'hui partie de " + holder.label());
        }
        check.error(CODE_INSEE, holders.isEmpty() ? "aucune commune, actuelle ou ancienne, n'a le code INSEE " + code
                : "le code INSEE " + code + " est celui d'anciennes communes aujourd'hui dans plusieurs communes : "
                        + labels(holders) + " ; indiquez le code INSEE de la commune actuelle");
        return null;
    }

    /** The row's postal code as read (its leading zero restored), null when none; after {@link #resolve}. */
    String postalCode(SourceRow row) {
        return row.has(POSTAL_CODE) ? postalCode(row.get(POSTAL_CODE), null) : null;
    }

    /** The postal code read, its leading zero restored when a spreadsheet dropped it; null when it is not one. */
    private String postalCode(String given, RowCheck check) {
        if (given.matches("\\d{4}") && byPostalCode.containsKey("0" + given)) {
            if (check != null) {
                check.note(POSTAL_CODE, "code postal « " + given + " » lu 0" + given + " (le tableur avait retiré le"
                        + " zéro initial)");
            }
            return "0" + given;
        }
        return POSTAL.matcher(given).matches() ? given : null;
    }

    /** The communes of the postal code named so (value null) or holding a former commune named so (value: it). */
    private Map<Commune, Former> inPostalCode(String postalCode, String name) {
        return named(byPostalCode.getOrDefault(postalCode, List.of()), name);
    }

    /**
     * Among {@code communes}, those named {@code name} (mapped to null) or holding a former commune of that name (mapped
     * to it); a commune named so wins over its own former commune of the same name.
     */
    private static Map<Commune, Former> named(Collection<Commune> communes, String name) {
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

    /**
     * A row that gives both a code and a name must name the commune of its code (or one of its former communes, or
     * a longer or shorter form: "Paris 15e" for Paris): otherwise one of the two is wrong, and which one is not for
     * the import to guess (found by probing: a postal code typed in the code_insee column placed rows elsewhere).
     */
    private static boolean agreesWithName(RowCheck check, String code, Commune commune) {
        if (!check.row().has(NAME)) {
            return true;
        }
        var wanted = comparable(check.row().get(NAME));
        var names = new ArrayList<String>();
        names.add(commune.name());
        commune.former().stream().map(Former::name).filter(n -> n != null).forEach(names::add);
        for (var known : names) {
            var name = comparable(known);
            if (name.equals(wanted) || name.startsWith(wanted + " ") || wanted.startsWith(name + " ")) {
                return true;
            }
        }
        check.error(CODE_INSEE, "le code INSEE " + code + " est celui de " + commune.label() + ", pas de « "
                + check.row().get(NAME) + " » : corrigez le code ou le nom de la commune");
        return false;
    }

    /** Communes among {@code communes} whose name, or a former commune's, begins with {@code name} and goes on. */
    private static List<Commune> beginningWith(Collection<Commune> communes, String name) {
        var wanted = comparable(name) + " ";
        return communes.stream().filter(c -> comparable(c.name()).startsWith(wanted) || c.former().stream()
                .anyMatch(f -> f.name() != null && comparable(f.name()).startsWith(wanted))).toList();
    }

    private static Former formerOf(Commune commune, String code) {
        return commune.former().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
    }

    private boolean known(String code) {
        return byCode.containsKey(code) || byFormerCode.containsKey(code);
    }

    private static Commune placed(RowCheck check, PlacedBy by, Commune commune, String how) {
        check.placed(new Placement(by, commune.code(), commune.name(), how));
        return commune;
    }

    /**
     * The départements a postal code points at: its first two digits, three overseas; 20 is Corsica's two. A few
     * communes have the postal code of a neighbouring département: they are found by postal code, not here.
     */
    static List<String> departmentsOf(String postalCode) {
        if (postalCode.startsWith("20")) {
            return List.of("2A", "2B");
        }
        return List.of(postalCode.startsWith("97") || postalCode.startsWith("98") ? postalCode.substring(0, 3)
                : postalCode.substring(0, 2));
    }

    private static String upper(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
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
    private static String written(String name) {
        return CEDEX.matcher(name.toLowerCase(Locale.ROOT).replaceAll("[\\s'’-]+", " ").strip()).replaceAll("")
                .strip();
    }

    private static String labels(Collection<Commune> communes) {
        return String.join(", ", communes.stream().map(Commune::label).toList());
    }
}
