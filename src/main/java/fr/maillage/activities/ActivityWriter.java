package fr.maillage.activities;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.maillage.activities.ActivityModel.Activity;
import fr.maillage.activities.ActivityVocabulary.ActivityKind;
import fr.maillage.activities.ActivityVocabulary.ActivityPublic;
import fr.maillage.activities.ActivityVocabulary.ActivityStatus;
import fr.maillage.activities.ActivityVocabulary.MediationTheme;
import fr.maillage.database.Cypher;
import fr.maillage.database.RetriedOnConflict;
import fr.maillage.activities.ActivityRules.Whereabouts;
import fr.maillage.network.AdviserDay;
import fr.maillage.network.NetworkRepository;
import fr.maillage.security.Caller;
import fr.maillage.security.Scope;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.validation.Validation;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records, replaces and removes activities through the API; each method one transaction, its access checked on who
 * led the activity (before and after) before anything is looked up, then its fields, then one write.
 */
@Service
@Transactional
@RetriedOnConflict
class ActivityWriter {

    /** What the checks of an input need from the graph, in one statement. */
    private static final String LOOKUP = """
            RETURN EXISTS { MATCH (:Commune {code: $communeCode}) } AS communeExists,
              COLLECT { MATCH (p:Place {id: $placeId}) RETURN p.communeCode }[0] AS placeCommune,
              [id IN $partnerIds WHERE NOT EXISTS { MATCH (:Partner {id: id}) }] AS missingPartners,
              [id IN $adviserIds WHERE NOT EXISTS { MATCH (:Adviser {id: id}) }] AS missingAdvisers""";

    private static final String REMOVE = "MATCH (x:Activity {id: $id}) DETACH DELETE x";

    /**
     * Takes the activity's write lock before it is read: a concurrent change or removal of it waits until this one
     * has committed, then reads what it left (a removed activity is not brought back by a change). Changes nothing.
     */
    private static final String LOCK = """
            MATCH (x:Activity {id: $id})
            SET x._lock = true
            REMOVE x._lock""";

    /** An activity as the API receives it. */
    record ActivityInput(ActivityKind kind, ActivityStatus status, LocalDate date, Integer durationMinutes,
            String title, Integer participants, Integer structures, List<MediationTheme> themes,
            List<ActivityPublic> publics, String communeCode, String placeId, List<String> leaderIds,
            List<String> metAdviserIds, List<String> partnerIds) {
    }

    private record Lookup(boolean communeExists, String placeCommune, List<String> missingPartners,
            List<String> missingAdvisers) {
    }

    private final Cypher cypher;
    private final Neo4jClient neo4j;
    private final NetworkRepository network;
    private final ActivityReader reader;
    private final Clock clock;

    ActivityWriter(Cypher cypher, Neo4jClient neo4j, NetworkRepository network, ActivityReader reader, Clock clock) {
        this.cypher = cypher;
        this.neo4j = neo4j;
        this.network = network;
        this.reader = reader;
        this.clock = clock;
    }

    Activity record(ActivityInput input) {
        requireAcceptableLists(input);
        requireRecorder(null, input, false);
        var id = UUID.randomUUID().toString();
        var activity = record(id, ActivityKeys.sourceKey("maillage", id), input);
        requireWhereabouts(activity);
        write(activity);
        return reader.byId(id);
    }

    /**
     * An unknown id is refused as an activity of others is (FORBIDDEN), but to ANCT, which may change any: ids do not
     * tell which activities exist.
     */
    Activity update(String id, ActivityInput input) {
        requireAcceptableLists(input);
        cypher.run(LOCK, Cypher.parameters("id", id));
        var existing = reader.existing(id);
        requireRecorder(existing, input, true);
        if (existing == null) {
            throw new InvalidInputException("id", "aucune activité " + id);
        }
        var activity = record(id, existing.key(), input);
        requireWhereabouts(activity);
        write(activity);
        return reader.byId(id);
    }

    String remove(String id) {
        ActivityRules.recording(List.of()).require();
        cypher.run(LOCK, Cypher.parameters("id", id));
        var existing = reader.existing(id);
        var scopes = scopes(existing, null); // read even for an unknown id: the same cost as a hidden one
        ActivityRules.recording(existing == null ? nowhere() : scopes).require();
        if (existing == null) {
            throw new InvalidInputException("id", "aucune activité " + id);
        }
        cypher.run(REMOVE, Cypher.parameters("id", id));
        return id;
    }

    /** A recorder's role, and lists of acceptable sizes: checked before anything is read. */
    private static void requireAcceptableLists(ActivityInput input) {
        ActivityRules.recording(List.of()).require();
        ActivityRules.sizes(new Validation(), "input.", list(input.leaderIds()).size(),
                list(input.metAdviserIds()).size(), list(input.partnerIds()).size()).orThrow();
    }

    /**
     * The caller must be allowed for every adviser the activity names, before and after the change, each as it was on
     * the day of the activity (an adviser's new employer does not take over what it did for the former one): those who
     * led it and those it met (a coordinator lists only advisers it coordinates). The same answer whether or not they
     * exist; an unknown activity lies nowhere.
     */
    private void requireRecorder(ActivityReader.Existing existing, ActivityInput input, boolean updating) {
        var scopes = scopes(existing, input);
        if (updating && existing == null) {
            scopes.add(null);
        }
        ActivityRules.recording(scopes).require();
    }

