package fr.maillage.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import fr.maillage.activities.ActivityRecord;
import fr.maillage.network.NetworkEnums.AdviserStatus;
import fr.maillage.network.NetworkEnums.ContractType;
import fr.maillage.network.NetworkEnums.LegalKind;
import fr.maillage.network.NetworkEnums.PartnerKind;
import fr.maillage.network.NetworkEnums.PerimeterKind;
import fr.maillage.network.NetworkEnums.Scheme;
import fr.maillage.network.NetworkKeys;
import fr.maillage.network.Siret;
import fr.maillage.territories.SearchText;

/**
 * Accumulates the rows of a dataset, in the order they are added, and keeps the generated keys unique (SIRET,
 * partner keys, e-mails) across the Corsica scenario and the national part. Fictional people only: names from
 * small lists, e-mails at example.org, phones in the 06 00 range.
 */
final class DemoBuilder {

    static final String SOURCE = "Maillage (données de démonstration)";

    private static final String[] FIRST_NAMES = { "Camille", "Léa", "Manon", "Chloé", "Inès", "Sarah", "Julie", "Emma",
            "Lucie", "Marion", "Nadia", "Sophie", "Aïcha", "Claire", "Élodie", "Thomas", "Lucas", "Hugo", "Nicolas",
            "Julien", "Maxime", "Karim", "Antoine", "Mathieu", "Romain", "Yanis", "Pierre", "Baptiste", "Samuel",
            "Kevin" };
    private static final String[] LAST_NAMES = { "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
            "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "David", "Bertrand",
            "Roux", "Vincent", "Fournier", "Morel", "Girard", "Andre", "Mercier", "Dupont", "Lambert", "Bonnet",
            "Francois", "Martinez", "Benali", "Nguyen", "Da Silva" };
    private static final String[] STREETS = { "rue de la République", "avenue de la Gare", "place de la Mairie",
            "rue Victor Hugo", "boulevard Jean Jaurès", "rue du Général de Gaulle", "rue des Écoles", "place du Marché",
            "rue Pasteur", "avenue de la Libération", "rue de l'Église", "chemin des Vignes" };
    static final String[] SERVICES = { "Prendre en main un smartphone ou une tablette",
            "Prendre en main un ordinateur", "Naviguer sur internet", "Envoyer, recevoir, gérer ses courriels",
            "Accéder à des droits", "Réaliser des démarches administratives avec un accompagnement",
            "Favoriser mon insertion professionnelle", "Accompagner les démarches de santé",
            "Soutenir la parentalité et l'éducation avec le numérique", "Promouvoir la citoyenneté numérique",
            "Accéder à une connexion internet", "Accéder à du matériel", "Approfondir ma culture numérique" };
    private static final String[] PUBLICS = { "Tout public", "Seniors (+ 65 ans)", "Jeunes (16-26 ans)",
            "Familles et/ou enfants", "Personnes en situation de handicap", "Personnes allophones",
            "Personnes en situation d'illettrisme", "Étudiants" };
    private static final String[] ACCESS_MODES = { "Se présenter", "Téléphoner", "Contacter par mail",
            "Prendre un RDV en ligne" };
    private static final String[] SUPPORT_MODES = { "Seul", "Avec de l'aide", "Dans un atelier", "À distance" };
    private static final String[] HOURS = { "Mo-Fr 09:00-12:00,14:00-17:00", "Tu,Th 14:00-18:00; Sa 09:00-12:00",
            "Mo,We,Fr 09:00-12:30", "Tu-Sa 10:00-12:00,14:00-18:00", "We 14:00-17:00", "Mo-Th 08:30-12:00,13:30-17:00" };
    static final String[] NATURES = { "orientation de publics", "ateliers", "permanences", "prêt de salle",
            "formation des agents", "co-animation d'événements", "prescription" };

    final DemoTerritories territories;
    final LocalDate referenceDate;

    private final List<Map<String, Object>> employers = new ArrayList<>();
    private final List<Map<String, Object>> advisers = new ArrayList<>();
    private final List<Map<String, Object>> contracts = new ArrayList<>();
    private final List<Map<String, Object>> coordinators = new ArrayList<>();
    private final List<Map<String, Object>> coordinations = new ArrayList<>();
    private final List<Map<String, Object>> hubs = new ArrayList<>();
    private final List<Map<String, Object>> places = new ArrayList<>();
    private final List<Map<String, Object>> worksAt = new ArrayList<>();
    private final List<Map<String, Object>> partners = new ArrayList<>();
    private final List<Map<String, Object>> partnerLinks = new ArrayList<>();
    private final List<Map<String, Object>> governances = new ArrayList<>();
    private final List<ActivityRecord> activities = new ArrayList<>();
    /** Membership tests only, never iterated: the output order does not depend on hashing. */
    private final Set<String> sirets = new HashSet<>();
    private final Set<String> partnerKeys = new HashSet<>();
    private final Set<String> activityKeys = new HashSet<>();
    /** How many partners were given a name in a commune, so that the next one is numbered without a search. */
    private final Map<String, Integer> partnerNames = new HashMap<>();
    private int fictionalSirens;
    private int adviserCount;
    private int placeCount;

