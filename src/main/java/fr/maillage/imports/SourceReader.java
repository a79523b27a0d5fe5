package fr.maillage.imports;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;


/**
 * Reads an import file: CSV (separator {@code ;} or {@code ,} detected on the header line, RFC 4180 quotes, see
 * {@link CsvSource}), JSON (an array of objects, or an object wrapping such an array, see {@link JsonSource}) or XLSX
 * (its first sheet, see {@link XlsxSource}). Text is UTF-8 (a BOM is allowed); bytes that are not UTF-8 are read as
 * Windows-1252, the encoding of Excel's « CSV (séparateur: point-virgule) », and the report says so. Whatever makes
 * the file unreadable as a whole is an {@link ImportException}; problems of single rows are left to the row checks.
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
        var table = chosen == Format.JSON ? JsonSource.read(text, limits) : CsvSource.read(text, limits);
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
}
