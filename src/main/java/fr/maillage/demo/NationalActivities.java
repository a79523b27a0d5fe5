package fr.maillage.demo;

import static fr.maillage.activities.ActivityVocabulary.ActivityKind.COLLECTIVE_WORKSHOP;
import static fr.maillage.activities.ActivityVocabulary.ActivityKind.COORDINATION_MEETING;
import static fr.maillage.activities.ActivityVocabulary.ActivityKind.DIGITAL_COMMON;
import static fr.maillage.activities.ActivityVocabulary.ActivityKind.EVENT_DAY;
import static fr.maillage.activities.ActivityVocabulary.ActivityKind.INDIVIDUAL_ACCOMPANIMENT;
import static fr.maillage.activities.ActivityVocabulary.ActivityKind.PARTNER_MEETING;
import static fr.maillage.activities.ActivityVocabulary.ActivityKind.STRUCTURE_MAPPING;
import static fr.maillage.activities.ActivityVocabulary.ActivityKind.WORKING_GROUP;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import fr.maillage.activities.ActivityVocabulary.ActivityPublic;
import fr.maillage.activities.ActivityVocabulary.ActivityStatus;
import fr.maillage.activities.ActivityVocabulary.MediationTheme;
import fr.maillage.demo.DemoTerritories.Commune;
import fr.maillage.demo.NationalGenerator.Adviser;
import fr.maillage.demo.NationalGenerator.Coordinator;

/**
 * The activities of the national part over the twelve months before the demo's "today", in the proportions of the
 * Corsica report per coordinator: about 16 workshops, 8 or 9 event days of which 5 held, 350 people helped, two
 * coordination meetings (the later one meets every adviser it coordinates then at work), two working groups, three
 * digital commons, about 32 structures mapped, for one in two a meeting with partners. Each adviser at work today has
 * an accompaniment and a workshop or two where it works, so that every EPCI with advisers has people helped. Its own
 * random, seeded from the generator's seed: the same seed gives the same activities, and the network is the same with
 * or without them. At scale 1, about 24,000 activities: writing them costs about as much as the rest of the demo's
 * nodes together, so the advisers' part is a sample.
 */
final class NationalActivities {

    static final int WORKSHOPS = 15;
    static final int EVENT_DAYS = 8;
    static final int EVENT_DAYS_HELD = 5;

    private final NationalGenerator g;
    private final GeneratedPlaces places;
    private final SplittableRandom random;
    private final LocalDate today;
    /** The first day of the twelve months before today. */
    private final LocalDate from;
    private final Map<String, List<Commune>> communesByEpci = new TreeMap<>();
    private final Map<String, List<Commune>> communesByDepartment = new TreeMap<>();
    private final Map<String, List<Commune>> communesByRegion = new TreeMap<>();

    NationalActivities(NationalGenerator g, GeneratedPlaces places) {
        this.g = g;
        this.places = places;
        this.random = new SplittableRandom(g.seed).split();
        this.today = g.today;
        this.from = today.minusYears(1).plusDays(1);
        for (var commune : g.territories.communes.values()) {
            if (commune.population() > 0 && !CorsicaScenario.REGION.equals(commune.regionCode())) {
                if (commune.epciCode() != null) {
                    NationalGenerator.add(communesByEpci, commune.epciCode(), commune);
                }
                NationalGenerator.add(communesByDepartment, commune.departmentCode(), commune);
                NationalGenerator.add(communesByRegion, commune.regionCode(), commune);
            }
        }
    }

    /** Where an adviser works: its place and the place's commune, or no place and its employer's commune. */
    private record Workplace(String placeId, Commune commune) {
    }

    void add(List<Adviser> advisers, List<Coordinator> coordinators, Map<String, List<Adviser>> coordinated,
            Map<String, List<String>> prescribers) {
        var coordinatorIds = new HashSet<String>();
        for (var coordinator : coordinators) {
            coordinatorIds.add(coordinator.id());
            coordinator(coordinator, coordinated.getOrDefault(coordinator.id(), List.of()), prescribers);
        }
        for (var adviser : advisers) {
            if (adviser.active() && !coordinatorIds.contains(adviser.id())) {
                adviser(adviser);
            }
        }
    }