    DemoBuilder(DemoTerritories territories, LocalDate referenceDate) {
        this.territories = territories;
        this.referenceDate = referenceDate;
    }

    /** A Luhn-valid SIRET (SIREN and SIRET both checked) in a range no real public body uses (SIREN 8xxxxxxxx). */
    String fictionalSiret() {
        String siret;
        do {
            var siren = Siret.withCheckDigit("8" + zeroPadded(++fictionalSirens, 7));
            siret = Siret.withCheckDigit(siren + "0001");
        } while (sirets.contains(siret));
        return siret;
    }

    /** The head office of a real public body (commune, EPCI) whose SIREN the referential gives. */
    static String siretOf(String siren) {
        return Siret.withCheckDigit(siren + "0001");
    }

    boolean hasSiret(String siret) {
        return sirets.contains(siret);
    }

    String employer(String siret, String name, LegalKind kind, String communeCode) {
        if (!Siret.isValid(siret) || !sirets.add(siret)) {
            throw new IllegalArgumentException("Invalid or duplicate SIRET " + siret + " for " + name);
        }
        var id = NetworkKeys.employerId(siret);
        employers.add(row("id", id, "siret", siret, "siren", siret.substring(0, 9), "name", name,
                "sector", kind.usualSector.name(), "legalKind", kind.name(), "communeCode", communeCode));
        return id;
    }

    String adviser(Scheme scheme, AdviserStatus status, SplittableRandom random) {
        int n = ++adviserCount;
        var first = pick(random, FIRST_NAMES);
        var last = pick(random, LAST_NAMES);
        var id = "demo-adviser-" + zeroPadded(n, 6);
        var externalId = scheme == Scheme.CONSEILLER_NUMERIQUE ? "CN-DEMO-" + zeroPadded(n, 6) : null;
        var email = (SearchText.fold(first) + "." + SearchText.fold(last)).replace(' ', '-') + "." + n + "@example.org";
        var phone = "06 00 " + zeroPadded(n / 10_000 % 100, 2) + " " + zeroPadded(n / 100 % 100, 2) + " "
                + zeroPadded(n % 100, 2);
        advisers.add(row("id", id, "externalId", externalId, "scheme", scheme.name(), "firstName", first,
                "lastName", last, "email", email, "phone", phone, "status", status.name()));
        return id;
    }

    void contract(String adviserId, String employerId, ContractType type, LocalDate start, LocalDate end) {
        contracts.add(row("adviserId", adviserId, "employerId", employerId, "contractType", type.name(),
                "start", start, "end", end));
    }

    /** The perimeter as territory codes per level: communes, EPCI, départements, regions. */
    record Perimeter(PerimeterKind kind, List<String> communes, List<String> epcis, List<String> departments,
            List<String> regions) {
    }

    void coordinator(String adviserId, LocalDate since, Perimeter perimeter) {
        coordinators.add(row("id", adviserId, "coordinatorSince", since, "perimeterKind", perimeter.kind().name(),
                "communes", perimeter.communes(), "epcis", perimeter.epcis(), "departments", perimeter.departments(),
                "regions", perimeter.regions()));
    }

    void coordinates(String coordinatorId, String adviserId, LocalDate since) {
        coordinations.add(row("coordinatorId", coordinatorId, "adviserId", adviserId, "since", since));
    }

    String hub(String name, String siret, LegalKind kind, LocalDate foundedOn, String communeCode, List<String> regions,
            List<String> supported) {
        var id = NetworkKeys.hubId(name);
        hubs.add(row("id", id, "name", name, "siret", siret, "legalKind", kind.name(), "foundedOn", foundedOn,
                "communeCode", communeCode, "regions", regions, "coordinators", supported));
        return id;
    }

