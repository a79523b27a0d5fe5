package fr.maillage.activities;

import java.time.LocalDate;
import java.util.List;

import fr.maillage.activities.ActivityVocabulary.ActivityKind;
import fr.maillage.activities.ActivityVocabulary.ActivityPublic;
import fr.maillage.activities.ActivityVocabulary.ActivityStatus;
import fr.maillage.activities.ActivityVocabulary.MediationTheme;

/**
 * One activity as it is written, whoever writes it (the API, an import, the demo): the row of
 * {@link ActivityStatements#UPSERT}. Lists are never null; {@code placeId} is optional (then the activity is only in
 * its commune).
 */
public record ActivityRecord(String id, String key, String source, String sourceId, ActivityKind kind,
        ActivityStatus status, LocalDate date, Integer durationMinutes, String title, int participants,
        Integer structures, List<MediationTheme> themes, List<ActivityPublic> publics, String communeCode,
        String placeId, List<String> leaderIds, List<String> metAdviserIds, List<String> partnerIds) {

    public ActivityRecord {
        themes = List.copyOf(themes);
        publics = List.copyOf(publics);
        leaderIds = List.copyOf(leaderIds);
        metAdviserIds = List.copyOf(metAdviserIds);
        partnerIds = List.copyOf(partnerIds);
    }

    /** The parameters of one row of {@link ActivityStatements#UPSERT}. */
    public java.util.Map<String, Object> row() {
        var row = new java.util.HashMap<String, Object>();
        row.put("id", id);
        row.put("key", key);
        row.put("source", source);
        row.put("sourceId", sourceId);
        row.put("kind", kind.name());
        row.put("status", status.name());
        row.put("date", date);
        row.put("durationMinutes", durationMinutes);
        row.put("title", title);
        row.put("participants", participants);
        row.put("structures", structures);
        row.put("themes", themes.stream().map(Enum::name).toList());
        row.put("publics", publics.stream().map(Enum::name).toList());
        row.put("communeCode", communeCode);
        row.put("placeId", placeId);
        row.put("leaderIds", leaderIds);
        row.put("metIds", metAdviserIds);
        row.put("partnerIds", partnerIds);
        return row;
    }
}
