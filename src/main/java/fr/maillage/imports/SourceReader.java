package fr.maillage.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import fr.maillage.errors.JsonProblem;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an import file: CSV (separator {@code ;} or {@code ,} detected on the header line, RFC 4180 quotes), JSON (an
 * array of objects, or an object wrapping such an array) or XLSX (its first sheet, see {@link XlsxSource}). Text is
 * UTF-8 (a BOM is allowed); bytes that are not UTF-8 are read as Windows-1252, the encoding of Excel's « CSV
 * (séparateur: point-virgule) », and the report says so. Whatever makes the file unreadable as a whole is an
 * {@link ImportException}; problems of single rows are left to the row checks.
 */
final class SourceReader {

    enum Format {
        CSV, JSON, XLSX;

        /** From the media type of the request or upload; null when it does not say. */
        static Format fromContentType(String contentType, String fileName) {
            var type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
            var name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
            if (type.contains("spreadsheetml") || name.endsWith(".xlsx")) {
                return XLSX;
            }
            if (type.contains("json") || name.endsWith(".json")) {
                return JSON;
            }
            if (type.contains("csv") || name.endsWith(".csv")) {
                return CSV;
            }
            return null;
        }
    }

    static final String WINDOWS_1252_NOTE = "le fichier n'est pas en UTF-8 : il a été lu en Windows-1252, l'encodage"
            + " des fichiers « CSV (séparateur: point-virgule) » d'Excel ; vérifiez les accents des lignes importées"
            + " (ou enregistrez-le en « CSV UTF-8 »)";

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Each array element is read as a tree in turn: the elements after it are not "trailing tokens". */
    private static final JsonMapper JSON_MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private SourceReader() {
    }

    /**
     * {@code format} may be null: the bytes then decide (a zip is XLSX, text starting with {@code [} or
     * {@code &#123;} is JSON, other text CSV). A zip is read as XLSX whatever the request said.
     */
    static SourceTable read(byte[] content, Format format, ImportLimits limits) {
        if (content.length > limits.maxBytes()) {
            throw limits.fileTooLarge();
        }
        if (content.length == 0) {
            throw ImportException.unreadable("le fichier est vide");
        }
        if (XlsxSource.isXls(content)) {
            throw ImportException.unreadable("classeur Excel 97-2003 (.xls) : enregistrez-le au format .xlsx ou en"
                    + " « CSV UTF-8 »");
        }
        if (XlsxSource.isZip(content)) {
            return XlsxSource.read(content, limits);
        }
        if (format == Format.XLSX) {
            throw ImportException.unreadable("le fichier annoncé comme classeur XLSX n'en est pas un");
        }
        var notes = new ArrayList<String>();
        var text = decode(content, notes);
        if (text.isBlank()) {
            throw ImportException.unreadable("le fichier est vide");
        }
        var chosen = format != null ? format : sniff(text);
        var table = chosen == Format.JSON ? readJson(text, limits) : readCsv(text, limits);
        return table.withNotes(notes);
    }

    /** UTF-8, else Windows-1252 (noted): the bytes of a UTF-8 file are almost never valid Windows-1252 text too. */
    private static String decode(byte[] content, List<String> notes) {
        if (content.length >= 2 && (content[0] == (byte) 0xFF && content[1] == (byte) 0xFE
                || content[0] == (byte) 0xFE && content[1] == (byte) 0xFF)) {
            throw ImportException.unreadable("le fichier est encodé en UTF-16 (« Texte Unicode ») : enregistrez-le en"
                    + " « CSV UTF-8 »");
        }
        try {
            var text = strict(StandardCharsets.UTF_8, content);
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException notUtf8) {
            if (holdsUtf8Letters(content)) {
                // not UTF-8 as a whole, yet with UTF-8 letters: lines pasted from two files. Read in Windows-1252, the
                // UTF-8 ones would be stored garbled ("MÃ©diathÃ¨que"), as probing found
                throw ImportException.unreadable("le fichier mêle deux encodages (des lignes en UTF-8, d'autres en"
                        + " Windows-1252) : ouvrez-le dans le tableur et enregistrez-le en « CSV UTF-8 »");
            }
            try {
                var text = strict(WINDOWS_1252, content);
                if (text.indexOf('\u0000') >= 0) {
                    throw new CharacterCodingException();
                }
                notes.add(WINDOWS_1252_NOTE);
                return text;
            } catch (CharacterCodingException e) {
                throw ImportException.unreadable("le fichier n'est ni en UTF-8 ni en Windows-1252 (enregistrez-le en"
                        + " « CSV UTF-8 »)");
            }
        }
    }

    /**
     * Whether the bytes hold an accented letter encoded in UTF-8 (C3 followed by 80-BF: é, è, à, ç, ô...). In a
     * Windows-1252 file these would be « Ã » followed by a symbol (« Ã© »), which French text does not write.
     */
    static boolean holdsUtf8Letters(byte[] content) {
        for (int i = 0; i + 1 < content.length; i++) {
            if (content[i] == (byte) 0xC3 && (content[i + 1] & 0xC0) == 0x80) {
                return true;
            }
        }
        return false;
    }

