package fr.maillage.activities;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import fr.maillage.activities.ActivityModel.Period;
import fr.maillage.network.AdviserDay;
import fr.maillage.network.NetworkRepository;
import fr.maillage.security.Access;
import fr.maillage.security.Caller;
import fr.maillage.security.ForbiddenException;
import fr.maillage.validation.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * Who reads the figures of coordinators and the activities of advisers over a period: who sees their personal data
 * (ANCT, the prefecture, SGAR and hub of their territory, their coordinator, their employer) as they were on the last
 * day of the period, and on its first day too if they worked then: a new employer does not read what an adviser did
 * for the former one. Refused alike whether they exist.
 */
@Component
class ActivityAccess {

    static final int MAX_COORDINATORS = 10;

    private final NetworkRepository network;
    private final ActivityFigures figures;
    private final Clock clock;

    ActivityAccess(NetworkRepository network, ActivityFigures figures, Clock clock) {
        this.network = network;
        this.figures = figures;
        this.clock = clock;
    }

    /** The caller must see each adviser of {@code ids} over {@code period}: FORBIDDEN otherwise. */
    void requireSeesEach(List<String> ids, Period period) {
        if (seen(ids, period).size() != new LinkedHashSet<>(ids).size()) {
            throw new ForbiddenException();
        }
    }

    /** Of the advisers {@code ids}, those the caller sees over {@code period}, in one read. */
    List<String> seen(List<String> ids, Period period) {
        var caller = Caller.current();
        if (caller.national()) {
            return List.copyOf(new LinkedHashSet<>(ids));
        }
        var today = LocalDate.now(clock);
        var last = period.to().isAfter(today) && !period.from().isAfter(today) ? today : period.to();
        var pairs = new ArrayList<AdviserDay>();
        for (var id : new LinkedHashSet<>(ids)) {
            pairs.add(new AdviserDay(id, period.from()));
            pairs.add(new AdviserDay(id, last));
        }
        var scopes = network.adviserScopesOn(pairs);
        var seen = new ArrayList<String>();
        for (int i = 0; i < pairs.size(); i += 2) {
            var first = scopes.get(pairs.get(i));
            var end = scopes.get(pairs.get(i + 1));
            boolean workedAtTheStart = first != null && !first.sirets().isEmpty();
            if (end != null && Access.seesPersonalData(caller, end)
                    && (!workedAtTheStart || Access.seesPersonalData(caller, first))) {
                seen.add(pairs.get(i).adviserId());
            }
        }
        return seen;
    }

    /** 1 to 10 coordinators the caller sees over {@code period}, each a coordinator. */
    void requireCoordinators(List<String> ids, Period period) {
        if (ids.isEmpty() || ids.size() > MAX_COORDINATORS) {
            throw new InvalidInputException("coordinatorIds", "de 1 à " + MAX_COORDINATORS + " coordinateurs");
        }
        requireSeesEach(ids, period);
        var notCoordinators = figures.notCoordinators(ids);
        if (!notCoordinators.isEmpty()) {
            throw new InvalidInputException("coordinatorIds", "pas un coordinateur : " + String.join(", ", notCoordinators));
        }
    }
}
