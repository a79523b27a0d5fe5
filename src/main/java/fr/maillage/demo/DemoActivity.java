package fr.maillage.demo;

import java.time.LocalDate;
import java.util.List;

import fr.maillage.activities.ActivityKeys;
import fr.maillage.activities.ActivityRecord;
import fr.maillage.activities.ActivityVocabulary.ActivityKind;
import fr.maillage.activities.ActivityVocabulary.ActivityPublic;
import fr.maillage.activities.ActivityVocabulary.ActivityStatus;
import fr.maillage.activities.ActivityVocabulary.MediationTheme;

/**
 * One activity of the demo being described, then turned into the activities module's {@link ActivityRecord}: source
 * {@code demo}, named by a {@code sourceId} of the demo (its key {@code demo:<sourceId>}, its id derived from the key,
 * so that loading the demo again finds the same activities). A usual duration per kind.
 */
final class DemoActivity {

    static final String SOURCE = "demo";

    private final String sourceId;
    private final ActivityKind kind;
    private final ActivityStatus status;
    private final LocalDate date;
    private final String communeCode;
    private final List<String> leaders;
    private final Integer minutes;
    private String title;
    private int participants;
    private Integer structures;
    private List<MediationTheme> themes = List.of();
    private List<ActivityPublic> publics = List.of();
    private String placeId;
    private List<String> met = List.of();
    private List<String> partners = List.of();

    private DemoActivity(String sourceId, ActivityKind kind, ActivityStatus status, LocalDate date, String communeCode,
            List<String> leaders) {
        this.sourceId = sourceId;
        this.kind = kind;
        this.status = status;
        this.date = date;
        this.communeCode = communeCode;
        this.leaders = List.copyOf(leaders);
        this.minutes = switch (kind) {
            case INDIVIDUAL_ACCOMPANIMENT -> 45;
            case COLLECTIVE_WORKSHOP, WORKING_GROUP -> 120;
            case EVENT_DAY -> 360;
            case COORDINATION_MEETING -> 150;
            case PARTNER_MEETING -> 90;
            case STRUCTURE_MAPPING, DIGITAL_COMMON -> null;
        };
        // an individual accompaniment helps one person (ActivityRules)
        this.participants = kind == ActivityKind.INDIVIDUAL_ACCOMPANIMENT ? 1 : 0;
    }

    static DemoActivity of(String sourceId, ActivityKind kind, ActivityStatus status, LocalDate date,
            String communeCode, List<String> leaders) {
        return new DemoActivity(sourceId, kind, status, date, communeCode, leaders);
    }

    static DemoActivity held(String sourceId, ActivityKind kind, LocalDate date, String communeCode, String leader) {
        return of(sourceId, kind, ActivityStatus.HELD, date, communeCode, List.of(leader));
    }

    DemoActivity title(String value) {
        this.title = value;
        return this;
    }

    DemoActivity participants(int value) {
        this.participants = value;
        return this;
    }

    DemoActivity structures(int value) {
        this.structures = value;
        return this;
    }

    DemoActivity themes(List<MediationTheme> value) {
        this.themes = value;
        return this;
    }

    DemoActivity publics(List<ActivityPublic> value) {
        this.publics = value;
        return this;
    }

    /** The place where it took place (then in its commune), or null. */
    DemoActivity place(String value) {
        this.placeId = value;
        return this;
    }

    DemoActivity met(List<String> adviserIds) {
        this.met = adviserIds;
        return this;
    }

    DemoActivity partners(List<String> partnerIds) {
        this.partners = partnerIds;
        return this;
    }

    ActivityRecord toRecord() {
        var key = ActivityKeys.sourceKey(SOURCE, sourceId);
        return new ActivityRecord(ActivityKeys.id(key), key, SOURCE, sourceId, kind, status, date, minutes, title,
                participants, structures, themes, publics, communeCode, placeId, leaders, met, partners);
    }
}
