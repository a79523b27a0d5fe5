package fr.maillage.activities;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.activities.ActivityModel.CoordinatorActivity;
import fr.maillage.activities.ActivityModel.EventsInEpci;
import fr.maillage.activities.ActivityModel.Figures;
import fr.maillage.activities.ActivityModel.PartnerActivity;
import fr.maillage.activities.ActivityModel.Period;
import fr.maillage.activities.ActivityModel.TerritoryActivity;
import fr.maillage.activities.ActivityModel.ThemeCount;
import fr.maillage.activities.ActivityVocabulary.MediationTheme;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.territories.TerritoryRepository;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures of held activities: of a territory beside its parent and France, with its sub-territories (one
 * statement), and of coordinators (one statement for any number of them). Aggregates, no personal data: callers
 * decide who reads the coordinators' figures.
 */
@Service
@Transactional(readOnly = true)
public class ActivityFigures {

    private final Neo4jClient neo4j;
    private final TerritoryRepository territories;

    ActivityFigures(Neo4jClient neo4j, TerritoryRepository territories) {
        this.neo4j = neo4j;
        this.territories = territories;
    }

    /** The activity of the territory {@code ref} over {@code period}; null when it does not exist. */
    public TerritoryActivity ofTerritory(TerritoryRef ref, Period period) {
        var territory = territories.find(ref);
        if (territory == null) {
            return null;
        }
        var parentRef = territory.comparisonParent();
        var parent = parentRef == null ? null : territories.find(parentRef);
        return ofTerritory(territory, parent, period);
    }

    /**
     * The activity of the territory {@code ref} beside its comparison parent {@code parentRef} (null: none) when the
     * caller knows both (a diagnosis); null when the territory does not exist.
     */
    public TerritoryActivity ofTerritory(TerritoryRef ref, TerritoryRef parentRef, Period period) {
        var found = territories.findAll(parentRef == null ? List.of(ref) : List.of(ref, parentRef));
        var territory = found.get(ref);
        return territory == null ? null
                : ofTerritory(territory, parentRef == null ? null : found.get(parentRef), period);
    }

    /** The activity of {@code territory} beside {@code parent} (null: none) and France, over {@code period}. */
    public TerritoryActivity ofTerritory(Territory territory, Territory parent, Period period) {
        var targets = new ArrayList<Map<String, Object>>();
        targets.add(target(territory, "own"));
        if (parent != null) {
            targets.add(target(parent, "parent"));
        }
        var france = new HashMap<String, Object>();
        france.put("level", "FRANCE");
        france.put("code", null);
        france.put("name", "France");
        france.put("population", null);
        france.put("role", "france");
        targets.add(france);
        var rows = neo4j.query(ActivityQueries.TERRITORY_FIGURES)
                .bindAll(Map.of("targets", targets, "level", territory.level().name(), "code", territory.code(),
                        "from", period.from(), "to", period.to(), "reachingPeople", ActivityQueries.reachingPeople()))
                .fetchAs(FigureRow.class).mappedBy((types, row) -> new FigureRow(row.get("role").asString(),
                        figures(row), themes(row.get("themes"))))
                .all();
        Figures own = null;
        Figures parentFigures = null;
        Figures franceFigures = null;
        List<ThemeCount> themes = List.of();
        var subTerritories = new ArrayList<Figures>();
        for (var row : rows) {
            switch (row.role()) {
                case "own" -> {
                    own = row.figures();
                    themes = row.themes();
                }
                case "parent" -> parentFigures = row.figures();
                case "france" -> franceFigures = row.figures();
                default -> subTerritories.add(row.figures());
            }
        }
        return new TerritoryActivity(period.from(), period.to(), own, parentFigures, franceFigures, themes,
                subTerritories);
    }

