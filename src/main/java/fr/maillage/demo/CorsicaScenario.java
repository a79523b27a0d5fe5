package fr.maillage.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import fr.maillage.network.NetworkEnums.AdviserStatus;
import fr.maillage.network.NetworkEnums.ContractType;
import fr.maillage.network.NetworkEnums.LegalKind;
import fr.maillage.network.NetworkEnums.PartnerKind;
import fr.maillage.network.NetworkEnums.PartnerRole;
import fr.maillage.network.NetworkEnums.PerimeterKind;
import fr.maillage.network.NetworkEnums.Scheme;
import fr.maillage.network.NetworkEnums.Sector;

/**
 * The Corsica network of the seeds (deliberation 23/186 CP), with fictional people: the Collectivité de Corse
 * turned its two advisers into coordinators, one for Pumonti (2A) and one for Cismonte (2B), who coordinate the 26
 * other advisers of the island, spread over its 19 EPCI; Hub Corsica covers the region and supports them.
 */
final class CorsicaScenario {

    static final String REGION = "94";
    static final String COLLECTIVITE_SIRET = "20007695800012";
    static final int ADVISERS = 28;

    /** One adviser of the 26: the commune of its employer, the kind of employer and its name. */
    private record Post(String communeCode, String epciCode, LegalKind kind, String employerName) {
    }

    /** Every EPCI of Corsica has at least one post; the big towns have two or three. */
    private static final List<Post> POSTS = List.of(
            new Post("2A004", null, LegalKind.TERRITORIAL_COLLECTIVITY, "Ville d'Ajaccio"),
            new Post("2A004", null, LegalKind.LOCAL_PUBLIC_BODY, "CCAS d'Ajaccio"),
            new Post("2A004", "242010056", LegalKind.COLLECTIVITY_GROUPING, "CA du Pays Ajaccien"),
            new Post("2A247", "200040764", LegalKind.COLLECTIVITY_GROUPING, "CC du Sud Corse"),
            new Post("2A247", null, LegalKind.ASSOCIATION, "Association Inseme Numericu"),
            new Post("2A032", "242000503", LegalKind.COLLECTIVITY_GROUPING, "CC Celavu-Prunelli"),
            new Post("2A249", null, LegalKind.TERRITORIAL_COLLECTIVITY, "Commune de Propriano"),
            new Post("2A272", "242010130", LegalKind.COLLECTIVITY_GROUPING, "CC du Sartenais Valinco Taravo"),
            new Post("2A130", null, LegalKind.ASSOCIATION, "Association Pieve Digitale"),
            new Post("2A362", "242000495", LegalKind.COLLECTIVITY_GROUPING, "CC de l'Alta Rocca"),
            new Post("2A065", null, LegalKind.TERRITORIAL_COLLECTIVITY, "Commune de Cargèse"),
            new Post("2B033", null, LegalKind.TERRITORIAL_COLLECTIVITY, "Ville de Bastia"),
            new Post("2B033", null, LegalKind.LOCAL_PUBLIC_BODY, "CCAS de Bastia"),
            new Post("2B033", null, LegalKind.SOCIAL_ECONOMY_COMPANY, "Scic Cunnessione"),
            new Post("2B096", "242020071", LegalKind.COLLECTIVITY_GROUPING, "CC du Centre Corse"),
            new Post("2B096", null, LegalKind.ASSOCIATION, "Associu Ghjuventù Digitale"),
            new Post("2B050", "242020105", LegalKind.COLLECTIVITY_GROUPING, "CC de Calvi Balagne"),
            new Post("2B134", null, LegalKind.TERRITORIAL_COLLECTIVITY, "Commune de L'Île-Rousse"),
            new Post("2B042", "200036499", LegalKind.COLLECTIVITY_GROUPING, "CC de Marana-Golo"),
            new Post("2B123", "200033827", LegalKind.COLLECTIVITY_GROUPING, "CC de Fium'Orbu Castellu"),
            new Post("2B009", null, LegalKind.TERRITORIAL_COLLECTIVITY, "Commune d'Aléria"),
            new Post("2B087", "200034205", LegalKind.COLLECTIVITY_GROUPING, "CC de la Costa Verde"),
            new Post("2B043", "200042943", LegalKind.COLLECTIVITY_GROUPING, "CC du Cap Corse"),
            new Post("2B185", "200073120", LegalKind.COLLECTIVITY_GROUPING, "CC Nebbiu - Conca d'Oro"),
            new Post("2B169", "200073138", LegalKind.COLLECTIVITY_GROUPING, "CC Pasquale Paoli"),
            new Post("2B207", null, LegalKind.PRIVATE_NON_PROFIT, "Foyer rural de la Casinca"));

