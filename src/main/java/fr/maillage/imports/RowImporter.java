package fr.maillage.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.maillage.database.CypherResource;
import org.neo4j.driver.QueryRunner;

/**
 * One kind of import: which columns it needs, what it looks up before checking rows, how a row becomes a write, and
 * the write itself. A fresh instance serves one run.
 */
abstract class RowImporter {

    static final String DIR = "neo4j/loaders/imports/";
    static final int BATCH = 1_000;

    /** A node written (or that would be): the row's line, CREATED / UPDATED / UNCHANGED, the node's id. */
    record Written(int line, RowStatus status, String id) {

        static Written of(org.neo4j.driver.Record record) {
            return new Written(record.get("line").asInt(), RowStatus.valueOf(record.get("status").asString()),
                    record.get("id").asString(null));
        }
    }

    /** The file's name of each column read under another name ({@link #aliases}), to name it in the report. */
    private final Map<String, String> asWritten = new HashMap<>();

    /** Columns the header must have; "a|b" means one of them (canonical names: aliases are renamed first). */
    abstract List<String> requiredColumns();

    /**
     * Other names a column goes by in the files people hold (another tool's export), by canonical column; none by
     * default.
     */
    Map<String, List<String>> aliases() {
        return Map.of();
    }

    /**
     * The table with its columns under their canonical names. A file holding one column under two of its names is
     * refused as a whole: which one to read is not for the import to guess.
     */
    SourceTable canonical(SourceTable table) {
        var renamed = new HashMap<String, String>();
        for (var entry : aliases().entrySet()) {
            var present = Stream.concat(Stream.of(entry.getKey()), entry.getValue().stream())
                    .filter(table.columns()::contains).toList();
            if (present.size() > 1) {
                throw ImportException.unreadable("les colonnes " + present.stream().map(c -> "« " + c + " »")
                        .collect(Collectors.joining(" et ")) + " donnent la même donnée (" + entry.getKey()
                        + ") : gardez-en une");
            }
            if (present.size() == 1 && !present.get(0).equals(entry.getKey())) {
                renamed.put(present.get(0), entry.getKey());
                asWritten.put(entry.getKey(), present.get(0));
            }
        }
        if (renamed.isEmpty()) {
            return table;
        }
        var columns = new LinkedHashSet<String>();
        table.columns().forEach(column -> columns.add(renamed.getOrDefault(column, column)));
        var rows = table.rows().stream().map(row -> {
            var values = new LinkedHashMap<String, String>();
            row.values().forEach((column, value) -> values.put(renamed.getOrDefault(column, column), value));
            return new SourceRow(row.line(), values);
        }).toList();
        return new SourceTable(table.format(), columns, rows, table.semicolonLists(), table.notes());
    }

    /** The column as the file names it: a report names the file's columns. */
    String asWritten(String column) {
        return asWritten.getOrDefault(column, column);
    }

    /** Why a row repeating an earlier row's key ({@code firstLine}) is rejected. */
    String duplicate(PlannedRow row, int firstLine) {
        return "même clé « " + row.key() + " » que la ligne " + firstLine + " : une seule ligne par élément";
    }

    /** Looks up, in the import's transaction, the existing nodes and territories the rows refer to. */
    abstract void prepare(QueryRunner tx, SourceTable table);

    /** The write a valid row makes, or null when the check found errors. */
    abstract PlannedRow plan(RowCheck check);

    /**
     * Whether a node created by a dry run would get the same id in a real run: true where ids derive from public keys
     * (SIRET, place key), false where they are random (advisers), whose dry-run ids are then not reported.
     */
    boolean dryRunIdsHold() {
        return true;
    }

    /**
     * Errors that depend on the other accepted rows (references between rows) or on what the graph holds under their
     * keys, read in the import's transaction {@code tx}; none by default.
     */
    Map<Integer, List<FieldError>> crossCheck(QueryRunner tx, List<PlannedRow> accepted) {
        return Map.of();
    }

    abstract List<Written> write(QueryRunner tx, List<PlannedRow> rows);

    /**
     * Runs a statement over the rows in UNWIND batches. The statement returns, per row, {@code line}, {@code status}
     * (decided by comparing fingerprints before writing) and {@code id}.
     */
    static List<Written> inBatches(QueryRunner tx, String statement, List<PlannedRow> rows) {
        return inBatches(tx, CypherResource.read(DIR + statement), rows, true);
    }

    /** {@code cypher} itself; {@code returnsRows}: false for a statement that only writes. */
    static List<Written> inBatches(QueryRunner tx, String cypher, List<PlannedRow> rows, boolean returnsRows) {
        var written = new ArrayList<Written>(rows.size());
        for (int from = 0; from < rows.size(); from += BATCH) {
            var batch = rows.subList(from, Math.min(rows.size(), from + BATCH)).stream()
                    .map(PlannedRow::parameters).toList();
            var result = tx.run(cypher, Map.of("rows", batch));
            if (returnsRows) {
                result.forEachRemaining(r -> written.add(Written.of(r)));
            } else {
                result.consume();
            }
        }
        return written;
    }
}
