package fr.maillage.activities;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import fr.maillage.activities.ActivityModel.Activity;
import fr.maillage.activities.ActivityModel.Period;
import fr.maillage.activities.ActivityVocabulary.ActivityKind;
import fr.maillage.activities.ActivityVocabulary.ActivityPublic;
import fr.maillage.activities.ActivityVocabulary.ActivityStatus;
import fr.maillage.activities.ActivityVocabulary.MediationTheme;
import fr.maillage.graphql.Connection;
import fr.maillage.graphql.Keyset;
import fr.maillage.graphql.PageRequest;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Reads activities: by id, an adviser's by page, and what a write needs to know of one already there. */
@Component
class ActivityReader {

    /** An activity {@code x} with its links, as a map. */
    static final String PROJECTION = """
            x {.*,
              leaderIds: COLLECT { MATCH (a:Adviser)-[:LED]->(x) RETURN a.id ORDER BY a.id },
              metAdviserIds: COLLECT { MATCH (x)-[:MET]->(m:Adviser) RETURN m.id ORDER BY m.id },
              partnerIds: COLLECT { MATCH (x)-[:WITH_PARTNER]->(p:Partner) RETURN p.id ORDER BY p.id },
              placeId: COLLECT { MATCH (x)-[:AT_PLACE]->(p:Place) RETURN p.id }[0]
            }""";

    static final String BY_IDS = """
            UNWIND $ids AS id
            MATCH (x:Activity {id: id})
            RETURN %s AS activity""".formatted(PROJECTION);

    /**
     * The activities adviser {@code $adviserId} led within the period, the latest first (then by id): the sort key is
     * the date counted down, so that the keyset pagination, ascending, gives the latest first.
     */
    static final String OF_ADVISER = """
            MATCH (:Adviser {id: $adviserId})-[:LED]->(x:Activity)
            WHERE x.date >= $from AND x.date <= $to
            WITH x, right('0000000' + toString(30000000 - (x.date.year * 10000 + x.date.month * 100 + x.date.day)), 8)
              AS sort
            ORDER BY sort, x.id
            WITH collect({sort: sort, node: x}) AS rows
            WITH size(rows) AS total, %s AS page
            CALL (page) {
              UNWIND page AS r
              WITH r.sort AS sort, r.node AS x
              RETURN collect({sort: sort, activity: %s}) AS activities
            }
            RETURN total, activities""".formatted(Keyset.PAGE, PROJECTION.indent(2).strip());

    /** What a write needs of an existing activity: its key, its day, who led it and whom it met. */
    static final String EXISTING = """
            MATCH (x:Activity {id: $id})
            RETURN x.key AS key, x.date AS date, COLLECT { MATCH (a:Adviser)-[:LED]->(x) RETURN a.id } AS leaderIds,
              COLLECT { MATCH (x)-[:MET]->(a:Adviser) RETURN a.id } AS metAdviserIds""";

    record Existing(String key, LocalDate date, List<String> leaderIds, List<String> metAdviserIds) {
    }

    private final Neo4jClient neo4j;

    ActivityReader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    List<Activity> byIds(Collection<String> ids) {
        return List.copyOf(neo4j.query(BY_IDS).bind(List.copyOf(ids)).to("ids").fetchAs(Activity.class)
                .mappedBy((types, row) -> activity(row.get("activity"))).all());
    }

    Activity byId(String id) {
        return byIds(List.of(id)).stream().findFirst().orElse(null);
    }

    Existing existing(String id) {
        return neo4j.query(EXISTING).bind(id).to("id").fetchAs(Existing.class)
                .mappedBy((types, row) -> new Existing(row.get("key").asString(), row.get("date").asLocalDate(),
                        row.get("leaderIds").asList(Value::asString), row.get("metAdviserIds").asList(Value::asString)))
                .one().orElse(null);
    }

    Connection<Activity> ofAdviser(String adviserId, Period period, PageRequest page) {
        var parameters = new java.util.HashMap<String, Object>(Keyset.parameters(page));
        parameters.putAll(Map.of("adviserId", adviserId, "from", period.from(), "to", period.to()));
        record Row(String sort, Activity activity) {
        }
        record Answer(long total, List<Row> rows) {
        }
        var answer = neo4j.query(OF_ADVISER).bindAll(parameters).fetchAs(Answer.class)
                .mappedBy((types, row) -> new Answer(row.get("total").asLong(), row.get("activities")
                        .asList(v -> new Row(v.get("sort").asString(), activity(v.get("activity"))))))
                .one().orElse(new Answer(0, List.of()));
        return Connection.of(answer.rows(), page, answer.total(),
                row -> Keyset.key(row.sort(), row.activity().id())).map(Row::activity);
    }

    static Activity activity(Value x) {
        return new Activity(x.get("id").asString(), ActivityKind.valueOf(x.get("kind").asString()),
                ActivityStatus.valueOf(x.get("status").asString()), x.get("date").asLocalDate(),
                x.get("durationMinutes").isNull() ? null : x.get("durationMinutes").asInt(),
                x.get("title").asString(null), x.get("participants").asInt(0),
                x.get("structures").isNull() ? null : x.get("structures").asInt(),
                x.get("themes").asList(v -> MediationTheme.valueOf(v.asString())),
                x.get("publics").asList(v -> ActivityPublic.valueOf(v.asString())), x.get("communeCode").asString(),
                x.get("epciCode").asString(null), x.get("departmentCode").asString(null),
                x.get("regionCode").asString(null), x.get("placeId").asString(null),
                x.get("leaderIds").asList(Value::asString), x.get("metAdviserIds").asList(Value::asString),
                x.get("partnerIds").asList(Value::asString), x.get("source").asString(""));
    }
}
