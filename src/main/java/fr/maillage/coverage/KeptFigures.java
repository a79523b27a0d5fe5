package fr.maillage.coverage;

import fr.maillage.database.GraphVersion;
import fr.maillage.database.KeptBetweenWrites;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Figures kept between writes (see {@link KeptBetweenWrites}): France's, a territory's with its sub-territories', its
 * parent's and the details of a diagnosis, per reference date. Every one is an aggregate that reads the same whoever
 * asks (see CoverageController). KeptFiguresDriftTests proves they never drift.
 */
@Component
class KeptFigures {

    /** Diagnoses of every territory of France for a few dates fit: a few hundred bytes to a few kilobytes each. */
    static final int MAX_ENTRIES = 5_000;

    private final KeptBetweenWrites kept;

    @Autowired
    KeptFigures(GraphVersion version) {
        this(KeptBetweenWrites.of(version, MAX_ENTRIES, figures -> 1));
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
