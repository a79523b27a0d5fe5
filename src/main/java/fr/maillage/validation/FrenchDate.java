package fr.maillage.validation;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

/**
 * A day as French users read it, {@code 31/12/2026}: in messages, exports and reports. The API itself speaks ISO
 * dates ({@code 2026-12-31}); imports also accept {@code 31/12/2026} and {@code 1/2/2026} (read by the import rules).
 */
public final class FrenchDate {

    /** dd/MM/uuuu: four-digit years, no era. */
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private FrenchDate() {
    }

    /** The day as {@code dd/mm/yyyy}; empty for none. */
    public static String format(TemporalAccessor day) {
        return day == null ? "" : FORMAT.format(day);
    }

    public static String format(LocalDate day) {
        return format((TemporalAccessor) day);
    }
}