    private void coordinator(Coordinator coordinator, List<Adviser> advisers, Map<String, List<String>> prescribers) {
        var id = coordinator.id();
        var prefix = "national-" + id + "-";
        var workplaces = workplaces(coordinator.adviser());
        var home = workplaces.get(0);
        var perimeter = perimeterSampler(coordinator);
        // its own workshops from its first day, its coordination from the day it became coordinator
        var workFrom = latest(from, coordinator.adviser().start());
        var coordinationFrom = latest(from, coordinator.since());

        int workshops = WORKSHOPS + random.nextInt(3);
        for (int i = 0; i < workshops; i++) {
            // the first ones where it works, so that its communes have people helped; the others in its perimeter
            var where = i < workplaces.size() ? workplaces.get(i) : new Workplace(null, perimeter.next(random));
            var subject = DemoBuilder.pick(random, DemoSubjects.WORKSHOPS);
            g.b.activity(DemoActivity.held(prefix + "atelier-" + (i + 1), COLLECTIVE_WORKSHOP,
                    DemoBuilder.between(random, workFrom, today), where.commune().code(), id).place(where.placeId())
                    .title(subject.title()).themes(subject.themes()).publics(subject.publics())
                    .participants(6 + random.nextInt(9)));
        }

        // event days on Saturdays spread over the months, the last ones still planned
        int events = EVENT_DAYS + random.nextInt(2);
        long span = today.toEpochDay() - coordinationFrom.toEpochDay();
        var epcis = new HashSet<String>();
        for (int i = 0; i < events; i++) {
            var day = coordinationFrom.plusDays((long) ((i + random.nextDouble()) * span / events));
            day = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
            if (day.isBefore(coordinationFrom)) {
                day = day.plusWeeks(1);
            }
            var commune = perimeter.next(random);
            for (int tries = 0; tries < 4 && commune.epciCode() != null && epcis.contains(commune.epciCode()); tries++) {
                commune = perimeter.next(random); // another EPCI of its perimeter when there is one
            }
            epcis.add(commune.epciCode());
            boolean held = i < EVENT_DAYS_HELD;
            g.b.activity(DemoActivity.of(prefix + "journee-" + (i + 1), EVENT_DAY,
                    held ? ActivityStatus.HELD : ActivityStatus.PLANNED, day, commune.code(), List.of(id))
                    .title("Journée du numérique – " + commune.name()).participants(held ? 20 + random.nextInt(36) : 0)
                    .themes(List.of(MediationTheme.DIGITAL_CULTURE, MediationTheme.DIGITAL_SAFETY,
                            MediationTheme.DEVICE_HANDLING))
                    .publics(List.of(ActivityPublic.ALL)));
        }

        // two coordination meetings: one in the first months, one in the last four weeks that meets everyone at work,
        // the newest adviser included
        var lastWeeks = latest(coordinationFrom, today.minusDays(28));
        var firstMeeting = DemoBuilder.between(random, coordinationFrom,
                coordinationFrom.plusDays((lastWeeks.toEpochDay() - coordinationFrom.toEpochDay()) / 2));
        for (var adviser : advisers) {
            if (adviser.active()) {
                lastWeeks = latest(lastWeeks, adviser.start());
            }
        }
        var lastMeeting = DemoBuilder.between(random, lastWeeks, today);
        int meeting = 0;
        for (var day : List.of(firstMeeting, lastMeeting)) {
            g.b.activity(DemoActivity.held(prefix + "reunion-coordination-" + ++meeting, COORDINATION_MEETING, day,
                    home.commune().code(), id).place(home.placeId()).title("Réunion des conseillers numériques")
                    .met(atWork(advisers, day, 1.0)));
        }

        var groups = distinct(DemoSubjects.WORKING_GROUPS, 2);
        for (int i = 0; i < groups.size(); i++) {
            var day = DemoBuilder.between(random, coordinationFrom, today);
            g.b.activity(DemoActivity.held(prefix + "groupe-de-travail-" + (i + 1), WORKING_GROUP, day,
                    home.commune().code(), id).place(home.placeId()).title(groups.get(i))
                    .met(atWork(advisers, day, 0.5)));
        }
        var commons = distinct(DemoSubjects.COMMONS, 3);
        for (int i = 0; i < commons.size(); i++) {
            g.b.activity(DemoActivity.held(prefix + "commun-" + (i + 1), DIGITAL_COMMON,
                    DemoBuilder.between(random, coordinationFrom, today), home.commune().code(), id)
                    .title(commons.get(i)));
        }
        g.b.activity(DemoActivity.held(prefix + "cartographie", STRUCTURE_MAPPING,
                DemoBuilder.between(random, coordinationFrom, today), home.commune().code(), id)
                .title("Cartographie des structures d'inclusion numérique").structures(22 + random.nextInt(21)));
        // one coordinator in two meets the prescribers of its département (France Travail, CAF) when there are some
        var partners = prescribers.getOrDefault(home.commune().departmentCode(), List.of());
        if (!partners.isEmpty() && random.nextBoolean()) {
            var with = new ArrayList<String>();
            with.add(DemoBuilder.pick(random, partners));
            var other = DemoBuilder.pick(random, partners);
            if (!with.contains(other)) {
                with.add(other);
            }
            g.b.activity(DemoActivity.held(prefix + "partenaires-1", PARTNER_MEETING,
                    DemoBuilder.between(random, coordinationFrom, today), home.commune().code(), id)
                    .title("Orienter les publics vers la médiation numérique").partners(with));
        }
    }

