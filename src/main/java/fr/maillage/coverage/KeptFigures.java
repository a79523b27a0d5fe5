package fr.maillage.coverage;

import fr.maillage.database.GraphVersion;
import fr.maillage.database.KeptBetweenWrites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Figures kept between writes (see {@link KeptBetweenWrites}): France's, a territory's with its sub-territories', its
 * parent's and the details of a diagnosis, and the figures of every territory of a level (coverage gaps, a level's
 * figures, their exports), per reference date. Every one is an aggregate that reads the same whoever
 * asks (see CoverageController). KeptFiguresDriftTests proves they never drift.
 */
@Component
class KeptFigures {

    /**
     * A weight of 1 is about a kilobyte: one territory's figures, or ten in a list (a level's rows: the communes of
     * France weigh 3,500); a diagnosis's details (some 40 counts, 20 ending contracts, 20 communes) weigh 10. At most
     * some 20 to 30 MB, so that asking every territory at many reference dates cannot fill the heap.
     */
    static final int MAX_WEIGHT = 20_000;

    /** What weighs more than 1. */
    interface Weighed {
        int weight();
    }

    private final KeptBetweenWrites kept;

    @Autowired
    KeptFigures(GraphVersion version) {
        this(KeptBetweenWrites.of(version, MAX_WEIGHT,
                figures -> figures instanceof Weighed weighed ? weighed.weight() : 1));
    }

    private KeptFigures(KeptBetweenWrites kept) {
        this.kept = kept;
    }

    /** Keeps nothing: every figure computed from scratch. */
    static KeptFigures none() {
        return new KeptFigures(KeptBetweenWrites.none());
    }

    KeptBetweenWrites.At now() {
        return kept.now();
    }
}
