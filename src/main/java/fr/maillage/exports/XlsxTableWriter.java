package fr.maillage.exports;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * XLSX written row by row straight to the response (FastExcel): rows are flushed to the zip stream every
 * {@value #FLUSH_EVERY}, and texts are inline strings rather than a shared-strings table held until the end, so
 * that memory stays flat whatever the number of rows. The data sheet has its header in bold, frozen, with a filter;
 * codes are text cells, numbers numbers, shares percentages, dates dates (dd/mm/yyyy). A second sheet,
 * « Informations », says what the file holds: parameters, row count, totals, sources.
 */
final class XlsxTableWriter<T> implements TableWriter<T> {

    static final int FLUSH_EVERY = 1_000;
    static final String INFO_SHEET = "Informations";
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter PRODUCED = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm");

    private final Table<T> table;
    /** "Produit le": the application's clock, shown as in Paris. */
    private final Clock clock;
    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    XlsxTableWriter(OutputStream out, Table<T> table, Clock clock) {
        this.table = table;
        this.clock = clock;
        this.workbook = new Workbook(out, "Maillage", "1.0");
        this.sheet = workbook.newWorksheet(sheetName(table.title()));
        var columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            sheet.width(c, columns.get(c).width());
            sheet.inlineString(0, c, columns.get(c).header());
        }
        sheet.range(0, 0, 0, columns.size() - 1).style().bold().fillColor("DDE5F0").wrapText(true).set();
        sheet.freezePane(0, 1);
    }

    @Override
    public void row(T value) throws IOException {
        row++;
        var columns = table.columns();
        for (int c = 0; c < columns.size(); c++) {
            var column = columns.get(c);
            cell(row, c, column, column.value().apply(value));
        }
        if (row % FLUSH_EVERY == 0) {
            sheet.flush();
        }
    }

    private void cell(int r, int c, Column<T> column, Object value) {
        if (value == null) {
            return;
        }
        switch (column.kind()) {
            case CODE, TEXT -> sheet.inlineString(r, c, value.toString());
            case YES_NO -> sheet.inlineString(r, c, (Boolean) value ? "Oui" : "Non");
            case INTEGER -> {
                sheet.value(r, c, (Number) value);
                sheet.style(r, c).format("#,##0").set();
            }
            case DECIMAL -> sheet.value(r, c, (Number) value);
            case SHARE -> {
                sheet.value(r, c, (Number) value);
                sheet.style(r, c).format("0.0%").set();
            }
            case DATE -> {
                sheet.value(r, c, (LocalDate) value);
                sheet.style(r, c).format("dd/mm/yyyy").set();
            }
        }
    }

    @Override
    public void finish(long rows, long[] totals) throws IOException {
        sheet.setAutoFilter(0, 0, Math.max(row, 1), table.columns().size() - 1);
        sheet.finish();
        var info = workbook.newWorksheet(INFO_SHEET);
        info.width(0, 28);
        info.width(1, 100);
        int r = 0;
        info.inlineString(r, 0, table.title());
        info.style(r, 0).bold().fontSize(13).set();
        r++;
        for (var line : table.about()) {
            r = line(info, r, line.label(), line.value());
        }
        r = line(info, r, "Lignes", Long.toString(rows));
        int t = 0;
        for (var column : table.columns()) {
            if (column.total()) {
                info.inlineString(r, 0, column.header() + " (total)");
                info.value(r, 1, totals[t++]);
                info.style(r, 1).format("#,##0").horizontalAlignment("left").set();
                r++;
            }
        }
        r = line(info, r, "Produit le", PRODUCED.format(ZonedDateTime.now(clock.withZone(PARIS))));
        for (var line : Table.SOURCES) {
            r = line(info, r, line.label(), line.value());
        }
        info.range(1, 0, r - 1, 0).style().bold().set();
        info.finish();
        workbook.finish();
    }

    private static int line(Worksheet sheet, int r, String label, String value) {
        sheet.inlineString(r, 0, label);
        sheet.inlineString(r, 1, value);
        return r + 1;
    }

    /** A sheet name: at most 31 characters, none of {@code []:*?/\}. */
    static String sheetName(String title) {
        var name = title.replaceAll("[\\[\\]:*?/\\\\]", " ").strip();
        return name.length() > 31 ? name.substring(0, 31).strip() : name;
    }
}
