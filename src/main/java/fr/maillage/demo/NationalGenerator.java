package fr.maillage.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;

import fr.maillage.demo.DemoTerritories.Commune;
import fr.maillage.network.NetworkEnums.AdviserStatus;
import fr.maillage.network.NetworkEnums.ContractType;
import fr.maillage.network.NetworkEnums.LegalKind;
import fr.maillage.network.NetworkEnums.PartnerKind;
import fr.maillage.network.NetworkEnums.PartnerRole;
import fr.maillage.network.NetworkEnums.PerimeterKind;
import fr.maillage.network.NetworkEnums.Scheme;
import fr.maillage.network.NetworkEnums.Sector;

/**
 * The rest of France, made up but shaped like the programme: at scale 1, about 4,000 advisers of whom 500
 * coordinators, 2,500 employers, 12,000 places and 20,000 partners, placed in communes drawn in proportion to their
 * population, Corsica (region 94) left to the scenario. It has the gaps a prefecture looks for: départements with no
 * adviser or no coordinator, advisers nobody coordinates, contracts ending soon or ended, advisers without a place.
 * Deterministic: one seeded random, every collection iterated in code order.
 */
final class NationalGenerator {

    static final int ADVISERS = 4_000;
    static final int COORDINATORS = 500;
    static final int EMPLOYERS = 2_500;
    static final int PLACES = 12_000;
    static final int PARTNERS = 20_000;

    private static final String[] ASSOCIATIONS = { "Association Lien numérique", "Centre social", "Maison des jeunes "
            + "et de la culture", "Foyer rural", "Association Clic et Vous", "Espace de vie sociale",
            "Association Les Connecteurs" };
    private static final String[] PATRONS = { "Jean Moulin", "Jules Ferry", "Marie Curie", "Victor Hugo", "Louise Michel",
            "Jean Jaurès", "Simone Veil", "Albert Camus", "Olympe de Gouges", "Paul Éluard", "George Sand", "Pasteur" };
    private static final String[] EHPAD_NAMES = { "Les Tilleuls", "Les Glycines", "La Roseraie", "Le Clos fleuri",
            "Les Jardins d'automne", "Résidence du Parc", "Les Charmilles", "Bel Air" };

    private record Employer(int index, String id, String siret, String name, Commune commune, LegalKind kind) {
    }

    private record Adviser(String id, Employer employer, ContractType contract, LocalDate start, LocalDate end,
            boolean active) {
    }

    private record Coordinator(String id, Adviser adviser, LocalDate since, DemoBuilder.Perimeter perimeter) {
    }

    private final DemoBuilder b;
    private final DemoTerritories territories;
    private final SplittableRandom random;
    private final double scale;
    private final LocalDate today;
    private final Map<String, List<String>> epcisByDepartment = new TreeMap<>();
    private final Map<String, List<String>> communesByDepartment = new TreeMap<>();

    private NationalGenerator(DemoBuilder b, long seed, double scale) {
        this.b = b;
        this.territories = b.territories;
        this.random = new SplittableRandom(seed);
        this.scale = scale;
        this.today = b.referenceDate;
    }

    static void addTo(DemoBuilder b, long seed, double scale) {
        new NationalGenerator(b, seed, scale).generate();
    }

    private int scaled(int count) {
        return (int) Math.max(1, Math.round(count * scale));
    }

