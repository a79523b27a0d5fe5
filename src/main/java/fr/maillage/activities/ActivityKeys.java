package fr.maillage.activities;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.UUID;
import java.util.stream.Collectors;

import fr.maillage.activities.ActivityVocabulary.ActivityKind;
import fr.maillage.territories.SearchText;

/**
 * Keys and ids of activities. The key says which activity a row of a file is, so that importing the same file twice
 * changes nothing: the id the source gave it (an activity record's id), else what it is (kind, day, who led it,
 * where, its title). The id derives from the key; an activity recorded through the API gets a random one.
 */
public final class ActivityKeys {

    private ActivityKeys() {
    }

    /** The key of an activity the source names with {@code sourceId} (e.g. the id of the programme's record). */
    public static String sourceKey(String source, String sourceId) {
        return source + ":" + sourceId.strip();
    }

    /**
     * The key of a programme record {@code sourceId} written by adviser {@code authorId} (the first who led it): a
     * record is its author's, so that an id another structure's file claimed first never binds this one.
     */
    public static String recordKey(String source, String sourceId, String authorId) {
        return source + ":" + authorId + ":" + sourceId.strip();
    }

    /** The key of an activity with no id of its own in its source. */
    public static String naturalKey(ActivityKind kind, LocalDate date, Collection<String> leaderIds,
            String communeCode, String title) {
        var leaders = leaderIds.stream().sorted().distinct().collect(Collectors.joining(","));
        return "activity:" + kind.name() + "|" + date + "|" + leaders + "|" + communeCode + "|"
                + (title == null ? "" : SearchText.fold(title));
    }

    /** The id of the activity of key {@code key}. */
    public static String id(String key) {
        return UUID.nameUUIDFromBytes(("activity:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
