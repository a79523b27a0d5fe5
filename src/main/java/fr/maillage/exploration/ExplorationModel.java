package fr.maillage.exploration;

import java.util.List;

import fr.maillage.network.NetworkModel.Partner;
import fr.maillage.territories.TerritoryRef;

/** What the exploration queries answer. */
final class ExplorationModel {

    private ExplorationModel() {
    }

    enum ActorKind {
        HUB, COORDINATOR, ADVISER, EMPLOYER, PLACE, PARTNER
    }

    record MapNode(String id, ActorKind kind, String label, String territoryCode, int count) {
    }

    record MapEdge(String source, String target, String kind, int count) {
    }

    record NetworkMap(TerritoryRef territoryRef, boolean summarised, int actorCount, int linkCount, List<MapNode> nodes,
            List<MapEdge> edges) {

        /** Unmodifiable: maps are kept between writes and shared by requests (KeptMaps). */
        NetworkMap {
            nodes = List.copyOf(nodes);
            edges = List.copyOf(edges);
        }
    }

    record PartnerProspect(Partner partner, boolean linked, List<String> linkedWith) {
    }

    record NetworkPath(int length, List<MapNode> nodes, List<MapEdge> edges) {
    }
}
