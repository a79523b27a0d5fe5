package fr.maillage.activities;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

import fr.maillage.activities.ActivityVocabulary.ActivityKind;
import fr.maillage.activities.ActivityVocabulary.ActivityStatus;
import fr.maillage.security.Access;
import fr.maillage.security.Role;
import fr.maillage.security.Scope;
import fr.maillage.security.Write;
import fr.maillage.validation.Validation;

/**
 * The rules an activity obeys wherever it comes from (the API, an import): who may record it, and what its fields may
 * hold. The checks that need the graph (the commune, the leaders, the place, the partners exist) are the caller's.
 */
public final class ActivityRules {

    /**
     * Who records activities: ANCT anywhere, an employer for its advisers, a coordinator for itself and the advisers it
     * coordinates. Prefectures, SGAR and hubs read them.
     */
    public static final Set<Role> RECORDERS = EnumSet.of(Role.ANCT, Role.EMPLOYER, Role.COORDINATOR);

    public static final int TITLE = 200;
    public static final int MAX_LEADERS = 20;
    public static final int MAX_MET = 500;
    public static final int MAX_PARTNERS = 50;
    public static final int MAX_PARTICIPANTS = 100_000;
    public static final int MAX_STRUCTURES = 10_000;
    public static final int MAX_MINUTES = 24 * 60;
    /** The earliest date accepted: the programme began in 2020. */
    public static final LocalDate EARLIEST = LocalDate.of(2020, 1, 1);

    private ActivityRules() {
    }

    /**
     * The write of an activity naming advisers lying in {@code adviserScopes} (where each was on the day of the
     * activity, and its coordinators): the caller must be allowed for every one of them. Null scopes (unknown advisers)
     * lie nowhere.
     */
    public static Write recording(Collection<Scope> adviserScopes) {
        var write = Access.write(RECORDERS);
        for (var scope : adviserScopes) {
            write.touching(scope);
        }
        return write;
    }

    /**
     * The same, for an activity whose whereabouts are {@code whereabouts}: but for ANCT, it took place within reach of
     * the employer of each adviser who led it on that day, at one of their places, with partners within reach. An
     * employer does not put its advisers' activities (and the public figures) in another structure's territory.
     */
    public static Write recording(Collection<Scope> adviserScopes, Whereabouts whereabouts) {
        return recording(adviserScopes).unlessNational(whereabouts.hold());
    }

    /**
     * Where an activity took place, seen from the employers of those who led it on its day ({@link
     * ActivityStatements#WHEREABOUTS}): its commune within reach of each of them (in its region, or in an EPCI touching
     * its département), its place one where a leader works, each partner's commune within reach.
     */
    public record Whereabouts(boolean communeWithinReach, boolean placeOfALeader, boolean partnersWithinReach) {

        public boolean hold() {
            return communeWithinReach && placeOfALeader && partnersWithinReach;
        }
    }

    /**
     * The sizes of the lists of an activity, checked before anything is read: a list too long is one problem, not
     * one per item, and costs no lookup.
     */
    public static Validation sizes(Validation v, String prefix, int leaders, int met, int partners) {
        v.check(leaders <= MAX_LEADERS, prefix + "leaderIds", "au plus " + MAX_LEADERS + " (reçu " + leaders + ")");
        v.check(met <= MAX_MET, prefix + "metAdviserIds", "au plus " + MAX_MET + " (reçu " + met + ")");
        v.check(partners <= MAX_PARTNERS, prefix + "partnerIds", "au plus " + MAX_PARTNERS + " (reçu " + partners + ")");
        return v;
    }

    /**
     * The checks of the fields of {@code r}, problems named {@code prefix + field} ("input.participants", or a column
     * name for an import); {@code today} bounds the dates (a held activity is not in the future; a planned one is at
     * most two years ahead).
     */
    public static Validation check(Validation v, String prefix, ActivityRecord r, LocalDate today) {
        v.check(r.kind() != null, prefix + "kind", "obligatoire");
        v.check(r.status() != null, prefix + "status", "obligatoire");
        if (r.date() == null) {
            v.problem(prefix + "date", "obligatoire");
        } else {
            v.check(!r.date().isBefore(EARLIEST), prefix + "date",
                    "ne peut précéder le 01/01/2020 (début du dispositif), reçu " + r.date());
            v.check(r.status() != ActivityStatus.HELD || !r.date().isAfter(today), prefix + "date",
                    "une activité réalisée ne peut être datée après aujourd'hui (" + today + ")");
            v.check(!r.date().isAfter(today.plusYears(2)), prefix + "date",
                    "au plus deux ans à l'avance");
        }
        v.check(r.durationMinutes() == null || r.durationMinutes() >= 1 && r.durationMinutes() <= MAX_MINUTES,
                prefix + "durationMinutes", "en minutes, entre 1 et " + MAX_MINUTES);
        v.optionalText(prefix + "title", r.title(), TITLE);
        v.check(r.participants() >= 0 && r.participants() <= MAX_PARTICIPANTS, prefix + "participants",
                "entre 0 et " + MAX_PARTICIPANTS);
        if (r.kind() == ActivityKind.INDIVIDUAL_ACCOMPANIMENT) {
            v.check(r.participants() == 1, prefix + "participants",
                    "un accompagnement individuel aide une personne (1), reçu " + r.participants());
        }
        if (r.kind() == ActivityKind.STRUCTURE_MAPPING) {
            v.check(r.structures() != null && r.structures() >= 1 && r.structures() <= MAX_STRUCTURES,
                    prefix + "structures", "le nombre de structures cartographiées, entre 1 et " + MAX_STRUCTURES);
        } else {
            v.check(r.structures() == null, prefix + "structures",
                    "seulement pour une cartographie de structures");
        }
        v.check(r.status() != ActivityStatus.PLANNED || r.kind() == ActivityKind.EVENT_DAY
                || r.kind() == ActivityKind.COLLECTIVE_WORKSHOP || r.kind() == ActivityKind.COORDINATION_MEETING
                || r.kind() == ActivityKind.WORKING_GROUP || r.kind() == ActivityKind.PARTNER_MEETING,
                prefix + "status", "seuls un événement, un atelier ou une réunion se prévoient");
        v.check(!r.leaderIds().isEmpty(), prefix + "leaderIds", "au moins un conseiller ou coordinateur qui l'a menée");
        v.check(r.metAdviserIds().isEmpty() || r.kind() != null && ActivityKind.MEETING_ADVISERS.contains(r.kind()),
                prefix + "metAdviserIds", "seulement pour une réunion de coordination ou un groupe de travail");
        sizes(v, prefix, r.leaderIds().size(), r.metAdviserIds().size(), r.partnerIds().size());
        v.check(r.themes().size() == r.themes().stream().distinct().count(), prefix + "themes", "thème en double");
        v.check(r.publics().size() == r.publics().stream().distinct().count(), prefix + "publics", "public en double");
        return v;
    }
}
