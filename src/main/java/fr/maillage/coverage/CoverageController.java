package fr.maillage.coverage;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import fr.maillage.coverage.CoverageModel.CoverageGapConnection;
import fr.maillage.coverage.CoverageModel.CoverageGapSummary;
import fr.maillage.coverage.CoverageModel.Diagnosis;
import fr.maillage.coverage.CoverageModel.EndingContracts;
import fr.maillage.coverage.CoverageModel.Lacking;
import fr.maillage.coverage.CoverageModel.RatioComparison;
import fr.maillage.coverage.CoverageModel.TerritoryCoverage;
import fr.maillage.graphql.ApiProperties;
import fr.maillage.graphql.Connection;
import fr.maillage.graphql.InvalidInputException;
import fr.maillage.graphql.PageRequest;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.territories.TerritoryRepository;
import graphql.schema.DataFetchingFieldSelectionSet;
import org.dataloader.DataLoader;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Coverage gaps and territorial diagnosis. Aggregates only, public like every count. A request costs a fixed number
 * of statements: gaps one (plus one to check {@code within}), a diagnosis three (territory; figures of the territory,
 * its parent, France and the sub-territories; details), plus the batched territory loads of nested fields.
 */
@Controller
class CoverageController {

    static final int TOP = 20;
    static final int MAX_MONTHS = 36;

    private final CoverageRepository coverage;
    private final TerritoryRepository territories;
    private final ApiProperties limits;

    CoverageController(CoverageRepository coverage, TerritoryRepository territories, ApiProperties limits) {
        this.coverage = coverage;
        this.territories = territories;
        this.limits = limits;
    }

    @QueryMapping
    CoverageGapConnection coverageGaps(@Argument TerritoryLevel level, @Argument TerritoryRef within,
            @Argument Lacking lacking, @Argument Boolean includePartlyCovered, @Argument LocalDate referenceDate,
            @Argument Integer first, @Argument String after, DataFetchingFieldSelectionSet selection) {
        var page = PageRequest.of(first, after, limits.maxPageSize());
        if (within != null && territories.find(within) == null) {
            throw new InvalidInputException("within", "aucun territoire " + within);
        }
        var fields = EnumSet.noneOf(CoverageRepository.Figure.class);
        if (Connection.readsNodeField(selection, "advisers")) {
            fields.add(CoverageRepository.Figure.ADVISERS);
        }
        if (Connection.readsNodeField(selection, "places")) {
            fields.add(CoverageRepository.Figure.PLACES);
        }
        return coverage.gaps(level, within, List.of(lacking), Boolean.TRUE.equals(includePartlyCovered),
                date(referenceDate), page, fields).get(lacking);
    }

