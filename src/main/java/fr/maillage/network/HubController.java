package fr.maillage.network;

import static fr.maillage.network.NetworkLoaders.byKey;
import static fr.maillage.network.NetworkLoaders.ids;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import fr.maillage.network.NetworkModel.Coordinator;
import fr.maillage.network.NetworkModel.Hub;
import fr.maillage.territories.Commune;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryRef;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Hubs over GraphQL: by id, by region, where they lie, the regions they cover and the coordinators they support. */
@Controller
class HubController {

    private final NetworkRepository network;
    private final LinkReader links;

    HubController(NetworkRepository network, LinkReader links) {
        this.network = network;
        this.links = links;
    }

    @QueryMapping
    Hub hub(@Argument String id) {
        return network.byId("Hub", id, NetworkMapper::hub);
    }

    @QueryMapping
    List<Hub> hubs(@Argument String regionCode) {
        return links.hubs(regionCode);
    }

    @SchemaMapping(typeName = "Hub", field = "commune")
    CompletableFuture<Commune> hubCommune(Hub hub, DataLoader<TerritoryRef, Territory> territories) {
        return NetworkLoaders.commune(hub.communeCode(), territories);
    }

    @BatchMapping(typeName = "Hub", field = "regions")
    Map<Hub, List<Territory>> hubRegions(List<Hub> hubs) {
        return byKey(hubs, Hub::id, links.regionsOfHubs(ids(hubs, Hub::id)));
    }

    @BatchMapping(typeName = "Hub", field = "coordinators")
    Map<Hub, List<Coordinator>> hubCoordinators(List<Hub> hubs) {
        return byKey(hubs, Hub::id, links.coordinatorsOfHubs(ids(hubs, Hub::id)));
    }
}
