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
 * Deterministic: one seeded random, every collection iterated in code order. This class draws employers, places and
 * advisers; {@link NationalCoordination} and {@link NationalPartners} go on with the same random, in the same order;
 * {@link NationalActivities} draws from a random of its own, so that the network stays the same with or without them.
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

    record Employer(int index, String id, String siret, String name, Commune commune, LegalKind kind) {
    }

    /** mainPlace and secondPlace: the places it works at, null when it has none (then it serves its employer's commune). */
    record Adviser(String id, Employer employer, ContractType contract, LocalDate start, LocalDate end,
            boolean active, String mainPlace, String secondPlace) {
    }

    record Coordinator(String id, Adviser adviser, LocalDate since, DemoBuilder.Perimeter perimeter) {
    }

    final DemoBuilder b;
    final DemoTerritories territories;
    final long seed;
    final SplittableRandom random;
    final double scale;
    final LocalDate today;

    private NationalGenerator(DemoBuilder b, long seed, double scale) {
        this.b = b;
        this.territories = b.territories;
        this.seed = seed;
        this.random = new SplittableRandom(seed);
        this.scale = scale;
        this.today = b.referenceDate;
    }

    static void addTo(DemoBuilder b, long seed, double scale) {
        new NationalGenerator(b, seed, scale).generate();
    }

    int scaled(int count) {
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

        var employers = employers(new CommuneSampler(employerCommunes));
        var places = places(employers, new CommuneSampler(communes));
        var advisers = advisers(employers, places);
        var coordination = new NationalCoordination(this);
        var coordinators = coordination.coordinators(advisers, withoutCoordinator);
        var coordinated = coordination.coordinate(advisers, coordinators);
        var hubs = coordination.hubs(coordinators);
        var partners = new NationalPartners(this);
        var partnersByDepartment = partners.partners(new CommuneSampler(communes), advisers, coordinators, employers);
        partners.governances(departments, employers, hubs, partnersByDepartment);
        new NationalActivities(this, places).add(advisers, coordinators, coordinated, partnersByDepartment);
    }

    private List<Employer> employers(CommuneSampler sampler) {
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
    private GeneratedPlaces places(List<Employer> employers, CommuneSampler sampler) {
        var places = new GeneratedPlaces();
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

    private List<Adviser> advisers(List<Employer> employers, GeneratedPlaces places) {
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
            String main = null;
            String second = null;
            // 4% have no place: they serve the employer's commune wherever they are welcome
            if (random.nextDouble() >= 0.04) {
                var home = employer.commune();
                main = random.nextDouble() < 0.6 ? places.ofEmployer(employer.index()) : places.near(home, random);
                b.worksAt(id, main, true);
                if (random.nextDouble() < 0.15) {
                    var other = places.near(home, random);
                    if (!other.equals(main)) {
                        second = other;
                        b.worksAt(id, second, false);
                    }
                }
            }
            advisers.add(new Adviser(id, employer, type, start, end, status == AdviserStatus.ACTIVE && active, main,
                    second));
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


    static <T> void add(Map<String, List<T>> index, String key, T value) {
        index.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
}
