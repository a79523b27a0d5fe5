package fr.maillage.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every problem of an input before answering, so that the user fixes them all at once. */
public final class Validation {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    /** French numbers: 0X XX XX XX XX, +33 X XX XX XX XX, overseas +262/+590/+594/+596..., spaces, dots or dashes. */
    private static final Pattern PHONE = Pattern.compile("^(?:0|\\+33 ?|\\+262 ?|\\+269 ?|\\+508 ?|\\+590 ?|\\+594 ?|"
            + "\\+596 ?|\\+681 ?|\\+687 ?|\\+689 ?)[1-9](?:[ .-]?\\d{2}){4}$");

    private final List<InvalidInputException.Problem> problems = new ArrayList<>();

    public Validation problem(String field, String reason) {
        problems.add(new InvalidInputException.Problem(field, reason));
        return this;
    }

    public Validation check(boolean ok, String field, String reason) {
        if (!ok) {
            problem(field, reason);
        }
        return this;
    }

    /** Required text, trimmed length within bounds. */
    public Validation text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return problem(field, "obligatoire");
        }
        return optionalText(field, value, max);
    }

    public Validation optionalText(String field, String value, int max) {
        return check(value == null || value.strip().length() <= max, field, "au plus " + max + " caractères");
    }

    public Validation email(String field, String value) {
        return check(value == null || value.isBlank() || value.length() <= 254 && EMAIL.matcher(value.strip()).matches(),
                field, "adresse électronique invalide (« " + value + " »)");
    }

    public Validation phone(String field, String value) {
        return check(value == null || value.isBlank() || PHONE.matcher(value.strip()).matches(), field,
                "numéro de téléphone français invalide (« " + value + " »), par exemple 06 12 34 56 78 ou +33 6 12 34 56 78");
    }

    public Validation ordered(String field, LocalDate start, LocalDate end, String startName) {
        return check(start == null || end == null || !end.isBefore(start), field,
                "doit être postérieure ou égale à " + startName + " (" + start + ")");
    }

    public boolean ok() {
        return problems.isEmpty();
    }

    /** The problems found so far, for an answer that reports them instead of refusing (a preview). */
    public List<InvalidInputException.Problem> problems() {
        return List.copyOf(problems);
    }

    public void orThrow() {
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    /** A value a message quotes back: « ... », cut after 60 characters, control characters as "?". */
    public static String quoted(String value) {
        var shown = value == null ? "" : value.length() > 60 ? value.substring(0, 60) + "…" : value;
        return "« " + shown.replaceAll("\\p{Cntrl}", "?") + " »";
    }

    public static String trimToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