    private static String strict(Charset charset, byte[] content) throws CharacterCodingException {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
    }

    private static Format sniff(String text) {
        var first = text.stripLeading();
        return first.startsWith("[") || first.startsWith("{") ? Format.JSON : Format.CSV;
    }

    // --- CSV -------------------------------------------------------------------------------------------------------

    static SourceTable readCsv(String text, ImportLimits limits) {
        char separator = detectSeparator(text);
        var parser = new CsvParser(text, separator);
        var header = parser.next();
        if (header == null) {
            throw ImportException.unreadable("le fichier est vide");
        }
        var columns = columns(header.fields());
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
                values.put(CsvParser.FIELD_COUNT, record.fields().size() + "/" + columns.size());
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

    /** More columns than any import kind reads: a header beyond it is not a table of the network. */
    static final int MAX_COLUMNS = 200;

    /**
     * Header names as columns: none empty, none twice, at most {@value #MAX_COLUMNS} (shared with {@link XlsxSource}).
     * Empty names at the end are dropped: a spreadsheet saves the empty columns it once had ("nom;adresse;;;").
     */
    static List<String> columns(List<String> header) {
        int last = header.size();
        while (last > 0 && SourceTable.column(header.get(last - 1)).isEmpty()) {
            last--;
        }
        if (last > MAX_COLUMNS) {
            throw ImportException.unreadable("l'en-tête compte " + last + " colonnes ; " + MAX_COLUMNS + " au plus");
        }
        var columns = new ArrayList<String>();
        for (var name : header.subList(0, last)) {
            var column = SourceTable.column(name);
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

    /** RFC 4180: fields may be quoted, a quote inside is doubled, a quoted field may span lines. */
    static final class CsvParser {

        static final String FIELD_COUNT = "\u0000fields";

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

    // --- JSON ------------------------------------------------------------------------------------------------------

    static SourceTable readJson(String text, ImportLimits limits) {
        try (var parser = JSON_MAPPER.createParser(text)) {
            var token = parser.nextToken();
            if (token == JsonToken.START_OBJECT) {
                token = enterWrappedArray(parser);
            }
            if (token != JsonToken.START_ARRAY) {
                throw ImportException.unreadable("le JSON doit être un tableau d'objets (ou un objet contenant ce tableau)");
            }
            var rows = new ArrayList<SourceRow>();
            var columns = new LinkedHashSet<String>();
            while ((token = parser.nextToken()) != JsonToken.END_ARRAY) {
                if (token != JsonToken.START_OBJECT) {
                    throw ImportException.unreadable("ligne " + parser.currentTokenLocation().getLineNr()
                            + " : chaque élément du tableau doit être un objet");
                }
                if (rows.size() >= limits.maxRows()) {
                    throw limits.tooManyRows();
                }
                // an object's line, unless another began on it (a file on one line): then its position in the array,
                // so that each row keeps a number of its own in the report
                int line = Math.max(parser.currentTokenLocation().getLineNr(),
                        rows.isEmpty() ? 1 : rows.get(rows.size() - 1).line() + 1);
                JsonNode node = JSON_MAPPER.readTree(parser);
                var values = new LinkedHashMap<String, String>();
                flatten(node, values);
                columns.addAll(values.keySet());
                rows.add(new SourceRow(line, values));
            }
            return new SourceTable("json", columns, rows, false, List.of());
        } catch (JacksonException e) {
            // in French, with line and column: the library's messages name its settings and echo the source
            throw ImportException.unreadable("JSON illisible, " + JsonProblem.describe(e));
        }
    }

    /** Some data.gouv.fr exports wrap the array in an object ({"lieux": [...]}, {"data": [...]}): the first array is it. */
    private static JsonToken enterWrappedArray(JsonParser parser) {
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
            var value = parser.nextToken();
            if (value == JsonToken.START_ARRAY) {
                return value;
            }
            parser.skipChildren();
        }
        return token;
    }

    /**
     * Scalars as text, arrays of scalars joined with {@code |} (the standard's list separator), nested objects flattened
     * (their fields become columns of their own, as in the flat standard, unless the row already has them).
     */
    private static void flatten(JsonNode node, Map<String, String> values) {
        for (var entry : node.properties()) {
            var column = SourceTable.column(entry.getKey());
            var value = entry.getValue();
            if (value.isObject()) {
                var nested = new LinkedHashMap<String, String>();
                flatten(value, nested);
                nested.forEach(values::putIfAbsent);
            } else if (!values.containsKey(column) || values.get(column).isEmpty()) {
                values.put(column, scalar(value));
            }
        }
    }

    private static String scalar(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        if (value.isArray()) {
            var parts = new ArrayList<String>();
            for (var element : value) {
                parts.add(element.isValueNode() ? scalar(element) : element.toString());
            }
            return String.join("|", parts);
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }
}