    @QueryMapping
    Diagnosis diagnosis(@Argument TerritoryLevel level, @Argument String code, @Argument LocalDate referenceDate,
            @Argument Integer contractsEndingWithinMonths, DataLoader<TerritoryRef, Territory> loader) {
        int months = contractsEndingWithinMonths == null ? 3 : contractsEndingWithinMonths;
        if (months < 0 || months > MAX_MONTHS) {
            throw new InvalidInputException("contractsEndingWithinMonths",
                    "doit être compris entre 0 et " + MAX_MONTHS + " (reçu " + months + ")");
        }
        var territory = territories.find(new TerritoryRef(level, code));
        if (territory == null) {
            return null;
        }
        loader.prime(territory.ref(), territory);
        var today = date(referenceDate);
        var ref = territory.ref();
        var parentRef = parent(territory);
        var refs = new ArrayList<TerritoryRef>();
        refs.add(ref);
        if (parentRef != null) {
            refs.add(parentRef);
        }
        var subLevel = level == TerritoryLevel.COMMUNE ? null : TerritoryLevel.values()[level.ordinal() + 1];
        var figures = coverage.figures(refs, subLevel, ref, true, today);
        var own = figures.territories().getOrDefault(ref, TerritoryCoverage.EMPTY);
        var france = figures.territories().getOrDefault(null, TerritoryCoverage.EMPTY);
        var parent = parentRef == null ? france : figures.territories().getOrDefault(parentRef, TerritoryCoverage.EMPTY);
        var details = coverage.details(ref, today, today.plusMonths(months), TOP);
        var lackingCoordinator = empty(subLevel);
        var lackingAdviser = empty(subLevel);
        if (subLevel != null) {
            var gaps = coverage.page(figures.subTerritories(), List.of(Lacking.COORDINATOR, Lacking.ADVISER), false,
                    new PageRequest(TOP, null));
            lackingCoordinator = summary(subLevel, gaps.get(Lacking.COORDINATOR));
            lackingAdviser = summary(subLevel, gaps.get(Lacking.ADVISER));
        }
        return new Diagnosis(ref, parentRef, today, own.population(), own.communes(), own.epcis(), own.advisers(),
                new RatioComparison(own.advisersPer10000(), parent.advisersPer10000(), france.advisersPer10000()),
                own.coordinators(), own.coordinatedAdvisers(), own.advisers() - own.coordinatedAdvisers(),
                new RatioComparison(own.coordinatedShare(), parent.coordinatedShare(), france.coordinatedShare()),
                own.coveredPopulation(), new RatioComparison(own.coordinatorCoverage(), parent.coordinatorCoverage(),
                        france.coordinatorCoverage()),
                own.status(), own.places(), details.placesByService(), details.placesByPublic(),
                details.partnersByKind(), details.employersBySector(), details.employersByLegalKind(),
                lackingCoordinator, lackingAdviser, details.ending());
    }

    // Territories of the answers, through the referential's data loader.

    @SchemaMapping(typeName = "TerritoryCoverage", field = "territory")
    CompletableFuture<Territory> coverageTerritory(TerritoryCoverage coverage, DataLoader<TerritoryRef, Territory> loader) {
        return loader.load(coverage.ref());
    }

    @SchemaMapping(typeName = "Diagnosis", field = "territory")
    CompletableFuture<Territory> diagnosisTerritory(Diagnosis diagnosis, DataLoader<TerritoryRef, Territory> loader) {
        return loader.load(diagnosis.ref());
    }

    @SchemaMapping(typeName = "Diagnosis", field = "parent")
    CompletableFuture<Territory> diagnosisParent(Diagnosis diagnosis, DataLoader<TerritoryRef, Territory> loader) {
        return diagnosis.parentRef() == null ? CompletableFuture.completedFuture(null) : loader.load(diagnosis.parentRef());
    }

    @SchemaMapping(typeName = "EndingContracts", field = "communesLosingLastAdviser")
    CompletableFuture<List<Territory>> losingCommunes(EndingContracts ending, DataLoader<TerritoryRef, Territory> loader) {
        return loader.loadMany(ending.losingCommuneCodes().stream()
                .map(code -> new TerritoryRef(TerritoryLevel.COMMUNE, code)).toList())
                .thenApply(found -> found.stream().filter(Objects::nonNull).toList());
    }

    /** Commune → département, EPCI → its first département, département → region, region → none (France). */
    private static TerritoryRef parent(Territory territory) {
        return switch (territory.level()) {
            case COMMUNE, EPCI -> territory.departmentCodes().isEmpty() ? null
                    : new TerritoryRef(TerritoryLevel.DEPARTMENT, territory.departmentCodes().get(0));
            case DEPARTMENT -> territory.regionCodes().isEmpty() ? null
                    : new TerritoryRef(TerritoryLevel.REGION, territory.regionCodes().get(0));
            case REGION -> null;
        };
    }

    private static CoverageGapSummary summary(TerritoryLevel level, CoverageGapConnection gaps) {
        return new CoverageGapSummary(level, gaps.totalCount(), gaps.totalPopulation(), gaps.nodes());
    }

    private static CoverageGapSummary empty(TerritoryLevel level) {
        return new CoverageGapSummary(level, 0, 0, List.of());
    }

    private static LocalDate date(LocalDate referenceDate) {
        return referenceDate == null ? LocalDate.now() : referenceDate;
    }
}
