package fr.maillage.network;

import static fr.maillage.network.NetworkLoaders.byKey;
import static fr.maillage.network.NetworkLoaders.ids;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import fr.maillage.graphql.Connection;
import fr.maillage.network.NetworkEnums.PartnerKind;
import fr.maillage.network.NetworkModel.Partner;
import fr.maillage.network.NetworkModel.PartnerLink;
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

/** Partners over GraphQL: by id, listed in a territory, where they lie and whom they are linked to. */
@Controller
class PartnerController {

    private final NetworkRepository network;
    private final ListReader lists;
    private final LinkReader links;
    private final NetworkLoaders loaders;

    PartnerController(NetworkRepository network, ListReader lists, LinkReader links, NetworkLoaders loaders) {
        this.network = network;
        this.lists = lists;
        this.links = links;
        this.loaders = loaders;
    }

    @QueryMapping
    Partner partner(@Argument String id) {
        return network.byId("Partner", id, NetworkMapper::partner);
    }

    @QueryMapping
    Connection<Partner> partners(@Argument TerritoryRef within, @Argument List<PartnerKind> kinds,
            @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return NetworkLoaders.primed(env, lists.partners(within,
                kinds == null || kinds.isEmpty() ? null : kinds.stream().map(Enum::name).toList(),
                loaders.page(first, after), loaders.selectedRowReads(env, false)));
    }

    @SchemaMapping(typeName = "Partner", field = "commune")
    CompletableFuture<Commune> partnerCommune(Partner partner, DataLoader<TerritoryRef, Territory> territories) {
        return NetworkLoaders.commune(partner.communeCode(), territories);
    }

    @BatchMapping(typeName = "Partner", field = "links")
    Map<Partner, List<PartnerLink>> partnerLinks(List<Partner> partners) {
        return byKey(partners, Partner::id, links.partnerLinksOfPartners(ids(partners, Partner::id)));
    }
}
