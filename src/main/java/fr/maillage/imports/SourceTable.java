package fr.maillage.imports;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import fr.maillage.territories.SearchText;

/**
 * A file read into rows. {@code semicolonLists}: older files of the places standard separate the values of a list field
 * with {@code ;} when the file itself is separated by {@code ,}. {@code notes}: how the file was read, for the report
 * (an encoding other than UTF-8).
 */
record SourceTable(String format, Set<String> columns, List<SourceRow> rows, boolean semicolonLists,
        List<String> notes) {

    SourceTable withNotes(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        var all = new ArrayList<>(notes);
        all.addAll(more);
        return new SourceTable(format, columns, rows, semicolonLists, List.copyOf(all));
    }

    /** Column names compared without case, accents or punctuation: "Code INSEE" and "code_insee" are one column. */
    static String column(String header) {
        return SearchText.fold(header).replace(' ', '_');
    }

    /** More columns than any import kind reads: a header beyond it is not a table of the network. */
    static final int MAX_COLUMNS = 200;

    /**
     * Header names as columns: none empty, none twice, at most {@value #MAX_COLUMNS} (CSV and XLSX headers).
     * Empty names at the end are dropped: a spreadsheet saves the empty columns it once had ("nom;adresse;;;").
     */
    static List<String> columns(List<String> header) {
        int last = header.size();
        while (last > 0 && column(header.get(last - 1)).isEmpty()) {
            last--;
        }
        if (last > MAX_COLUMNS) {
            throw ImportException.unreadable("l'en-tête compte " + last + " colonnes ; " + MAX_COLUMNS + " au plus");
        }
        var columns = new ArrayList<String>();
        for (var name : header.subList(0, last)) {
            var column = column(name);
            if (column.isEmpty()) {
                throw ImportException.unreadable("l'en-tête contient une colonne sans nom (colonne " + (columns.size() + 1)
                        + ")");
            }
            if (columns.contains(column)) {
                throw ImportException.unreadable("l'en-tête contient deux fois la colonne « " + column + " »");
            }
            columns.add(column);
        }
        return columns;
    }
}
