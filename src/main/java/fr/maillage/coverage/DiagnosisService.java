package fr.maillage.coverage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.maillage.coverage.CoverageModel.CoverageGapConnection;
import fr.maillage.coverage.CoverageModel.CoverageGapSummary;
import fr.maillage.coverage.CoverageModel.Diagnosis;
import fr.maillage.coverage.CoverageModel.Lacking;
import fr.maillage.coverage.CoverageModel.RatioComparison;
import fr.maillage.coverage.CoverageModel.TerritoryCoverage;
import fr.maillage.database.KeptBetweenWrites;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.graphql.PageRequest;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.territories.TerritoryRepository;
import org.springframework.stereotype.Service;

/**
 * The territorial diagnosis, as the GraphQL field {@code diagnosis} and the PDF report give it: three statements
 * (the territory; the figures of the territory, its parent, France and its sub-territories; the details), fewer when
 * figures are kept from an earlier request at the same version of the graph ({@link KeptFigures}): then the
 * territory alone. Figures are kept only if no write was committed while they were computed
 * ({@link KeptBetweenWrites}).
 */
@Service
class DiagnosisService {

    static final int TOP = 20;
    static final int MAX_MONTHS = 36;

    private final CoverageRepository coverage;
    private final TerritoryRepository territories;
    private final Clock clock;
    private final KeptFigures kept;

    DiagnosisService(CoverageRepository coverage, TerritoryRepository territories, Clock clock, KeptFigures kept) {
        this.coverage = coverage;
        this.territories = territories;
        this.clock = clock;
        this.kept = kept;
    }

    /**
     * A diagnosis with the figures it compares against: those of the parent territory and of France in full (the
     * report prints them beside the territory's).
     */
    record Diagnosed(Territory territory, Diagnosis diagnosis, TerritoryCoverage own, TerritoryCoverage parent,
            TerritoryCoverage france) {
    }

    /** Checks the horizon of contracts ending (months, 3 when null), or throws naming the argument. */
    static int months(Integer contractsEndingWithinMonths) {
        int months = contractsEndingWithinMonths == null ? 3 : contractsEndingWithinMonths;
        if (months < 0 || months > MAX_MONTHS) {
            throw new InvalidInputException("contractsEndingWithinMonths",
                    "doit être compris entre 0 et " + MAX_MONTHS + " (reçu " + months + ")");
        }
        return months;
    }

    /** Null when the territory does not exist. */
    Diagnosed diagnose(TerritoryRef ref, LocalDate referenceDate, Integer contractsEndingWithinMonths) {
        int months = months(contractsEndingWithinMonths);
        var territory = territories.find(ref);
        if (territory == null) {
            return null;
        }
        var today = referenceDate == null ? LocalDate.now(clock) : referenceDate;
        ref = territory.ref();
        var parentRef = territory.comparisonParent();
        var subLevel = subLevel(territory.level());
        var at = kept.now();
        var diagnosed = ref;
        // requests for the same territory at once (a dashboard after a write) compute its figures once
        var comparison = at.shared(new ComparisonOf(diagnosed, today), Comparison.class,
                () -> figures(at, diagnosed, parentRef, subLevel, today));
        var own = comparison.own();
        var horizon = today.plusMonths(months);
        var details = at.get(new DetailsOf(ref, today, horizon), CoverageRepository.Details.class,
                () -> coverage.details(territory.ref(), today, horizon, TOP));
        var lackingCoordinator = empty(subLevel);
        var lackingAdviser = empty(subLevel);
        if (subLevel != null) {
            var gaps = CoverageGaps.page(comparison.subTerritories(), List.of(Lacking.COORDINATOR, Lacking.ADVISER),
                    false, new PageRequest(TOP, null));
            lackingCoordinator = summary(subLevel, gaps.get(Lacking.COORDINATOR));
            lackingAdviser = summary(subLevel, gaps.get(Lacking.ADVISER));
        }
        var parent = comparison.parent();
        var france = comparison.france();
        var diagnosis = new Diagnosis(ref, parentRef, today, own.population(), own.communes(), own.epcis(),
                own.advisers(),
                new RatioComparison(own.advisersPer10000(), parent.advisersPer10000(), france.advisersPer10000()),
                own.coordinators(), own.coordinatedAdvisers(), own.advisers() - own.coordinatedAdvisers(),
                new RatioComparison(own.coordinatedShare(), parent.coordinatedShare(), france.coordinatedShare()),
                own.coveredPopulation(), new RatioComparison(own.coordinatorCoverage(), parent.coordinatorCoverage(),
                        france.coordinatorCoverage()),
                own.status(), own.places(), details.placesByService(), details.placesByPublic(),
                details.partnersByKind(), details.employersBySector(), details.employersByLegalKind(),
                lackingCoordinator, lackingAdviser, details.ending());
        return new Diagnosed(territory, diagnosis, own, parent, france);
    }

