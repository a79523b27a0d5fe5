package fr.maillage.coverage;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

import fr.maillage.coverage.CoverageModel.CoverageGapConnection;
import fr.maillage.coverage.CoverageModel.Diagnosis;
import fr.maillage.coverage.CoverageModel.EndingContracts;
import fr.maillage.coverage.CoverageModel.Lacking;
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

    private final CoverageRepository coverage;
    private final DiagnosisService diagnoses;
    private final TerritoryRepository territories;
    private final ApiProperties limits;

    CoverageController(CoverageRepository coverage, DiagnosisService diagnoses, TerritoryRepository territories,
            ApiProperties limits) {
        this.coverage = coverage;
        this.diagnoses = diagnoses;
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
        var diagnosed = diagnoses.diagnose(new TerritoryRef(level, code), referenceDate, contractsEndingWithinMonths);
        if (diagnosed == null) {
            return null;
        }
        loader.prime(diagnosed.territory().ref(), diagnosed.territory());
        return diagnosed.diagnosis();
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

    private static LocalDate date(LocalDate referenceDate) {
        return referenceDate == null ? LocalDate.now() : referenceDate;
    }
}
