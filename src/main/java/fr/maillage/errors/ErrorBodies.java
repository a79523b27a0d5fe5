package fr.maillage.errors;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * The body of an HTTP error, in French: on {@code /graphql} shaped as GraphQL over HTTP says,
 * {@code {"errors": [{"message": ..., "extensions": {"classification": ...}}]}}; elsewhere
 * {@code {"status": ..., "error": ...}} as the imports answer. An unexpected failure adds its reference
 * ({@code errorId}), which is in the server's log.
 */
public final class ErrorBodies {

    static final String GRAPHQL_PATH = "/graphql";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ErrorBodies() {
    }

    public static boolean graphQl(String path) {
        return path != null && (path.equals(GRAPHQL_PATH) || path.startsWith(GRAPHQL_PATH + "/"));
    }

    /** The error body for a request to {@code path}; {@code reference} is null unless the failure was unexpected. */
    public static String json(String path, int status, String message, String reference) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (graphQl(path)) {
            var extensions = new LinkedHashMap<String, Object>();
            extensions.put("classification", classification(status));
            if (reference != null) {
                extensions.put("errorId", reference);
            }
            body.put("errors", List.of(Map.of("message", message, "extensions", extensions)));
        } else {
            body.put("status", status);
            body.put("error", message);
            if (reference != null) {
                body.put("errorId", reference);
            }
        }
        return JSON.writeValueAsString(body);
    }

    /** What a status means for the caller, in French, for a request to {@code path}. */
    public static String message(String path, int status) {
        boolean imports = path != null && path.startsWith("/api/imports");
        return switch (status) {
            case 400 -> graphQl(path) ? "Requête GraphQL invalide : envoyez un objet JSON {\"query\": \"...\","
                    + " \"variables\": {...}}." : "Requête invalide.";
            case 401 -> "Authentification requise : envoyez un jeton valide (Authorization: Bearer ...).";
            case 403 -> "Accès refusé : votre rôle ou votre territoire ne permet pas cette opération.";
            case 404 -> "Adresse inconnue.";
            case 405 -> "Méthode HTTP non prise en charge à cette adresse.";
            case 406 -> "Format de réponse non disponible : acceptez application/json.";
            case 413 -> "Requête trop volumineuse.";
            case 415 -> "Type de contenu non pris en charge : " + (graphQl(path)
                    ? "envoyez la requête GraphQL en application/json."
                    : imports ? "envoyez le fichier en text/csv ou application/json, ou en multipart/form-data (champ"
                            + " file)." : "envoyez du JSON (application/json).");
            case 429 -> "Trop de requêtes : réessayez plus tard.";
            default -> status >= 500 ? "Erreur interne du service." : "Requête refusée (HTTP " + status + ").";
        };
    }

    private static String classification(int status) {
        return switch (status) {
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
    }
}
