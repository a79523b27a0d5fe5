package fr.maillage.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.maillage.demo.NationalGenerator.Adviser;
import fr.maillage.demo.NationalGenerator.Coordinator;
import fr.maillage.demo.NationalGenerator.Employer;
import fr.maillage.network.NetworkEnums.LegalKind;
import fr.maillage.network.NetworkEnums.PartnerKind;
import fr.maillage.network.NetworkEnums.PartnerRole;

/**
 * The national partners (drawn by population, a bit more than half linked to actors nearby) and the départements'
 * governances. Draws from the generator's one random, in the generator's order.
 */
final class NationalPartners {

    private static final String[] PATRONS = { "Jean Moulin", "Jules Ferry", "Marie Curie", "Victor Hugo", "Louise Michel",
            "Jean Jaurès", "Simone Veil", "Albert Camus", "Olympe de Gouges", "Paul Éluard", "George Sand", "Pasteur" };
    private static final String[] EHPAD_NAMES = { "Les Tilleuls", "Les Glycines", "La Roseraie", "Le Clos fleuri",
            "Les Jardins d'automne", "Résidence du Parc", "Les Charmilles", "Bel Air" };

    private final NationalGenerator g;

    NationalPartners(NationalGenerator g) {
        this.g = g;
    }

    /** Partners drawn by population; a bit more than half work with advisers, coordinators or employers nearby. */
    Map<String, List<String>> partners(CommuneSampler sampler, List<Adviser> advisers, List<Coordinator> coordinators,
            List<Employer> employers) {
        var advisersByDepartment = new TreeMap<String, List<String>>();
        advisers.forEach(a -> NationalGenerator.add(advisersByDepartment, a.employer().commune().departmentCode(), a.id()));
        var coordinatorsByDepartment = new TreeMap<String, List<String>>();
        coordinators.forEach(c -> NationalGenerator.add(coordinatorsByDepartment, c.adviser().employer().commune().departmentCode(),
                c.id()));
        var employersByDepartment = new TreeMap<String, List<String>>();
        employers.forEach(e -> NationalGenerator.add(employersByDepartment, e.commune().departmentCode(), e.id()));
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
        for (int i = 0, count = g.scaled(NationalGenerator.PARTNERS); i < count; i++) {
            var commune = sampler.next(g.random);
            double roll = g.random.nextDouble() * total;
            int k = 0;
            while (roll >= weights[k] && k < kinds.length - 1) {
                roll -= weights[k++];
            }
            var kind = kinds[k];
            var department = g.territories.departments.get(commune.departmentCode());
            var name = switch (kind) {
                case FRANCE_TRAVAIL -> "France Travail " + commune.name();
                case MISSION_LOCALE -> "Mission locale de " + commune.name();
                case CAP_EMPLOI -> "Cap emploi " + department.name();
                case CAF -> "CAF " + department.name();
                case CCAS -> "CCAS de " + commune.name();
                case FRANCE_SERVICES -> "France services de " + commune.name();
                case EHPAD -> "EHPAD " + DemoBuilder.pick(g.random, EHPAD_NAMES);
                case COLLEGE -> "Collège " + DemoBuilder.pick(g.random, PATRONS);
                case LYCEE -> "Lycée " + DemoBuilder.pick(g.random, PATRONS);
                case UNIVERSITY -> "Université de " + commune.name();
                case LIBRARY -> "Médiathèque de " + commune.name();
                case OTHER -> "Centre social de " + commune.name();
            };
            var partner = g.b.partner(kind, name, commune.code(), g.random);
            if (kind == PartnerKind.CAF || kind == PartnerKind.FRANCE_TRAVAIL) {
                NationalGenerator.add(prescribersByDepartment, department.code(), partner);
            }
            if (g.random.nextDouble() >= 0.55) {
                continue;
            }
            for (int links = 1 + g.random.nextInt(3); links > 0; links--) {
                double target = g.random.nextDouble();
                var pool = target < 0.65 ? advisersByDepartment : target < 0.85 ? coordinatorsByDepartment
                        : employersByDepartment;
                var ids = pool.getOrDefault(department.code(), List.of());
                if (ids.isEmpty()) {
                    break;
                }
                var nature = kind.role == PartnerRole.BENEFICIARY ? "ateliers"
                        : kind.role == PartnerRole.PRESCRIBER && g.random.nextBoolean() ? "orientation de publics"
                        : DemoBuilder.pick(g.random, DemoBuilder.NATURES);
                g.b.partnerLink(partner, pool == employersByDepartment ? "Employer" : "Adviser",
                        DemoBuilder.pick(g.random, ids), DemoBuilder.between(g.random, LocalDate.of(2021, 6, 1), g.today),
                        nature);
            }
        }
        return prescribersByDepartment;
    }

    /** Nine départements in ten have their governance, co-carried by the prefecture and a local collectivity. */
    void governances(List<String> departments, List<Employer> employers, Map<String, String> hubs,
            Map<String, List<String>> prescribers) {
        for (var code : departments) {
            if (g.random.nextDouble() < 0.10) {
                continue;
            }
            var department = g.territories.departments.get(code);
            var since = DemoBuilder.between(g.random, LocalDate.of(2023, 10, 2), LocalDate.of(2024, 12, 20));
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
            g.b.governance(code, "Gouvernance France Numérique Ensemble – " + department.name(), since, members);
        }
    }
}
