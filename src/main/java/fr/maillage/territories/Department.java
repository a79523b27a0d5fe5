package fr.maillage.territories;

import java.util.List;

public record Department(String code, String name, int population, boolean overseas, String chefLieuCode,
        String regionCode) implements Territory {

    @Override
    public TerritoryLevel level() {
        return TerritoryLevel.DEPARTMENT;
    }

    @Override
    public List<String> departmentCodes() {
        return List.of(code);
    }

    @Override
    public List<String> regionCodes() {
        return List.of(regionCode);
    }
}
