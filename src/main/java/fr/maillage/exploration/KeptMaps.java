package fr.maillage.exploration;

import java.time.LocalDate;
import java.util.function.Supplier;

import fr.maillage.database.GraphVersion;
import fr.maillage.database.KeptBetweenWrites;
import fr.maillage.exploration.ExplorationModel.NetworkMap;
import fr.maillage.territories.TerritoryRef;
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

    /**
     * The map of {@code ref} at {@code date} for {@code bound}: a kept one when it answers that bound, else
     * {@code draw}'s, kept. A map depends on its bound only through whether it is summarised (more actors than the
     * bound), so one of each kind is kept.
     */
    NetworkMap map(TerritoryRef ref, LocalDate date, int bound, Supplier<NetworkMap> draw) {
        var at = kept.now();
        var full = at.find(new MapOf(ref, date, false), NetworkMap.class);
        if (full != null && full.actorCount() <= bound) {
            return full;
        }
        var summarised = at.find(new MapOf(ref, date, true), NetworkMap.class);
        if (summarised != null && summarised.actorCount() > bound) {
            return summarised;
        }
        // requests for the same map at once (after a write) draw it once
        var map = at.shared(new Drawing(ref, date, bound), NetworkMap.class, draw);
        return at.keep(new MapOf(ref, date, map.summarised()), map);
    }

    /** A map being drawn: not kept under this key, shared by the requests that ask for it at the same time. */
    private record Drawing(TerritoryRef ref, LocalDate date, int bound) {
    }

    /** What a kept map was drawn for: every actor of the territory, or a summary. */
    private record MapOf(TerritoryRef ref, LocalDate date, boolean summarised) {
    }
}