    private void generate() {
        var communes = new ArrayList<Commune>();
        for (var commune : territories.communes.values()) {
            if (!CorsicaScenario.REGION.equals(commune.regionCode()) && commune.population() > 0) {
                communes.add(commune);
            }
        }
        var departments = new ArrayList<String>();
        for (var department : territories.departments.values()) {
            if (!CorsicaScenario.REGION.equals(department.regionCode())) {
                departments.add(department.code());
            }
        }
        // A few départements without any adviser, a few more with advisers but no coordinator.
        var withoutAdviser = new TreeSet<String>();
        var withoutCoordinator = new TreeSet<String>();
        while (withoutAdviser.size() < 3) {
            withoutAdviser.add(DemoBuilder.pick(random, departments));
        }
        while (withoutCoordinator.size() < 4) {
            var department = DemoBuilder.pick(random, departments);
            if (!withoutAdviser.contains(department)) {
                withoutCoordinator.add(department);
            }
        }
        var employerCommunes = communes.stream().filter(c -> !withoutAdviser.contains(c.departmentCode())).toList();

        var employers = employers(new Sampler(employerCommunes));
        var places = places(employers, new Sampler(communes));
        var advisers = advisers(employers, places);
        var coordinators = coordinators(advisers, withoutCoordinator);
        coordinate(advisers, coordinators);
        var hubs = hubs(coordinators);
        var partnersByDepartment = partners(new Sampler(communes), advisers, coordinators, employers);
        governances(departments, employers, hubs, partnersByDepartment);
    }

    private List<Employer> employers(Sampler sampler) {
        var employers = new ArrayList<Employer>();
        var councils = new TreeSet<String>();
        int count = scaled(EMPLOYERS);
        while (employers.size() < count) {
            var commune = sampler.next(random);
            double roll = random.nextDouble();
            String siret = null;
            String name;
            LegalKind kind;
            var department = territories.departments.get(commune.departmentCode());
            if (roll < 0.28 && commune.siren() != null && !b.hasSiret(DemoBuilder.siretOf(commune.siren()))) {
                siret = DemoBuilder.siretOf(commune.siren());
                name = (commune.population() >= 20_000 ? "Ville de " : "Commune de ") + commune.name();
                kind = LegalKind.TERRITORIAL_COLLECTIVITY;
            } else if (roll < 0.43 && commune.epciCode() != null
                    && !b.hasSiret(DemoBuilder.siretOf(commune.epciCode()))) {
                siret = DemoBuilder.siretOf(commune.epciCode());
                name = territories.epcis.get(commune.epciCode()).name();
                kind = LegalKind.COLLECTIVITY_GROUPING;
            } else if (roll < 0.46 && councils.add(department.code())) {
                name = "Conseil départemental – " + department.name();
                kind = LegalKind.TERRITORIAL_COLLECTIVITY;
                if (department.chefLieu() != null && territories.communes.containsKey(department.chefLieu())) {
                    commune = territories.commune(department.chefLieu());
                }
            } else if (roll < 0.58) {
                name = "CCAS de " + commune.name();
                kind = LegalKind.LOCAL_PUBLIC_BODY;
            } else if (roll < 0.86) {
                name = DemoBuilder.pick(random, ASSOCIATIONS) + " de " + commune.name();
                kind = LegalKind.ASSOCIATION;
            } else if (roll < 0.91) {
                name = "Scic Numérique partagé de " + commune.name();
                kind = LegalKind.SOCIAL_ECONOMY_COMPANY;
            } else if (roll < 0.95) {
                name = "Fondation Solidarité numérique – " + commune.name();
                kind = LegalKind.PRIVATE_NON_PROFIT;
            } else if (roll < 0.97) {
                name = "GIP Numérique " + department.name();
                kind = LegalKind.PUBLIC_INTEREST_GROUPING;
            } else if (roll < 0.98) {
                name = "Chambre de métiers et de l'artisanat – " + department.name();
                kind = LegalKind.CONSULAR_CHAMBER;
            } else {
                name = "Atelier Numérique " + commune.name() + " SAS";
                kind = LegalKind.PRIVATE_COMPANY;
            }
            siret = siret != null ? siret : b.fictionalSiret();
            employers.add(new Employer(employers.size(), b.employer(siret, name, kind, commune.code()), siret, name, commune,
                    kind));
        }
        return employers;
    }