    private void requireWhereabouts(ActivityRecord activity) {
        if (Caller.current().national()) {
            return;
        }
        var row = Cypher.parameters("line", 0, "leaderIds", activity.leaderIds(), "date", activity.date(),
                "communeCode", activity.communeCode(), "placeId", activity.placeId(), "partnerIds", activity.partnerIds());
        var whereabouts = neo4j.query(ActivityStatements.WHEREABOUTS).bind(List.of(row)).to("rows")
                .fetchAs(Whereabouts.class).mappedBy((types, r) -> new Whereabouts(r.get("communeWithinReach").asBoolean(),
                        r.get("placeOfALeader").asBoolean(), r.get("partnersWithinReach").asBoolean()))
                .one().orElseThrow();
        ActivityRules.recording(List.of(), whereabouts).require();
    }

    /** The scopes of the advisers named by {@code existing} on its day and by {@code input} on its day, in one read. */
    private List<Scope> scopes(ActivityReader.Existing existing, ActivityInput input) {
        var pairs = new LinkedHashSet<AdviserDay>();
        if (existing != null) {
            existing.leaderIds().forEach(id -> pairs.add(new AdviserDay(id, existing.date())));
            existing.metAdviserIds().forEach(id -> pairs.add(new AdviserDay(id, existing.date())));
        }
        if (input != null) {
            distinct(input.leaderIds()).forEach(id -> pairs.add(new AdviserDay(id, input.date())));
            distinct(input.metAdviserIds()).forEach(id -> pairs.add(new AdviserDay(id, input.date())));
        }
        var found = network.adviserScopesOn(pairs);
        var scopes = new ArrayList<Scope>();
        pairs.forEach(pair -> scopes.add(found.get(pair)));
        return scopes;
    }

    private ActivityRecord record(String id, String key, ActivityInput input) {
        var kind = input.kind();
        int participants = input.participants() != null ? input.participants()
                : kind == ActivityKind.INDIVIDUAL_ACCOMPANIMENT ? 1 : 0;
        var leaders = distinct(input.leaderIds());
        var met = distinct(input.metAdviserIds());
        var partners = distinct(input.partnerIds());
        var placeId = Validation.trimToNull(input.placeId());
        var communeCode = Validation.trimToNull(input.communeCode());
        var lookup = neo4j.query(LOOKUP).bindAll(Cypher.parameters("communeCode", communeCode, "placeId", placeId,
                "partnerIds", partners, "adviserIds", List.copyOf(new LinkedHashSet<>(concat(leaders, met)))))
                .fetchAs(Lookup.class)
                .mappedBy((types, row) -> new Lookup(row.get("communeExists").asBoolean(),
                        row.get("placeCommune").asString(null), row.get("missingPartners").asList(Value::asString),
                        row.get("missingAdvisers").asList(Value::asString)))
                .one().orElseThrow();
        var v = new Validation();
        if (placeId != null && lookup.placeCommune() == null) {
            v.problem("input.placeId", "aucun lieu " + placeId);
        }
        if (communeCode == null) {
            communeCode = lookup.placeCommune();
            v.check(communeCode != null || placeId != null, "input.communeCode",
                    "obligatoire sans lieu (code INSEE de la commune, ex. 2A004)");
        } else {
            v.check(lookup.communeExists(), "input.communeCode", "aucune commune de code INSEE « " + communeCode + " »");
            v.check(lookup.placeCommune() == null || lookup.placeCommune().equals(communeCode), "input.communeCode",
                    "le lieu " + placeId + " est dans la commune " + lookup.placeCommune());
        }
        for (var missing : lookup.missingAdvisers()) {
            v.problem(leaders.contains(missing) ? "input.leaderIds" : "input.metAdviserIds",
                    "aucun conseiller " + missing);
        }
        for (var missing : lookup.missingPartners()) {
            v.problem("input.partnerIds", "aucun partenaire " + missing);
        }
        var title = Validation.trimToNull(input.title());
        var activity = new ActivityRecord(id, key, "maillage", null, kind,
                input.status() == null ? ActivityStatus.HELD : input.status(), input.date(), input.durationMinutes(),
                title, participants, input.structures(), list(input.themes()), list(input.publics()), communeCode,
                placeId, leaders, met, partners);
        ActivityRules.check(v, "input.", activity, LocalDate.now(clock));
        v.orThrow();
        return activity;
    }

    private void write(ActivityRecord activity) {
        cypher.run(ActivityStatements.UPSERT, Map.of("rows", List.of(activity.row())));
    }

    private static List<Scope> nowhere() {
        var none = new ArrayList<Scope>();
        none.add(null);
        return none;
    }

    private static <T> List<T> list(List<T> values) {
        return values == null ? List.of() : values.stream().filter(java.util.Objects::nonNull).toList();
    }

    private static List<String> distinct(List<String> ids) {
        return list(ids).stream().map(String::strip).filter(id -> !id.isEmpty()).distinct().toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
