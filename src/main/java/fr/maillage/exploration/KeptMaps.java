package fr.maillage.exploration;

import fr.maillage.database.GraphVersion;
import fr.maillage.database.KeptBetweenWrites;
import fr.maillage.exploration.ExplorationModel.NetworkMap;
import org.springframework.stereotype.Component;

/**
 * Network maps kept between writes (see {@link KeptBetweenWrites}), per territory, bound and reference date: a map
 * reads every actor of a region, and reads the same whoever asks. Weighed by nodes and edges (at most 2,000 nodes
 * each once summarised): about a hundred large maps.
 */
@Component
class KeptMaps {

    static final long MAX_NODES_AND_EDGES = 400_000;

    private final KeptBetweenWrites kept;

    KeptMaps(GraphVersion version) {
        kept = KeptBetweenWrites.of(version, MAX_NODES_AND_EDGES,
                answer -> 1 + ((NetworkMap) answer).nodes().size() + ((NetworkMap) answer).edges().size());
    }

    KeptBetweenWrites.At now() {
        return kept.now();
    }
}
