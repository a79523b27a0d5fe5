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
     * A weight of 1 is a few hundred bytes to a few kilobytes: one territory's figures, a diagnosis's details; the
     * rows of a whole level weigh 1 per 10 territories (the communes of France: 3,500). Diagnoses of every territory
     * of France for a few dates fit.
     */
    static final int MAX_WEIGHT = 20_000;

    private final KeptBetweenWrites kept;

    @Autowired
    KeptFigures(GraphVersion version) {
        this(KeptBetweenWrites.of(version, MAX_WEIGHT,
                figures -> figures instanceof CoverageRepository.Rows rows ? 1 + rows.rows().size() / 10 : 1));
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