    /** Posts (index in POSTS) that work at a second place, and that place's commune, name and typology. */
    private record SecondPlace(int post, String communeCode, String name, String typology) {
    }

    private static final List<SecondPlace> SECOND_PLACES = List.of(
            new SecondPlace(4, "2A041", "France services de Bonifacio", "RFS"),
            new SecondPlace(3, "2A139", "Point numérique de Lecci", "MUNI"),
            new SecondPlace(16, "2B049", "Médiathèque de Calenzana", "BIB"),
            new SecondPlace(25, "2B346", "Tiers-lieu de Vescovato", "TIERS_LIEUX"));

    /** Posts whose adviser has no place of their own: they go round the communes of their employer. */
    private static final List<Integer> WITHOUT_PLACE = List.of(10, 22);

    private record PartnerSpec(PartnerKind kind, String name, String communeCode) {
    }

    private static final List<PartnerSpec> PARTNERS = List.of(
            new PartnerSpec(PartnerKind.FRANCE_TRAVAIL, "France Travail Ajaccio", "2A004"),
            new PartnerSpec(PartnerKind.FRANCE_TRAVAIL, "France Travail Bastia", "2B033"),
            new PartnerSpec(PartnerKind.FRANCE_TRAVAIL, "France Travail Porto-Vecchio", "2A247"),
            new PartnerSpec(PartnerKind.FRANCE_TRAVAIL, "France Travail Corte", "2B096"),
            new PartnerSpec(PartnerKind.FRANCE_TRAVAIL, "France Travail Calvi", "2B050"),
            new PartnerSpec(PartnerKind.MISSION_LOCALE, "Mission locale d'Ajaccio", "2A004"),
            new PartnerSpec(PartnerKind.MISSION_LOCALE, "Mission locale de Bastia", "2B033"),
            new PartnerSpec(PartnerKind.CAP_EMPLOI, "Cap emploi Corse-du-Sud", "2A004"),
            new PartnerSpec(PartnerKind.CAP_EMPLOI, "Cap emploi Haute-Corse", "2B033"),
            new PartnerSpec(PartnerKind.CAF, "CAF de la Corse-du-Sud", "2A004"),
            new PartnerSpec(PartnerKind.CAF, "CAF de la Haute-Corse", "2B033"),
            new PartnerSpec(PartnerKind.CCAS, "CCAS de Porto-Vecchio", "2A247"),
            new PartnerSpec(PartnerKind.CCAS, "CCAS de Corte", "2B096"),
            new PartnerSpec(PartnerKind.CCAS, "CCAS de Sartène", "2A272"),
            new PartnerSpec(PartnerKind.CCAS, "CCAS de Calvi", "2B050"),
            new PartnerSpec(PartnerKind.EHPAD, "EHPAD A Ziglia", "2A004"),
            new PartnerSpec(PartnerKind.EHPAD, "EHPAD U Serenu", "2B033"),
            new PartnerSpec(PartnerKind.EHPAD, "EHPAD di u Valincu", "2A249"),
            new PartnerSpec(PartnerKind.EHPAD, "EHPAD di a Piaghja", "2B123"),
            new PartnerSpec(PartnerKind.EHPAD, "EHPAD di Balagna", "2B134"),
            new PartnerSpec(PartnerKind.COLLEGE, "Collège d'Ajaccio", "2A004"),
            new PartnerSpec(PartnerKind.COLLEGE, "Collège de Bastia", "2B033"),
            new PartnerSpec(PartnerKind.COLLEGE, "Collège de Corte", "2B096"),
            new PartnerSpec(PartnerKind.COLLEGE, "Collège de Porto-Vecchio", "2A247"),
            new PartnerSpec(PartnerKind.COLLEGE, "Collège de Calvi", "2B050"),
            new PartnerSpec(PartnerKind.COLLEGE, "Collège de Propriano", "2A249"),
            new PartnerSpec(PartnerKind.COLLEGE, "Collège de Biguglia", "2B037"),
            new PartnerSpec(PartnerKind.LYCEE, "Lycée d'Ajaccio", "2A004"),
            new PartnerSpec(PartnerKind.LYCEE, "Lycée de Bastia", "2B033"),
            new PartnerSpec(PartnerKind.LYCEE, "Lycée de Porto-Vecchio", "2A247"),
            new PartnerSpec(PartnerKind.LYCEE, "Lycée de Corte", "2B096"),
            new PartnerSpec(PartnerKind.UNIVERSITY, "Università di Corsica Pasquale Paoli", "2B096"),
            new PartnerSpec(PartnerKind.FRANCE_SERVICES, "France services de Zonza", "2A362"),
            new PartnerSpec(PartnerKind.FRANCE_SERVICES, "France services de Cervione", "2B087"),
            new PartnerSpec(PartnerKind.FRANCE_SERVICES, "France services de Calenzana", "2B049"),
            new PartnerSpec(PartnerKind.FRANCE_SERVICES, "France services d'Aléria", "2B009"),
            new PartnerSpec(PartnerKind.LIBRARY, "Médiathèque d'Ajaccio", "2A004"),
            new PartnerSpec(PartnerKind.LIBRARY, "Médiathèque de Bastia", "2B033"),
            new PartnerSpec(PartnerKind.LIBRARY, "Médiathèque de Porto-Vecchio", "2A247"),
            new PartnerSpec(PartnerKind.LIBRARY, "Médiathèque de Borgo", "2B042"));

