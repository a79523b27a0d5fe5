package fr.maillage.demo;

import static fr.maillage.activities.ActivityVocabulary.ActivityKind.COLLECTIVE_WORKSHOP;
import static fr.maillage.activities.ActivityVocabulary.ActivityKind.COORDINATION_MEETING;
import static fr.maillage.activities.ActivityVocabulary.ActivityKind.DIGITAL_COMMON;
import static fr.maillage.activities.ActivityVocabulary.ActivityKind.EVENT_DAY;
import static fr.maillage.activities.ActivityVocabulary.ActivityKind.INDIVIDUAL_ACCOMPANIMENT;
import static fr.maillage.activities.ActivityVocabulary.ActivityKind.PARTNER_MEETING;
import static fr.maillage.activities.ActivityVocabulary.ActivityKind.STRUCTURE_MAPPING;
import static fr.maillage.activities.ActivityVocabulary.ActivityKind.WORKING_GROUP;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import fr.maillage.activities.ActivityVocabulary.ActivityPublic;
import fr.maillage.activities.ActivityVocabulary.ActivityStatus;
import fr.maillage.activities.ActivityVocabulary.MediationTheme;
import fr.maillage.demo.CorsicaScenario.Corsica;
import fr.maillage.demo.CorsicaScenario.CorsicaAdviser;
import fr.maillage.demo.DemoSubjects.Workshop;

/**
 * The year 1 July 2022 – 30 June 2023 of the Corsica activity report, as the two coordinators of the Collectivité de
 * Corse recorded it: 32 citizens' workshops, 17 "Digital Factory in Paesi" event days (one in each EPCI but the two
 * agglomerations, on a Saturday once a month; 10 held, 7 still planned), 700 people helped, 4 coordination meetings
 * that met all 26 advisers, 4 working groups, 6 digital commons, 65 structures mapped, meetings with partners. The 26
 * advisers have activities of their own that year and over the last year before the demo's "today", so that the
 * figures of every EPCI of Corsica are filled; they are not the coordinators' (not led by them).
 */
final class CorsicaActivities {

    static final LocalDate FROM = LocalDate.of(2022, 7, 1);
    static final LocalDate TO = LocalDate.of(2023, 6, 30);

    /** Who led it: Pumonti (2A), Cismonte (2B) or both. */
    enum Lead {
        PUMONTI, CISMONTE, BOTH
    }

    private record WorkshopRow(String date, Lead lead, String communeCode, Workshop subject, int participants) {
    }

