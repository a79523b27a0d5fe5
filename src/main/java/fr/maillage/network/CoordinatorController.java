package fr.maillage.network;

import static fr.maillage.network.NetworkLoaders.byKey;
import static fr.maillage.network.NetworkLoaders.ids;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import fr.maillage.graphql.Connection;
import fr.maillage.graphql.RootReads;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Coordinator;
import fr.maillage.network.NetworkModel.Hub;
import fr.maillage.territories.Territory;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Coordinators over GraphQL: by id, their perimeter, the advisers they coordinate and the hubs supporting them. */
@Controller
class CoordinatorController {

    private final LinkReader links;
    private final NetworkLoaders loaders;
    private final Clock clock;

    CoordinatorController(LinkReader links, NetworkLoaders loaders, Clock clock) {
        this.links = links;
        this.loaders = loaders;
        this.clock = clock;
    }

    /** The coordinator, its perimeter and, when the request reads it, its page of advisers: one statement. */
    @QueryMapping
    CompletableFuture<Coordinator> coordinator(@Argument String id, DataFetchingEnvironment env) {
        var page = loaders.selectedAdviserPage(id, true, env);
        return RootReads.load(env, AdviserReader.coordinator(id, page, LocalDate.now(clock))).thenApply(found -> {
            if (found == null) {
                return null;
            }
            env.<String, List<Territory>>getDataLoader(NetworkLoaders.PERIMETERS).prime(id, found.perimeter());
            if (page != null) {
                NetworkLoaders.prime(env, page, found.advisers());
            }
            return found.coordinator();
        });
    }

    @SchemaMapping(typeName = "Coordinator", field = "perimeter")
    CompletableFuture<List<Territory>> perimeter(Coordinator coordinator, DataFetchingEnvironment env) {
        return env.<String, List<Territory>>getDataLoader(NetworkLoaders.PERIMETERS).load(coordinator.id());
    }

    @SchemaMapping(typeName = "Coordinator", field = "advisers")
    CompletableFuture<Connection<Adviser>> coordinatedAdvisers(Coordinator coordinator, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return NetworkLoaders.advisers(coordinator.id(), true, false, loaders.page(first, after), env);
    }

    @BatchMapping(typeName = "Coordinator", field = "hubs")
    Map<Coordinator, List<Hub>> coordinatorHubs(List<Coordinator> coordinators) {
        return byKey(coordinators, Coordinator::id, links.hubsOfCoordinators(ids(coordinators, Coordinator::id)));
    }
}
