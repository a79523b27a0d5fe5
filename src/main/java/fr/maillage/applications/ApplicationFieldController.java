package fr.maillage.applications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationModel.ApplicationEvent;
import fr.maillage.applications.ApplicationModel.Campaign;
import fr.maillage.applications.ApplicationModel.Consultation;
import fr.maillage.applications.ApplicationModel.CoordinatorOverlap;
import fr.maillage.applications.ApplicationModel.Perimeter;
import fr.maillage.applications.ApplicationModel.PrefectureOpinion;
import fr.maillage.network.NetworkMapper;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Coordinator;
import fr.maillage.network.NetworkModel.Employer;
import fr.maillage.network.NetworkRepository;
import fr.maillage.territories.Prefecture;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryRef;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * The nested fields of applications and of what they list, batch-loaded: one statement for all the applications of a
 * page.
 */
@Controller
class ApplicationFieldController {

    private static final String CONSULTATIONS = "applicationConsultations";

    private final CampaignReader campaigns;
    private final ApplicationDetailsReader details;
    private final NetworkRepository network;
    private final Clock clock;

    ApplicationFieldController(CampaignReader campaigns, ApplicationDetailsReader details, NetworkRepository network,
            Clock clock, BatchLoaderRegistry loaders) {
        this.campaigns = campaigns;
        this.details = details;
        this.network = network;
        this.clock = clock;
        // one walk of each zone per request, shared by consultations and consultationsMissing
        loaders.<String, List<Consultation>>forName(CONSULTATIONS).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> details.consultations(ids, today())));
    }

    @BatchMapping(typeName = "CoordinatorApplication")
    Map<Application, Campaign> campaign(List<Application> parents) {
        var found = this.campaigns.campaigns(parents.stream().map(Application::campaignCode).distinct().toList());
        return byParent(parents, a -> found.get(a.campaignCode()));
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

    @BatchMapping(typeName = "CoordinatorApplication")
    Map<Application, List<PrefectureOpinion>> opinions(List<Application> parents) {
        var found = details.opinions(ids(parents));
        return byParent(parents, a -> found.getOrDefault(a.id(), List.of()));
    }

    @BatchMapping(typeName = "CoordinatorApplication")
    Map<Application, List<CoordinatorOverlap>> coordinatorsInZone(List<Application> parents) {
        var found = details.overlaps(ids(parents), today());
        return byParent(parents, a -> found.getOrDefault(a.id(), List.of()));
    }

    @BatchMapping(typeName = "CoordinatorApplication")
    Map<Application, List<ApplicationEvent>> history(List<Application> parents) {
        var found = details.history(ids(parents));
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

    private Map<Application, Adviser> advisers(List<Application> parents, Function<Application, String> id) {
        var ids = parents.stream().map(id).filter(Objects::nonNull).distinct().toList();
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
}
