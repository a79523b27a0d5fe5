package fr.maillage.territories;

import java.util.List;

/** A region, département, EPCI or commune as read from the graph. */
public sealed interface Territory permits Region, Department, Epci, Commune {

    TerritoryLevel level();

    String code();

    String name();

    int population();

    /** Départements the territory lies in (for a region: all of its départements). */
    List<String> departmentCodes();

    /** Regions the territory lies in. */
    List<String> regionCodes();

    default String id() {
        return level() + ":" + code();
    }

    default TerritoryRef ref() {
        return new TerritoryRef(level(), code());
    }

    /**
     * The territory a territory's figures are compared with: commune → its département, EPCI → its first département,
     * département → its region; none for a region (compared with France).
     */
    default TerritoryRef comparisonParent() {
        return switch (level()) {
            case COMMUNE, EPCI -> departmentCodes().isEmpty() ? null
                    : new TerritoryRef(TerritoryLevel.DEPARTMENT, departmentCodes().get(0));
            case DEPARTMENT -> regionCodes().isEmpty() ? null : new TerritoryRef(TerritoryLevel.REGION, regionCodes().get(0));
            case REGION -> null;
        };
    }
}
