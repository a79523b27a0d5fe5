package fr.maillage.imports;

import java.util.List;
import java.util.Set;

import fr.maillage.territories.SearchText;

/**
 * A file read into rows. {@code semicolonLists}: older files of the places standard separate the values of a list field
 * with {@code ;} when the file itself is separated by {@code ,}.
 */
record SourceTable(String format, Set<String> columns, List<SourceRow> rows, boolean semicolonLists) {

    /** Column names compared without case, accents or punctuation: "Code INSEE" and "code_insee" are one column. */
    static String column(String header) {
        return SearchText.fold(header).replace(' ', '_');
    }
}
