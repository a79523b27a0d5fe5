package fr.maillage.exploration;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import fr.maillage.exploration.ExplorationModel.ActorKind;
import fr.maillage.exploration.ExplorationModel.MapEdge;
import fr.maillage.exploration.ExplorationModel.MapNode;
import fr.maillage.exploration.ExplorationModel.NetworkMap;
import fr.maillage.exploration.ExplorationModel.NetworkPath;
import fr.maillage.exploration.ExplorationModel.PartnerProspect;
import fr.maillage.exploration.ExplorationRepository.MapRow;
import fr.maillage.graphql.ApiProperties;
import fr.maillage.graphql.Connection;
import fr.maillage.graphql.InvalidInputException;
import fr.maillage.graphql.Keyset;
import fr.maillage.graphql.PageRequest;
import fr.maillage.network.NetworkEnums.PartnerKind;
import fr.maillage.territories.Department;
import fr.maillage.territories.Region;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.territories.TerritoryRepository;
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

    ExplorationController(ExplorationRepository exploration, TerritoryRepository territories, ApiProperties limits) {
        this.exploration = exploration;
        this.territories = territories;
        this.limits = limits;
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
        var rows = exploration.mapRows(level, ref.code(), regionCode,
                referenceDate == null ? LocalDate.now() : referenceDate);
        var ids = new HashSet<String>();
        rows.forEach(row -> ids.add(row.id()));
        int links = 0;
        for (var row : rows) {
            for (var link : row.links()) {
                if (ids.contains(link.get(1))) {
                    links++;
                }
            }
        }
        return rows.size() <= bound ? full(ref, rows, ids, links) : summary(ref, level, rows, ids, links);
    }

    @SchemaMapping(typeName = "NetworkMap", field = "territory")
    CompletableFuture<Territory> mapTerritory(NetworkMap map, DataLoader<TerritoryRef, Territory> loader) {
        return loader.load(map.territoryRef());
    }

    @QueryMapping
    ProspectConnection coordinatorPartners(@Argument String coordinatorId, @Argument List<PartnerKind> kinds,
            @Argument Boolean onlyUnlinked, @Argument Integer first, @Argument String after) {
        var page = PageRequest.of(first, after, limits.maxPageSize());
        var found = exploration.prospects(coordinatorId,
                kinds == null || kinds.isEmpty() ? null : kinds.stream().map(Enum::name).toList(),
                Boolean.TRUE.equals(onlyUnlinked), page);
        return new ProspectConnection(Connection.of(found.prospects(), page, found.total(),
                p -> Keyset.key(ExplorationRepository.prospectSort(p), p.partner().id())), found.unlinked());
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

    private static NetworkMap full(TerritoryRef ref, List<MapRow> rows, HashSet<String> ids, int links) {
        var nodes = rows.stream().map(r -> new MapNode(r.id(), r.kind(), r.label(), r.communeCode(), 1)).toList();
        var edges = new ArrayList<MapEdge>();
        for (var row : rows) {
            for (var link : row.links()) {
                if (ids.contains(link.get(1))) {
                    edges.add(new MapEdge(row.id(), link.get(1), link.get(0), 1));
                }
            }
        }
        return new NetworkMap(ref, false, rows.size(), links, nodes, edges);
    }

    /** One node per kind of actor and sub-territory (EPCI of a département, département of a region). */
    private static NetworkMap summary(TerritoryRef ref, TerritoryLevel level, List<MapRow> rows, HashSet<String> ids,
            int links) {
        var groupOf = new HashMap<String, String>();
        var groups = new LinkedHashMap<String, int[]>();
        var groupLabels = new HashMap<String, String>();
        var groupTerritory = new HashMap<String, String>();
        for (var row : rows) {
            boolean byDepartment = level == TerritoryLevel.REGION;
            var code = byDepartment ? row.departmentCode() : row.epciCode();
            var name = byDepartment ? row.departmentName() : row.epciName();
            if (code == null) {
                code = "HORS";
                name = byDepartment ? "hors département" : "hors EPCI";
            }
            var group = row.kind() + ":" + code;
            groupOf.put(row.id(), group);
            groups.computeIfAbsent(group, g -> new int[1])[0]++;
            groupLabels.putIfAbsent(group, plural(row.kind()) + " — " + name);
            groupTerritory.putIfAbsent(group, code);
        }
        var nodes = groups.entrySet().stream().map(e -> new MapNode(e.getKey(),
                ActorKind.valueOf(e.getKey().substring(0, e.getKey().indexOf(':'))), groupLabels.get(e.getKey()),
                groupTerritory.get(e.getKey()), e.getValue()[0])).toList();
        var edgeCounts = new LinkedHashMap<List<String>, int[]>();
        for (var row : rows) {
            for (var link : row.links()) {
                if (ids.contains(link.get(1))) {
                    edgeCounts.computeIfAbsent(List.of(groupOf.get(row.id()), groupOf.get(link.get(1)), link.get(0)),
                            k -> new int[1])[0]++;
                }
            }
        }
        var edges = edgeCounts.entrySet().stream().map(e -> new MapEdge(e.getKey().get(0), e.getKey().get(1),
                e.getKey().get(2), e.getValue()[0])).toList();
        return new NetworkMap(ref, true, rows.size(), links, nodes, edges);
    }

    private static String plural(ActorKind kind) {
        return switch (kind) {
            case HUB -> "Hubs";
            case COORDINATOR -> "Coordinateurs";
            case ADVISER -> "Conseillers";
            case EMPLOYER -> "Employeurs";
            case PLACE -> "Lieux";
            case PARTNER -> "Partenaires";
        };
    }

}