    /** The figures of France at a reference date, kept between writes. */
    TerritoryCoverage france(LocalDate today) {
        return kept.now().get(new FranceOn(today), TerritoryCoverage.class, () -> coverage.france(today));
    }

    // What is kept between writes, per reference date (see KeptFigures).
    private record FranceOn(LocalDate date) {
    }

    private record FiguresOf(TerritoryRef ref, LocalDate date) {
    }

    private record OwnFiguresOf(TerritoryRef ref, LocalDate date) {
    }

    private record DetailsOf(TerritoryRef ref, LocalDate date, LocalDate horizon) {
    }

    /** Not kept (its parts are): what concurrent requests for one diagnosis compute once. */
    private record ComparisonOf(TerritoryRef ref, LocalDate date) {
    }

    /** A territory's figures with those of its sub-territories (an EPCI's: up to a few hundred communes). */
    private record OwnFigures(TerritoryCoverage own, List<TerritoryCoverage> subTerritories)
            implements KeptFigures.Weighed {

        @Override
        public int weight() {
            return 1 + subTerritories.size() / 10;
        }
    }

    /** What a diagnosis compares: the territory and its sub-territories, its parent (France without one), France. */
    record Comparison(TerritoryCoverage own, List<TerritoryCoverage> subTerritories, TerritoryCoverage parent,
            TerritoryCoverage france) {
    }

    /**
     * The figures a diagnosis compares, those kept at {@code at} and, in one statement, those missing: the territory
     * with its sub-territories, the parent, France.
     */
    private Comparison figures(KeptBetweenWrites.At at, TerritoryRef ref, TerritoryRef parentRef,
            TerritoryLevel subLevel, LocalDate today) {
        var own = at.find(new OwnFiguresOf(ref, today), OwnFigures.class);
        var parent = parentRef == null ? null : at.find(new FiguresOf(parentRef, today), TerritoryCoverage.class);
        var france = at.find(new FranceOn(today), TerritoryCoverage.class);
        if (own == null || parentRef != null && parent == null || france == null) {
            var refs = new ArrayList<TerritoryRef>();
            if (own == null) {
                refs.add(ref);
            }
            if (parentRef != null && parent == null) {
                refs.add(parentRef);
            }
            var computed = coverage.figures(refs, own == null ? subLevel : null, ref, france == null, today);
            var found = computed.territories();
            if (own == null) {
                own = at.keep(new OwnFiguresOf(ref, today), new OwnFigures(
                        found.getOrDefault(ref, TerritoryCoverage.EMPTY), List.copyOf(computed.subTerritories())));
            }
            if (parentRef != null && parent == null) {
                parent = at.keep(new FiguresOf(parentRef, today),
                        found.getOrDefault(parentRef, TerritoryCoverage.EMPTY));
            }
            if (france == null) {
                france = at.keep(new FranceOn(today), found.getOrDefault(null, TerritoryCoverage.EMPTY));
            }
        }
        return new Comparison(own.own(), own.subTerritories(), parentRef == null ? france : parent, france);
    }

    /** The level of a territory's sub-territories (see {@link TerritoryLevel#below()}). */
    static TerritoryLevel subLevel(TerritoryLevel level) {
        return level.below();
    }

    private static CoverageGapSummary summary(TerritoryLevel level, CoverageGapConnection gaps) {
        return new CoverageGapSummary(level, gaps.totalCount(), gaps.totalPopulation(), gaps.nodes());
    }

    private static CoverageGapSummary empty(TerritoryLevel level) {
        return new CoverageGapSummary(level, 0, 0, List.of());
    }
}
