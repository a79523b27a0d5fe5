package fr.maillage.graphql;

import java.util.List;
import java.util.function.Function;

import graphql.schema.DataFetchingFieldSelectionSet;

/** A Relay-style page: the GraphQL connection types of the schema all map to this record. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo, long totalCount) {

    public record Edge<T>(String cursor, T node) {
    }

    public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
    }

    /**
     * Builds the page from rows read with {@link PageRequest#fetchSize()}: the extra row, if any, only says that a
     * next page exists.
     */
    public static <T> Connection<T> of(List<T> rows, PageRequest page, long totalCount, Function<T, String> key) {
        var visible = rows.size() > page.first() ? rows.subList(0, page.first()) : rows;
        var edges = visible.stream().map(row -> new Edge<>(PageRequest.encode(key.apply(row)), row)).toList();
        var info = new PageInfo(rows.size() > page.first(), page.afterKey() != null,
                edges.isEmpty() ? null : edges.get(0).cursor(),
                edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor());
        return new Connection<>(edges, info, totalCount);
    }

    /** Whether a request for a connection reads {@code field} of its nodes, through {@code nodes} or {@code edges}. */
    public static boolean readsNodeField(DataFetchingFieldSelectionSet selection, String field) {
        return selection.containsAnyOf("nodes/" + field, "edges/node/" + field);
    }

    /** The same page with each node mapped, cursors unchanged. */
    public <U> Connection<U> map(Function<T, U> mapper) {
        return new Connection<>(edges.stream().map(edge -> new Edge<>(edge.cursor(), mapper.apply(edge.node())))
                .toList(), pageInfo, totalCount);
    }

    public List<T> nodes() {
        return edges.stream().map(Edge::node).toList();
    }
}
