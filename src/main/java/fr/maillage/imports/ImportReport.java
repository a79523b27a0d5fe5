package fr.maillage.imports;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did, or would do in a dry run. {@code atomic}: all rows or none were to be written. {@code committed}:
 * the accepted rows are in the database (false for a dry run, when the write failed, and when an atomic import had
 * rejected rows: {@code failure} then says why and nothing was written). {@code notes}: how the file was read when it
 * is worth knowing (its encoding when not UTF-8).
 */
record ImportReport(String kind, String format, boolean dryRun, boolean atomic, boolean committed, int total,
        Map<RowStatus, Integer> counts, String failure, List<String> notes, List<Row> rows) {

    /**
     * {@code placement}: how the row's commune was found (places, employers, partners), for every placed row;
     * {@code notes}: values read otherwise than written (a leading zero restored), the row being accepted with them.
     */
    record Row(int line, RowStatus status, String key, String id, Communes.Placement placement, List<FieldError> notes,
            List<FieldError> errors) {
    }

    static ImportReport of(ImportKind kind, SourceTable table, boolean dryRun, boolean atomic, boolean committed,
            String failure, List<Row> rows) {
        var counts = new EnumMap<RowStatus, Integer>(RowStatus.class);
        for (var status : RowStatus.values()) {
            counts.put(status, 0);
        }
        rows.forEach(row -> counts.merge(row.status(), 1, Integer::sum));
        return new ImportReport(kind.pathName(), table.format(), dryRun, atomic, committed, rows.size(), counts, failure,
                table.notes(), rows);
    }

    /** An atomic import that wrote nothing because some rows were rejected (not because the write failed). */
    boolean refusedAsAtomic() {
        return atomic && failure != null && count(RowStatus.REJECTED) > 0;
    }

    int count(RowStatus status) {
        return counts.getOrDefault(status, 0);
    }

    /** One line for logs and the command line. */
    String summary() {
        return String.format("Import %s%s : %d lignes, %d créées, %d modifiées, %d inchangées, %d rejetées%s", kind,
                dryRun ? " (essai à blanc, rien n'est écrit)" : "", total, count(RowStatus.CREATED),
                count(RowStatus.UPDATED), count(RowStatus.UNCHANGED), count(RowStatus.REJECTED),
                failure == null ? "" : " ; ÉCHEC, rien n'a été écrit : " + failure);
    }
}
