package fr.maillage.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import fr.maillage.demo.DemoTerritories.Commune;
import fr.maillage.demo.NationalGenerator.Adviser;
import fr.maillage.demo.NationalGenerator.Coordinator;
import fr.maillage.network.NetworkEnums.LegalKind;
import fr.maillage.network.NetworkEnums.PerimeterKind;

/**
 * The national coordination: coordinators chosen among eligible advisers with their perimeters, the advisers they
 * coordinate, and the hubs that support them. Draws from the generator's one random, in the generator's order.
 */
final class NationalCoordination {

    private final NationalGenerator g;
    private final Map<String, List<String>> epcisByDepartment = new TreeMap<>();
    private final Map<String, List<String>> communesByDepartment = new TreeMap<>();

    NationalCoordination(NationalGenerator g) {
        this.g = g;
    }

    List<Coordinator> coordinators(List<Adviser> advisers, TreeSet<String> withoutCoordinator) {
        var candidates = new ArrayList<Adviser>();
        for (var adviser : advisers) {
            var commune = adviser.employer().commune();
            if (adviser.active() && adviser.employer().kind().eligibleForCoordination
                    && (adviser.end() == null || adviser.end().isAfter(g.today.plusMonths(3)))
                    && !withoutCoordinator.contains(commune.departmentCode())) {
                candidates.add(adviser);
            }
        }
        for (int i = candidates.size() - 1; i > 0; i--) { // Fisher-Yates, seeded
            int j = g.random.nextInt(i + 1);
            var swap = candidates.get(i);
            candidates.set(i, candidates.get(j));
            candidates.set(j, swap);
        }
        var chosen = new ArrayList<>(candidates.subList(0, Math.min(candidates.size(), g.scaled(NationalGenerator.COORDINATORS))));
        chosen.sort((x, y) -> x.id().compareTo(y.id()));
        var coordinators = new ArrayList<Coordinator>();
        for (var adviser : chosen) {
            var from = adviser.start().isAfter(LocalDate.of(2022, 1, 3)) ? adviser.start() : LocalDate.of(2022, 1, 3);
            var since = DemoBuilder.between(g.random, from, g.today.minusDays(30));
            var perimeter = perimeter(adviser.employer().commune());
            g.b.coordinator(adviser.id(), since, perimeter);
            coordinators.add(new Coordinator(adviser.id(), adviser, since, perimeter));
        }
        return coordinators;
    }

    private DemoBuilder.Perimeter perimeter(Commune home) {
        double roll = g.random.nextDouble();
        if (roll < 0.70) {
            if (home.epciCode() != null && g.random.nextDouble() < 0.85) {
                var epcis = new TreeSet<String>();
                epcis.add(home.epciCode());
                var nearby = epcisOf(home.departmentCode());
                for (int extra = g.random.nextInt(4); extra > 0 && !nearby.isEmpty(); extra--) {
                    epcis.add(DemoBuilder.pick(g.random, nearby));
                }
                return new DemoBuilder.Perimeter(PerimeterKind.INTERCOMMUNAL, List.of(), List.copyOf(epcis), List.of(),
                        List.of());
            }
            var communes = new TreeSet<String>();
            communes.add(home.code());
            var nearby = communesOf(home.departmentCode());
            for (int extra = 2 + g.random.nextInt(5); extra > 0; extra--) {
                communes.add(DemoBuilder.pick(g.random, nearby));
            }
            return new DemoBuilder.Perimeter(PerimeterKind.INTERCOMMUNAL, List.copyOf(communes), List.of(), List.of(),
                    List.of());
        }
        if (roll < 0.95) {
            return new DemoBuilder.Perimeter(PerimeterKind.DEPARTMENT, List.of(), List.of(),
                    List.of(home.departmentCode()), List.of());
        }
        return new DemoBuilder.Perimeter(PerimeterKind.REGION, List.of(), List.of(), List.of(),
                List.of(home.regionCode()));
    }

