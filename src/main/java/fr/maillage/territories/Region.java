package fr.maillage.territories;

import java.util.List;

public record Region(String code, String name, int population, boolean overseas, String chefLieuCode,
        List<String> departmentCodes) implements Territory {

    @Override
    public TerritoryLevel level() {
        return TerritoryLevel.REGION;
    }

    @Override
    public List<String> regionCodes() {
        return List.of(code);
    }
}
