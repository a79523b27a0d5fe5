package fr.maillage.territories;

import java.util.List;

import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** Graph nodes to records. */
public final class TerritoryMapper {

    private TerritoryMapper() {
    }

    public static Territory territory(Object value) {
        var node = value instanceof Value v ? v.asNode() : (Node) value;
        return territory(node);
    }

    static Territory territory(Node n) {
        var level = TerritoryLevel.valueOf(n.get("level").asString());
        var code = n.get("code").asString();
        var name = n.get("name").asString();
        int population = n.get("population").asInt(0);
        return switch (level) {
            case REGION -> new Region(code, name, population, n.get("overseas").asBoolean(false),
                    n.get("chefLieu").asString(null), strings(n.get("departmentCodes")));
            case DEPARTMENT -> new Department(code, name, population, n.get("overseas").asBoolean(false),
                    n.get("chefLieu").asString(null), n.get("regionCode").asString());
            case EPCI -> new Epci(code, name, population, n.get("nature").asString(),
                    strings(n.get("departmentCodes")), strings(n.get("regionCodes")));
            case COMMUNE -> new Commune(code, name, population, n.get("siren").asString(null),
                    strings(n.get("postalCodes")), n.get("departmentCode").asString(), n.get("regionCode").asString(),
                    n.get("epciCode").asString(null));
        };
    }

    static Prefecture prefecture(Value value) {
        var n = value.asNode();
        return new Prefecture(n.get("code").asString(), n.get("name").asString(), n.get("regional").asBoolean(false),
                n.get("regionCode").asString(), n.get("seatCode").asString(null));
    }

    static Sgar sgar(Value value) {
        var n = value.asNode();
        return new Sgar(n.get("code").asString(), n.get("name").asString(), n.get("seatCode").asString(null));
    }

    private static List<String> strings(Value value) {
        return value.isNull() ? List.of() : value.asList(Value::asString);
    }
}
