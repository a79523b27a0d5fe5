package fr.maillage.network;

import static fr.maillage.network.NetworkLoaders.byKey;
import static fr.maillage.network.NetworkLoaders.ids;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import fr.maillage.graphql.Connection;
import fr.maillage.network.NetworkEnums.Scheme;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Contract;
import fr.maillage.network.NetworkModel.Coordinator;
import fr.maillage.network.NetworkModel.Employer;
import fr.maillage.network.NetworkModel.PartnerLink;
import fr.maillage.network.NetworkModel.PlaceAssignment;
import fr.maillage.security.Caller;
import fr.maillage.territories.TerritoryRef;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Advisers over GraphQL: by id, listed in a territory, their contract, places, coordinators and partners. */
@Controller
class AdviserController {

    /** The personal fields of an adviser, each refused to whoever may not read that adviser's personal data. */
    private static final Set<String> PERSONAL_FIELDS = Set.of("firstName", "lastName", "email", "phone");

    private final NetworkRepository network;
    private final AdviserReader advisers;
    private final ListReader lists;
    private final LinkReader links;
    private final NetworkLoaders loaders;
    private final Clock clock;

    AdviserController(NetworkRepository network, AdviserReader advisers, ListReader lists, LinkReader links,
            NetworkLoaders loaders, Clock clock) {
        this.network = network;
        this.advisers = advisers;
        this.lists = lists;
        this.links = links;
        this.loaders = loaders;
        this.clock = clock;
    }

    /**
     * An unknown id answers null, except to a request that reads nothing but the id and personal fields: an id that
     * exists nowhere is out of everyone's scope but ANCT's, so such a request gets from anyone else exactly what it
     * would get for an adviser out of the caller's scope (the id, and FORBIDDEN on each personal field). Whether an
     * adviser exists is public otherwise, through any of its other fields.
     */
    @QueryMapping
    Adviser adviser(@Argument String id, DataFetchingEnvironment env) {
        var adviser = network.adviser(id);
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
    Connection<Adviser> advisers(@Argument TerritoryRef within, @Argument Scheme scheme,
            @Argument Boolean coordinatorsOnly, @Argument Boolean activeOnly, @Argument Integer first,
            @Argument String after) {
        return lists.advisers(within, NetworkLoaders.name(scheme), Boolean.TRUE.equals(coordinatorsOnly),
                !Boolean.FALSE.equals(activeOnly), LocalDate.now(clock), loaders.page(first, after));
    }

    @SchemaMapping(typeName = "Adviser", field = "contract")
    CompletableFuture<Contract> contract(Adviser adviser, DataFetchingEnvironment env) {
        return env.<String, Contract>getDataLoader(NetworkLoaders.CONTRACTS).load(adviser.id());
    }

    @SchemaMapping(typeName = "Contract", field = "employer")
    CompletableFuture<Employer> contractEmployer(Contract contract, DataLoader<String, Employer> employers) {
        return employers.load(contract.employerId());
    }

    /** Running today, by the one clock. */
    @SchemaMapping(typeName = "Contract", field = "active")
    boolean contractActive(Contract contract) {
        return contract.activeOn(LocalDate.now(clock));
    }

    @BatchMapping(typeName = "Adviser", field = "employer")
    Map<Adviser, Employer> adviserEmployer(List<Adviser> parents) {
        var contracts = advisers.latestContracts(ids(parents, Adviser::id));
        var employers = network.byIds("Employer", contracts.values().stream().map(Contract::employerId).distinct()
                .toList(), NetworkMapper::employer);
        var result = new HashMap<Adviser, Employer>();
        for (var adviser : parents) {
            var contract = contracts.get(adviser.id());
            if (contract != null) {
                result.put(adviser, employers.get(contract.employerId()));
            }
        }
        return result;
    }

    @SchemaMapping(typeName = "Adviser", field = "places")
    CompletableFuture<List<PlaceAssignment>> adviserPlaces(Adviser adviser, DataFetchingEnvironment env) {
        return env.<String, List<PlaceAssignment>>getDataLoader(NetworkLoaders.PLACES).load(adviser.id());
    }

    @SchemaMapping(typeName = "Adviser", field = "coordinatorRole")
    Coordinator coordinatorRole(Adviser adviser) {
        return adviser.coordinator() ? new Coordinator(adviser) : null;
    }

    @BatchMapping(typeName = "Adviser", field = "coordinators")
    Map<Adviser, List<Coordinator>> adviserCoordinators(List<Adviser> parents) {
        return byKey(parents, Adviser::id, advisers.coordinatorsOfAdvisers(ids(parents, Adviser::id)));
    }

    @BatchMapping(typeName = "Adviser", field = "partners")
    Map<Adviser, List<PartnerLink>> adviserPartners(List<Adviser> parents) {
        return byKey(parents, Adviser::id, links.partnerLinksOfAdvisers(ids(parents, Adviser::id)));
    }
}
