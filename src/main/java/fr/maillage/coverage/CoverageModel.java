package fr.maillage.coverage;

import java.time.LocalDate;
import java.util.List;

import fr.maillage.graphql.Connection;
import fr.maillage.territories.TerritoryRef;

/** What the coverage queries answer. Public records: graphql-java reads their fields by reflection. */
public final class CoverageModel {

    private CoverageModel() {
    }

    public enum Lacking {
        COORDINATOR, ADVISER, PLACE
    }

    public enum CoverageStatus {
        COVERED, PARTLY_COVERED, NOT_COVERED;

        static CoverageStatus of(double coverage) {
            return coverage >= 1.0 ? COVERED : coverage > 0.0 ? PARTLY_COVERED : NOT_COVERED;
        }
    }

    /**
     * The figures of a group of communes (a territory, or France when {@code ref} is null), at a reference date.
     * {@code coordinatedAdvisers} and {@code epcis} back the diagnosis only.
     */
    public record TerritoryCoverage(TerritoryRef ref, int population, int communes, int epcis, int advisers,
            int coordinatedAdvisers, int coordinators, int places, int coveredPopulation, double coordinatorCoverage,
            CoverageStatus status) {

        /** The figures of {@code counts}, with their coverage by the coordinators. */
        static TerritoryCoverage of(TerritoryRef ref, Counts counts, double coverage) {
            return new TerritoryCoverage(ref, (int) counts.population(), (int) counts.communes(),
                    (int) counts.epcis(), (int) counts.advisers(), (int) counts.coordinated(),
                    (int) counts.coordinators(), (int) counts.places(), (int) counts.coveredPopulation(), coverage,
                    CoverageStatus.of(coverage));
        }

        /** Advisers per 10,000 inhabitants; null without population. */
        Double advisersPer10000() {
            return population == 0 ? null : advisers * 10_000.0 / population;
        }

        /** Share of the advisers serving the group that are coordinated; null without adviser. */
        Double coordinatedShare() {
            return advisers == 0 ? null : (double) coordinatedAdvisers / advisers;
        }

        static final TerritoryCoverage EMPTY = new TerritoryCoverage(null, 0, 0, 0, 0, 0, 0, 0, 0, 0.0,
                CoverageStatus.NOT_COVERED);
    }

    /** The figures of France at a reference date. */
    public record FranceCoverage(LocalDate referenceDate, int population, int communes, int advisers,
            Double advisersPer10000, int coordinators, int places, int coveredPopulation, double coordinatorCoverage,
            CoverageStatus status) {

        static FranceCoverage of(TerritoryCoverage france, LocalDate referenceDate) {
            return new FranceCoverage(referenceDate, france.population(), france.communes(), france.advisers(),
                    france.advisersPer10000(), france.coordinators(), france.places(), france.coveredPopulation(),
                    france.coordinatorCoverage(), france.status());
        }
    }

    /** A page of territories lacking something, with the total population concerned across all pages. */
    public record CoverageGapConnection(Connection<TerritoryCoverage> page, long totalPopulation) {

        public long totalCount() {
            return page.totalCount();
        }

        public List<Connection.Edge<TerritoryCoverage>> edges() {
            return page.edges();
        }

        public List<TerritoryCoverage> nodes() {
            return page.nodes();
        }

        public Connection.PageInfo pageInfo() {
            return page.pageInfo();
        }
    }

    public record LabelCount(String code, String label, int count) {
    }

    public record RatioComparison(Double value, Double parent, Double france) {
    }

    public record CoverageGapSummary(fr.maillage.territories.TerritoryLevel level, long totalCount,
            long totalPopulation, List<TerritoryCoverage> top) {
    }

    public record EndingContract(String adviserId, LocalDate end, String employerName) {
    }

    /** {@code losingCommuneCodes} back the field {@code communesLosingLastAdviser}. */
    public record EndingContracts(int count, List<EndingContract> contracts, List<String> losingCommuneCodes) {
    }

    public record Diagnosis(TerritoryRef ref, TerritoryRef parentRef, LocalDate referenceDate, int population,
            int communes, int epcis, int advisers, RatioComparison advisersPer10000, int coordinators,
            int coordinatedAdvisers, int uncoordinatedAdvisers, RatioComparison coordinatedShare,
            int coveredPopulation, RatioComparison coordinatorCoverage, CoverageStatus status, int places,
            List<LabelCount> placesByService, List<LabelCount> placesByPublic, List<LabelCount> partnersByKind,
            List<LabelCount> employersBySector, List<LabelCount> employersByLegalKind,
            CoverageGapSummary subTerritoriesLackingCoordinator, CoverageGapSummary subTerritoriesLackingAdviser,
            EndingContracts endingContracts) {
    }
}