    /** 16 each, 288 people: schools (cyberbullying, fake news), parents, seniors, professionals. */
    private static final List<WorkshopRow> WORKSHOPS = List.of(
            new WorkshopRow("2022-09-20", Lead.PUMONTI, "2A004", DemoSubjects.CYBERBULLYING, 14),
            new WorkshopRow("2022-10-04", Lead.PUMONTI, "2A247", DemoSubjects.FAKE_NEWS, 12),
            new WorkshopRow("2022-10-18", Lead.PUMONTI, "2A249", DemoSubjects.TABLET, 7),
            new WorkshopRow("2022-11-08", Lead.PUMONTI, "2A272", DemoSubjects.SCAMS, 9),
            new WorkshopRow("2022-11-22", Lead.PUMONTI, "2A004", DemoSubjects.BUSINESS, 8),
            new WorkshopRow("2022-12-06", Lead.PUMONTI, "2A130", DemoSubjects.SCREENS, 10),
            new WorkshopRow("2023-01-10", Lead.PUMONTI, "2A041", DemoSubjects.CYBERBULLYING, 13),
            new WorkshopRow("2023-01-24", Lead.PUMONTI, "2A065", DemoSubjects.SMARTPHONE, 6),
            new WorkshopRow("2023-02-07", Lead.PUMONTI, "2A362", DemoSubjects.SCAMS, 8),
            new WorkshopRow("2023-03-07", Lead.PUMONTI, "2A032", DemoSubjects.FAKE_NEWS, 11),
            new WorkshopRow("2023-03-21", Lead.PUMONTI, "2A004", DemoSubjects.SCREENS, 9),
            new WorkshopRow("2023-04-04", Lead.PUMONTI, "2A139", DemoSubjects.TABLET, 6),
            new WorkshopRow("2023-04-25", Lead.PUMONTI, "2A247", DemoSubjects.BUSINESS, 7),
            new WorkshopRow("2023-05-09", Lead.PUMONTI, "2A249", DemoSubjects.CYBERBULLYING, 12),
            new WorkshopRow("2023-05-23", Lead.PUMONTI, "2A272", DemoSubjects.CULTURE, 8),
            new WorkshopRow("2023-06-13", Lead.PUMONTI, "2A004", DemoSubjects.SMARTPHONE, 7),
            new WorkshopRow("2022-09-27", Lead.CISMONTE, "2B033", DemoSubjects.CYBERBULLYING, 15),
            new WorkshopRow("2022-10-11", Lead.CISMONTE, "2B096", DemoSubjects.FAKE_NEWS, 13),
            new WorkshopRow("2022-10-25", Lead.CISMONTE, "2B050", DemoSubjects.SMARTPHONE, 6),
            new WorkshopRow("2022-11-15", Lead.CISMONTE, "2B134", DemoSubjects.SCAMS, 8),
            new WorkshopRow("2022-11-29", Lead.CISMONTE, "2B042", DemoSubjects.SCREENS, 9),
            new WorkshopRow("2022-12-13", Lead.CISMONTE, "2B123", DemoSubjects.TABLET, 7),
            new WorkshopRow("2023-01-17", Lead.CISMONTE, "2B033", DemoSubjects.BUSINESS, 8),
            new WorkshopRow("2023-01-31", Lead.CISMONTE, "2B009", DemoSubjects.CYBERBULLYING, 11),
            new WorkshopRow("2023-02-14", Lead.CISMONTE, "2B087", DemoSubjects.SMARTPHONE, 6),
            new WorkshopRow("2023-03-14", Lead.CISMONTE, "2B043", DemoSubjects.SCAMS, 7),
            new WorkshopRow("2023-03-28", Lead.CISMONTE, "2B185", DemoSubjects.FAKE_NEWS, 10),
            new WorkshopRow("2023-04-11", Lead.CISMONTE, "2B169", DemoSubjects.CULTURE, 6),
            new WorkshopRow("2023-05-02", Lead.CISMONTE, "2B207", DemoSubjects.SCREENS, 8),
            new WorkshopRow("2023-05-16", Lead.CISMONTE, "2B037", DemoSubjects.CYBERBULLYING, 12),
            new WorkshopRow("2023-05-30", Lead.CISMONTE, "2B049", DemoSubjects.BUSINESS, 7),
            new WorkshopRow("2023-06-20", Lead.CISMONTE, "2B346", DemoSubjects.TABLET, 8));

    private record EventRow(String date, Lead lead, String communeCode, int participants) {
    }

    /**
     * "Digital Factory in Paesi": on Saturdays, in the largest commune of each EPCI but the agglomerations of Ajaccio
     * and Bastia; held until February 2023 (400 people), planned afterwards (participants 0 until held).
     */
    private static final List<EventRow> EVENTS = List.of(
            new EventRow("2022-08-27", Lead.CISMONTE, "2B096", 42), // CC du Centre Corse
            new EventRow("2022-09-10", Lead.PUMONTI, "2A247", 51), // CC du Sud Corse
            new EventRow("2022-09-24", Lead.CISMONTE, "2B050", 38), // CC de Calvi Balagne
            new EventRow("2022-10-08", Lead.PUMONTI, "2A249", 36), // CC du Sartenais Valinco Taravo
            new EventRow("2022-10-22", Lead.CISMONTE, "2B134", 35), // CC de l'Ile-Rousse - Balagne
            new EventRow("2022-11-12", Lead.PUMONTI, "2A130", 28), // CC de la Pieve de l'Ornano et du Taravo
            new EventRow("2022-11-19", Lead.CISMONTE, "2B123", 41), // CC de Fium'Orbu Castellu
            new EventRow("2022-12-17", Lead.CISMONTE, "2B042", 47), // CC de Marana-Golo
            new EventRow("2023-01-21", Lead.CISMONTE, "2B207", 33), // CC de la Castagniccia-Casinca
            new EventRow("2023-02-11", Lead.PUMONTI, "2A032", 49), // CC Celavu-Prunelli
            new EventRow("2023-02-18", Lead.CISMONTE, "2B009", 0), // CC de l'Oriente
            new EventRow("2023-03-18", Lead.CISMONTE, "2B087", 0), // CC de la Costa Verde
            new EventRow("2023-04-01", Lead.PUMONTI, "2A362", 0), // CC de l'Alta Rocca
            new EventRow("2023-04-15", Lead.CISMONTE, "2B169", 0), // CC Pasquale Paoli
            new EventRow("2023-05-20", Lead.CISMONTE, "2B185", 0), // CC Nebbiu - Conca d'Oro
            new EventRow("2023-06-10", Lead.PUMONTI, "2A065", 0), // CC Spelunca-Liamone
            new EventRow("2023-06-17", Lead.CISMONTE, "2B043", 0)); // CC du Cap Corse
    private static final LocalDate LAST_EVENT_HELD = LocalDate.of(2023, 2, 11);

