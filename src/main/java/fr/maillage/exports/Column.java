package fr.maillage.exports;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * A column of an exported table: its French header, the kind of value it holds (which fixes how CSV and XLSX write
 * it), its width in a spreadsheet (characters), and how to read its value from a row. A null value is an empty cell.
 *
 * @param total whether the information sheet of an XLSX gives the column's sum (populations, amounts)
 */
public record Column<T>(String header, Kind kind, int width, boolean total, Function<T, ?> value) {

    /** How a value is written. */
    public enum Kind {
        /** An identifier kept as text, whatever it looks like: INSEE codes (01004, 2A004), SIREN, SIRET. */
        CODE,
        /** Free text. */
        TEXT,
        /** A whole number. */
        INTEGER,
        /** A decimal number (coordinates): decimal comma in CSV. */
        DECIMAL,
        /** A share from 0 to 1: decimal comma in CSV, a percentage in XLSX. */
        SHARE,
        /** A calendar day: dd/mm/yyyy. */
        DATE,
        /** Oui / Non. */
        YES_NO
    }

    public static <T> Column<T> code(String header, int width, Function<T, String> value) {
        return new Column<>(header, Kind.CODE, width, false, value);
    }

    public static <T> Column<T> text(String header, int width, Function<T, String> value) {
        return new Column<>(header, Kind.TEXT, width, false, value);
    }

    public static <T> Column<T> integer(String header, int width, Function<T, ? extends Number> value) {
        return new Column<>(header, Kind.INTEGER, width, false, value);
    }

    /** A whole number whose sum the information sheet gives. */
    public static <T> Column<T> summed(String header, int width, Function<T, ? extends Number> value) {
        return new Column<>(header, Kind.INTEGER, width, true, value);
    }

    public static <T> Column<T> decimal(String header, int width, Function<T, ? extends Number> value) {
        return new Column<>(header, Kind.DECIMAL, width, false, value);
    }

    public static <T> Column<T> share(String header, int width, Function<T, ? extends Number> value) {
        return new Column<>(header, Kind.SHARE, width, false, value);
    }

    public static <T> Column<T> date(String header, Function<T, LocalDate> value) {
        return new Column<>(header, Kind.DATE, 12, false, value);
    }

    public static <T> Column<T> yesNo(String header, int width, Function<T, Boolean> value) {
        return new Column<>(header, Kind.YES_NO, width, false, value);
    }

    /** Several values in one cell, separated by " | ". */
    public static <T> Column<T> list(String header, int width, Function<T, List<String>> values) {
        return new Column<>(header, Kind.TEXT, width, false, row -> {
            var list = values.apply(row);
            return list == null || list.isEmpty() ? null : String.join(" | ", list);
        });
    }

    /** Several codes in one cell, separated by ", ". */
    public static <T> Column<T> codes(String header, int width, Function<T, List<String>> values) {
        return new Column<>(header, Kind.CODE, width, false, row -> {
            var list = values.apply(row);
            return list == null || list.isEmpty() ? null : String.join(", ", list);
        });
    }
}