    /** Places of the employers themselves first (same order), then places drawn by population. */
    private Places places(List<Employer> employers, Sampler sampler) {
        var places = new Places();
        for (var employer : employers) {
            places.add(employer.commune(), b.place("Espace numérique – " + employer.name(), employer.siret(),
                    employer.commune().code(), CorsicaScenario.typology(employer.kind()), random));
        }
        String[][] kinds = { { "Médiathèque de ", "BIB" }, { "France services de ", "RFS" },
                { "Tiers-lieu numérique de ", "TIERS_LIEUX" }, { "Mairie de ", "MUNI" }, { "Centre social de ", "CS" },
                { "Maison de quartier de ", "MQ" } };
        for (int i = employers.size(); i < scaled(PLACES); i++) {
            var commune = sampler.next(random);
            var kind = DemoBuilder.pick(random, kinds);
            places.add(commune, b.place(kind[0] + commune.name(), b.fictionalSiret(), commune.code(), kind[1], random));
        }
        return places;
    }

    private List<Adviser> advisers(List<Employer> employers, Places places) {
        var advisers = new ArrayList<Adviser>();
        int count = scaled(ADVISERS);
        for (int i = 0; i < count; i++) {
            var employer = i < employers.size() ? employers.get(i) : employers.get(random.nextInt(employers.size()));
            var scheme = random.nextDouble() < 0.05 ? Scheme.OTHER : Scheme.CONSEILLER_NUMERIQUE;
            boolean publicSector = employer.kind().usualSector == Sector.PUBLIC;
            var type = contractType(publicSector);
            double roll = random.nextDouble();
            LocalDate start;
            LocalDate end;
            if (roll < 0.05) { // ending within the next three months
                type = type.fixedTerm() ? type : publicSector ? ContractType.CDD_PUBLIC : ContractType.CDD_PRIVATE;
                end = today.plusDays(1 + random.nextInt(88));
                start = end.minusMonths(random.nextBoolean() ? 24 : 36).plusDays(1);
            } else if (roll < 0.09) { // already ended
                end = today.minusDays(1 + random.nextInt(500));
                start = end.minusMonths(18 + random.nextInt(19));
            } else if (type.fixedTerm()) {
                end = today.plusDays(95 + random.nextInt(900));
                start = end.minusMonths(24 + 12 * random.nextInt(3)).plusDays(1);
                start = start.isAfter(today) ? today.minusDays(30) : start;
            } else {
                start = DemoBuilder.between(random, LocalDate.of(2021, 1, 4), today.minusDays(30));
                end = null;
            }
            boolean active = end == null || !end.isBefore(today);
            var status = !active || random.nextDouble() < 0.015 ? AdviserStatus.INACTIVE : AdviserStatus.ACTIVE;
            var id = b.adviser(scheme, status, random);
            b.contract(id, employer.id(), type, start, end);
            var adviser = new Adviser(id, employer, type, start, end, status == AdviserStatus.ACTIVE && active);
            advisers.add(adviser);
            if (random.nextDouble() < 0.04) {
                continue; // no place: serves the employer's commune wherever it is welcome
            }
            var home = employer.commune();
            var main = random.nextDouble() < 0.6 ? places.ofEmployer(employer.index())
                    : places.near(home, random);
            b.worksAt(id, main, true);
            if (random.nextDouble() < 0.15) {
                var second = places.near(home, random);
                if (!second.equals(main)) {
                    b.worksAt(id, second, false);
                }
            }
        }
        return advisers;
    }

    private ContractType contractType(boolean publicSector) {
        double roll = random.nextDouble();
        if (publicSector) {
            return roll < 0.35 ? ContractType.PROJECT_CONTRACT : roll < 0.7 ? ContractType.CDD_PUBLIC
                    : roll < 0.8 ? ContractType.CDI_PUBLIC : roll < 0.95 ? ContractType.CIVIL_SERVANT : ContractType.OTHER;
        }
        return roll < 0.45 ? ContractType.CDD_PRIVATE : roll < 0.85 ? ContractType.CDI_PRIVATE
                : ContractType.PROJECT_CONTRACT;
    }