    /** Six accompaniments each at their place, 12 people: with the workshops and events, 700. */
    private static final List<String> ACCOMPANIMENTS = List.of("2022-07-19", "2022-09-13", "2022-11-03",
            "2023-01-12", "2023-03-09", "2023-05-04");

    private record MeetingRow(String date, Lead lead, String communeCode, String title) {
    }

    /** Each coordinator meets its advisers, then both meet all of them; the last one, all 26. */
    private static final List<MeetingRow> MEETINGS = List.of(
            new MeetingRow("2022-09-15", Lead.PUMONTI, "2A004", "Rentrée des conseillers numériques de Pumonti"),
            new MeetingRow("2022-09-22", Lead.CISMONTE, "2B096", "Rentrée des conseillers numériques de Cismonte"),
            new MeetingRow("2023-02-09", Lead.BOTH, "2B096", "Réunion régionale des conseillers numériques"),
            new MeetingRow("2023-06-30", Lead.BOTH, "2A004", "Bilan de l'année des conseillers numériques"));

    /** Four working groups, seven sessions. */
    private static final List<MeetingRow> WORKING_GROUPS = List.of(
            new MeetingRow("2022-07-21", Lead.BOTH, "2B096", "Kit des Digital Factory in Paesi"),
            new MeetingRow("2022-10-13", Lead.PUMONTI, "2A004", "Prévention du cyberharcèlement en milieu scolaire"),
            new MeetingRow("2022-12-01", Lead.CISMONTE, "2B096", "Kit des Digital Factory in Paesi"),
            new MeetingRow("2023-01-19", Lead.CISMONTE, "2B033", "Accès aux droits avec les France services"),
            new MeetingRow("2023-03-16", Lead.BOTH, "2A004", "Prévention du cyberharcèlement en milieu scolaire"),
            new MeetingRow("2023-04-20", Lead.BOTH, "2B096", "Ressources pédagogiques en langue corse"),
            new MeetingRow("2023-05-11", Lead.PUMONTI, "2A004", "Accès aux droits avec les France services"));

    private static final List<MeetingRow> COMMONS = List.of(
            new MeetingRow("2022-09-30", Lead.PUMONTI, "2A004",
                    "Fiches « Cyberharcèlement » pour Les Bases du numérique d'intérêt général"),
            new MeetingRow("2022-11-30", Lead.CISMONTE, "2B033",
                    "Lieux de médiation numérique de Corse publiés sur data.inclusion"),
            new MeetingRow("2023-01-27", Lead.CISMONTE, "2B096",
                    "Kit d'animation des Digital Factory in Paesi, sous licence ouverte"),
            new MeetingRow("2023-03-31", Lead.PUMONTI, "2A004", "Lexique du numérique en langue corse"),
            new MeetingRow("2023-05-26", Lead.BOTH, "2B096", "Parcours « Premiers pas sur tablette » pour les seniors"),
            new MeetingRow("2023-06-23", Lead.CISMONTE, "2B033", "Fiches « Fake news » pour les collèges"));

    private record MappingRow(String date, Lead lead, String communeCode, String title, int structures) {
    }

    /** 18 + 20 + 14 + 13 = 65 structures. */
    private static final List<MappingRow> MAPPINGS = List.of(
            new MappingRow("2022-10-03", Lead.PUMONTI, "2A004",
                    "Cartographie des structures d'inclusion numérique de Corse-du-Sud", 18),
            new MappingRow("2022-10-10", Lead.CISMONTE, "2B033",
                    "Cartographie des structures d'inclusion numérique de Haute-Corse", 20),
            new MappingRow("2023-03-06", Lead.PUMONTI, "2A004", "Mise à jour de la cartographie de Corse-du-Sud", 14),
            new MappingRow("2023-03-13", Lead.CISMONTE, "2B033", "Mise à jour de la cartographie de Haute-Corse", 13));

    private record PartnerRow(String date, Lead lead, String communeCode, String title, List<String> partners) {
    }

