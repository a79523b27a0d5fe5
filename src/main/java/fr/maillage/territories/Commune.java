package fr.maillage.territories;

import java.util.List;

/** A current commune; {@code epciCode} is null for the few communes outside any EPCI. */
public record Commune(String code, String name, int population, String siren, List<String> postalCodes,
        String departmentCode, String regionCode, String epciCode) implements Territory {

    @Override
    public TerritoryLevel level() {
        return TerritoryLevel.COMMUNE;
    }

    @Override
    public List<String> departmentCodes() {
        return List.of(departmentCode);
    }

    @Override
    public List<String> regionCodes() {
        return List.of(regionCode);
    }
}