    /** The figures of each group of coordinators (their ids), in the order of {@code groups}. */
    public List<CoordinatorActivity> ofCoordinators(List<List<String>> groups, Period period) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return neo4j.query(ActivityQueries.COORDINATOR_FIGURES)
                .bindAll(Map.of("groups", groups, "from", period.from(), "to", period.to(),
                        "reachingPeople", ActivityQueries.reachingPeople(),
                        "meetingAdvisers", ActivityQueries.meetingAdvisers()))
                .fetchAs(CoordinatorActivity.class)
                .mappedBy((types, row) -> new CoordinatorActivity(groups.get(row.get("group").asInt()),
                        period.from(), period.to(), row.get("workshops").asLong(), row.get("eventDaysHeld").asLong(),
                        row.get("eventDaysPlanned").asLong(0), events(row.get("eventsByEpci")),
                        row.get("peopleHelped").asLong(), row.get("accompaniments").asLong(),
                        row.get("coordinationMeetings").asLong(), row.get("workingGroups").asLong(),
                        row.get("workingGroupSessions").asLong(), row.get("digitalCommons").asLong(),
                        row.get("digitalCommonTitles").asList(Value::asString).stream().sorted().toList(),
                        row.get("structuresMapped").asLong(), row.get("partnerMeetings").asLong(),
                        partners(row.get("partners")), row.get("advisersCoordinated").asLong(),
                        row.get("advisersMet").asLong(), themes(row.get("themes"))))
                .all().stream().toList();
    }

    /** Of {@code ids}, those that are not coordinators. */
    public List<String> notCoordinators(List<String> ids) {
        return List.copyOf(neo4j.query("UNWIND $ids AS id WITH id WHERE NOT EXISTS { MATCH (:Coordinator {id: id}) }"
                + " RETURN id").bind(ids).to("ids").fetchAs(String.class)
                .mappedBy((types, row) -> row.get("id").asString()).all());
    }

    /** The ids of the coordinators whose perimeter lies in region {@code regionCode}. */
    public List<String> coordinatorsOfRegion(String regionCode) {
        return List.copyOf(neo4j.query(ActivityQueries.COORDINATORS_OF_REGION).bind(regionCode).to("regionCode")
                .fetchAs(String.class).mappedBy((types, row) -> row.get("id").asString()).all());
    }

    private record FigureRow(String role, Figures figures, List<ThemeCount> themes) {
    }

    private static Map<String, Object> target(Territory territory, String role) {
        var target = new HashMap<String, Object>();
        target.put("level", territory.level().name());
        target.put("code", territory.code());
        target.put("name", territory.name());
        target.put("population", territory.population());
        target.put("role", role);
        return target;
    }

    private static Figures figures(org.neo4j.driver.Record row) {
        var level = row.get("level").asString();
        return new Figures("FRANCE".equals(level) ? null : TerritoryLevel.valueOf(level),
                row.get("code").asString(null), row.get("name").asString(""), row.get("population").asLong(0),
                row.get("peopleHelped").asLong(), row.get("accompaniments").asLong(), row.get("workshops").asLong(),
                row.get("eventDays").asLong(), row.get("activities").asLong(), row.get("minutes").asLong() / 60.0);
    }

    private static List<ThemeCount> themes(Value value) {
        return value.asList(v -> new ThemeCount(MediationTheme.valueOf(v.get("theme").asString()),
                v.get("activities").asLong()));
    }

    private static List<EventsInEpci> events(Value value) {
        return value.asList(v -> new EventsInEpci(v.get("epciCode").asString(null),
                v.get("epciName").asString("Hors EPCI"), v.get("planned").asLong(), v.get("held").asLong(),
                v.get("peopleHelped").asLong()));
    }

    private static List<PartnerActivity> partners(Value value) {
        return value.asList(v -> new PartnerActivity(v.get("partnerId").asString(), v.get("name").asString(""),
                v.get("kind").asString(""), v.get("activities").asLong()));
    }

    static List<List<String>> singletons(Collection<String> ids) {
        return ids.stream().map(List::of).toList();
    }
}
