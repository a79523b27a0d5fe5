package fr.maillage.errors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.UnexpectedEndOfInputException;

/**
 * What is wrong with a JSON text, in French, with where it is: the JSON library's own messages (English, with its
 * source locations and the names of its settings) are not shown.
 */
public final class JsonProblem {

    private JsonProblem() {
    }

    /** « ligne 3, colonne 12 : ... », or the description alone when the library does not know where. */
    public static String describe(Throwable failure) {
        var json = jackson(failure);
        if (json == null) {
            return "JSON invalide";
        }
        var location = json.getLocation();
        var where = location == null || location.getLineNr() < 1 ? ""
                : "ligne " + location.getLineNr() + (location.getColumnNr() > 0 ? ", colonne " + location.getColumnNr()
                        : "") + " : ";
        return where + what(json);
    }

    private static String what(JacksonException json) {
        var original = String.valueOf(json.getOriginalMessage());
        if (json instanceof StreamConstraintsException) {
            if (original.contains("nesting depth")) {
                return "objets ou tableaux imbriqués trop profondément";
            }
            if (original.contains("Number")) {
                return "nombre trop long";
            }
            if (original.contains("String")) {
                return "texte trop long";
            }
            return "le texte dépasse les limites du lecteur JSON";
        }
        if (json instanceof UnexpectedEndOfInputException) {
            return "le JSON s'arrête avant la fin (accolade, crochet ou guillemet non refermé)";
        }
        if (original.startsWith("Unexpected character") || original.startsWith("Unrecognized token")
                || original.startsWith("Illegal")) {
            return "caractère inattendu à cet endroit (virgule en trop, guillemet manquant, caractère de contrôle ?)";
        }
        if (original.startsWith("Cannot deserialize") || original.startsWith("Cannot construct")
                || original.startsWith("Unexpected token")) {
            return "valeur d'un type inattendu à cet endroit";
        }
        return "syntaxe JSON invalide";
    }

    private static JacksonException jackson(Throwable failure) {
        for (var t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof JacksonException json) {
                return json;
            }
        }
        return null;
    }
}
