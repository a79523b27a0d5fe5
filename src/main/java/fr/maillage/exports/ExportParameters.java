package fr.maillage.exports;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import fr.maillage.graphql.DateScalar;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.validation.Validation;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The query parameters of an export, read strictly: an unknown or repeated parameter, a value out of its vocabulary,
 * a malformed date or territory is a problem naming the parameter. Every problem is collected; {@link #check()} then
 * refuses them all at once, before any byte of the file is written.
 */
public final class ExportParameters {

    private final Map<String, String[]> values;
    private static final int MAX_PROBLEMS = 10;
    /** INSEE codes (63, 2A, 2A004, 975) and SIREN of EPCI: letters and digits, never more than nine. */
    private static final Pattern TERRITORY_CODE = Pattern.compile("[0-9A-Za-z]{1,9}");

    private final List<InvalidInputException.Problem> problems = new ArrayList<>();
    private int omitted;
    private String lastOmitted;

    public ExportParameters(HttpServletRequest request, String... accepted) {
        this.values = request.getParameterMap();
        var known = Set.of(accepted);
        for (var entry : values.entrySet()) {
            if (!known.contains(entry.getKey())) {
                problem(entry.getKey(), "paramètre inconnu ; paramètres acceptés : "
                        + (accepted.length == 0 ? "aucun" : String.join(", ", new TreeSet<>(known))));
            } else if (entry.getValue().length > 1) {
                problem(entry.getKey(), "donné " + entry.getValue().length + " fois ; donnez-le une seule fois");
            }
        }
    }

    /** Up to {@value #MAX_PROBLEMS} problems are told one by one, then counted: a refusal stays short. */
    public ExportParameters problem(String parameter, String reason) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new InvalidInputException.Problem(parameter, reason));
        } else {
            lastOmitted = parameter;
            omitted++;
        }
        return this;
    }

    /** Throws every problem found so far (400); does nothing without one. */
    public void check() {
        if (omitted > 0) {
            problems.add(new InvalidInputException.Problem(lastOmitted, "et " + omitted + " autre(s) problème(s)"));
            omitted = 0;
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private static String quoted(String value) {
        return Validation.quoted(value);
    }

    /** The format named by the URL's extension (csv, xlsx). */
    public ExportFormat format(String extension) {
        try {
            return ExportFormat.of(extension);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
            return null;
        }
    }

    /** The trimmed value, or null when absent or blank. */
    public String text(String name) {
        var given = values.get(name);
        if (given == null || given.length == 0 || given[0].isBlank()) {
            return null;
        }
        return given[0].strip();
    }

    public String required(String name) {
        var value = text(name);
        if (value == null) {
            problem(name, "obligatoire");
        }
        return value;
    }

    public <E extends Enum<E>> E enumValue(String name, Class<E> type, boolean required) {
        var value = required ? required(name) : text(name);
        return value == null ? null : parse(name, value, type);
    }

    /** Values separated by commas. */
    public <E extends Enum<E>> List<E> enumValues(String name, Class<E> type) {
        var value = text(name);
        if (value == null) {
            return List.of();
        }
        var found = new LinkedHashSet<E>();
        for (var part : value.split(",")) {
            if (!part.isBlank()) {
                var parsed = parse(name, part.strip(), type);
                if (parsed != null) {
                    found.add(parsed);
                }
            }
        }
        return List.copyOf(found);
    }

    public boolean bool(String name, boolean otherwise) {
        var value = text(name);
        if (value == null) {
            return otherwise;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> {
                problem(name, quoted(value) + " : true ou false");
                yield otherwise;
            }
        };
    }

    public int integer(String name, int otherwise) {
        var value = text(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problem(name, quoted(value) + " n'est pas un nombre entier");
            return otherwise;
        }
    }

    /** A date written AAAA-MM-JJ, as in the API. */
    public LocalDate date(String name) {
        var value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return DateScalar.isoDate(value);
        } catch (DateTimeParseException e) {
            problem(name, "date invalide " + quoted(value) + " : une date s'écrit AAAA-MM-JJ, par exemple 2026-01-01");
            return null;
        }
    }

    /** A territory written NIVEAU:code, for example DEPARTMENT:63. */
    public TerritoryRef territory(String name) {
        var value = text(name);
        if (value == null) {
            return null;
        }
        int colon = value.indexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            problem(name, quoted(value) + " : un territoire s'écrit NIVEAU:code, par exemple DEPARTMENT:63 ou EPCI:200069128");
            return null;
        }
        var level = parse(name, value.substring(0, colon).strip(), TerritoryLevel.class);
        var code = value.substring(colon + 1).strip();
        if (!TERRITORY_CODE.matcher(code).matches()) {
            problem(name, quoted(value) + " : un code de territoire ne compte que des chiffres et des lettres (2A004)");
            return null;
        }
        return level == null ? null : new TerritoryRef(level, code);
    }

    private <E extends Enum<E>> E parse(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problem(name, "valeur inconnue " + quoted(value) + " ; valeurs possibles : " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
            return null;
        }
    }
}
