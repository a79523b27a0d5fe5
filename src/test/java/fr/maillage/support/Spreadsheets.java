package fr.maillage.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Exported files read back as a spreadsheet program would. */
public final class Spreadsheets {

    private Spreadsheets() {
    }

    /**
     * A CSV as French Excel and LibreOffice read it: a UTF-8 byte order mark, then records separated by CRLF with
     * fields separated by {@code ;}. The first row is the header.
     */
    public static List<List<String>> csv(byte[] bytes) {
        assertThat(bytes).as("UTF-8 byte order mark").startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        var text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).as("records end with CRLF").endsWith("\r\n");
        assertThat(text.replace("\r\n", "")).as("no bare line feed outside quoted fields").doesNotContain("\n");
        try (var parser = CSVFormat.DEFAULT.builder().setDelimiter(';').get().parse(new StringReader(text))) {
            return parser.getRecords().stream().map(CSVRecord::toList).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An XLSX opened with Apache POI. */
    public static XSSFWorkbook xlsx(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The values of a sheet, a list per row: a text cell as a String, a number as a Double, a date cell as a
     * LocalDate, an empty cell as null.
     */
    public static List<List<Object>> values(Sheet sheet) {
        var rows = new ArrayList<List<Object>>();
        for (int r = 0; r <= sheet.getLastRowNum(); r++) {
            var row = sheet.getRow(r);
            var values = new ArrayList<Object>();
            if (row != null) {
                for (int c = 0; c < row.getLastCellNum(); c++) {
                    values.add(value(row.getCell(c)));
                }
            }
            rows.add(values);
        }
        return rows;
    }

    private static Object value(Cell cell) {
        if (cell == null || cell.getCellType() == CellType.BLANK) {
            return null;
        }
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> DateUtil.isCellDateFormatted(cell) ? cell.getLocalDateTimeCellValue().toLocalDate()
                    : (Object) cell.getNumericCellValue();
            case BOOLEAN -> cell.getBooleanCellValue();
            default -> cell.toString();
        };
    }

    /** The number in a CSV written with a decimal comma. */
    public static double frenchNumber(String text) {
        return Double.parseDouble(text.replace(',', '.'));
    }
}
