package fr.maillage.imports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;

/** A CSV text read into rows: separator {@code ;} or {@code ,} detected on the header line, RFC 4180 quotes. */
final class CsvSource {

    private CsvSource() {
    }

    static SourceTable read(String text, ImportLimits limits) {
        char separator = detectSeparator(text);
        var parser = new CsvParser(text, separator);
        var header = parser.next();
        if (header == null) {
            throw ImportException.unreadable("le fichier est vide");
        }
        var columns = SourceTable.columns(header.fields());
        var rows = new ArrayList<SourceRow>();
        for (var record = parser.next(); record != null; record = parser.next()) {
            if (record.blank()) {
                continue;
            }
            if (rows.size() >= limits.maxRows()) {
                throw limits.tooManyRows();
            }
            var values = new LinkedHashMap<String, String>();
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i), i < record.fields().size() ? record.fields().get(i) : "");
            }
            if (record.fields().size() < columns.size() || record.fields().subList(columns.size(),
                    record.fields().size()).stream().anyMatch(field -> !field.isBlank())) {
                // kept for the row check, which rejects it with the counts (empty trailing fields are tolerated)
                values.put(SourceRow.FIELD_COUNT, record.fields().size() + "/" + columns.size());
            }
            rows.add(new SourceRow(record.line(), values));
        }
        return new SourceTable("csv", new LinkedHashSet<>(columns), rows, separator == ',', List.of());
    }

    /** The separator is the one of {@code ;} and {@code ,} met most often outside quotes on the header line. */
    private static char detectSeparator(String text) {
        int semicolons = 0;
        int commas = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == ',') {
                commas++;
            }
        }
        return semicolons >= commas && semicolons > 0 ? ';' : ',';
    }

    /** RFC 4180: fields may be quoted, a quote inside is doubled, a quoted field may span lines. */
    static final class CsvParser {

        record Record(int line, List<String> fields) {
            /** An empty line, or only separators (spreadsheets leave such lines at the end). */
            boolean blank() {
                return fields.stream().allMatch(String::isBlank);
            }
        }

        private final String text;
        private final char separator;
        private int position;
        private int line = 1;

        CsvParser(String text, char separator) {
            this.text = text;
            this.separator = separator;
        }

        Record next() {
            if (position >= text.length()) {
                return null;
            }
            int startLine = line;
            var fields = new ArrayList<String>();
            var field = new StringBuilder();
            boolean quoted = false;
            boolean wasQuoted = false;
            while (position < text.length()) {
                char c = text.charAt(position++);
                if (quoted) {
                    if (c == '"') {
                        if (position < text.length() && text.charAt(position) == '"') {
                            field.append('"');
                            position++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.isEmpty() && !wasQuoted) {
                    quoted = true;
                    wasQuoted = true;
                } else if (c == separator) {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                } else if (c == '\n' || c == '\r') {
                    if (c == '\r' && position < text.length() && text.charAt(position) == '\n') {
                        position++;
                    }
                    line++;
                    fields.add(field.toString());
                    return new Record(startLine, fields);
                } else if (wasQuoted && !Character.isWhitespace(c)) {
                    throw ImportException.unreadable("ligne " + line + " : caractère « " + c
                            + " » après un champ entre guillemets (un guillemet dans un champ doit être doublé)");
                } else if (!wasQuoted) {
                    field.append(c);
                }
            }
            if (quoted) {
                throw ImportException.unreadable("ligne " + startLine
                        + " : guillemet ouvert jamais refermé jusqu'à la fin du fichier");
            }
            fields.add(field.toString());
            return new Record(startLine, fields);
        }
    }
}
