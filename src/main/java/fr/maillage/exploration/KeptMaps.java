package fr.maillage.exploration;

import fr.maillage.database.GraphVersion;
import fr.maillage.database.KeptBetweenWrites;
import fr.maillage.exploration.ExplorationModel.NetworkMap;
import org.springframework.stereotype.Component;

/**
 * Network maps kept between writes (see {@link KeptBetweenWrites}), per territory and reference date, a full map and
 * a summarised one: a map reads every actor of a region, and reads the same whoever asks (public, without personal
 * data). Weighed by nodes and edges (a full map has at most 5,000 nodes, a summarised one a node per kind and
 * sub-territory): 200,000 of them, some 30 to 40 MB.
 */
@Component
class KeptMaps {

    static final long MAX_NODES_AND_EDGES = 200_000;

    private final KeptBetweenWrites kept;

    KeptMaps(GraphVersion version) {
        kept = KeptBetweenWrites.of(version, MAX_NODES_AND_EDGES,
                answer -> 1 + ((NetworkMap) answer).nodes().size() + ((NetworkMap) answer).edges().size());
    }

    KeptBetweenWrites.At now() {
        return kept.now();
    }
}
