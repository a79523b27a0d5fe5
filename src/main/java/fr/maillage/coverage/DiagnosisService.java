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
import fr.maillage.validation.InvalidInputException;
import fr.maillage.graphql.PageRequest;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.territories.TerritoryRepository;
import org.springframework.stereotype.Service;

/**
 * The territorial diagnosis, as the GraphQL field {@code diagnosis} and the PDF report give it: three statements
 * (the territory; the figures of the territory, its parent, France and its sub-territories; the details).
 */
@Service
class DiagnosisService {

    static final int TOP = 20;
    static final int MAX_MONTHS = 36;

    private final CoverageRepository coverage;
    private final TerritoryRepository territories;
    private final Clock clock;

    DiagnosisService(CoverageRepository coverage, TerritoryRepository territories, Clock clock) {
        this.coverage = coverage;
        this.territories = territories;
        this.clock = clock;
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
        var level = territory.level();
        ref = territory.ref();
        var parentRef = territory.comparisonParent();
        var refs = new ArrayList<TerritoryRef>();
        refs.add(ref);
        if (parentRef != null) {
            refs.add(parentRef);
        }
        var subLevel = subLevel(level);
        var figures = coverage.figures(refs, subLevel, ref, true, today);
        var own = figures.territories().getOrDefault(ref, TerritoryCoverage.EMPTY);
        var france = figures.territories().getOrDefault(null, TerritoryCoverage.EMPTY);
        var parent = parentRef == null ? france : figures.territories().getOrDefault(parentRef, TerritoryCoverage.EMPTY);
        var details = coverage.details(ref, today, today.plusMonths(months), TOP);
        var lackingCoordinator = empty(subLevel);
        var lackingAdviser = empty(subLevel);
        if (subLevel != null) {
            var gaps = CoverageGaps.page(figures.subTerritories(), List.of(Lacking.COORDINATOR, Lacking.ADVISER), false,
                    new PageRequest(TOP, null));
            lackingCoordinator = summary(subLevel, gaps.get(Lacking.COORDINATOR));
            lackingAdviser = summary(subLevel, gaps.get(Lacking.ADVISER));
        }
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
