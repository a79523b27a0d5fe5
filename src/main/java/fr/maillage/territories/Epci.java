package fr.maillage.territories;

import java.util.List;

public record Epci(String code, String name, int population, String nature, List<String> departmentCodes,
        List<String> regionCodes) implements Territory {

    @Override
    public TerritoryLevel level() {
        return TerritoryLevel.EPCI;
    }

    public String siren() {
        return code;
    }

    public String natureLabel() {
        return switch (nature) {
            case "CC" -> "Communauté de communes";
            case "CA" -> "Communauté d'agglomération";
            case "CU" -> "Communauté urbaine";
            case "METRO" -> "Métropole";
            case "MET69" -> "Métropole de Lyon";
            default -> nature;
        };
    }
}
