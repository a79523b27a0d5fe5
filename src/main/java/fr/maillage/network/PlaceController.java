package fr.maillage.network;

import static fr.maillage.network.NetworkLoaders.byKey;
import static fr.maillage.network.NetworkLoaders.ids;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import fr.maillage.graphql.Connection;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Place;
import fr.maillage.territories.Commune;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryRef;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Places of digital mediation over GraphQL: by id, listed in a territory, where they lie and who works there. */
@Controller
class PlaceController {

    private final NetworkRepository network;
    private final AdviserReader advisers;
    private final ListReader lists;
    private final NetworkLoaders loaders;

    PlaceController(NetworkRepository network, AdviserReader advisers, ListReader lists, NetworkLoaders loaders) {
        this.network = network;
        this.advisers = advisers;
        this.lists = lists;
        this.loaders = loaders;
    }

    @QueryMapping
    Place place(@Argument String id) {
        return network.byId("Place", id, NetworkMapper::place);
    }

    @QueryMapping
    Connection<Place> places(@Argument TerritoryRef within, @Argument String service, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        return NetworkLoaders.primed(env, lists.places(within, service, loaders.page(first, after),
                loaders.selectedRowReads(env, false)));
    }

    @SchemaMapping(typeName = "Place", field = "commune")
    CompletableFuture<Commune> placeCommune(Place place, DataLoader<TerritoryRef, Territory> territories) {
        return NetworkLoaders.commune(place.communeCode(), territories);
    }

    @BatchMapping(typeName = "Place", field = "advisers")
    Map<Place, List<Adviser>> placeAdvisers(List<Place> places) {
        return byKey(places, Place::id, advisers.advisersOfPlaces(ids(places, Place::id)));
    }
}
