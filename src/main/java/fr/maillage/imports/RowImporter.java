package fr.maillage.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    /** Columns the header must have; "a|b" means one of them. */
    abstract List<String> requiredColumns();

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

    /** Errors that depend on the other accepted rows (references between rows); none by default. */
    Map<Integer, List<FieldError>> crossCheck(List<PlannedRow> accepted) {
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