    private List<Coordinator> coordinators(List<Adviser> advisers, TreeSet<String> withoutCoordinator) {
        var candidates = new ArrayList<Adviser>();
        for (var adviser : advisers) {
            var commune = adviser.employer().commune();
            if (adviser.active() && adviser.employer().kind().eligibleForCoordination
                    && (adviser.end() == null || adviser.end().isAfter(today.plusMonths(3)))
                    && !withoutCoordinator.contains(commune.departmentCode())) {
                candidates.add(adviser);
            }
        }
        for (int i = candidates.size() - 1; i > 0; i--) { // Fisher-Yates, seeded
            int j = random.nextInt(i + 1);
            var swap = candidates.get(i);
            candidates.set(i, candidates.get(j));
            candidates.set(j, swap);
        }
        var chosen = new ArrayList<>(candidates.subList(0, Math.min(candidates.size(), scaled(COORDINATORS))));
        chosen.sort((x, y) -> x.id().compareTo(y.id()));
        var coordinators = new ArrayList<Coordinator>();
        for (var adviser : chosen) {
            var from = adviser.start().isAfter(LocalDate.of(2022, 1, 3)) ? adviser.start() : LocalDate.of(2022, 1, 3);
            var since = DemoBuilder.between(random, from, today.minusDays(30));
            var perimeter = perimeter(adviser.employer().commune());
            b.coordinator(adviser.id(), since, perimeter);
            coordinators.add(new Coordinator(adviser.id(), adviser, since, perimeter));
        }
        return coordinators;
    }