    /**
     * About 10% of advisers are left alone; the others get a coordinator covering them, else one of their département.
     * Returns the advisers of each coordinator (by its id), in the advisers' order.
     */
    Map<String, List<Adviser>> coordinate(List<Adviser> advisers, List<Coordinator> coordinators) {
        var coordinated = new TreeMap<String, List<Adviser>>();
        var byTerritory = new TreeMap<String, List<Coordinator>>();
        var byDepartment = new TreeMap<String, List<Coordinator>>();
        for (var coordinator : coordinators) {
            var perimeter = coordinator.perimeter();
            perimeter.communes().forEach(code -> NationalGenerator.add(byTerritory, "C" + code, coordinator));
            perimeter.epcis().forEach(code -> NationalGenerator.add(byTerritory, "E" + code, coordinator));
            perimeter.departments().forEach(code -> NationalGenerator.add(byTerritory, "D" + code, coordinator));
            perimeter.regions().forEach(code -> NationalGenerator.add(byTerritory, "R" + code, coordinator));
            NationalGenerator.add(byDepartment, coordinator.adviser().employer().commune().departmentCode(), coordinator);
        }
        var coordinatorIds = new TreeSet<String>();
        coordinators.forEach(c -> coordinatorIds.add(c.id()));
        for (var adviser : advisers) {
            if (coordinatorIds.contains(adviser.id()) || g.random.nextDouble() < 0.10) {
                continue;
            }
            var commune = adviser.employer().commune();
            var covering = new ArrayList<Coordinator>();
            covering.addAll(byTerritory.getOrDefault("C" + commune.code(), List.of()));
            covering.addAll(byTerritory.getOrDefault("E" + commune.epciCode(), List.of()));
            covering.addAll(byTerritory.getOrDefault("D" + commune.departmentCode(), List.of()));
            covering.addAll(byTerritory.getOrDefault("R" + commune.regionCode(), List.of()));
            if (covering.isEmpty()) {
                covering.addAll(byDepartment.getOrDefault(commune.departmentCode(), List.of()));
            }
            if (covering.isEmpty()) {
                continue;
            }
            var coordinator = DemoBuilder.pick(g.random, covering);
            var from = adviser.start().isAfter(coordinator.since()) ? adviser.start() : coordinator.since();
            g.b.coordinates(coordinator.id(), adviser.id(), DemoBuilder.between(g.random, from, from.plusDays(90)));
            NationalGenerator.add(coordinated, coordinator.id(), adviser);
        }
        return coordinated;
    }

    /** One hub per metropolitan region but two, and one for the Antilles and Guyane. */
    Map<String, String> hubs(List<Coordinator> coordinators) {
        var metropolitan = new ArrayList<String>();
        for (var region : g.territories.regions.values()) {
            if (region.metropolitan() && !CorsicaScenario.REGION.equals(region.code())) {
                metropolitan.add(region.code());
            }
        }
        var skipped = new TreeSet<String>();
        while (skipped.size() < 2) {
            skipped.add(DemoBuilder.pick(g.random, metropolitan));
        }
        var groups = new ArrayList<List<String>>();
        for (var code : metropolitan) {
            if (!skipped.contains(code)) {
                groups.add(List.of(code));
            }
        }
        groups.add(List.of("01", "02", "03"));
        var hubOfRegion = new TreeMap<String, String>();
        for (int i = 0; i < groups.size(); i++) {
            var regions = groups.get(i);
            var supported = new ArrayList<String>();
            for (var coordinator : coordinators) {
                if (regions.contains(coordinator.adviser().employer().commune().regionCode())) {
                    supported.add(coordinator.id());
                }
            }
            var first = g.territories.regions.get(regions.get(0));
            var name = regions.size() == 1 ? "Hub numérique inclusif " + first.name() : "Hub Antilles-Guyane";
            var id = g.b.hub(name, g.b.fictionalSiret(),
                    i % 4 == 3 ? LegalKind.PUBLIC_INTEREST_GROUPING : LegalKind.ASSOCIATION,
                    DemoBuilder.between(g.random, LocalDate.of(2021, 3, 1), LocalDate.of(2022, 12, 15)), first.chefLieu(),
                    regions, supported);
            regions.forEach(code -> hubOfRegion.put(code, id));
        }
        return hubOfRegion;
    }

    /** The EPCI with communes in the département, for intercommunal perimeters. */
    private List<String> epcisOf(String departmentCode) {
        return epcisByDepartment.computeIfAbsent(departmentCode, code -> g.territories.communes.values().stream()
                .filter(c -> c.departmentCode().equals(code) && c.epciCode() != null).map(Commune::epciCode)
                .distinct().sorted().toList());
    }

    private List<String> communesOf(String departmentCode) {
        return communesByDepartment.computeIfAbsent(departmentCode, code -> g.territories.communes.values().stream()
                .filter(c -> c.departmentCode().equals(code)).map(Commune::code).toList());
    }
}
