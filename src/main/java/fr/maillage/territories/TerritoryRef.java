package fr.maillage.territories;

import java.util.Locale;

/** A territory named the only unambiguous way: level and code. Also the GraphQL input of the same name. */
public record TerritoryRef(TerritoryLevel level, String code) {

    public TerritoryRef {
        code = code == null ? null : code.trim().toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return level + ":" + code;
    }
}
