package fr.maillage.territories;

/** The levels of the INSEE geography; each is a Neo4j label of its own because codes overlap across levels. */
public enum TerritoryLevel {
    REGION("Region"), DEPARTMENT("Department"), EPCI("Epci"), COMMUNE("Commune");

    private final String label;

    TerritoryLevel(String label) {
        this.label = label;
    }

    /** The Neo4j label; safe to splice into Cypher since it comes from this enum only. */
    public String label() {
        return label;
    }

    /** The level of a territory's sub-territories: region → départements, département → EPCI, EPCI → communes. */
    public TerritoryLevel below() {
        return this == COMMUNE ? null : values()[ordinal() + 1];
    }
}
