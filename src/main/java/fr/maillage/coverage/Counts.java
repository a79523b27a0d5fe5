package fr.maillage.coverage;

import org.neo4j.driver.Value;

/**
 * The counts of a territory as a figures statement returns them: each list of the statement carries some of them,
 * keyed by territory, and the others are zero; the counts of a territory are the sum of its entries.
 */
record Counts(String key, long population, long communes, long epcis, long places, long advisers, long coordinated,
        long coordinators, long coveredCommunes, long coveredPopulation) {

    /** An entry of a list of a figures statement (a map), its missing counts zero. */
    static Counts of(Value entry) {
        return new Counts(entry.get("key").asString(null), count(entry, "population"), count(entry, "communes"),
                count(entry, "epcis"), count(entry, "places"), count(entry, "advisers"), count(entry, "coordinated"),
                count(entry, "coordinators"), count(entry, "coveredCommunes"), count(entry, "coveredPopulation"));
    }

    Counts plus(Counts other) {
        return new Counts(key, population + other.population, communes + other.communes, epcis + other.epcis,
                places + other.places, advisers + other.advisers, coordinated + other.coordinated,
                coordinators + other.coordinators, coveredCommunes + other.coveredCommunes,
                coveredPopulation + other.coveredPopulation);
    }

    /**
     * Coverage by the coordinators: share of the population; share of the communes when the territory has no
     * recorded population.
     */
    double coverage() {
        return population > 0 ? (double) coveredPopulation / population
                : communes > 0 ? (double) coveredCommunes / communes : 0.0;
    }

    private static long count(Value entry, String name) {
        var value = entry.get(name);
        return value.isNull() ? 0 : value.asNumber().longValue();
    }
}
