package fr.maillage.coverage;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import fr.maillage.activities.ActivityFigures;
import fr.maillage.activities.ActivityModel.TerritoryActivity;
import fr.maillage.activities.ActivityPeriods;
import fr.maillage.activities.ActivityPeriods.PeriodInput;
import fr.maillage.coverage.CoverageModel.CoverageGapConnection;
import fr.maillage.coverage.CoverageModel.Diagnosis;
import fr.maillage.coverage.CoverageModel.EndingContracts;
import fr.maillage.coverage.CoverageModel.FranceCoverage;
import fr.maillage.coverage.CoverageModel.Lacking;
import fr.maillage.coverage.CoverageModel.TerritoryCoverage;
import fr.maillage.graphql.ApiProperties;
import fr.maillage.graphql.Connection;
import fr.maillage.validation.InvalidInputException;
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
 * Coverage gaps, figures of every territory of a level or of France, and territorial diagnosis. Aggregates only,
 * public like every count. A request costs a fixed number of statements: gaps and a level's figures one (plus one to
 * check {@code within}), France one, a diagnosis three (territory; figures of the territory,
 * its parent, France and the sub-territories; details), plus the batched territory loads of nested fields.
 */
@Controller
class CoverageController {

    private final CoverageRepository coverage;
    private final DiagnosisService diagnoses;
    private final TerritoryRepository territories;
    private final ApiProperties limits;
    private final ActivityFigures activities;
    private final Clock clock;

    CoverageController(CoverageRepository coverage, DiagnosisService diagnoses, TerritoryRepository territories,
            ApiProperties limits, Clock clock, ActivityFigures activities) {
        this.coverage = coverage;
        this.diagnoses = diagnoses;
        this.territories = territories;
        this.limits = limits;
        this.activities = activities;
        this.clock = clock;
    }

    @QueryMapping
    CoverageGapConnection coverageGaps(@Argument TerritoryLevel level, @Argument TerritoryRef within,
            @Argument Lacking lacking, @Argument Boolean includePartlyCovered, @Argument LocalDate referenceDate,
            @Argument Integer first, @Argument String after, DataFetchingFieldSelectionSet selection) {
        var page = PageRequest.of(first, after, limits.maxPageSize());
        checkWithin(within);
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

    /**
     * Every territory of a level with its figures. Over the whole country, regions and départements only: a list of
     * every EPCI or commune of France is an export, not an answer.
     */
    @QueryMapping
    List<TerritoryCoverage> territoryCoverages(@Argument TerritoryLevel level, @Argument TerritoryRef within,
            @Argument LocalDate referenceDate) {
        if (within == null && (level == TerritoryLevel.EPCI || level == TerritoryLevel.COMMUNE)) {
            throw new InvalidInputException("within", "obligatoire pour le niveau " + level
                    + " (les territoires d'une région, d'un département ou d'un EPCI) ; sans lui, REGION ou"
                    + " DEPARTMENT seulement");
        }
        checkWithin(within);
        return coverage.all(level, within, date(referenceDate));
    }

    @QueryMapping
    FranceCoverage franceCoverage(@Argument LocalDate referenceDate) {
        var date = date(referenceDate);
        return FranceCoverage.of(diagnoses.france(date), date);
    }

    @QueryMapping
    Diagnosis diagnosis(@Argument TerritoryLevel level, @Argument String code, @Argument LocalDate referenceDate,
            @Argument Integer contractsEndingWithinMonths, DataLoader<TerritoryRef, Territory> loader) {
        var diagnosed = diagnoses.diagnose(new TerritoryRef(level, code), referenceDate, contractsEndingWithinMonths);
        if (diagnosed == null) {
            return null;
        }
        loader.prime(diagnosed.territory().ref(), diagnosed.territory());
        return diagnosed.diagnosis();
    }

    /** The activity of the diagnosed territory, by default over the twelve months ending on its reference date. */
    @SchemaMapping(typeName = "Diagnosis", field = "activity")
    TerritoryActivity diagnosisActivity(Diagnosis diagnosis, @Argument PeriodInput period) {
        return activities.ofTerritory(diagnosis.ref(), diagnosis.parentRef(),
                ActivityPeriods.of(period, diagnosis.referenceDate()));
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

    /** Advisers per 10,000 inhabitants, the diagnosis's ratio; empty without population. */
    @SchemaMapping(typeName = "TerritoryCoverage", field = "advisersPer10000")
    Double advisersPer10000(TerritoryCoverage coverage) {
        return coverage.advisersPer10000();
    }

    private void checkWithin(TerritoryRef within) {
        if (within != null && territories.find(within) == null) {
            throw new InvalidInputException("within", "aucun territoire " + within);
        }
    }

    private LocalDate date(LocalDate referenceDate) {
        return referenceDate == null ? LocalDate.now(clock) : referenceDate;
    }
}
