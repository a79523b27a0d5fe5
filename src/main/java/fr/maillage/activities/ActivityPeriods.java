package fr.maillage.activities;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import fr.maillage.activities.ActivityModel.Period;
import fr.maillage.validation.InvalidInputException;

/** The period of activity figures: given, or the twelve months ending on the reference day. */
public final class ActivityPeriods {

    /** Five years at most: a request reads no more than that. */
    public static final int MAX_DAYS = 5 * 366;

    private ActivityPeriods() {
    }

    /** A period as the API receives it (GraphQL {@code PeriodInput}). */
    public record PeriodInput(LocalDate from, LocalDate to) {
    }

    /** {@link #of(LocalDate, LocalDate, LocalDate)} of an optional period of the API. */
    public static Period of(PeriodInput period, LocalDate referenceDay) {
        return period == null ? of(null, null, referenceDay) : of(period.from(), period.to(), referenceDay);
    }

    /** {@code [from, to]}, or the twelve months ending on {@code referenceDay} when both are null; checked. */
    public static Period of(LocalDate from, LocalDate to, LocalDate referenceDay) {
        if (from == null && to == null) {
            return new Period(referenceDay.minusYears(1).plusDays(1), referenceDay);
        }
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "period.from" : "period.to", "obligatoire");
        }
        if (to.isBefore(from)) {
            throw new InvalidInputException("period.to", "doit être postérieure ou égale à period.from (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInputException("period", "cinq ans au plus (reçu du " + from + " au " + to + ")");
        }
        return new Period(from, to);
    }
}
