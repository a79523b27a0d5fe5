package fr.maillage.imports;

import java.util.Map;

/**
 * One record of the file: its line number (CSV: the line it starts on, header = 1; JSON: the line its object starts
 * on, or the next free number when several objects start on one line; XLSX: the sheet's row) and its values by
 * normalised column name.
 */
record SourceRow(int line, Map<String, String> values) {

    /** The value, trimmed; empty when the column is absent or blank. */
    String get(String column) {
        var value = values.get(column);
        return value == null ? "" : value.strip();
    }

    boolean has(String column) {
        return !get(column).isEmpty();
    }
}
