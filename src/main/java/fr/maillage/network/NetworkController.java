package fr.maillage.network;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import fr.maillage.graphql.ApiProperties;
import fr.maillage.graphql.Connection;
import fr.maillage.graphql.InvalidInputException;
import fr.maillage.graphql.PageRequest;
import fr.maillage.network.NetworkEnums.LegalKind;
import fr.maillage.network.NetworkEnums.PartnerKind;
import fr.maillage.network.NetworkEnums.Scheme;
import fr.maillage.network.NetworkEnums.Sector;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Contract;
import fr.maillage.network.NetworkModel.Coordinator;
import fr.maillage.network.NetworkModel.Employer;
import fr.maillage.network.NetworkModel.Governance;
import fr.maillage.network.NetworkModel.GovernanceMember;
import fr.maillage.network.NetworkModel.Hub;
import fr.maillage.network.NetworkModel.Partner;
import fr.maillage.network.NetworkModel.PartnerLink;
import fr.maillage.network.NetworkModel.Place;
import fr.maillage.network.NetworkModel.PlaceAssignment;
import fr.maillage.network.NetworkRepository.AdviserPage;
import fr.maillage.network.NetworkRepository.AdviserPageResult;
import fr.maillage.security.Access;
import fr.maillage.security.Caller;
import fr.maillage.security.ForbiddenException;
import fr.maillage.security.PersonalDataAudit;
import fr.maillage.security.Scope;
import fr.maillage.territories.Commune;
import fr.maillage.territories.Department;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Reads of the network over GraphQL. Nested fields are batch-loaded: one statement per field for a whole page of
 * parents.
 */
@Controller
class NetworkController {

    private final NetworkRepository network;
    private final ApiProperties limits;

