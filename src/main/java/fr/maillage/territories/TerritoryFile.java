package fr.maillage.territories;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * The compact referential shipped in the jar (see tools/territories), parsed into rows ready for the loader's Cypher,
 * with what Cypher would otherwise recompute at every load: populations of groupings, the départements and regions
 * of each EPCI, the folded search text. {@code formerCommunes}: the codes and names that are no longer a current commune
 * but lie in one (communes déléguées and associées, municipal arrondissements, codes of communes merged away), each
 * with the code and département of that current commune ({@code communeCode}, {@code departmentCode}).
 */
record TerritoryFile(String version, String source, List<Map<String, Object>> regions,
        List<Map<String, Object>> departments, List<Map<String, Object>> epcis, List<Map<String, Object>> communes,
        List<Map<String, Object>> formerCommunes, long population) {

    /** The file's bytes as shipped (gzipped), read once: enough to know its version without parsing it. */
    static byte[] bytes(InputStream gzipped) {
        try (gzipped) {
            return gzipped.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the territory referential", e);
        }
    }

    static TerritoryFile read(byte[] bytes) {
        var regions = new LinkedHashMap<String, Map<String, Object>>();
        var departments = new LinkedHashMap<String, Map<String, Object>>();
        var epcis = new LinkedHashMap<String, Map<String, Object>>();
        var communes = new ArrayList<Map<String, Object>>();
        var formerCommunes = new ArrayList<Map<String, Object>>();
        String source = "unknown";
        try (var reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new java.io.ByteArrayInputStream(bytes)), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("# source: ")) {
                    source = line.substring("# source: ".length());
                }
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                var f = line.split("\t", -1);
                switch (f[0]) {
                    case "R" -> regions.put(f[1], row(f[1], f[2], "liaison", liaison(f[3]), "chefLieu", blankToNull(f[4]),
                            "overseas", !"metro".equals(f[5])));
                    case "D" -> departments.put(f[1], row(f[1], f[3], "regionCode", f[2], "liaison", liaison(f[4]),
                            "chefLieu", blankToNull(f[5]), "overseas", !"metro".equals(f[6])));
                    case "E" -> epcis.put(f[1], row(f[1], f[2], "nature", f[3]));
                    case "C" -> communes.add(row(f[1], f[2], "departmentCode", f[3],
                            "epciCode", "-".equals(f[4]) ? null : f[4], "population", Integer.parseInt(f[5]),
                            "postalCodes", f[6].isEmpty() ? List.of() : Arrays.asList(f[6].split(",")),
                            "siren", blankToNull(f[7])));
                    case "A" -> formerCommunes.add(former(f[1], blankToNull(f[2]), f[3], f[4]));
                    default -> throw new IllegalStateException("Unknown record kind in territory file: " + f[0]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the territory referential", e);
        }
        return derive(version(bytes), source, regions, departments, epcis, communes, formerCommunes);
    }

    private static TerritoryFile derive(String version, String source, Map<String, Map<String, Object>> regions,
            Map<String, Map<String, Object>> departments, Map<String, Map<String, Object>> epcis,
            List<Map<String, Object>> communes, List<Map<String, Object>> formerCommunes) {
        var population = new HashMap<String, Long>();
        var epciDepartments = new HashMap<String, TreeSet<String>>();
        long total = 0;
        for (var commune : communes) {
            var department = departments.get((String) commune.get("departmentCode"));
            var regionCode = (String) department.get("regionCode");
            commune.put("regionCode", regionCode);
            long inhabitants = (Integer) commune.get("population");
            total += inhabitants;
            population.merge("D" + department.get("code"), inhabitants, Long::sum);
            population.merge("R" + regionCode, inhabitants, Long::sum);
            var epciCode = (String) commune.get("epciCode");
            if (epciCode != null) {
                population.merge("E" + epciCode, inhabitants, Long::sum);
                epciDepartments.computeIfAbsent(epciCode, k -> new TreeSet<>()).add((String) department.get("code"));
            }
            var codes = new ArrayList<String>();
            codes.add((String) commune.get("code"));
            if (commune.get("siren") != null) {
                codes.add((String) commune.get("siren"));
            }
            if (commune.get("postalCodes") instanceof List<?> postalCodes) {
                postalCodes.forEach(postalCode -> codes.add((String) postalCode));
            }
            commune.put("searchCodes", SearchText.fold(String.join(" ", codes)));
        }
        for (var region : regions.values()) {
            region.put("population", population.getOrDefault("R" + region.get("code"), 0L));
            region.put("departmentCodes", departments.values().stream()
                    .filter(d -> region.get("code").equals(d.get("regionCode"))).map(d -> (String) d.get("code"))
                    .toList());
        }
        for (var department : departments.values()) {
            department.put("population", population.getOrDefault("D" + department.get("code"), 0L));
        }
        for (var epci : epcis.values()) {
            var code = (String) epci.get("code");
            var departmentCodes = List.copyOf(epciDepartments.getOrDefault(code, new TreeSet<>()));
            epci.put("population", population.getOrDefault("E" + code, 0L));
            epci.put("departmentCodes", departmentCodes);
            epci.put("regionCodes", departmentCodes.stream()
                    .map(d -> (String) departments.get(d).get("regionCode")).distinct().sorted().toList());
        }
        var departmentOf = new HashMap<String, String>();
        communes.forEach(c -> departmentOf.put((String) c.get("code"), (String) c.get("departmentCode")));
        for (var former : formerCommunes) {
            var departmentCode = departmentOf.get((String) former.get("communeCode"));
            if (departmentCode == null) {
                throw new IllegalStateException("Former commune " + former.get("code") + " lies in no current commune");
            }
            former.put("departmentCode", departmentCode);
        }
        return new TerritoryFile(version, source, List.copyOf(regions.values()), List.copyOf(departments.values()),
                List.copyOf(epcis.values()), communes, formerCommunes, total);
    }

    /** {@code name} is null for a code of a merged commune whose name the referential does not publish. */
    private static Map<String, Object> former(String code, String name, String communeCode, String kind) {
        var row = new HashMap<String, Object>();
        row.put("code", code);
        row.put("name", name);
        row.put("searchName", name == null ? null : SearchText.fold(name));
        row.put("communeCode", communeCode);
        row.put("kind", kind);
        return row;
    }

    private static Map<String, Object> row(String code, String name, Object... more) {
        var row = new HashMap<String, Object>();
        row.put("code", code);
        row.put("name", name);
        row.put("searchName", SearchText.fold(name));
        row.putIfAbsent("searchCodes", SearchText.fold(code));
        for (int i = 0; i < more.length; i += 2) {
            row.put((String) more[i], more[i + 1]);
        }
        return row;
    }

    /** The French linking word before a name, from the INSEE "type de nom en clair" (TNCC). */
    static String liaison(String tncc) {
        return switch (tncc) {
            case "1" -> "d'";
            case "2" -> "du ";
            case "3" -> "de la ";
            case "4", "6" -> "des ";
            case "5" -> "de l'";
            case "7" -> "de las ";
            case "8" -> "de los ";
            default -> "de ";
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** The version a file is known by in the database: the start of the SHA-256 of its bytes as shipped. */
    static String version(byte[] bytes) {
        try {
            var digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
