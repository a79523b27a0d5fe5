package fr.maillage.database;

import java.util.HashMap;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** The small helper the writers share: run a statement for its effect, and name its parameters inline. */
@Component
public class Cypher {

    private final Neo4jClient neo4j;

    Cypher(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** Runs a statement for its effect, in the caller's transaction. */
    public void run(String statement, Map<String, Object> parameters) {
        neo4j.query(statement).bindAll(parameters).run();
    }

    /** {@code parameters("id", id, "day", day)}: a mutable map (null values allowed), to which a caller may add. */
    public static Map<String, Object> parameters(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values go by pairs");
        }
        var map = new HashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
