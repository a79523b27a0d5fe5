package fr.maillage.imports;

import java.util.Map;

/**
 * One record of the file: its line number (CSV: the line it starts on, header = 1; JSON: the line its object starts
 * on, or the next free number when several objects start on one line; XLSX: the sheet's row) and its values by
 * normalised column name.
 */
record SourceRow(int line, Map<String, String> values) {

    /**
     * A pseudo-column a reader adds when a record's field count differs from the header's ("fields/columns"): the row
     * check rejects the row with the counts.
     */
    static final String FIELD_COUNT = "\u0000fields";

    /** The value, trimmed; empty when the column is absent or blank. */
    String get(String column) {
        var value = values.get(column);
        return value == null ? "" : value.strip();
    }

    boolean has(String column) {
        return !get(column).isEmpty();
    }
}