    /**
     * What the activities of the scenario need of it: the two coordinators and their places, the 26 advisers and the
     * partners by name.
     */
    record Corsica(String pumonti, String pumontiPlace, String cismonte, String cismontePlace,
            List<CorsicaAdviser> advisers, Map<String, String> partnerIds) {

        String partner(String name) {
            var id = partnerIds.get(name);
            if (id == null) {
                throw new IllegalArgumentException("No partner " + name + " in the Corsica scenario");
            }
            return id;
        }
    }

    /**
     * One of the 26: where it works (its main place, or none; a second place, or none) and since when.
     *
     * @param communeCode the commune of its main place, else of its employer
     */
    record CorsicaAdviser(String id, String departmentCode, String communeCode, String placeId, LocalDate start,
            String secondPlaceId, String secondCommuneCode) {
    }

    private CorsicaScenario() {
    }

    static Corsica addTo(DemoBuilder b) {
        var random = new SplittableRandom(2022);
        var territories = b.territories;

        var collectivite = b.employer(COLLECTIVITE_SIRET, "Collectivité de Corse", LegalKind.TERRITORIAL_COLLECTIVITY,
                "2A004");
        var pumonti = coordinator(b, random, collectivite, "2A", LocalDate.of(2022, 6, 1), LocalDate.of(2024, 6, 1));
        var cismonte = coordinator(b, random, collectivite, "2B", LocalDate.of(2022, 7, 1), LocalDate.of(2024, 7, 1));
        var pumontiPlace = b.place("Espace numérique de la Collectivité de Corse", COLLECTIVITE_SIRET, "2A004", "REG",
                random);
        var cismontePlace = b.place("Antenne numérique de la Collectivité de Corse à Bastia", COLLECTIVITE_SIRET,
                "2B033", "REG", random);
        b.worksAt(pumonti, pumontiPlace, true);
        b.worksAt(cismonte, cismontePlace, true);

        var employerIds = new ArrayList<String>();
        var adviserIds = new ArrayList<String>();
        var placeIds = new ArrayList<String>();
        var starts = new ArrayList<LocalDate>();
        for (int i = 0; i < POSTS.size(); i++) {
            var post = POSTS.get(i);
            var commune = territories.commune(post.communeCode());
            var siret = post.epciCode() != null ? DemoBuilder.siretOf(post.epciCode())
                    : post.kind() == LegalKind.TERRITORIAL_COLLECTIVITY ? DemoBuilder.siretOf(commune.siren())
                    : b.fictionalSiret();
            var employer = b.employer(siret, post.employerName(), post.kind(), post.communeCode());
            var adviser = b.adviser(Scheme.CONSEILLER_NUMERIQUE, AdviserStatus.ACTIVE, random);
            var start = DemoBuilder.between(random, LocalDate.of(2022, 1, 3), LocalDate.of(2023, 6, 30));
            if (post.kind().usualSector == Sector.PUBLIC) {
                var type = i % 3 == 0 ? ContractType.CDD_PUBLIC : ContractType.PROJECT_CONTRACT;
                b.contract(adviser, employer, type, start, start.plusYears(5).minusDays(1));
            } else {
                b.contract(adviser, employer, i % 2 == 0 ? ContractType.CDI_PRIVATE : ContractType.CDD_PRIVATE, start,
                        i % 2 == 0 ? null : start.plusYears(5).minusDays(1));
            }
            var coordinator = "2A".equals(commune.departmentCode()) ? pumonti : cismonte;
            var since = coordinator == pumonti ? LocalDate.of(2024, 6, 1) : LocalDate.of(2024, 7, 1);
            b.coordinates(coordinator, adviser, since);
            var place = b.place("Espace numérique – " + post.employerName(), siret, post.communeCode(),
                    typology(post.kind()), random);
            if (!WITHOUT_PLACE.contains(i)) {
                b.worksAt(adviser, place, true);
            }
            employerIds.add(employer);
            adviserIds.add(adviser);
            placeIds.add(WITHOUT_PLACE.contains(i) ? null : place);
            starts.add(start);
        }
        var secondPlaceIds = new ArrayList<String>();
        for (var second : SECOND_PLACES) {
            var place = b.place(second.name(), b.fictionalSiret(), second.communeCode(), second.typology(), random);
            b.worksAt(adviserIds.get(second.post()), place, false);
            secondPlaceIds.add(place);
        }
        var advisers = new ArrayList<CorsicaAdviser>();
        for (int i = 0; i < POSTS.size(); i++) {
            var post = POSTS.get(i);
            String secondPlace = null;
            String secondCommune = null;
            for (int s = 0; s < SECOND_PLACES.size(); s++) {
                if (SECOND_PLACES.get(s).post() == i) {
                    secondPlace = secondPlaceIds.get(s);
                    secondCommune = SECOND_PLACES.get(s).communeCode();
                }
            }
            advisers.add(new CorsicaAdviser(adviserIds.get(i),
                    territories.commune(post.communeCode()).departmentCode(), post.communeCode(), placeIds.get(i),
                    starts.get(i), secondPlace, secondCommune));
        }

        var hub = b.hub("Hub Corsica", b.fictionalSiret(), LegalKind.ASSOCIATION, LocalDate.of(2022, 5, 10), "2A004",
                List.of(REGION), List.of(pumonti, cismonte));

        var partnerIds = new ArrayList<String>();
        var partnersByName = new LinkedHashMap<String, String>();
        for (int i = 0; i < PARTNERS.size(); i++) {
            var spec = PARTNERS.get(i);
            var partner = b.partner(spec.kind(), spec.name(), spec.communeCode(), random);
            partnerIds.add(partner);
            partnersByName.put(spec.name(), partner);
            var department = territories.commune(spec.communeCode()).departmentCode();
            var since = DemoBuilder.between(random, LocalDate.of(2023, 1, 9), LocalDate.of(2026, 6, 30));
            if (spec.kind().role == PartnerRole.PRESCRIBER && spec.kind() != PartnerKind.CCAS) {
                b.partnerLink(partner, "Adviser", "2A".equals(department) ? pumonti : cismonte, since,
                        "orientation de publics");
            }
            if (spec.kind() == PartnerKind.UNIVERSITY) {
                b.partnerLink(partner, "Employer", collectivite, since, "formation des agents");
            }
            if (i % 4 == 3) {
                continue; // about a quarter of the partners work with nobody yet (mapped, not engaged)
            }
            for (int p = 0; p < POSTS.size(); p++) {
                if (POSTS.get(p).communeCode().equals(spec.communeCode())) {
                    if (spec.kind() == PartnerKind.CCAS) {
                        b.partnerLink(partner, "Employer", employerIds.get(p), since, "permanences");
                    } else {
                        b.partnerLink(partner, "Adviser", adviserIds.get(p), since,
                                spec.kind().role == PartnerRole.BENEFICIARY
                                        ? "ateliers" : "orientation de publics");
                    }
                    break;
                }
            }
        }

        b.governance("2A", "Gouvernance France Numérique Ensemble de la Corse-du-Sud", LocalDate.of(2024, 3, 12),
                List.of(DemoBuilder.member("Employer", collectivite, true, LocalDate.of(2024, 3, 12)),
                        DemoBuilder.member("Prefecture", "2A", true, LocalDate.of(2024, 3, 12)),
                        DemoBuilder.member("Hub", hub, false, LocalDate.of(2024, 3, 12)),
                        DemoBuilder.member("Partner", partnerIds.get(9), false, LocalDate.of(2024, 5, 2))));
        b.governance("2B", "Gouvernance France Numérique Ensemble de la Haute-Corse", LocalDate.of(2024, 3, 19),
                List.of(DemoBuilder.member("Employer", collectivite, true, LocalDate.of(2024, 3, 19)),
                        DemoBuilder.member("Prefecture", "2B", true, LocalDate.of(2024, 3, 19)),
                        DemoBuilder.member("Hub", hub, false, LocalDate.of(2024, 3, 19)),
                        DemoBuilder.member("Partner", partnerIds.get(10), false, LocalDate.of(2024, 5, 2))));
        return new Corsica(pumonti, pumontiPlace, cismonte, cismontePlace, List.copyOf(advisers),
                Map.copyOf(partnersByName));
    }

    private static String coordinator(DemoBuilder b, SplittableRandom random, String employer, String department,
            LocalDate start, LocalDate since) {
        var adviser = b.adviser(Scheme.CONSEILLER_NUMERIQUE, AdviserStatus.ACTIVE, random);
        b.contract(adviser, employer, ContractType.PROJECT_CONTRACT, start, start.plusYears(5).minusDays(1));
        b.coordinator(adviser, since, new DemoBuilder.Perimeter(PerimeterKind.DEPARTMENT, List.of(), List.of(),
                List.of(department), List.of()));
        return adviser;
    }

    static String typology(LegalKind kind) {
        return switch (kind) {
            case TERRITORIAL_COLLECTIVITY -> "MUNI";
            case COLLECTIVITY_GROUPING -> "EPCI";
            case LOCAL_PUBLIC_BODY -> "CCAS";
            case ASSOCIATION, PRIVATE_NON_PROFIT -> "ASSO";
            case SOCIAL_ECONOMY_COMPANY -> "TIERS_LIEUX";
            default -> "PAD";
        };
    }
}
