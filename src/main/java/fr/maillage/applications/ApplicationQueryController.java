package fr.maillage.applications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

import fr.maillage.applications.ApplicationInputs.ApplicationInput;
import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationModel.ApplicationPreview;
import fr.maillage.applications.ApplicationModel.ApplicationQueue;
import fr.maillage.applications.ApplicationReader.Queue;
import fr.maillage.applications.ApplicationRules.ApplicationStatus;
import fr.maillage.graphql.ApiProperties;
import fr.maillage.graphql.Connection;
import fr.maillage.graphql.PageRequest;
import fr.maillage.security.Caller;
import fr.maillage.security.ForbiddenException;
import fr.maillage.security.Role;
import fr.maillage.territories.TerritoryRef;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/**
 * Coordinator applications over GraphQL: one, a filtered page, a prefecture's list, the ANCT queue; each filtered to
 * what the caller may see (the employer, the prefectures and SGAR of the zone, the hub of its region, ANCT).
 */
@Controller
class ApplicationQueryController {

    private final ApplicationReader applications;
    private final DraftCommands drafts;
    private final ApiProperties limits;
    private final Clock clock;

    ApplicationQueryController(ApplicationReader applications, DraftCommands drafts, ApiProperties limits,
            Clock clock) {
        this.applications = applications;
        this.drafts = drafts;
        this.limits = limits;
        this.clock = clock;
    }

    /** The draft mutation's answer to a form being filled in, nothing written; refused as the draft would be. */
    @QueryMapping
    ApplicationPreview previewCoordinatorApplication(@Argument ApplicationInput input) {
        return drafts.preview(input);
    }

    /** Null when it does not exist or the caller may not see it: the same answer for both. */
    @QueryMapping
    Application coordinatorApplication(@Argument String id) {
        var caller = authenticated();
        return applications.visible(id, caller) ? applications.application(id) : null;
    }

    @QueryMapping
    Connection<Application> coordinatorApplications(@Argument String campaignCode, @Argument String employerId,
            @Argument List<ApplicationStatus> status, @Argument TerritoryRef within, @Argument Integer first,
            @Argument String after) {
        var caller = authenticated();
        var statuses = status == null ? null : status.stream().map(Enum::name).toList();
        return applications.list(new ApplicationReader.Filter(campaignCode, employerId, statuses, within), caller,
                page(first, after));
    }

    @QueryMapping
    Connection<Application> applicationsAwaitingOpinion(@Argument String departmentCode, @Argument Integer first,
            @Argument String after) {
        var caller = authenticated();
        var code = departmentCode.strip().toUpperCase();
        if (!caller.national() && !(caller.has(Role.PREFECTURE) && caller.departments().contains(code))) {
            throw new ForbiddenException();
        }
        return applications.awaitingOpinion(code, caller, page(first, after));
    }

    @QueryMapping
    ApplicationQueue applicationQueue(@Argument String campaignCode, @Argument Integer first) {
        var caller = authenticated();
        if (!caller.national()) {
            throw new ForbiddenException();
        }
        var page = page(first, null);
        var today = LocalDate.now(clock);
        Function<Queue, Connection<Application>> list = queue -> applications.queue(queue, campaignCode, today,
                caller, page);
        return new ApplicationQueue(list.apply(Queue.AWAITING_OPINIONS), list.apply(Queue.AWAITING_DECISION),
                list.apply(Queue.AWAITING_NOTIFICATION), list.apply(Queue.NOTIFICATION_OVERDUE),
                list.apply(Queue.RECRUITMENT_OVERDUE), list.apply(Queue.PAYMENT_OVERDUE));
    }

    private PageRequest page(Integer first, String after) {
        return PageRequest.of(first, after, limits.maxPageSize());
    }

    private static Caller authenticated() {
        var caller = Caller.current();
        if (caller.anonymous()) {
            throw new ForbiddenException();
        }
        return caller;
    }
}
