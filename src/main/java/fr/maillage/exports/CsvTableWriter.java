package fr.maillage.exports;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV as French spreadsheet programs open it: UTF-8 with a byte order mark (else Excel reads Windows-1252), {@code ;}
 * between fields (the comma is the decimal separator), CRLF, quotes only where needed (Commons CSV). Numbers are
 * plain digits, decimals and shares take a comma, dates dd/mm/yyyy, codes are written as they are (01004, 2A004). A
 * text starting with {@code = + - @}, a tab or a carriage return is prefixed with an apostrophe, so that no cell is
 * taken for a formula (CSV injection).
 */
final class CsvTableWriter<T> implements TableWriter<T> {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    static final char DELIMITER = ';';

    private final Table<T> table;
    private final CSVPrinter printer;
    private final BufferedWriter writer;
    private final ArrayList<String> values;

    CsvTableWriter(OutputStream out, Table<T> table) throws IOException {
        this.table = table;
        out.write(BOM);
        this.writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        var headers = table.columns().stream().map(Column::header).toArray(String[]::new);
        this.printer = CSVFormat.DEFAULT.builder().setDelimiter(DELIMITER).setRecordSeparator("\r\n")
                .setHeader(headers).get().print(writer);
        this.values = new ArrayList<>(headers.length);
    }

    @Override
    public void row(T row) throws IOException {
        values.clear();
        for (var column : table.columns()) {
            values.add(cell(column, column.value().apply(row)));
        }
        printer.printRecord(values);
    }

    @Override
    public void finish(long rows, long[] totals) throws IOException {
        printer.flush();
        writer.flush();
    }

    static String cell(Column<?> column, Object value) {
        if (value == null) {
            return null;
        }
        return switch (column.kind()) {
            // codes too: most come from the referential, but some are typed by people (a programme id)
            case CODE, TEXT -> safeText(value.toString());
            case INTEGER -> Long.toString(((Number) value).longValue());
            case DECIMAL -> TableWriter.frenchDecimal((Number) value, 6);
            case SHARE -> TableWriter.frenchDecimal((Number) value, 4);
            case DATE -> TableWriter.frenchDate((LocalDate) value);
            case YES_NO -> (Boolean) value ? "Oui" : "Non";
        };
    }

    /** A text that a spreadsheet program would run as a formula gets an apostrophe in front. */
    static String safeText(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }
}
