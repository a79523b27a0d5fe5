package fr.maillage.exploration;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

import fr.maillage.exploration.ExplorationModel.ActorKind;
import fr.maillage.exploration.ExplorationModel.MapEdge;
import fr.maillage.exploration.ExplorationModel.MapNode;
import fr.maillage.exploration.ExplorationModel.NetworkMap;
import fr.maillage.exploration.ExplorationRepository.MapRow;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;

/**
 * A map drawn from the rows of its actors: every actor and link when they fit in the bound, else one node per kind
 * of actor and sub-territory. Only the links between actors of the map are drawn and counted.
 */
final class NetworkMaps {

    private NetworkMaps() {
    }

    static NetworkMap of(TerritoryRef ref, List<MapRow> rows, int bound) {
        var ids = new HashSet<String>();
        rows.forEach(row -> ids.add(row.id()));
        int links = 0;
        for (var row : rows) {
            for (var link : row.links()) {
                if (ids.contains(link.target())) {
                    links++;
                }
            }
        }
        return rows.size() <= bound ? full(ref, rows, ids, links) : summary(ref, ref.level(), rows, ids, links);
    }

    private static NetworkMap full(TerritoryRef ref, List<MapRow> rows, Set<String> ids, int links) {
        var nodes = rows.stream().map(r -> new MapNode(r.id(), r.kind(), r.label(), r.communeCode(), 1)).toList();
        var edges = new ArrayList<MapEdge>();
        for (var row : rows) {
            for (var link : row.links()) {
                if (ids.contains(link.target())) {
                    edges.add(new MapEdge(row.id(), link.target(), link.type(), 1));
                }
            }
        }
        return new NetworkMap(ref, false, rows.size(), links, nodes, edges);
    }

    /** One node per kind of actor and sub-territory (EPCI of a département, département of a region). */
    private static NetworkMap summary(TerritoryRef ref, TerritoryLevel level, List<MapRow> rows, Set<String> ids,
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
                if (ids.contains(link.target())) {
                    edgeCounts.computeIfAbsent(List.of(groupOf.get(row.id()), groupOf.get(link.target()), link.type()),
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
