package fr.maillage.network;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import fr.maillage.graphql.Connection;
import fr.maillage.graphql.Keyset;
import fr.maillage.graphql.PageRequest;
import fr.maillage.network.NetworkModel.Adviser;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient.RunnableSpec;

/** How the network's readers turn the driver's records into their results, typed. */
final class Rows {

    private Rows() {
    }

    /** Every record of a statement, as the driver gives it (typed values, no maps). */
    static List<Record> all(RunnableSpec statement) {
        return List.copyOf(statement.fetchAs(Record.class).mappedBy((types, record) -> record).all());
    }

    /** Records keyed by their {@code key} column, grouped under each of {@code ids} (in order; empty for none). */
    static <T> Map<String, List<T>> grouped(List<Record> rows, Collection<String> ids, Function<Record, T> mapper) {
        var found = new LinkedHashMap<String, List<T>>();
        for (var id : ids) {
            found.put(id, new ArrayList<>());
        }
        rows.forEach(row -> found.get(row.get("key").asString()).add(mapper.apply(row)));
        return found;
    }

    /** A page read as {@code total} and {@code page}, a list of {@code {node, sort}}. */
    static <T> Connection<T> connection(Record row, PageRequest page, Function<Value, T> mapper,
            Function<T, String> key) {
        var nodes = row.get("page").asList(r -> mapper.apply(r.get("node")));
        return Connection.of(nodes, page, row.get("total").asLong(), key);
    }

    /**
     * Lists of people are sorted by identifier, never by name: the order of a list, and the cursor of a page, must not
     * tell a caller who may not read the names anything about them.
     */
    static String adviserKey(Adviser a) {
        return Keyset.key(a.id(), a.id());
    }
}
