package fr.maillage.network;

import java.util.Optional;
import java.util.regex.Pattern;

/** SIRET (14 digits) and SIREN (its first 9) as INSEE's SIRENE register checks them. */
public final class Siret {

    /** La Poste's establishments share one SIREN; their SIRET may instead have digits adding up to a multiple of 5. */
    private static final String LA_POSTE_SIREN = "356000000";
    /** A SIRET a spreadsheet turned into a number and saved as displayed: "2,0008E+13", "2.00081234E13". */
    private static final Pattern SCIENTIFIC = Pattern.compile("\\s*\\d+(?:[.,]\\d*)?\\s*[eE]\\s*\\+?\\s*\\d+\\s*");

    private Siret() {
    }

    /** Spaces and dots people type are dropped: "130 025 265 00013" is the SIRET 13002526500013. */
    public static String normalise(String value) {
        return value == null ? null : value.replaceAll("[\\s.\\u00a0]", "");
    }

    /** Why the value is not a SIRET, in French for the user, or empty when it is one. */
    public static Optional<String> problem(String value) {
        var siret = normalise(value);
        if (siret == null || siret.isEmpty()) {
            return Optional.of("le SIRET est obligatoire");
        }
        if (SCIENTIFIC.matcher(value).matches()) {
            return Optional.of("le tableur a converti le SIRET en nombre : mettez la colonne au format texte (reçu « "
                    + value.strip() + " »)");
        }
        if (siret.matches("\\d{13}")) {
            return Optional.of("un SIRET compte exactement 14 chiffres (reçu « " + value.strip() + " », 13 chiffres :"
                    + " le tableur a peut-être retiré le zéro initial ; mettez la colonne au format texte)");
        }
        if (!siret.matches("\\d{14}")) {
            return Optional.of("un SIRET compte exactement 14 chiffres (reçu « " + value.strip() + " »)");
        }
        if (!luhn(siret.substring(0, 9))) {
            return Optional.of("le SIREN " + siret.substring(0, 9) + " ne respecte pas la clé de contrôle (Luhn)");
        }
        boolean valid = luhn(siret) || siret.startsWith(LA_POSTE_SIREN) && digitSum(siret) % 5 == 0;
        return valid ? Optional.empty() : Optional.of("le SIRET " + siret + " ne respecte pas la clé de contrôle (Luhn)");
    }

    public static boolean isValid(String value) {
        return problem(value).isEmpty();
    }

    public static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** Completes 13 digits with the check digit that makes a Luhn-valid number (used by the demo generator). */
    public static String withCheckDigit(String thirteenDigits) {
        for (int d = 0; d <= 9; d++) {
            if (luhn(thirteenDigits + d)) {
                return thirteenDigits + d;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static int digitSum(String digits) {
        return digits.chars().map(c -> c - '0').sum();
    }
}
