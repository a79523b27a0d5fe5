package fr.maillage.network;

import static fr.maillage.network.NetworkLoaders.byKey;
import static fr.maillage.network.NetworkLoaders.ids;
import static fr.maillage.network.NetworkLoaders.name;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import fr.maillage.graphql.Connection;
import fr.maillage.network.NetworkEnums.LegalKind;
import fr.maillage.network.NetworkEnums.Sector;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Employer;
import fr.maillage.network.NetworkModel.PartnerLink;
import fr.maillage.territories.Commune;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.validation.InvalidInputException;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Employers over GraphQL: by id or SIRET, listed in a territory, and their fields. */
@Controller
class EmployerController {

    private final NetworkRepository network;
    private final ListReader lists;
    private final LinkReader links;
    private final NetworkLoaders loaders;

    EmployerController(NetworkRepository network, ListReader lists, LinkReader links, NetworkLoaders loaders) {
        this.network = network;
        this.lists = lists;
        this.links = links;
        this.loaders = loaders;
    }

    @QueryMapping
    Employer employer(@Argument String id, @Argument String siret) {
        if ((id == null) == (siret == null)) {
            throw new InvalidInputException("id", "donnez soit id, soit siret");
        }
        return id != null ? network.employer(id) : network.employerBySiret(Siret.normalise(siret));
    }

    @QueryMapping
    Connection<Employer> employers(@Argument TerritoryRef within, @Argument Sector sector,
            @Argument LegalKind legalKind, @Argument Integer first, @Argument String after,
            DataFetchingEnvironment env) {
        return NetworkLoaders.primed(env, lists.employers(within, name(sector), name(legalKind),
                loaders.page(first, after), loaders.selectedRowReads(env, true), loaders.today()));
    }

    @SchemaMapping(typeName = "Employer", field = "commune")
    CompletableFuture<Commune> employerCommune(Employer employer, DataLoader<TerritoryRef, Territory> territories) {
        return NetworkLoaders.commune(employer.communeCode(), territories);
    }

    @SchemaMapping(typeName = "Employer", field = "advisers")
    CompletableFuture<Connection<Adviser>> employerAdvisers(Employer employer, @Argument Boolean activeOnly,
            @Argument Integer first, @Argument String after, DataFetchingEnvironment env) {
        return NetworkLoaders.advisers(employer.id(), false, !Boolean.FALSE.equals(activeOnly),
                loaders.page(first, after), env);
    }

    @BatchMapping(typeName = "Employer", field = "partners")
    Map<Employer, List<PartnerLink>> employerPartners(List<Employer> employers) {
        return byKey(employers, Employer::id, links.partnerLinksOfEmployers(ids(employers, Employer::id)));
    }
}
