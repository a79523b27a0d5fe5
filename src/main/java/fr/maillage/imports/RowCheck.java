package fr.maillage.imports;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import fr.maillage.territories.SearchText;

/**
 * Reads the fields of one row and collects what is wrong with them, each error naming the column. Accessors return
 * null (or an empty list) for an empty or invalid value, so that a row with errors is never written.
 */
final class RowCheck {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s.\\-()\\u00a0]");
    /** Metropolitan and overseas numbers: national (0X XX XX XX XX) or international (+33, +262, +590 ...). */
    private static final Pattern PHONE_NATIONAL = Pattern.compile("0[1-9]\\d{8}");
    private static final Pattern PHONE_INTERNATIONAL = Pattern.compile("(?:\\+|00)(33|262|269|508|590|594|596|681|687|689)(\\d{9})");
    /** Short service numbers such as 3949 (France Travail). */
    private static final Pattern PHONE_SHORT = Pattern.compile("3\\d{3}");
    /** As a French spreadsheet displays and saves dates: 15/03/2024, and 5/3/2024 when typed so. */
    /** Strict: 31/02/2024 is refused, not read as 29/02/2024 (found by probing: the lenient default did that). */
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d/M/uuuu", Locale.FRANCE)
            .withResolverStyle(ResolverStyle.STRICT);
    /** Dates of the network: contracts, updates, coordination; a year outside is a typing or conversion error. */
    private static final int FIRST_YEAR = 1900;
    private static final int LAST_YEAR = 2199;

    /** What spreadsheets show for a formula that failed, whatever their language's function names. */
    private static final Set<String> SPREADSHEET_ERRORS = Set.of("#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?",
            "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA", "#VALEUR!", "#NOM?", "#NOMBRE!", "#NUL!");

    private final SourceRow row;
    private final Set<String> inError = new HashSet<>();
    private final boolean semicolonLists;
    private final List<FieldError> errors = new ArrayList<>();
    private final List<FieldError> notes = new ArrayList<>();
    private Communes.Placement placement;

    RowCheck(SourceRow row, boolean semicolonLists) {
        this.row = row;
        this.semicolonLists = semicolonLists;
        var count = row.values().get(SourceRow.FIELD_COUNT);
        if (count != null) {
            var parts = count.split("/");
            error("ligne", "nombre de champs : " + parts[0] + " (l'en-tête a " + parts[1] + " colonnes)");
        }
        // a formula in error, as a workbook holds it or a CSV saved from it writes it: never data (found by probing)
        for (var value : row.values().entrySet()) {
            if (SPREADSHEET_ERRORS.contains(value.getValue().strip().toUpperCase(Locale.ROOT))) {
                error(value.getKey(), "cellule en erreur dans le tableur (« " + value.getValue().strip()
                        + " ») : corrigez la formule ou saisissez la valeur");
                inError.add(value.getKey());
                value.setValue("");
            }
        }
    }

    SourceRow row() {
        return row;
    }

    int line() {
        return row.line();
    }

    List<FieldError> errors() {
        return errors;
    }

    boolean ok() {
        return errors.isEmpty();
    }

    void error(String field, String reason) {
        if (!inError.contains(field)) { // a cell in error says so once, not again as empty or invalid
            errors.add(new FieldError(field, reason));
        }
    }

    /** What was read otherwise than written (a leading zero restored...): reported, the row is not rejected for it. */
    void note(String field, String remark) {
        notes.add(new FieldError(field, remark));
    }

    List<FieldError> notes() {
        return notes;
    }

    /** How the row's commune was found; null for rows without a commune, or whose commune was not found. */
    void placed(Communes.Placement placement) {
        this.placement = placement;
    }

    Communes.Placement placement() {
        return placement;
    }

    boolean has(String field) {
        return row.has(field);
    }

    String required(String field, int maxLength) {
        if (!row.has(field)) {
            error(field, "obligatoire");
            return null;
        }
        return text(field, maxLength);
    }

    String text(String field, int maxLength) {
        var value = row.get(field);
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > maxLength) {
            error(field, "trop long (" + value.length() + " caractères, " + maxLength + " au plus)");
            return null;
        }
        return value;
    }

    /** Values separated by {@code |} (and by {@code ;} in older comma-separated files), blanks dropped. */
    List<String> list(String field, int maxLength) {
        var value = text(field, maxLength);
        if (value == null) {
            return List.of();
        }
        var separators = semicolonLists ? "[|;]" : "\\|";
        return Arrays.stream(value.split(separators)).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The date {@code value} writes, ISO or French; null when it writes none. Throws when it names no real day. */
    static LocalDate parseDate(String value) {
        if (value.matches("\\d{4}-\\d{2}-\\d{2}([T ].*)?")) {
            return LocalDate.parse(value.substring(0, 10));
        } else if (value.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
            return LocalDate.parse(value, FRENCH_DATE);
        }
        return null;
    }

    /**
     * ISO dates (2024-06-01, or the date part of a date-time) and French ones (01/06/2024, as a spreadsheet saves them),
     * in every kind of import.
     */
    LocalDate date(String field, boolean required) {
        var value = row.get(field);
        if (value.isEmpty()) {
            if (required) {
                error(field, "obligatoire");
            }
            return null;
        }
        try {
            var date = parseDate(value);
            if (date != null && (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR)) {
                error(field, "année hors de " + FIRST_YEAR + "-" + LAST_YEAR + " « " + value + " »");
                return null;
            }
            if (date != null) {
                return date;
            }
        } catch (DateTimeParseException e) {
            error(field, "date inexistante « " + value + " »");
            return null;
        }
        error(field, "date attendue au format JJ/MM/AAAA ou AAAA-MM-JJ (reçu « " + value + " »)");
        return null;
    }

    Double decimal(String field, double min, double max) {
        var value = row.get(field);
        if (value.isEmpty()) {
            return null;
        }
        try {
            double number = Double.parseDouble(value.replace(',', '.'));
            if (Double.isNaN(number) || number < min || number > max) {
                error(field, "hors de l'intervalle [" + (int) min + ", " + (int) max + "] (reçu « " + value + " »)");
                return null;
            }
            return number;
        } catch (NumberFormatException e) {
            error(field, "nombre attendu (reçu « " + value + " »)");
            return null;
        }
    }

    /**
     * A whole number between {@code min} and {@code max}; null when empty or invalid. A spreadsheet's "12.0" is 12, and
     * spaces between thousands are allowed.
     */
    Integer integer(String field, int min, int max) {
        var value = row.get(field);
        if (value.isEmpty()) {
            return null;
        }
        var digits = value.replaceAll("[\\s\u00a0\u202f]", "").replaceFirst("[.,]0+$", "");
        if (!digits.matches("-?\\d{1,9}")) {
            error(field, "nombre entier attendu (reçu « " + value + " »)");
            return null;
        }
        int number = Integer.parseInt(digits);
        if (number < min || number > max) {
            error(field, "entre " + min + " et " + max + " (reçu « " + value + " »)");
            return null;
        }
        return number;
    }

    String email(String field) {
        var value = text(field, 254);
        if (value != null && !EMAIL.matcher(value).matches()) {
            error(field, "adresse électronique invalide « " + value + " »");
            return null;
        }
        return value;
    }

    List<String> emails(String field) {
        var values = list(field, 2000);
        for (var value : values) {
            if (!EMAIL.matcher(value).matches() || value.length() > 254) {
                error(field, "adresse électronique invalide « " + value + " »");
                return List.of();
            }
        }
        return values;
    }

    /** A French phone number, stored in international form (+33612345678); short service numbers kept as they are. */
    String phone(String field) {
        var value = text(field, 40);
        if (value == null) {
            return null;
        }
        var digits = PHONE_SEPARATORS.matcher(value).replaceAll("");
        if (PHONE_NATIONAL.matcher(digits).matches()) {
            return "+33" + digits.substring(1);
        }
        var international = PHONE_INTERNATIONAL.matcher(digits);
        if (international.matches()) {
            return "+" + international.group(1) + international.group(2);
        }
        if (PHONE_SHORT.matcher(digits).matches()) {
            return digits;
        }
        error(field, "numéro de téléphone français invalide « " + value + " » (attendu 0X XX XX XX XX ou +33 X XX XX XX XX)");
        return null;
    }

    <E extends Enum<E>> E choice(String field, Vocabulary<E> vocabulary, boolean required) {
        var value = row.get(field);
        if (value.isEmpty()) {
            if (required) {
                error(field, "obligatoire (valeurs : " + vocabulary.names() + ")");
            }
            return null;
        }
        var found = vocabulary.find(value);
        if (found.isEmpty()) {
            error(field, "valeur inconnue « " + value + " » (valeurs : " + vocabulary.names() + ")");
            return null;
        }
        return found.get();
    }

    /** oui/non, true/false, 1/0, o/n, yes/no; empty is {@code defaultValue}. */
    boolean yesNo(String field, boolean defaultValue) {
        var value = SearchText.fold(row.get(field));
        return switch (value) {
            case "" -> defaultValue;
            case "oui", "o", "true", "vrai", "1", "yes", "y", "x" -> true;
            case "non", "n", "false", "faux", "0", "no" -> false;
            default -> {
                error(field, "oui ou non attendu (reçu « " + row.get(field) + " »)");
                yield defaultValue;
            }
        };
    }
}
