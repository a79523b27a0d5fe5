package fr.maillage.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * An XLSX workbook read with FastExcel's streaming reader: its first sheet, the first non-empty row as header, every
 * following non-empty row as a record (its line is the sheet's row number). Cells become the text a CSV saved from the
 * same sheet would hold, except that nothing is lost: texts as typed, numbers in full without exponent (a SIRET typed as
 * a number is 14 digits again; a postal code that lost its leading zero gets it back in the commune check), dates as
 * ISO dates, booleans as oui/non, formulas by their last computed value.
 */
final class XlsxSource {

    /** The zip signature every XLSX starts with. */
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    /** The OLE2 signature of the older .xls workbooks. */
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    /** Date formats: day, month or year placeholders once quoted texts, [colours/locales] and escapes are removed. */
    private static final Pattern FORMAT_NOISE = Pattern.compile("\"[^\"]*\"|\\[[^]]*]|\\\\.");
    private static final Pattern DATE_PARTS = Pattern.compile("[dmyDMY]");
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);

    private XlsxSource() {
    }

    static boolean isZip(byte[] content) {
        return startsWith(content, ZIP);
    }

    static boolean isXls(byte[] content) {
        return startsWith(content, OLE2);
    }

    /**
     * What a workbook may hold once unzipped. Its parts are read whole by the reader, so a small file inflating to
     * gigabytes (one cell of a billion characters) would exhaust the memory: found by probing with a 1.5 MB file.
     */
    static final long MAX_INFLATED_BYTES = 256L * 1024 * 1024;

    static SourceTable read(byte[] content, ImportLimits limits) {
        checkInflatedSize(content);
        try (var workbook = new ReadableWorkbook(new ByteArrayInputStream(content), new ReadingOptions(true, false));
                var rows = workbook.getFirstSheet().openStream()) {
            List<String> columns = null;
            var records = new ArrayList<SourceRow>();
            for (var iterator = rows.iterator(); iterator.hasNext();) {
                var row = iterator.next();
                var values = texts(row);
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (columns == null) {
                    columns = SourceTable.columns(trimTrailingBlanks(values));
                    continue;
                }
                if (records.size() >= limits.maxRows()) {
                    throw limits.tooManyRows();
                }
                var byColumn = new LinkedHashMap<String, String>();
                for (int i = 0; i < columns.size(); i++) {
                    byColumn.put(columns.get(i), i < values.size() ? values.get(i) : "");
                }
                if (values.size() > columns.size()
                        && values.subList(columns.size(), values.size()).stream().anyMatch(v -> !v.isBlank())) {
                    // as in a CSV: the row check rejects a row with values beyond the header
                    byColumn.put(SourceRow.FIELD_COUNT,
                            trimTrailingBlanks(values).size() + "/" + columns.size());
                }
                records.add(new SourceRow(row.getRowNum(), byColumn));
            }
            if (columns == null) {
                throw ImportException.unreadable("la première feuille du classeur est vide");
            }
            return new SourceTable("xlsx", new LinkedHashSet<>(columns), records, false, List.of());
        } catch (IOException | UncheckedIOException | org.dhatim.fastexcel.reader.ExcelReaderException e) {
            throw ImportException.unreadable("classeur XLSX illisible (" + e.getClass().getSimpleName()
                    + ") : ouvrez-le et enregistrez-le de nouveau au format .xlsx, ou en « CSV UTF-8 »");
        }
    }

    /** Unzips every part as the reader will (by the central directory), counting, and stops past the bound. */
    private static void checkInflatedSize(byte[] content) {
        long total = 0;
        var buffer = new byte[64 * 1024];
        try (var zip = ZipFile.builder().setSeekableByteChannel(new SeekableInMemoryByteChannel(content)).get()) {
            for (var entries = zip.getEntries(); entries.hasMoreElements();) {
                try (var part = zip.getInputStream(entries.nextElement())) {
                    for (int read = part.read(buffer); read > 0; read = part.read(buffer)) {
                        total += read;
                        if (total > MAX_INFLATED_BYTES) {
                            throw ImportException.unreadable("le classeur décompressé dépasse "
                                    + MAX_INFLATED_BYTES / (1024 * 1024) + " Mo : enregistrez-le en « CSV UTF-8 »,"
                                    + " ou découpez-le");
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ImportException refused) {
                throw refused;
            }
            throw ImportException.unreadable("classeur XLSX illisible (" + e.getClass().getSimpleName()
                    + ") : ouvrez-le et enregistrez-le de nouveau au format .xlsx, ou en « CSV UTF-8 »");
        }
    }

    /**
     * The row's cells up to one past the most columns a header may have: a sheet may declare 16,384 cells a row, and
     * 100,000 such empty rows took 23 s to walk (found by probing).
     */
    private static List<String> texts(Row row) {
        var values = new ArrayList<String>();
        for (int i = 0, end = Math.min(row.getCellCount(), SourceTable.MAX_COLUMNS + 1); i < end; i++) {
            var cell = row.getCell(i);
            values.add(cell == null ? "" : text(cell));
        }
        return values;
    }

    static String text(Cell cell) {
        return switch (cell.getType()) {
            case STRING -> cell.asString();
            case NUMBER -> number(cell);
            case BOOLEAN -> cell.asBoolean() ? "oui" : "non";
            case FORMULA -> formula(cell);
            case ERROR -> cell.getRawValue() == null ? "" : cell.getRawValue(); // « #REF! »: the row check rejects it
            case EMPTY -> "";
        };
    }

    /**
     * A formula by its last computed value, read as a typed value would be: a number in full, a date-formatted number
     * as a date (probing found =DATE(...) read « 45352 » and a SIRET computed by a formula refused as scientific).
     */
    private static String formula(Cell cell) {
        var raw = cell.getRawValue();
        if (raw == null) {
            return "";
        }
        BigDecimal number;
        try {
            number = new BigDecimal(raw.strip());
        } catch (NumberFormatException text) {
            return raw;
        }
        if (isDate(cell.getDataFormatId(), cell.getDataFormatString())) {
            // Excel's 1900 date system: day 1 is 1900-01-01, counted from 1899-12-30 past its phantom 29/02/1900
            return EXCEL_EPOCH.plusDays(number.longValue()).toString();
        }
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    /** A date-formatted number is a date (ISO); any other number in full, without exponent or trailing zeros. */
    private static String number(Cell cell) {
        if (isDate(cell.getDataFormatId(), cell.getDataFormatString())) {
            var dateTime = cell.asDate();
            return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? dateTime.toLocalDate().toString()
                    : dateTime.toString();
        }
        var number = new BigDecimal(cell.getRawValue());
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    /** Excel's built-in date formats (14 to 22, 45 to 47) and custom formats made of day, month or year parts. */
    static boolean isDate(Integer formatId, String format) {
        if (formatId != null && (formatId >= 14 && formatId <= 22 || formatId >= 45 && formatId <= 47)) {
            return true;
        }
        if (format == null || format.isBlank() || format.equalsIgnoreCase("General")) {
            return false;
        }
        return DATE_PARTS.matcher(FORMAT_NOISE.matcher(format).replaceAll("")).find();
    }

    private static List<String> trimTrailingBlanks(List<String> values) {
        int end = values.size();
        while (end > 0 && values.get(end - 1).isBlank()) {
            end--;
        }
        return values.subList(0, end);
    }

    private static boolean startsWith(byte[] content, byte[] signature) {
        if (content.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if (content[i] != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