    private static final List<PartnerRow> PARTNER_MEETINGS = List.of(
            new PartnerRow("2022-09-06", Lead.PUMONTI, "2A004", "Orienter les demandeurs d'emploi vers les ateliers",
                    List.of("France Travail Ajaccio", "Mission locale d'Ajaccio")),
            new PartnerRow("2022-10-18", Lead.CISMONTE, "2B096", "Ateliers numériques pour les étudiants",
                    List.of("Università di Corsica Pasquale Paoli")),
            new PartnerRow("2022-12-06", Lead.CISMONTE, "2B033", "Accès aux droits en ligne",
                    List.of("CAF de la Haute-Corse", "France Travail Bastia")),
            new PartnerRow("2023-03-28", Lead.BOTH, "2B096", "Les partenaires des Digital Factory in Paesi",
                    List.of("Università di Corsica Pasquale Paoli", "France Travail Corte", "France services d'Aléria",
                            "France services de Zonza")),
            new PartnerRow("2023-05-23", Lead.PUMONTI, "2A362", "Permanences numériques en France services",
                    List.of("CAF de la Corse-du-Sud", "France services de Zonza")));

    private final DemoBuilder b;
    private final Corsica corsica;

    private CorsicaActivities(DemoBuilder b, Corsica corsica) {
        this.b = b;
        this.corsica = corsica;
    }

    static void addTo(DemoBuilder b, Corsica corsica) {
        var activities = new CorsicaActivities(b, corsica);
        activities.coordinators();
        activities.advisers(new SplittableRandom(2023));
    }

    private void coordinators() {
        for (int i = 0; i < WORKSHOPS.size(); i++) {
            var w = WORKSHOPS.get(i);
            b.activity(DemoActivity.of("corse-atelier-" + (i + 1), COLLECTIVE_WORKSHOP, ActivityStatus.HELD,
                    LocalDate.parse(w.date()), w.communeCode(), leaders(w.lead())).title(w.subject().title())
                    .themes(w.subject().themes()).publics(w.subject().publics()).participants(w.participants()));
        }
        for (int i = 0; i < EVENTS.size(); i++) {
            var e = EVENTS.get(i);
            var date = LocalDate.parse(e.date());
            var status = date.isAfter(LAST_EVENT_HELD) ? ActivityStatus.PLANNED : ActivityStatus.HELD;
            b.activity(DemoActivity.of("corse-digital-factory-" + (i + 1), EVENT_DAY, status, date, e.communeCode(),
                    leaders(e.lead())).title("Digital Factory in Paesi").participants(e.participants())
                    .themes(List.of(MediationTheme.DIGITAL_CULTURE, MediationTheme.DIGITAL_SAFETY,
                            MediationTheme.DEVICE_HANDLING))
                    .publics(List.of(ActivityPublic.ALL)));
        }
        for (int i = 0; i < ACCOMPANIMENTS.size(); i++) {
            var date = LocalDate.parse(ACCOMPANIMENTS.get(i));
            var theme = DemoSubjects.ACCOMPANIMENT_THEMES.get(i % DemoSubjects.ACCOMPANIMENT_THEMES.size());
            b.activity(DemoActivity.held("corse-accompagnement-2A-" + (i + 1), INDIVIDUAL_ACCOMPANIMENT, date, "2A004",
                    corsica.pumonti()).place(corsica.pumontiPlace()).themes(List.of(theme)));
            b.activity(DemoActivity.held("corse-accompagnement-2B-" + (i + 1), INDIVIDUAL_ACCOMPANIMENT,
                    date.plusDays(1), "2B033", corsica.cismonte()).place(corsica.cismontePlace())
                    .themes(List.of(theme)));
        }
        for (int i = 0; i < MEETINGS.size(); i++) {
            var m = MEETINGS.get(i);
            var date = LocalDate.parse(m.date());
            b.activity(DemoActivity.of("corse-reunion-coordination-" + (i + 1), COORDINATION_MEETING,
                    ActivityStatus.HELD, date, m.communeCode(), leaders(m.lead())).title(m.title())
                    .place(placeOf(m.communeCode())).met(met(m.lead(), date, 1)));
        }
        for (int i = 0; i < WORKING_GROUPS.size(); i++) {
            var m = WORKING_GROUPS.get(i);
            var date = LocalDate.parse(m.date());
            // a working group brings together about half of the advisers of its leaders
            b.activity(DemoActivity.of("corse-groupe-de-travail-" + (i + 1), WORKING_GROUP, ActivityStatus.HELD, date,
                    m.communeCode(), leaders(m.lead())).title(m.title()).place(placeOf(m.communeCode()))
                    .met(met(m.lead(), date, 2 + i % 2)));
        }
        for (int i = 0; i < COMMONS.size(); i++) {
            var m = COMMONS.get(i);
            b.activity(DemoActivity.of("corse-commun-" + (i + 1), DIGITAL_COMMON, ActivityStatus.HELD,
                    LocalDate.parse(m.date()), m.communeCode(), leaders(m.lead())).title(m.title()));
        }
        for (int i = 0; i < MAPPINGS.size(); i++) {
            var m = MAPPINGS.get(i);
            b.activity(DemoActivity.of("corse-cartographie-" + (i + 1), STRUCTURE_MAPPING, ActivityStatus.HELD,
                    LocalDate.parse(m.date()), m.communeCode(), leaders(m.lead())).title(m.title())
                    .structures(m.structures()));
        }
        for (int i = 0; i < PARTNER_MEETINGS.size(); i++) {
            var m = PARTNER_MEETINGS.get(i);
            b.activity(DemoActivity.of("corse-partenaires-" + (i + 1), PARTNER_MEETING, ActivityStatus.HELD,
                    LocalDate.parse(m.date()), m.communeCode(), leaders(m.lead())).title(m.title())
                    .partners(m.partners().stream().map(corsica::partner).toList()));
        }
    }

