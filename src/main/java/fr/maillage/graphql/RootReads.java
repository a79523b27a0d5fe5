package fr.maillage.graphql;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import graphql.schema.DataFetchingEnvironment;
import org.dataloader.DataLoader;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import reactor.core.publisher.Mono;

/**
 * The reads of a request's root fields, sent to the database as one statement. Each root field that reads around one
 * actor loads a {@link RootRead} here instead of running its own statement; the reads a request loads are batched
 * (graphql-java dispatches once every root field has been called) and sent together:
 * <pre>
 * CALL () { read 1 } WITH collect(column1) AS r0
 * CALL () { read 2 } WITH r0, collect(column2) AS r1
 * RETURN r0, r1
 * </pre>
 * each read's parameters renamed {@code $r0_id}, {@code $r1_id}... A lone read is sent as written, so the statement a
 * reader pastes into Neo4j Browser is the read itself.
 */
@Component
public class RootReads {

    static final String LOADER = "rootReads";

    private static final Pattern COLUMN = Pattern.compile("\\bAS\\s+([A-Za-z_][A-Za-z0-9_]*)$");
    private static final Pattern PARAMETER = Pattern.compile("\\$([A-Za-z_][A-Za-z0-9_]*)");

    private final Neo4jClient neo4j;
    private final TransactionTemplate readOnly;

    RootReads(Neo4jClient neo4j, PlatformTransactionManager transactions, BatchLoaderRegistry loaders) {
        this.neo4j = neo4j;
        this.readOnly = new TransactionTemplate(transactions);
        readOnly.setReadOnly(true);
        loaders.<RootRead<?>, Object>forName(LOADER).registerMappedBatchLoader((reads, env) ->
                Mono.fromCallable(() -> readOnly.execute(status -> run(List.copyOf(reads)))));
    }

    /**
     * One root field's read: a query ending in a {@code RETURN} of one column, its parameters, and what its rows (the
     * values of that column) make. The query may not name a parameter another read of the same request names
     * differently: each is renamed apart when composed.
     */
    public record RootRead<T>(String cypher, Map<String, Object> parameters, Function<List<Value>, T> result) {
    }

    /** The answer of {@code read}, sent with the other root reads of the request. */
    @SuppressWarnings("unchecked") // the loader holds every read's answer as Object; each read maps its own type
    public static <T> CompletableFuture<T> load(DataFetchingEnvironment env, RootRead<T> read) {
        DataLoader<RootRead<?>, Object> loader = env.getDataLoader(LOADER);
        return loader.load(read).thenApply(answer -> (T) answer);
    }

    /**
     * The answer of {@code read} sent alone, as written, in the caller's transaction: for a caller outside a GraphQL
     * request (an export) that needs what a root field reads.
     */
    public <T> T readAlone(RootRead<T> read) {
        var rows = neo4j.query(read.cypher()).bindAll(read.parameters()).fetchAs(Value.class)
                .mappedBy((types, record) -> record.get(0)).all();
        return read.result().apply(List.copyOf(rows));
    }

    /** The answers of {@code reads}, in one statement; a null answer is left out. */
    Map<RootRead<?>, Object> run(List<RootRead<?>> reads) {
        var answers = new HashMap<RootRead<?>, Object>();
        if (reads.size() == 1) {
            var answer = readAlone(reads.get(0));
            if (answer != null) {
                answers.put(reads.get(0), answer);
            }
            return answers;
        }
        var composed = compose(reads);
        Record record = neo4j.query(composed.cypher()).bindAll(composed.parameters()).fetchAs(Record.class)
                .mappedBy((types, row) -> row).one().orElseThrow();
        for (int i = 0; i < reads.size(); i++) {
            put(answers, reads.get(i), record.get("r" + i).asList(value -> value));
        }
        return answers;
    }

    private static void put(Map<RootRead<?>, Object> answers, RootRead<?> read, List<Value> rows) {
        var answer = read.result().apply(rows);
        if (answer != null) {
            answers.put(read, answer);
        }
    }

    record Composed(String cypher, Map<String, Object> parameters) {
    }

    /**
     * The statement of several reads: each a CALL subquery whose rows are collected into one list (empty when it
     * finds nothing, so the next still runs once), its parameters prefixed apart.
     */
    static Composed compose(List<RootRead<?>> reads) {
        var statement = new StringBuilder();
        var columns = new ArrayList<String>();
        var parameters = new HashMap<String, Object>();
        for (int i = 0; i < reads.size(); i++) {
            var prefix = "r" + i;
            var read = reads.get(i);
            var column = COLUMN.matcher(read.cypher().strip());
            if (!column.find()) {
                throw new IllegalArgumentException("a root read ends in RETURN ... AS column: " + read.cypher());
            }
            var body = PARAMETER.matcher(read.cypher().strip())
                    .replaceAll(match -> Matcher.quoteReplacement("$" + prefix + "_" + match.group(1)));
            statement.append("CALL () {\n").append(body.indent(2)).append("}\n")
                    .append("WITH ").append(columns.stream().map(c -> c + ", ").reduce("", String::concat))
                    .append("collect(").append(column.group(1)).append(") AS ").append(prefix).append('\n');
            columns.add(prefix);
            read.parameters().forEach((name, value) -> parameters.put(prefix + "_" + name, value));
        }
        return new Composed(statement.append("RETURN ").append(String.join(", ", columns)).toString(), parameters);
    }
}
