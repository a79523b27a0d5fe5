package fr.maillage.imports;

import static fr.maillage.imports.Communes.CODE_INSEE;
import static fr.maillage.imports.Communes.NAME;
import static fr.maillage.imports.Communes.POSTAL;
import static fr.maillage.imports.Communes.POSTAL_CODE;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import fr.maillage.imports.Communes.Commune;
import fr.maillage.imports.Communes.Former;
import fr.maillage.imports.Communes.PlacedBy;
import fr.maillage.imports.Communes.Placement;

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
final class CommunePlacer {

    private static final Pattern INSEE_CODE = Pattern.compile("(\\d{2}|2[AB])\\d{3}|97\\d{3}");

    private final Communes communes;

    CommunePlacer(Communes communes) {
        this.communes = communes;
    }

    /** The row's commune, or null with the reason added to the row's errors; the placement is given to the check. */
    Commune resolve(RowCheck check) {
        var row = check.row();
        String postalCode = null;
        if (row.has(POSTAL_CODE)) {
            postalCode = communes.postalCode(row.get(POSTAL_CODE), check);
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
        var candidates = communes.withPostalCode(postalCode);
        if (!row.has(NAME)) {
            if (candidates.size() == 1) {
                return placed(check, PlacedBy.POSTAL_CODE, candidates.get(0), "seule commune du code postal "
                        + postalCode);
            }
            check.error(NAME, candidates.isEmpty()
                    ? "obligatoire : aucune commune n'a le code postal " + postalCode + " (code CEDEX ?), le nom de la"
                            + " commune permet de la trouver dans le département"
                    : "obligatoire : le code postal " + postalCode + " est partagé par " + candidates.size()
                            + " communes (" + CommuneNames.labels(candidates) + ")");
            return null;
        }
        var name = row.get(NAME);
        var matches = inPostalCode(postalCode, name);
        if (matches.size() == 1 && matches.values().iterator().next() == null) {
            // compared without accents and article, two communes of one département can be one name: La Vergne
            // (17465) and Vergné (17464). Then the name must be the one of the postal code's commune as written.
            var match = matches.keySet().iterator().next();
            var twins = new ArrayList<Commune>();
            for (var department : Communes.departmentsOf(postalCode)) {
                communes.inDepartment(department).stream()
                        .filter(c -> !c.equals(match)
                                && CommuneNames.comparable(c.name()).equals(CommuneNames.comparable(name)))
                        .forEach(twins::add);
            }
            if (!twins.isEmpty() && !CommuneNames.written(match.name()).equals(CommuneNames.written(name))) {
                twins.add(0, match);
                check.error(NAME, "« " + name + " » peut désigner plusieurs communes du département : "
                        + CommuneNames.labels(twins) + " ; écrivez le nom exact ou indiquez le code_insee");
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
                    + " : " + CommuneNames.labels(matches.keySet()) + " ; indiquez le code_insee");
            return null;
        }
        // A real postal code whose commune bears a longer name beginning with the row's ("Saint-Barthélemy" for
        // Saint-Barthélemy-de-Séchilienne, 38220) or one whose zero was restored is not a wrong code to look past:
        // placing by name in the département would pick another commune (found by probing).
        var longer = CommuneNames.beginningWith(candidates, name);
        if (!longer.isEmpty()) {
            check.error(NAME, "« " + name + " » n'est pas une commune du code postal " + postalCode + ", mais le début du"
                    + " nom de " + CommuneNames.labels(longer) + " ; indiquez le nom complet ou le code_insee");
            return null;
        }
        if (!POSTAL.matcher(row.get(POSTAL_CODE)).matches()) {
            check.error(NAME, "aucune commune « " + name + " » n'a le code postal " + postalCode + " (lu ainsi après"
                    + " ajout du zéro initial) ; vérifiez le code postal, ou indiquez le code_insee");
            return null;
        }
        var departments = Communes.departmentsOf(postalCode);
        var inDepartment = new LinkedHashMap<Commune, Former>();
        for (var department : departments) {
            inDepartment.putAll(CommuneNames.named(communes.inDepartment(department), name));
        }
        var where = departments.size() == 1 ? "le département " + departments.get(0)
                : "les départements " + String.join(" et ", departments);
        var why = candidates.isEmpty()
                ? "le code postal " + postalCode + " n'est celui d'aucune commune (code CEDEX ?)"
                : "le code postal " + postalCode + " n'est pas celui de « " + name + " » (communes de ce code : "
                        + CommuneNames.labels(candidates) + ")";
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
                        + CommuneNames.labels(inDepartment.keySet()) + " ; indiquez le code_insee");
        return null;
    }

    private Commune byInseeCode(RowCheck check) {
        var given = check.row().get(CODE_INSEE);
        var code = Communes.upper(given);
        if (code.matches("\\d{4}") && communes.known("0" + code)) {
            check.note(CODE_INSEE, "code INSEE « " + given + " » lu 0" + code + " (le tableur avait retiré le zéro"
                    + " initial)");
            code = "0" + code;
        }
        if (!INSEE_CODE.matcher(code).matches()) {
            check.error(CODE_INSEE, "code INSEE invalide « " + given + " » (5 caractères, ex. 2A004)");
            return null;
        }
        var commune = communes.byCode(code);
        if (commune != null) {
            return agreesWithName(check, code, commune)
                    ? placed(check, PlacedBy.INSEE_CODE, commune, "code INSEE") : null;
        }
        var holders = communes.holding(code);
        if (holders.size() > 1 && check.row().has(NAME)) {
            // a code of two former communes (a few were split): the name may tell which
            var named = CommuneNames.named(holders, check.row().get(NAME));
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
                        + CommuneNames.labels(holders) + " ; indiquez le code INSEE de la commune actuelle");
        return null;
    }

    /** The communes of the postal code named so (value null) or holding a former commune named so (value: it). */
    private Map<Commune, Former> inPostalCode(String postalCode, String name) {
        return CommuneNames.named(communes.withPostalCode(postalCode), name);
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
        var wanted = CommuneNames.comparable(check.row().get(NAME));
        var names = new ArrayList<String>();
        names.add(commune.name());
        commune.former().stream().map(Former::name).filter(n -> n != null).forEach(names::add);
        for (var known : names) {
            var name = CommuneNames.comparable(known);
            if (name.equals(wanted) || name.startsWith(wanted + " ") || wanted.startsWith(name + " ")) {
                return true;
            }
        }
        check.error(CODE_INSEE, "le code INSEE " + code + " est celui de " + commune.label() + ", pas de « "
                + check.row().get(NAME) + " » : corrigez le code ou le nom de la commune");
        return false;
    }

    private static Former formerOf(Commune commune, String code) {
        return commune.former().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
    }

    private static Commune placed(RowCheck check, PlacedBy by, Commune commune, String how) {
        check.placed(new Placement(by, commune.code(), commune.name(), how));
        return commune;
    }

    /** The row's postal code as read (its leading zero restored), null when none; after {@link #resolve}. */
    String postalCode(SourceRow row) {
        return communes.postalCode(row);
    }
}