    NetworkController(NetworkRepository network, ApiProperties limits, BatchLoaderRegistry loaders) {
        this.network = network;
        this.limits = limits;
        loaders.forTypePair(AdviserPage.class, AdviserPageResult.class).withName("adviserPages").registerMappedBatchLoader((keys, env) ->
                Mono.fromCallable(() -> Map.copyOf(network.adviserPages(keys, LocalDate.now()))));
        loaders.<String, Contract>forName(CONTRACTS).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> network.latestContracts(ids)));
        loaders.<String, List<PlaceAssignment>>forName(PLACES).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> Map.copyOf(network.placesOfAdvisers(ids))));
        loaders.forTypePair(String.class, Scope.class).withName("adviserScopes").registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> network.adviserScopes(ids)));
        loaders.forTypePair(String.class, Employer.class).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> network.byIds("Employer", ids, NetworkMapper::employer)));
        loaders.<String, List<Territory>>forName(PERIMETERS).registerMappedBatchLoader((ids, env) ->
                Mono.fromCallable(() -> Map.copyOf(network.perimeters(ids))));
    }

    /** Perimeters of coordinators by id; primed by the coordinator query, which reads it with the coordinator. */
    private static final String PERIMETERS = "coordinatorPerimeters";
    /** Latest contract and places of advisers by id; primed by the pages of advisers that read them with the page. */
    private static final String CONTRACTS = "adviserContracts";
    private static final String PLACES = "adviserPlaces";

    // Entry points

    @QueryMapping
    Employer employer(@Argument String id, @Argument String siret) {
        if ((id == null) == (siret == null)) {
            throw new InvalidInputException("id", "donnez soit id, soit siret");
        }
        return id != null ? one("Employer", id, NetworkMapper::employer) : network.employerBySiret(Siret.normalise(siret));
    }

    /** The personal fields of an adviser, each refused to whoever may not read that adviser's personal data. */
    private static final Set<String> PERSONAL_FIELDS = Set.of("firstName", "lastName", "email", "phone");

    /**
     * An unknown id answers null, except to a request that reads nothing but the id and personal fields: an id that
     * exists nowhere is out of everyone's scope but ANCT's, so such a request gets from anyone else exactly what it
     * would get for an adviser out of the caller's scope (the id, and FORBIDDEN on each personal field). Whether an
     * adviser exists is public otherwise, through any of its other fields.
     */
    @QueryMapping
    Adviser adviser(@Argument String id, DataFetchingEnvironment env) {
        var adviser = one("Adviser", id, NetworkMapper::adviser);
        if (adviser == null && !Caller.current().national() && readsOnlyPersonalFields(env)) {
            return new Adviser(id, null, null, null, null, null, null, null, false, null, null);
        }
        return adviser;
    }

    private static boolean readsOnlyPersonalFields(DataFetchingEnvironment env) {
        var fields = env.getSelectionSet().getImmediateFields().stream().map(f -> f.getName())
                .filter(name -> !name.startsWith("__") && !name.equals("id")).toList();
        return !fields.isEmpty() && PERSONAL_FIELDS.containsAll(fields);
    }

    @QueryMapping
    Coordinator coordinator(@Argument String id, DataFetchingEnvironment env) {
        var found = network.coordinator(id);
        if (found == null) {
            return null;
        }
        env.<String, List<Territory>>getDataLoader(PERIMETERS).prime(id, found.perimeter());
        return found.coordinator();
    }

    @QueryMapping
    Hub hub(@Argument String id) {
        return one("Hub", id, NetworkMapper::hub);
    }

    @QueryMapping
    Place place(@Argument String id) {
        return one("Place", id, NetworkMapper::place);
    }

    @QueryMapping
    Partner partner(@Argument String id) {
        return one("Partner", id, NetworkMapper::partner);
    }

    @QueryMapping
    Governance governance(@Argument String departmentCode) {
        return network.governanceOf(departmentCode.trim().toUpperCase());
    }

    @QueryMapping
    Connection<Employer> employers(@Argument TerritoryRef within, @Argument Sector sector,
            @Argument LegalKind legalKind, @Argument Integer first, @Argument String after) {
        return network.employers(within, name(sector), name(legalKind), page(first, after));
    }

    @QueryMapping
    Connection<Adviser> advisers(@Argument TerritoryRef within, @Argument Scheme scheme,
            @Argument Boolean coordinatorsOnly, @Argument Boolean activeOnly, @Argument Integer first,
            @Argument String after) {
        return network.advisers(within, name(scheme), Boolean.TRUE.equals(coordinatorsOnly),
                !Boolean.FALSE.equals(activeOnly), LocalDate.now(), page(first, after));
    }

    @QueryMapping
    List<Hub> hubs(@Argument String regionCode) {
        return network.hubs(regionCode);
    }

    @QueryMapping
    Connection<Place> places(@Argument TerritoryRef within, @Argument String service, @Argument Integer first,
            @Argument String after) {
        return network.places(within, service, page(first, after));
    }

    @QueryMapping
    Connection<Partner> partners(@Argument TerritoryRef within, @Argument List<PartnerKind> kinds,
            @Argument Integer first, @Argument String after) {
        return network.partners(within, kinds == null || kinds.isEmpty() ? null : kinds.stream().map(Enum::name).toList(),
                page(first, after));
    }

    // Employer

    @SchemaMapping(typeName = "Employer", field = "commune")
    CompletableFuture<Commune> employerCommune(Employer employer, DataLoader<TerritoryRef, Territory> territories) {
        return commune(employer.communeCode(), territories);
    }

    @SchemaMapping(typeName = "Employer", field = "advisers")
    CompletableFuture<Connection<Adviser>> employerAdvisers(Employer employer, @Argument Boolean activeOnly,
            @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return advisers(employer.id(), false, !Boolean.FALSE.equals(activeOnly), page(first, after), env);
    }

    @BatchMapping(typeName = "Employer", field = "partners")
    Map<Employer, List<PartnerLink>> employerPartners(List<Employer> employers) {
        return byKey(employers, Employer::id, network.partnerLinksOfEmployers(ids(employers, Employer::id)));
    }

    // Adviser

    @SchemaMapping(typeName = "Adviser", field = "contract")
    CompletableFuture<Contract> contract(Adviser adviser, DataFetchingEnvironment env) {
        return env.<String, Contract>getDataLoader(CONTRACTS).load(adviser.id());
    }

    @SchemaMapping(typeName = "Contract", field = "employer")
    CompletableFuture<Employer> contractEmployer(Contract contract, DataLoader<String, Employer> employers) {
        return employers.load(contract.employerId());
    }

    @BatchMapping(typeName = "Adviser", field = "employer")
    Map<Adviser, Employer> adviserEmployer(List<Adviser> advisers) {
        var contracts = network.latestContracts(ids(advisers, Adviser::id));
        var employers = network.byIds("Employer", contracts.values().stream().map(Contract::employerId).distinct()
                .toList(), NetworkMapper::employer);
        var result = new java.util.HashMap<Adviser, Employer>();
        for (var adviser : advisers) {
            var contract = contracts.get(adviser.id());
            if (contract != null) {
                result.put(adviser, employers.get(contract.employerId()));
            }
        }
        return result;
    }

    @SchemaMapping(typeName = "Adviser", field = "places")
    CompletableFuture<List<PlaceAssignment>> adviserPlaces(Adviser adviser, DataFetchingEnvironment env) {
        return env.<String, List<PlaceAssignment>>getDataLoader(PLACES).load(adviser.id());
    }

    // Personal data: only for callers whose scope covers the adviser; each read is audited.

    @SchemaMapping(typeName = "Adviser", field = "firstName")
    CompletableFuture<String> firstName(Adviser adviser, DataFetchingEnvironment env) {
        return personal(adviser, Adviser::firstName, env);
    }

    @SchemaMapping(typeName = "Adviser", field = "lastName")
    CompletableFuture<String> lastName(Adviser adviser, DataFetchingEnvironment env) {
        return personal(adviser, Adviser::lastName, env);
    }

    /** The programme's id of a person: with a public list of ids and names elsewhere, as telling as a name. */
    @SchemaMapping(typeName = "Adviser", field = "externalId")
    CompletableFuture<String> externalId(Adviser adviser, DataFetchingEnvironment env) {
        return personal(adviser, Adviser::externalId, env);
    }

    @SchemaMapping(typeName = "Adviser", field = "email")
    CompletableFuture<String> email(Adviser adviser, DataFetchingEnvironment env) {
        return personal(adviser, Adviser::email, env);
    }

    @SchemaMapping(typeName = "Adviser", field = "phone")
    CompletableFuture<String> phone(Adviser adviser, DataFetchingEnvironment env) {
        return personal(adviser, Adviser::phone, env);
    }

    private CompletableFuture<String> personal(Adviser adviser, Function<Adviser, String> field,
            DataFetchingEnvironment env) {
        var caller = Caller.current();
        if (caller.anonymous()) {
            return CompletableFuture.failedFuture(new ForbiddenException());
        }
        DataLoader<String, Scope> scopes = env.getDataLoader("adviserScopes");
        return scopes.load(adviser.id()).thenApply(scope -> {
            if (scope == null || !Access.seesPersonalData(caller, scope)) {
                throw new ForbiddenException();
            }
            PersonalDataAudit.read(env.getGraphQlContext(), adviser.id());
            return field.apply(adviser);
        });
    }

    @SchemaMapping(typeName = "Adviser", field = "coordinatorRole")
    Coordinator coordinatorRole(Adviser adviser) {
        return adviser.coordinator() ? new Coordinator(adviser) : null;
    }

    @BatchMapping(typeName = "Adviser", field = "coordinators")
    Map<Adviser, List<Coordinator>> adviserCoordinators(List<Adviser> advisers) {
        return byKey(advisers, Adviser::id, network.coordinatorsOfAdvisers(ids(advisers, Adviser::id)));
    }

    @BatchMapping(typeName = "Adviser", field = "partners")
    Map<Adviser, List<PartnerLink>> adviserPartners(List<Adviser> advisers) {
        return byKey(advisers, Adviser::id, network.partnerLinksOfAdvisers(ids(advisers, Adviser::id)));
    }

    // Coordinator

    @SchemaMapping(typeName = "Coordinator", field = "perimeter")
    CompletableFuture<List<Territory>> perimeter(Coordinator coordinator, DataFetchingEnvironment env) {
        return env.<String, List<Territory>>getDataLoader(PERIMETERS).load(coordinator.id());
    }

    @SchemaMapping(typeName = "Coordinator", field = "advisers")
    CompletableFuture<Connection<Adviser>> coordinatedAdvisers(Coordinator coordinator, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return advisers(coordinator.id(), true, false, page(first, after), env);
    }

    /**
     * A page of advisers below a parent. The contracts and places of its advisers, when the request reads them, come
     * with the page and prime their loaders: no further statement for them.
     */
    private CompletableFuture<Connection<Adviser>> advisers(String parentId, boolean ofCoordinator, boolean activeOnly,
            PageRequest page, DataFetchingEnvironment env) {
        var selection = env.getSelectionSet();
        boolean contracts = Connection.readsNodeField(selection, "contract");
        boolean places = Connection.readsNodeField(selection, "places");
        DataLoader<AdviserPage, AdviserPageResult> pages = env.getDataLoader("adviserPages");
        return pages.load(new AdviserPage(parentId, ofCoordinator, activeOnly, page, contracts, places))
                .thenApply(result -> {
                    if (contracts) {
                        DataLoader<String, Contract> loader = env.getDataLoader(CONTRACTS);
                        result.connection().nodes().forEach(a -> loader.prime(a.id(), result.contracts().get(a.id())));
                    }
                    if (places) {
                        DataLoader<String, List<PlaceAssignment>> loader = env.getDataLoader(PLACES);
                        result.connection().nodes().forEach(a -> loader.prime(a.id(),
                                result.places().getOrDefault(a.id(), List.of())));
                    }
                    return result.connection();
                });
    }

    @BatchMapping(typeName = "Coordinator", field = "hubs")
    Map<Coordinator, List<Hub>> coordinatorHubs(List<Coordinator> coordinators) {
        return byKey(coordinators, Coordinator::id, network.hubsOfCoordinators(ids(coordinators, Coordinator::id)));
    }

    // Hub

    @SchemaMapping(typeName = "Hub", field = "commune")
    CompletableFuture<Commune> hubCommune(Hub hub, DataLoader<TerritoryRef, Territory> territories) {
        return commune(hub.communeCode(), territories);
    }

    @BatchMapping(typeName = "Hub", field = "regions")
    Map<Hub, List<Territory>> hubRegions(List<Hub> hubs) {
        return byKey(hubs, Hub::id, network.regionsOfHubs(ids(hubs, Hub::id)));
    }

    @BatchMapping(typeName = "Hub", field = "coordinators")
    Map<Hub, List<Coordinator>> hubCoordinators(List<Hub> hubs) {
        return byKey(hubs, Hub::id, network.coordinatorsOfHubs(ids(hubs, Hub::id)));
    }

    // Place, partner, governance

    @SchemaMapping(typeName = "Place", field = "commune")
    CompletableFuture<Commune> placeCommune(Place place, DataLoader<TerritoryRef, Territory> territories) {
        return commune(place.communeCode(), territories);
    }

    @BatchMapping(typeName = "Place", field = "advisers")
    Map<Place, List<Adviser>> placeAdvisers(List<Place> places) {
        return byKey(places, Place::id, network.advisersOfPlaces(ids(places, Place::id)));
    }

    @SchemaMapping(typeName = "Partner", field = "commune")
    CompletableFuture<Commune> partnerCommune(Partner partner, DataLoader<TerritoryRef, Territory> territories) {
        return commune(partner.communeCode(), territories);
    }

    @BatchMapping(typeName = "Partner", field = "links")
    Map<Partner, List<PartnerLink>> partnerLinks(List<Partner> partners) {
        return byKey(partners, Partner::id, network.partnerLinksOfPartners(ids(partners, Partner::id)));
    }

    @SchemaMapping(typeName = "Governance", field = "department")
    CompletableFuture<Department> governanceDepartment(Governance governance,
            DataLoader<TerritoryRef, Territory> territories) {
        return territories.load(new TerritoryRef(TerritoryLevel.DEPARTMENT, governance.departmentCode()))
                .thenApply(Department.class::cast);
    }

    @BatchMapping(typeName = "Governance", field = "members")
    Map<Governance, List<GovernanceMember>> governanceMembers(List<Governance> governances) {
        return byKey(governances, Governance::id, network.governanceMembers(ids(governances, Governance::id)));
    }

    // helpers

    private <T> T one(String label, String id, Function<Object, T> mapper) {
        return network.byIds(label, List.of(id), mapper).get(id);
    }

    private PageRequest page(Integer first, String after) {
        return PageRequest.of(first, after, limits.maxPageSize());
    }

    private static CompletableFuture<Commune> commune(String code, DataLoader<TerritoryRef, Territory> territories) {
        return code == null ? CompletableFuture.completedFuture(null)
                : territories.load(new TerritoryRef(TerritoryLevel.COMMUNE, code)).thenApply(Commune.class::cast);
    }

    private static <P> List<String> ids(List<P> parents, Function<P, String> id) {
        return parents.stream().map(id).distinct().toList();
    }

    private static <P, V> Map<P, V> byKey(List<P> parents, Function<P, String> id, Map<String, V> values) {
        var result = new java.util.HashMap<P, V>();
        for (var parent : parents) {
            var value = values.get(id.apply(parent));
            if (value != null) {
                result.put(parent, value);
            }
        }
        return result;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
