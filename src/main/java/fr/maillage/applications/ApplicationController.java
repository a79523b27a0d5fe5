package fr.maillage.applications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import fr.maillage.applications.ApplicationInputs.ApplicationInput;
import fr.maillage.applications.ApplicationInputs.CampaignInput;
import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationModel.ApplicationEvent;
import fr.maillage.applications.ApplicationModel.ApplicationQueue;
import fr.maillage.applications.ApplicationModel.Campaign;
import fr.maillage.applications.ApplicationModel.Consultation;
import fr.maillage.applications.ApplicationModel.CoordinatorOverlap;
import fr.maillage.applications.ApplicationModel.Perimeter;
import fr.maillage.applications.ApplicationModel.PrefectureOpinion;
import fr.maillage.applications.ApplicationModel.SubsidySummary;
import fr.maillage.applications.ApplicationModel.SubsidyTotal;
import fr.maillage.applications.ApplicationRepository.Queue;
import fr.maillage.applications.ApplicationRules.ApplicationDecision;
import fr.maillage.applications.ApplicationRules.ApplicationStatus;
import fr.maillage.applications.ApplicationRules.ConsultationAnswer;
import fr.maillage.graphql.ApiProperties;
import fr.maillage.graphql.Connection;
import fr.maillage.graphql.InvalidInputException;
import fr.maillage.graphql.PageRequest;
import fr.maillage.network.NetworkMapper;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Coordinator;
import fr.maillage.network.NetworkModel.Employer;
import fr.maillage.network.NetworkRepository;
import fr.maillage.security.Caller;
import fr.maillage.security.ForbiddenException;
import fr.maillage.security.Role;
import fr.maillage.territories.Prefecture;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Campaigns and coordinator applications over GraphQL. Lists are filtered to what the caller may see (the employer,
 * the prefectures and SGAR of the zone, the hub of its region, ANCT); nested lists are batch-loaded, one statement for
 * all the applications of a page.
 */
@Controller
class ApplicationController {

    private final ApplicationRepository applications;
    private final ApplicationWorkflow workflow;
    private final NetworkRepository network;
    private final ApiProperties limits;
    private final Clock clock;

