package fr.maillage.activities;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;

import fr.maillage.activities.ActivityModel.Activity;
import fr.maillage.activities.ActivityModel.CoordinatorActivity;
import fr.maillage.activities.ActivityModel.HubActivity;
import fr.maillage.activities.ActivityModel.MediationThemeEntry;
import fr.maillage.activities.ActivityModel.Period;
import fr.maillage.activities.ActivityModel.TerritoryActivity;
import fr.maillage.activities.ActivityPeriods.PeriodInput;
import fr.maillage.activities.ActivityVocabulary.MediationTheme;
import fr.maillage.activities.ActivityWriter.ActivityInput;
import fr.maillage.graphql.Connection;
import fr.maillage.graphql.PageRequest;
import fr.maillage.security.Caller;
import fr.maillage.security.ForbiddenException;
import fr.maillage.security.PersonalDataAudit;
import fr.maillage.security.Role;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.validation.InvalidInputException;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * The activities API: a territory's figures (public aggregates), an adviser's activities and coordinators' figures
 * (for who sees their personal data), a region's for its hub, and the mutations that record activities.
 */
@Controller
class ActivityController {

    static final int MAX_PAGE = 100;

    private final ActivityFigures figures;
    private final ActivityReader reader;
    private final ActivityWriter writer;
    private final ActivityAccess access;
    private final Clock clock;

    ActivityController(ActivityFigures figures, ActivityReader reader, ActivityWriter writer, ActivityAccess access,
            Clock clock) {
        this.figures = figures;
        this.reader = reader;
        this.writer = writer;
        this.access = access;
        this.clock = clock;
    }

    @QueryMapping
    List<MediationThemeEntry> activityThemes() {
        return Stream.of(MediationTheme.values()).map(MediationThemeEntry::new).toList();
    }

    @QueryMapping
    TerritoryActivity territoryActivity(@Argument TerritoryLevel level, @Argument String code,
            @Argument PeriodInput period) {
        return figures.ofTerritory(new TerritoryRef(level, code), period(period));
    }

    @QueryMapping
    Connection<Activity> adviserActivities(@Argument String adviserId, @Argument PeriodInput period,
            @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        var checked = period(period);
        access.requireSeesEach(List.of(adviserId), checked);
        var page = PageRequest.of(first, after, MAX_PAGE);
        var answer = reader.ofAdviser(adviserId, checked, page);
        PersonalDataAudit.read(env.getGraphQlContext(), adviserId);
        return answer;
    }

    @QueryMapping
    CoordinatorActivity coordinatorActivity(@Argument List<String> coordinatorIds, @Argument PeriodInput period,
            DataFetchingEnvironment env) {
        var ids = List.copyOf(new LinkedHashSet<>(coordinatorIds));
        var checked = period(period);
        access.requireCoordinators(ids, checked);
        var answer = figures.ofCoordinators(List.of(ids), checked).get(0);
        ids.forEach(id -> PersonalDataAudit.read(env.getGraphQlContext(), id));
        return answer;
    }

    @QueryMapping
    HubActivity hubActivity(@Argument String regionCode, @Argument PeriodInput period, DataFetchingEnvironment env) {
        var caller = Caller.current();
        boolean allowed = caller.national()
                || (caller.has(Role.HUB) || caller.has(Role.SGAR)) && caller.regions().contains(regionCode);
        if (!allowed) {
            throw new ForbiddenException();
        }
        var checked = period(period);
        var region = figures.ofTerritory(new TerritoryRef(TerritoryLevel.REGION, regionCode), checked);
        if (region == null) {
            throw new InvalidInputException("regionCode", "aucune région de code « " + regionCode + " »");
        }
        // only the coordinators whose own figures the caller may read (a hub reads those of its region)
        var coordinatorIds = access.seen(figures.coordinatorsOfRegion(regionCode), checked);
        var coordinators = figures.ofCoordinators(ActivityFigures.singletons(coordinatorIds), checked);
        coordinatorIds.forEach(id -> PersonalDataAudit.read(env.getGraphQlContext(), id));
        return new HubActivity(regionCode, checked.from(), checked.to(), region, coordinators);
    }

    @MutationMapping
    Activity recordActivity(@Argument ActivityInput input) {
        return writer.record(input);
    }

    @MutationMapping
    Activity updateActivity(@Argument String id, @Argument ActivityInput input) {
        return writer.update(id, input);
    }

    @MutationMapping
    String removeActivity(@Argument String id) {
        return writer.remove(id);
    }

    private Period period(PeriodInput period) {
        return ActivityPeriods.of(period, LocalDate.now(clock));
    }
}