    /**
     * The advisers' own accompaniments and workshops, where they work, from their first day: over the year of the
     * report, and over the last year before the demo's "today".
     */
    private void advisers(SplittableRandom random) {
        var lastYear = b.referenceDate.minusYears(1).plusDays(1);
        for (var adviser : corsica.advisers()) {
            var from = adviser.start().isAfter(FROM) ? adviser.start() : FROM;
            own(adviser, "2022", from, TO, 5 + random.nextInt(4), 1 + random.nextInt(2), random);
            own(adviser, "recent", lastYear, b.referenceDate, 3, 1, random);
        }
    }

    private void own(CorsicaAdviser adviser, String year, LocalDate from, LocalDate to, int accompaniments,
            int workshops, SplittableRandom random) {
        var prefix = "corse-" + adviser.id() + "-" + year;
        for (int i = 0; i < accompaniments; i++) {
            b.activity(DemoActivity.held(prefix + "-accompagnement-" + (i + 1), INDIVIDUAL_ACCOMPANIMENT,
                    DemoBuilder.between(random, from, to), adviser.communeCode(), adviser.id())
                    .place(adviser.placeId()).themes(List.of(DemoBuilder.pick(random, DemoSubjects.ACCOMPANIMENT_THEMES)))
                    .publics(List.of(DemoBuilder.pick(random, DemoSubjects.AGES))));
        }
        if (adviser.secondPlaceId() != null) {
            b.activity(DemoActivity.held(prefix + "-accompagnement-second-lieu", INDIVIDUAL_ACCOMPANIMENT,
                    DemoBuilder.between(random, from, to), adviser.secondCommuneCode(), adviser.id())
                    .place(adviser.secondPlaceId())
                    .themes(List.of(DemoBuilder.pick(random, DemoSubjects.ACCOMPANIMENT_THEMES))));
        }
        for (int i = 0; i < workshops; i++) {
            var subject = DemoBuilder.pick(random, DemoSubjects.WORKSHOPS);
            b.activity(DemoActivity.held(prefix + "-atelier-" + (i + 1), COLLECTIVE_WORKSHOP,
                    DemoBuilder.between(random, from, to), adviser.communeCode(), adviser.id())
                    .place(adviser.placeId()).title(subject.title()).themes(subject.themes())
                    .publics(subject.publics()).participants(4 + random.nextInt(9)));
        }
    }

    private List<String> leaders(Lead lead) {
        return switch (lead) {
            case PUMONTI -> List.of(corsica.pumonti());
            case CISMONTE -> List.of(corsica.cismonte());
            case BOTH -> List.of(corsica.pumonti(), corsica.cismonte());
        };
    }

    /** The Collectivité's place in Ajaccio or Bastia when the meeting is there. */
    private String placeOf(String communeCode) {
        return switch (communeCode) {
            case "2A004" -> corsica.pumontiPlace();
            case "2B033" -> corsica.cismontePlace();
            default -> null;
        };
    }

    /**
     * The advisers of the leaders' départements already at work on {@code date}; {@code every} > 1 keeps one in
     * {@code every} of them (a working group), never none.
     */
    private List<String> met(Lead lead, LocalDate date, int every) {
        var met = new ArrayList<String>();
        var atWork = corsica.advisers().stream()
                .filter(a -> lead == Lead.BOTH || a.departmentCode().equals(lead == Lead.PUMONTI ? "2A" : "2B"))
                .filter(a -> !a.start().isAfter(date)).toList();
        for (int i = 0; i < atWork.size(); i++) {
            if (i % every == 0) {
                met.add(atWork.get(i).id());
            }
        }
        return met;
    }
}
