package fr.maillage.exports;

import fr.maillage.validation.FrenchDate;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Writes the rows of a table as they come, to a stream it does not own. */
interface TableWriter<T> {

    DateTimeFormatter FRENCH_DATE = FrenchDate.FORMAT;

    void row(T row) throws IOException;

    /** Ends the file; {@code rows} and {@code totals} (one per summed column) go to the information sheet. */
    void finish(long rows, long[] totals) throws IOException;

    /** A decimal with a comma, at most {@code scale} decimals (trailing zeros kept, so that a column lines up). */
    static String frenchDecimal(Number value, int scale) {
        return new BigDecimal(value.toString()).setScale(scale, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
    }

    static String frenchDate(LocalDate date) {
        return FRENCH_DATE.format(date);
    }
}