    /** A place with national-standard fields drawn from the standard's vocabularies. */
    String place(String name, String pivot, String communeCode, String typology, SplittableRandom random) {
        var key = NetworkKeys.placeKey("demo-lieu-" + zeroPadded(++placeCount, 6), null, null, null);
        var id = NetworkKeys.placeId(key);
        var commune = territories.commune(communeCode);
        var services = new ArrayList<String>();
        services.add(SERVICES[0]);
        services.add(SERVICES[4]);
        services.addAll(subset(random, SERVICES, 2, 5));
        places.add(row("id", id, "key", key, "name", name, "pivot", pivot, "communeCode", communeCode,
                "postalCode", commune.postalCode(), "address", address(random),
                "services", services.stream().distinct().toList(), "publics", subset(random, PUBLICS, 0, 3),
                "accessModes", subset(random, ACCESS_MODES, 1, 2), "supportModes", subset(random, SUPPORT_MODES, 1, 3),
                "fees", List.of(random.nextInt(10) < 8 ? "Gratuit" : "Gratuit sous condition"),
                "hours", pick(random, HOURS), "typologies", List.of(typology), "source", SOURCE,
                "updatedOn", referenceDate.minusDays(random.nextInt(400))));
        return id;
    }

    void worksAt(String adviserId, String placeId, boolean main) {
        worksAt.add(row("adviserId", adviserId, "placeId", placeId, "main", main));
    }

    /** A partner; its name gets a number when the same kind already has that name in that commune. */
    String partner(PartnerKind kind, String name, String communeCode, SplittableRandom random) {
        var named = kind + "|" + name + "|" + communeCode;
        int n = partnerNames.getOrDefault(named, 0);
        String unique;
        String key;
        do {
            n++;
            unique = n == 1 ? name : name + " " + n;
            key = NetworkKeys.partnerKey(kind, unique, communeCode, null);
        } while (!partnerKeys.add(key));
        partnerNames.put(named, n);
        var id = NetworkKeys.partnerId(key);
        partners.add(row("id", id, "key", key, "kind", kind.name(), "name", unique, "siret", null,
                "address", address(random), "communeCode", communeCode));
        return id;
    }

    /** targetLabel: Adviser (coordinators included) or Employer. */
    void partnerLink(String partnerId, String targetLabel, String targetId, LocalDate since, String nature) {
        partnerLinks.add(row("partnerId", partnerId, "targetLabel", targetLabel, "targetId", targetId,
                "since", since, "nature", nature));
    }

    /** A member of a governance: label Employer, Hub, Partner (by id) or Prefecture (by département code). */
    static Map<String, Object> member(String label, String key, boolean coCarrier, LocalDate since) {
        return row("label", label, "key", key, "coCarrier", coCarrier, "since", since);
    }

    void governance(String departmentCode, String name, LocalDate since, List<Map<String, Object>> members) {
        governances.add(row("id", NetworkKeys.governanceId(departmentCode), "departmentCode", departmentCode,
                "name", name, "since", since, "members", members));
    }

    /** An activity of the demo ({@link DemoActivity}); two with the same key would be one node. */
    void activity(DemoActivity activity) {
        var activityRecord = activity.toRecord();
        if (!activityKeys.add(activityRecord.key())) {
            throw new IllegalArgumentException("Duplicate activity " + activityRecord.key());
        }
        activities.add(activityRecord);
    }

    DemoDataset build() {
        return new DemoDataset(List.copyOf(employers), List.copyOf(advisers), List.copyOf(contracts),
                List.copyOf(coordinators), List.copyOf(coordinations), List.copyOf(hubs), List.copyOf(places),
                List.copyOf(worksAt), List.copyOf(partners), List.copyOf(partnerLinks), List.copyOf(governances),
                List.copyOf(activities));
    }

    static <T> T pick(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Between min and max distinct values, in the order of the vocabulary. */
    static List<String> subset(SplittableRandom random, String[] values, int min, int max) {
        int size = min + random.nextInt(max - min + 1);
        var chosen = new boolean[values.length];
        for (int taken = 0; taken < size; ) {
            int i = random.nextInt(values.length);
            if (!chosen[i]) {
                chosen[i] = true;
                taken++;
            }
        }
        var result = new ArrayList<String>(size);
        for (int i = 0; i < values.length; i++) {
            if (chosen[i]) {
                result.add(values[i]);
            }
        }
        return List.copyOf(result);
    }

    /** A date uniformly drawn in [from, to]. */
    static LocalDate between(SplittableRandom random, LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return from.plusDays(days <= 0 ? 0 : random.nextLong(days + 1));
    }

    private static String address(SplittableRandom random) {
        return (1 + random.nextInt(80)) + " " + pick(random, STREETS);
    }

    /** A row keeping its insertion order and accepting null values (an absent property). */
    static Map<String, Object> row(Object... keysAndValues) {
        // sized for its entries: hundreds of thousands of rows at scale 10 would otherwise each grow once
        var row = new LinkedHashMap<String, Object>(keysAndValues.length);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            row.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return row;
    }

    /** n in decimal on at least {@code width} digits: "%06d" without java.util.Formatter, which costs microseconds. */
    static String zeroPadded(int n, int width) {
        var digits = Integer.toString(n);
        return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
    }
}
