package fr.maillage.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import fr.maillage.demo.DemoTerritories.Commune;

/** The places generated, by commune and by département. */
final class GeneratedPlaces {

    private final List<String> ids = new ArrayList<>();
    private final Map<String, List<String>> byCommune = new TreeMap<>();
    private final Map<String, List<String>> byDepartment = new TreeMap<>();
    private final Map<String, Commune> communes = new TreeMap<>();

    void add(Commune commune, String id) {
        ids.add(id);
        communes.put(id, commune);
        NationalGenerator.add(byCommune, commune.code(), id);
        NationalGenerator.add(byDepartment, commune.departmentCode(), id);
    }

    Commune communeOf(String placeId) {
        return communes.get(placeId);
    }

    String ofEmployer(int employerIndex) {
        return ids.get(employerIndex);
    }

    /** A place of the commune when it has several, else of the département. */
    String near(Commune commune, SplittableRandom random) {
        var here = byCommune.get(commune.code());
        return here.size() > 1 && random.nextBoolean() ? DemoBuilder.pick(random, here)
                : DemoBuilder.pick(random, byDepartment.get(commune.departmentCode()));
    }
}
