package fr.maillage.imports;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

import fr.maillage.database.CypherResource;
import org.neo4j.driver.QueryRunner;

/**
 * The communes the rows of one file may name, looked up once per import (by INSEE code, by postal code, and in the
 * départements where a name is searched), and indexed for {@link CommunePlacer}.
 */
final class Communes {

    static final String CODE_INSEE = "code_insee";
    static final String POSTAL_CODE = "code_postal";
    static final String NAME = "commune";

    static final Pattern POSTAL = Pattern.compile("\\d{5}");

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

    Commune byCode(String code) {
        return byCode.get(code);
    }

    /** The current communes holding a former commune (or arrondissement) of that code. */
    List<Commune> holding(String formerCode) {
        return byFormerCode.getOrDefault(formerCode, List.of());
    }

    List<Commune> withPostalCode(String postalCode) {
        return byPostalCode.getOrDefault(postalCode, List.of());
    }

    /** Loaded only for the départements of rows placed by name. */
    List<Commune> inDepartment(String departmentCode) {
        return byDepartment.getOrDefault(departmentCode, List.of());
    }

    /** The row's postal code as read (its leading zero restored), null when none; after {@link CommunePlacer#resolve}. */
    String postalCode(SourceRow row) {
        return row.has(POSTAL_CODE) ? postalCode(row.get(POSTAL_CODE), null) : null;
    }

    /** The postal code read, its leading zero restored when a spreadsheet dropped it; null when it is not one. */
    String postalCode(String given, RowCheck check) {
        if (given.matches("\\d{4}") && byPostalCode.containsKey("0" + given)) {
            if (check != null) {
                check.note(POSTAL_CODE, "code postal « " + given + " » lu 0" + given + " (le tableur avait retiré le"
                        + " zéro initial)");
            }
            return "0" + given;
        }
        return POSTAL.matcher(given).matches() ? given : null;
    }

    boolean known(String code) {
        return byCode.containsKey(code) || byFormerCode.containsKey(code);
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

    static String upper(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }
}