    ApplicationController(ApplicationRepository applications, ApplicationWorkflow workflow, NetworkRepository network,
            ApiProperties limits, Clock clock, BatchLoaderRegistry loaders) {
        this.applications = applications;
        this.workflow = workflow;
        this.network = network;
        this.limits = limits;
        this.clock = clock;
        // one walk of each zone per request, shared by consultations and consultationsMissing
        loaders.<String, List<Consultation>>forName(CONSULTATIONS).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> applications.consultations(ids, today())));
    }

    private static final String CONSULTATIONS = "applicationConsultations";

    // Queries

    @QueryMapping
    List<Campaign> campaigns() {
        return applications.campaigns();
    }

    @QueryMapping
    Campaign campaign(@Argument String code) {
        return code == null ? null : applications.campaign(code.strip().toUpperCase());
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
        return applications.list(new ApplicationRepository.Filter(campaignCode, employerId, statuses, within), caller,
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
        var today = today();
        Function<Queue, Connection<Application>> list = queue -> applications.queue(queue, campaignCode, today,
                caller, page);
        return new ApplicationQueue(list.apply(Queue.AWAITING_OPINIONS), list.apply(Queue.AWAITING_DECISION),
                list.apply(Queue.AWAITING_NOTIFICATION), list.apply(Queue.NOTIFICATION_OVERDUE),
                list.apply(Queue.RECRUITMENT_OVERDUE), list.apply(Queue.PAYMENT_OVERDUE));
    }

    @QueryMapping
    SubsidySummary subsidies(@Argument String campaignCode, @Argument TerritoryLevel groupBy) {
        var code = campaignCode.strip().toUpperCase();
        if (applications.campaign(code) == null) {
            throw new InvalidInputException("campaignCode", "aucune campagne de code " + code);
        }
        var level = groupBy == null ? TerritoryLevel.REGION : groupBy;
        if (level != TerritoryLevel.REGION && level != TerritoryLevel.DEPARTMENT) {
            throw new InvalidInputException("groupBy", "REGION ou DEPARTMENT (les subventions vont à la structure porteuse)");
        }
        return applications.subsidies(code, level);
    }

    // Mutations

    @MutationMapping
    Campaign createCampaign(@Argument CampaignInput input) {
        return workflow.createCampaign(input);
    }

    @MutationMapping
    Application draftCoordinatorApplication(@Argument ApplicationInput input) {
        return workflow.draft(input);
    }

    @MutationMapping
    Application updateCoordinatorApplication(@Argument String id, @Argument ApplicationInput input) {
        return workflow.update(id, input);
    }

    @MutationMapping
    Application recordConsultation(@Argument String applicationId, @Argument String employerId,
            @Argument ConsultationAnswer answer, @Argument String comment, @Argument LocalDate on) {
        return workflow.recordConsultation(applicationId, employerId, answer, comment, on);
    }

    @MutationMapping
    Application submitCoordinatorApplication(@Argument String id, @Argument LocalDate on) {
        return workflow.submit(id, on);
    }

    @MutationMapping
    Application withdrawCoordinatorApplication(@Argument String id, @Argument String reason, @Argument LocalDate on) {
        return workflow.withdraw(id, reason, on);
    }

    @MutationMapping
    Application givePrefectureOpinion(@Argument String id, @Argument String departmentCode,
            @Argument Boolean favourable, @Argument String comment, @Argument LocalDate on) {
        return workflow.giveOpinion(id, departmentCode, favourable, comment, on);
    }

    @MutationMapping
    Application decideCoordinatorApplication(@Argument String id, @Argument ApplicationDecision decision,
            @Argument String comment, @Argument LocalDate on) {
        return workflow.decide(id, decision, comment, on);
    }

    @MutationMapping
    Application notifyCoordinatorApplication(@Argument String id, @Argument LocalDate on) {
        return workflow.notifyDecision(id, on);
    }

    @MutationMapping
    Application recordCoordinatorRecruitment(@Argument String id, @Argument String adviserId, @Argument LocalDate on) {
        return workflow.recordRecruitment(id, adviserId, on);
    }

    @MutationMapping
    Application recordConventionSignature(@Argument String id, @Argument LocalDate on) {
        return workflow.recordConventionSignature(id, on);
    }

    @MutationMapping
    Application recordSubsidyPayment(@Argument String id, @Argument LocalDate on) {
        return workflow.recordSubsidyPayment(id, on);
    }

    // Nested fields

    @BatchMapping(typeName = "CoordinatorApplication")
    Map<Application, Campaign> campaign(List<Application> parents) {
        var campaigns = applications.campaigns(parents.stream().map(Application::campaignCode).distinct().toList());
        return byParent(parents, a -> campaigns.get(a.campaignCode()));
    }

    @BatchMapping(typeName = "CoordinatorApplication")
    Map<Application, Employer> employer(List<Application> parents) {
        var employers = network.byIds("Employer", parents.stream().map(Application::employerId).distinct().toList(),
                NetworkMapper::employer);
        return byParent(parents, a -> employers.get(a.employerId()));
    }

    @BatchMapping(typeName = "CoordinatorApplication")
    Map<Application, Adviser> existingPost(List<Application> parents) {
        return advisers(parents, Application::existingPostAdviserId);
    }

    @BatchMapping(typeName = "CoordinatorApplication")
    Map<Application, Adviser> coordinator(List<Application> parents) {
        return advisers(parents, Application::coordinatorId);
    }

    @SchemaMapping(typeName = "CoordinatorApplication", field = "consultations")
    CompletableFuture<List<Consultation>> consultations(Application application, DataFetchingEnvironment env) {
        DataLoader<String, List<Consultation>> loader = env.getDataLoader(CONSULTATIONS);
        return loader.load(application.id()).thenApply(found -> found == null ? List.of() : found);
    }

    @SchemaMapping(typeName = "CoordinatorApplication", field = "consultationsMissing")
    CompletableFuture<Integer> consultationsMissing(Application application, DataFetchingEnvironment env) {
        return consultations(application, env).thenApply(found -> (int) found.stream().filter(c -> !c.done()).count());
    }

    @SchemaMapping(typeName = "CoordinatorApplication", field = "overdue")
    List<String> overdue(Application application) {
        return application.overdueOn(today());
    }

    @SchemaMapping(typeName = "Campaign", field = "open")
    boolean open(Campaign campaign) {
        return campaign.openOn(today());
    }

    @BatchMapping(typeName = "CoordinatorApplication")
    Map<Application, List<PrefectureOpinion>> opinions(List<Application> parents) {
        var found = applications.opinions(ids(parents));
        return byParent(parents, a -> found.getOrDefault(a.id(), List.of()));
    }

    @BatchMapping(typeName = "CoordinatorApplication")
    Map<Application, List<CoordinatorOverlap>> coordinatorsInZone(List<Application> parents) {
        var found = applications.overlaps(ids(parents), today());
        return byParent(parents, a -> found.getOrDefault(a.id(), List.of()));
    }

    @BatchMapping(typeName = "CoordinatorApplication")
    Map<Application, List<ApplicationEvent>> history(List<Application> parents) {
        var found = applications.history(ids(parents));
        return byParent(parents, a -> found.getOrDefault(a.id(), List.of()));
    }

    @SchemaMapping(typeName = "ApplicationPerimeter", field = "territories")
    CompletableFuture<List<Territory>> perimeterTerritories(Perimeter perimeter,
            DataLoader<TerritoryRef, Territory> loader) {
        return loader.loadMany(perimeter.territories());
    }

    @BatchMapping(typeName = "Consultation", field = "employer")
    Map<Consultation, Employer> consultedEmployer(List<Consultation> consultations) {
        var employers = network.byIds("Employer", consultations.stream().map(Consultation::employerId).distinct()
                .toList(), NetworkMapper::employer);
        var result = new LinkedHashMap<Consultation, Employer>();
        consultations.forEach(c -> result.put(c, employers.get(c.employerId())));
        return result;
    }

    @SchemaMapping(typeName = "PrefectureOpinion", field = "prefecture")
    CompletableFuture<Prefecture> opinionPrefecture(PrefectureOpinion opinion, DataLoader<String, Prefecture> loader) {
        return loader.load(opinion.departmentCode());
    }

    @BatchMapping(typeName = "CoordinatorOverlap", field = "coordinator")
    Map<CoordinatorOverlap, Coordinator> overlapCoordinator(List<CoordinatorOverlap> overlaps) {
        var advisers = network.byIds("Adviser", overlaps.stream().map(CoordinatorOverlap::coordinatorId).distinct()
                .toList(), NetworkMapper::adviser);
        var result = new LinkedHashMap<CoordinatorOverlap, Coordinator>();
        overlaps.forEach(o -> result.put(o, new Coordinator(advisers.get(o.coordinatorId()))));
        return result;
    }

    @SchemaMapping(typeName = "SubsidySummary", field = "campaign")
    Campaign subsidyCampaign(SubsidySummary summary) {
        return applications.campaign(summary.campaignCode());
    }

    @SchemaMapping(typeName = "SubsidyTotal", field = "territory")
    CompletableFuture<Territory> subsidyTerritory(SubsidyTotal total, DataLoader<TerritoryRef, Territory> loader) {
        return total.territory() == null || total.territory().code() == null ? CompletableFuture.completedFuture(null)
                : loader.load(total.territory());
    }

    // Helpers

    private Map<Application, Adviser> advisers(List<Application> parents, Function<Application, String> id) {
        var ids = parents.stream().map(id).filter(java.util.Objects::nonNull).distinct().toList();
        var advisers = ids.isEmpty() ? Map.<String, Adviser>of() : network.byIds("Adviser", ids, NetworkMapper::adviser);
        return byParent(parents, a -> id.apply(a) == null ? null : advisers.get(id.apply(a)));
    }

    private static <T> Map<Application, T> byParent(List<Application> parents, Function<Application, T> value) {
        var result = new HashMap<Application, T>();
        parents.forEach(a -> result.put(a, value.apply(a)));
        return result;
    }

    private static List<String> ids(List<Application> parents) {
        return new ArrayList<>(parents.stream().map(Application::id).distinct().toList());
    }

    private LocalDate today() {
        return LocalDate.now(clock);
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
