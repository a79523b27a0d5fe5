package fr.maillage.errors;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
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
        Object body = graphQl(path)
                ? new GraphQlBody(List.of(new GraphQlError(message, new Extensions(classification(status), reference))))
                : new RestBody(status, message, reference);
        return JSON.writeValueAsString(body);
    }

    /** {@code {"status": 404, "error": "...", "errorId": "..."}}, errorId only for an unexpected failure. */
    @JsonPropertyOrder({ "status", "error", "errorId" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RestBody(int status, String error, String errorId) {
    }

    /** As GraphQL answers an error: {@code {"errors": [{"message": "...", "extensions": {...}}]}}. */
    record GraphQlBody(List<GraphQlError> errors) {
    }

    @JsonPropertyOrder({ "message", "extensions" })
    record GraphQlError(String message, Extensions extensions) {
    }

    @JsonPropertyOrder({ "classification", "errorId" })
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Extensions(String classification, String errorId) {
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