    private DemoBuilder.Perimeter perimeter(Commune home) {
        double roll = random.nextDouble();
        if (roll < 0.70) {
            if (home.epciCode() != null && random.nextDouble() < 0.85) {
                var epcis = new TreeSet<String>();
                epcis.add(home.epciCode());
                var nearby = epcisOf(home.departmentCode());
                for (int extra = random.nextInt(4); extra > 0 && !nearby.isEmpty(); extra--) {
                    epcis.add(DemoBuilder.pick(random, nearby));
                }
                return new DemoBuilder.Perimeter(PerimeterKind.INTERCOMMUNAL, List.of(), List.copyOf(epcis), List.of(),
                        List.of());
            }
            var communes = new TreeSet<String>();
            communes.add(home.code());
            var nearby = communesOf(home.departmentCode());
            for (int extra = 2 + random.nextInt(5); extra > 0; extra--) {
                communes.add(DemoBuilder.pick(random, nearby));
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

    /** About 10% of advisers are left alone; the others get a coordinator covering them, else one of their département. */
    private void coordinate(List<Adviser> advisers, List<Coordinator> coordinators) {
        var byTerritory = new TreeMap<String, List<Coordinator>>();
        var byDepartment = new TreeMap<String, List<Coordinator>>();
        for (var coordinator : coordinators) {
            var perimeter = coordinator.perimeter();
            perimeter.communes().forEach(code -> add(byTerritory, "C" + code, coordinator));
            perimeter.epcis().forEach(code -> add(byTerritory, "E" + code, coordinator));
            perimeter.departments().forEach(code -> add(byTerritory, "D" + code, coordinator));
            perimeter.regions().forEach(code -> add(byTerritory, "R" + code, coordinator));
            add(byDepartment, coordinator.adviser().employer().commune().departmentCode(), coordinator);
        }
        var coordinatorIds = new TreeSet<String>();
        coordinators.forEach(c -> coordinatorIds.add(c.id()));
        for (var adviser : advisers) {
            if (coordinatorIds.contains(adviser.id()) || random.nextDouble() < 0.10) {
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
            var coordinator = DemoBuilder.pick(random, covering);
            var from = adviser.start().isAfter(coordinator.since()) ? adviser.start() : coordinator.since();
            b.coordinates(coordinator.id(), adviser.id(), DemoBuilder.between(random, from, from.plusDays(90)));
        }
    }

    /** One hub per metropolitan region but two, and one for the Antilles and Guyane. */
    private Map<String, String> hubs(List<Coordinator> coordinators) {
        var metropolitan = new ArrayList<String>();
        for (var region : territories.regions.values()) {
            if (region.metropolitan() && !CorsicaScenario.REGION.equals(region.code())) {
                metropolitan.add(region.code());
            }
        }
        var skipped = new TreeSet<String>();
        while (skipped.size() < 2) {
            skipped.add(DemoBuilder.pick(random, metropolitan));
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
            var first = territories.regions.get(regions.get(0));
            var name = regions.size() == 1 ? "Hub numérique inclusif " + first.name() : "Hub Antilles-Guyane";
            var id = b.hub(name, b.fictionalSiret(),
                    i % 4 == 3 ? LegalKind.PUBLIC_INTEREST_GROUPING : LegalKind.ASSOCIATION,
                    DemoBuilder.between(random, LocalDate.of(2021, 3, 1), LocalDate.of(2022, 12, 15)), first.chefLieu(),
                    regions, supported);
            regions.forEach(code -> hubOfRegion.put(code, id));
        }
        return hubOfRegion;
    }

    /** Partners drawn by population; a bit more than half work with advisers, coordinators or employers nearby. */
    private Map<String, List<String>> partners(Sampler sampler, List<Adviser> advisers, List<Coordinator> coordinators,
            List<Employer> employers) {
        var advisersByDepartment = new TreeMap<String, List<String>>();
        advisers.forEach(a -> add(advisersByDepartment, a.employer().commune().departmentCode(), a.id()));
        var coordinatorsByDepartment = new TreeMap<String, List<String>>();
        coordinators.forEach(c -> add(coordinatorsByDepartment, c.adviser().employer().commune().departmentCode(),
                c.id()));
        var employersByDepartment = new TreeMap<String, List<String>>();
        employers.forEach(e -> add(employersByDepartment, e.commune().departmentCode(), e.id()));
        var prescribersByDepartment = new TreeMap<String, List<String>>();
        PartnerKind[] kinds = PartnerKind.values();
        double[] weights = new double[kinds.length];
        for (int i = 0; i < kinds.length; i++) {
            weights[i] = switch (kinds[i]) {
                case FRANCE_TRAVAIL, MISSION_LOCALE -> 4;
                case CAP_EMPLOI, CAF -> 1.5;
                case CCAS, LIBRARY -> 14;
                case FRANCE_SERVICES -> 10;
                case EHPAD, COLLEGE -> 18;
                case LYCEE -> 8;
                case UNIVERSITY -> 1;
                case OTHER -> 6;
            };
        }
        double total = Arrays.stream(weights).sum();
        for (int i = 0, count = scaled(PARTNERS); i < count; i++) {
            var commune = sampler.next(random);
            double roll = random.nextDouble() * total;
            int k = 0;
            while (roll >= weights[k] && k < kinds.length - 1) {
                roll -= weights[k++];
            }
            var kind = kinds[k];
            var department = territories.departments.get(commune.departmentCode());
            var name = switch (kind) {
                case FRANCE_TRAVAIL -> "France Travail " + commune.name();
                case MISSION_LOCALE -> "Mission locale de " + commune.name();
                case CAP_EMPLOI -> "Cap emploi " + department.name();
                case CAF -> "CAF " + department.name();
                case CCAS -> "CCAS de " + commune.name();
                case FRANCE_SERVICES -> "France services de " + commune.name();
                case EHPAD -> "EHPAD " + DemoBuilder.pick(random, EHPAD_NAMES);
                case COLLEGE -> "Collège " + DemoBuilder.pick(random, PATRONS);
                case LYCEE -> "Lycée " + DemoBuilder.pick(random, PATRONS);
                case UNIVERSITY -> "Université de " + commune.name();
                case LIBRARY -> "Médiathèque de " + commune.name();
                case OTHER -> "Centre social de " + commune.name();
            };
            var partner = b.partner(kind, name, commune.code(), random);
            if (kind == PartnerKind.CAF || kind == PartnerKind.FRANCE_TRAVAIL) {
                add(prescribersByDepartment, department.code(), partner);
            }
            if (random.nextDouble() >= 0.55) {
                continue;
            }
            for (int links = 1 + random.nextInt(3); links > 0; links--) {
                double target = random.nextDouble();
                var pool = target < 0.65 ? advisersByDepartment : target < 0.85 ? coordinatorsByDepartment
                        : employersByDepartment;
                var ids = pool.getOrDefault(department.code(), List.of());
                if (ids.isEmpty()) {
                    break;
                }
                var nature = kind.role == PartnerRole.BENEFICIARY ? "ateliers"
                        : kind.role == PartnerRole.PRESCRIBER && random.nextBoolean() ? "orientation de publics"
                        : DemoBuilder.pick(random, DemoBuilder.NATURES);
                b.partnerLink(partner, pool == employersByDepartment ? "Employer" : "Adviser",
                        DemoBuilder.pick(random, ids), DemoBuilder.between(random, LocalDate.of(2021, 6, 1), today),
                        nature);
            }
        }
        return prescribersByDepartment;
    }

    /** Nine départements in ten have their governance, co-carried by the prefecture and a local collectivity. */
    private void governances(List<String> departments, List<Employer> employers, Map<String, String> hubs,
            Map<String, List<String>> prescribers) {
        for (var code : departments) {
            if (random.nextDouble() < 0.10) {
                continue;
            }
            var department = territories.departments.get(code);
            var since = DemoBuilder.between(random, LocalDate.of(2023, 10, 2), LocalDate.of(2024, 12, 20));
            var members = new ArrayList<Map<String, Object>>();
            members.add(DemoBuilder.member("Prefecture", code, true, since));
            for (var employer : employers) {
                if (employer.commune().departmentCode().equals(code)
                        && employer.kind() == LegalKind.TERRITORIAL_COLLECTIVITY) {
                    members.add(DemoBuilder.member("Employer", employer.id(), true, since));
                    break;
                }
            }
            var hub = hubs.get(department.regionCode());
            if (hub != null) {
                members.add(DemoBuilder.member("Hub", hub, false, since));
            }
            for (var partner : prescribers.getOrDefault(code, List.of()).stream().limit(2).toList()) {
                members.add(DemoBuilder.member("Partner", partner, false, since.plusMonths(2)));
            }
            b.governance(code, "Gouvernance France Numérique Ensemble – " + department.name(), since, members);
        }
    }

    /** The EPCI with communes in the département, for intercommunal perimeters. */
    private List<String> epcisOf(String departmentCode) {
        return epcisByDepartment.computeIfAbsent(departmentCode, code -> territories.communes.values().stream()
                .filter(c -> c.departmentCode().equals(code) && c.epciCode() != null).map(Commune::epciCode)
                .distinct().sorted().toList());
    }

    private List<String> communesOf(String departmentCode) {
        return communesByDepartment.computeIfAbsent(departmentCode, code -> territories.communes.values().stream()
                .filter(c -> c.departmentCode().equals(code)).map(Commune::code).toList());
    }

    private static <T> void add(Map<String, List<T>> index, String key, T value) {
        index.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }

    /** Communes drawn in proportion to their population. */
    private static final class Sampler {
        private final List<Commune> communes;
        private final long[] cumulative;

        Sampler(List<Commune> communes) {
            this.communes = communes;
            this.cumulative = new long[communes.size()];
            long sum = 0;
            for (int i = 0; i < communes.size(); i++) {
                sum += communes.get(i).population();
                cumulative[i] = sum;
            }
        }

        Commune next(SplittableRandom random) {
            long point = random.nextLong(cumulative[cumulative.length - 1]);
            int i = Arrays.binarySearch(cumulative, point + 1);
            return communes.get(i >= 0 ? i : -i - 1);
        }
    }

    /** The places generated, by commune and by département. */
    private static final class Places {
        private final List<String> ids = new ArrayList<>();
        private final Map<String, List<String>> byCommune = new TreeMap<>();
        private final Map<String, List<String>> byDepartment = new TreeMap<>();

        void add(Commune commune, String id) {
            ids.add(id);
            NationalGenerator.add(byCommune, commune.code(), id);
            NationalGenerator.add(byDepartment, commune.departmentCode(), id);
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
}