    /**
     * A sample of its year, the load's budget allowing no more: an accompaniment at each place where it works and a
     * workshop or two at the first.
     */
    private void adviser(Adviser adviser) {
        var id = adviser.id();
        var prefix = "national-" + id + "-";
        var workFrom = latest(from, adviser.start());
        var workplaces = workplaces(adviser);
        for (int i = 0; i < workplaces.size(); i++) {
            var where = workplaces.get(i);
            g.b.activity(DemoActivity.held(prefix + "accompagnement-" + (i + 1), INDIVIDUAL_ACCOMPANIMENT,
                    DemoBuilder.between(random, workFrom, today), where.commune().code(), id).place(where.placeId())
                    .themes(List.of(DemoBuilder.pick(random, DemoSubjects.ACCOMPANIMENT_THEMES)))
                    .publics(List.of(DemoBuilder.pick(random, DemoSubjects.AGES))));
        }
        var home = workplaces.get(0);
        for (int i = 0, workshops = random.nextDouble() < 0.1 ? 2 : 1; i < workshops; i++) {
            var subject = DemoBuilder.pick(random, DemoSubjects.WORKSHOPS);
            g.b.activity(DemoActivity.held(prefix + "atelier-" + (i + 1), COLLECTIVE_WORKSHOP,
                    DemoBuilder.between(random, workFrom, today), home.commune().code(), id).place(home.placeId())
                    .title(subject.title()).themes(subject.themes()).publics(subject.publics())
                    .participants(4 + random.nextInt(9)));
        }
    }

    private List<Workplace> workplaces(Adviser adviser) {
        if (adviser.mainPlace() == null) {
            return List.of(new Workplace(null, adviser.employer().commune()));
        }
        var main = new Workplace(adviser.mainPlace(), places.communeOf(adviser.mainPlace()));
        return adviser.secondPlace() == null ? List.of(main)
                : List.of(main, new Workplace(adviser.secondPlace(), places.communeOf(adviser.secondPlace())));
    }

    /** The communes of its perimeter, drawn by population; its employer's commune when none is inhabited. */
    private CommuneSampler perimeterSampler(Coordinator coordinator) {
        var perimeter = coordinator.perimeter();
        var communes = new ArrayList<Commune>();
        for (var code : perimeter.communes()) {
            var commune = g.territories.commune(code);
            if (commune.population() > 0) {
                communes.add(commune);
            }
        }
        perimeter.epcis().forEach(code -> communes.addAll(communesByEpci.getOrDefault(code, List.of())));
        perimeter.departments().forEach(code -> communes.addAll(communesByDepartment.getOrDefault(code, List.of())));
        perimeter.regions().forEach(code -> communes.addAll(communesByRegion.getOrDefault(code, List.of())));
        if (communes.isEmpty()) {
            communes.add(coordinator.adviser().employer().commune());
        }
        return new CommuneSampler(communes);
    }

    /**
     * The advisers it coordinates at work on {@code day} (active, under a contract running then); each kept with
     * probability {@code share}, one at least when there is one.
     */
    private List<String> atWork(List<Adviser> advisers, LocalDate day, double share) {
        var met = new ArrayList<String>();
        for (var adviser : advisers) {
            boolean working = adviser.active() && !adviser.start().isAfter(day)
                    && (adviser.end() == null || !adviser.end().isBefore(day));
            if (working && (share >= 1 || met.isEmpty() || random.nextDouble() < share)) {
                met.add(adviser.id());
            }
        }
        return met;
    }

    private List<String> distinct(String[] values, int count) {
        var chosen = new ArrayList<String>();
        while (chosen.size() < count) {
            var value = DemoBuilder.pick(random, values);
            if (!chosen.contains(value)) {
                chosen.add(value);
            }
        }
        return chosen;
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
