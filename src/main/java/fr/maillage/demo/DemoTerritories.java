package fr.maillage.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.springframework.core.io.ClassPathResource;

/**
 * The part of the INSEE referential the generator needs, read straight from the file shipped in the jar (format in
 * tools/territories/build-territories.mjs) so that generating needs no database. Everything is kept sorted by code.
 */
final class DemoTerritories {

    static final String RESOURCE = "territories/territories.tsv.gz";

    record Region(String code, String name, String chefLieu, boolean metropolitan) {
    }

    record Department(String code, String regionCode, String name, String chefLieu) {
    }

    record Epci(String code, String name) {
    }

    record Commune(String code, String name, String departmentCode, String regionCode, String epciCode,
            int population, String postalCode, String siren) {
    }

    private static volatile DemoTerritories instance;

    final Map<String, Region> regions;
    final Map<String, Department> departments;
    final Map<String, Epci> epcis;
    final Map<String, Commune> communes;

    private DemoTerritories(Map<String, Region> regions, Map<String, Department> departments, Map<String, Epci> epcis,
            Map<String, Commune> communes) {
        this.regions = Collections.unmodifiableMap(regions);
        this.departments = Collections.unmodifiableMap(departments);
        this.epcis = Collections.unmodifiableMap(epcis);
        this.communes = Collections.unmodifiableMap(communes);
    }

    static DemoTerritories get() {
        if (instance == null) {
            synchronized (DemoTerritories.class) {
                if (instance == null) {
                    instance = read();
                }
            }
        }
        return instance;
    }

    Commune commune(String code) {
        var commune = communes.get(code);
        if (commune == null) {
            throw new NoSuchElementException("No commune " + code + " in " + RESOURCE);
        }
        return commune;
    }

    List<Commune> communesOf(String regionCode) {
        var found = new ArrayList<Commune>();
        for (var commune : communes.values()) {
            if (commune.regionCode().equals(regionCode)) {
                found.add(commune);
            }
        }
        return found;
    }

    private static DemoTerritories read() {
        var regions = new TreeMap<String, Region>();
        var departments = new TreeMap<String, Department>();
        var epcis = new TreeMap<String, Epci>();
        var communes = new TreeMap<String, Commune>();
        try (var reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(new ClassPathResource(RESOURCE).getInputStream()), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                var f = line.split("\t", -1);
                switch (f[0]) {
                    case "R" -> regions.put(f[1], new Region(f[1], f[2], f[4], "metro".equals(f[5])));
                    case "D" -> departments.put(f[1], new Department(f[1], f[2], f[3], f[5]));
                    case "E" -> epcis.put(f[1], new Epci(f[1], f[2]));
                    case "C" -> communes.put(f[1], new Commune(f[1], f[2], f[3], departments.get(f[3]).regionCode(),
                            "-".equals(f[4]) ? null : f[4], Integer.parseInt(f[5]),
                            f[6].isEmpty() ? null : f[6].split(",")[0], f[7].isEmpty() ? null : f[7]));
                    case "A" -> {
                        // former communes: the demo network is placed in current communes only
                    }
                    default -> throw new IllegalStateException("Unexpected record " + f[0] + " in " + RESOURCE);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
        return new DemoTerritories(regions, departments, epcis, communes);
    }
}
