package fr.maillage.activities;

import java.time.LocalDate;
import java.util.List;

import fr.maillage.activities.ActivityVocabulary.ActivityKind;
import fr.maillage.activities.ActivityVocabulary.ActivityPublic;
import fr.maillage.activities.ActivityVocabulary.ActivityStatus;
import fr.maillage.activities.ActivityVocabulary.MediationTheme;
import fr.maillage.network.NetworkEnums.PartnerKind;
import fr.maillage.territories.TerritoryLevel;

/** What the activities API answers; public for graphql-java, which reads the records' fields. */
public final class ActivityModel {

    private ActivityModel() {
    }

    public record Activity(String id, ActivityKind kind, ActivityStatus status, LocalDate date, Integer durationMinutes,
            String title, int participants, Integer structures, List<MediationTheme> themes,
            List<ActivityPublic> publics, String communeCode, String epciCode, String departmentCode,
            String regionCode, String placeId, List<String> leaderIds, List<String> metAdviserIds,
            List<String> partnerIds, String source) {

        public String kindLabel() {
            return kind.label;
        }
    }

    /** A period, both days included. */
    public record Period(LocalDate from, LocalDate to) {
    }

    /**
     * The figures of held activities in a territory ({@code level} null and {@code code} null for France) over a
     * period.
     */
    public record Figures(TerritoryLevel level, String code, String name, long population, long peopleHelped,
            long accompaniments, long workshops, long eventDays, long activities, double hours) {

        public Double peopleHelpedPer10000() {
            return population == 0 ? null : peopleHelped * 10_000.0 / population;
        }
    }

    public record ThemeCount(MediationTheme theme, long activities) {

        public String label() {
            return theme.label;
        }
    }

    public record TerritoryActivity(LocalDate from, LocalDate to, Figures territory, Figures parent, Figures france,
            List<ThemeCount> topThemes, List<Figures> subTerritories) {
    }

    public record EventsInEpci(String epciCode, String epciName, long planned, long held, long peopleHelped) {
    }

    public record PartnerActivity(String partnerId, String name, String kind, long activities) {

        public String kindLabel() {
            try {
                return PartnerKind.valueOf(kind).label;
            } catch (IllegalArgumentException | NullPointerException unknown) {
                return kind;
            }
        }
    }

    public record CoordinatorActivity(List<String> coordinatorIds, LocalDate from, LocalDate to, long workshops,
            long eventDaysHeld, long eventDaysPlanned, List<EventsInEpci> eventsByEpci, long peopleHelped,
            long accompaniments, long coordinationMeetings, long workingGroups, long workingGroupSessions,
            long digitalCommons, List<String> digitalCommonTitles, long structuresMapped, long partnerMeetings,
            List<PartnerActivity> partners, long advisersCoordinated, long advisersMet, List<ThemeCount> topThemes) {

        public Double advisersMetShare() {
            return advisersCoordinated == 0 ? null : (double) advisersMet / advisersCoordinated;
        }
    }

    public record HubActivity(String regionCode, LocalDate from, LocalDate to, TerritoryActivity region,
            List<CoordinatorActivity> coordinators) {
    }

    public record MediationThemeEntry(MediationTheme theme) {

        public String code() {
            return theme.code;
        }

        public String label() {
            return theme.label;
        }

        public boolean administrative() {
            return theme.administrative;
        }
    }
}
