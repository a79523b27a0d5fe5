package fr.maillage.imports;

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
        var all = new java.util.ArrayList<>(notes);
        all.addAll(more);
        return new SourceTable(format, columns, rows, semicolonLists, List.copyOf(all));
    }

    /** Column names compared without case, accents or punctuation: "Code INSEE" and "code_insee" are one column. */
    static String column(String header) {
        return SearchText.fold(header).replace(' ', '_');
    }
}
