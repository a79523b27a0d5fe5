package fr.maillage.exploration;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import fr.maillage.exploration.ExplorationModel.NetworkMap;
import fr.maillage.exploration.ExplorationModel.NetworkPath;
import fr.maillage.exploration.ExplorationModel.PartnerProspect;
import fr.maillage.graphql.ApiProperties;
import fr.maillage.graphql.Connection;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.graphql.Keyset;
import fr.maillage.graphql.PageRequest;
import fr.maillage.graphql.RootReads;
import fr.maillage.network.NetworkEnums.PartnerKind;
import fr.maillage.territories.Department;
import fr.maillage.territories.Region;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.territories.TerritoryRepository;
import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Exploring the network: the map of a region or département, the partners around a coordinator, the shortest path
 * between two actors. Each answer is one statement (plus the territory lookup); none carries personal data.
 */
@Controller
class ExplorationController {

    static final int MAX_NODES = 5_000;
    static final int MAX_PATH = 15;

    private final ExplorationRepository exploration;
    private final TerritoryRepository territories;
    private final ApiProperties limits;
    private final Clock clock;
    private final KeptMaps keptMaps;

    ExplorationController(ExplorationRepository exploration, TerritoryRepository territories, ApiProperties limits,
            Clock clock, KeptMaps keptMaps) {
        this.exploration = exploration;
        this.territories = territories;
        this.limits = limits;
        this.clock = clock;
        this.keptMaps = keptMaps;
    }

    /** Extra fields of the prospects' connection. */
    record ProspectConnection(Connection<PartnerProspect> page, long unlinkedCount) {
        public long totalCount() {
            return page.totalCount();
        }

        public List<Connection.Edge<PartnerProspect>> edges() {
            return page.edges();
        }

        public List<PartnerProspect> nodes() {
            return page.nodes();
        }

        public Connection.PageInfo pageInfo() {
            return page.pageInfo();
        }
    }

    @QueryMapping
    NetworkMap networkMap(@Argument TerritoryLevel level, @Argument String code, @Argument Integer maxNodes,
            @Argument LocalDate referenceDate) {
        if (level != TerritoryLevel.REGION && level != TerritoryLevel.DEPARTMENT) {
            throw new InvalidInputException("level", "la carte porte sur une région (REGION) ou un département (DEPARTMENT)");
        }
        int bound = maxNodes == null ? 2_000 : maxNodes;
        if (bound < 1 || bound > MAX_NODES) {
            throw new InvalidInputException("maxNodes", "doit être compris entre 1 et " + MAX_NODES);
        }
        var ref = new TerritoryRef(level, code);
        var territory = territories.find(ref);
        if (territory == null) {
            throw new InvalidInputException("code", "aucun territoire " + ref);
        }
        var regionCode = territory instanceof Department d ? d.regionCode() : ((Region) territory).code();
        var today = referenceDate == null ? LocalDate.now(clock) : referenceDate;
        return keptMaps.map(ref, today, bound,
                () -> NetworkMaps.of(ref, exploration.mapRows(level, ref.code(), regionCode, today), bound));
    }

    @SchemaMapping(typeName = "NetworkMap", field = "territory")
    CompletableFuture<Territory> mapTerritory(NetworkMap map, DataLoader<TerritoryRef, Territory> loader) {
        return loader.load(map.territoryRef());
    }

    /** Read with the request's other root reads (the coordinator it names, say): one statement for both. */
    @QueryMapping
    CompletableFuture<ProspectConnection> coordinatorPartners(@Argument String coordinatorId,
            @Argument List<PartnerKind> kinds, @Argument Boolean onlyUnlinked, @Argument Integer first,
            @Argument String after, DataFetchingEnvironment env) {
        var page = PageRequest.of(first, after, limits.maxPageSize());
        var read = ExplorationRepository.prospects(coordinatorId,
                kinds == null || kinds.isEmpty() ? null : kinds.stream().map(Enum::name).toList(),
                Boolean.TRUE.equals(onlyUnlinked), page);
        return RootReads.load(env, read).thenApply(found -> new ProspectConnection(Connection.of(found.prospects(),
                page, found.total(), p -> Keyset.key(ExplorationRepository.prospectSort(p), p.partner().id())),
                found.unlinked()));
    }

    @QueryMapping
    NetworkPath shortestPath(@Argument String fromId, @Argument String toId, @Argument Integer maxLength) {
        int bound = maxLength == null ? 8 : maxLength;
        if (bound < 1 || bound > MAX_PATH) {
            throw new InvalidInputException("maxLength", "doit être compris entre 1 et " + MAX_PATH);
        }
        if (fromId.equals(toId)) {
            throw new InvalidInputException("toId", "le point d'arrivée doit différer du point de départ");
        }
        return exploration.shortestPath(fromId, toId, bound);
    }
}
