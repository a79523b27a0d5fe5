package fr.maillage.errors;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An unexpected failure (database, driver, JSON library, a bug): the caller gets a generic French message carrying a
 * reference, and the server's log gets the reference with the whole exception. Nothing of the failure itself (its
 * message, class, stack, Cypher, database codes) is ever shown to a caller.
 */
public final class Incident {

    private static final Logger log = LoggerFactory.getLogger(Incident.class);

    private final String reference;

    private Incident(String reference) {
        this.reference = reference;
    }

    /** Logs the failure at ERROR under a new reference; {@code context} says where (request path, GraphQL path...). */
    public static Incident record(String context, Throwable failure) {
        var incident = new Incident(UUID.randomUUID().toString().substring(0, 8));
        log.error("Incident {} ({}): {}", incident.reference, context, failure == null ? "no exception" : failure.toString(),
                failure);
        return incident;
    }

    public String reference() {
        return reference;
    }

    /** What a caller is told. */
    public String message() {
        return "Erreur interne du service (référence " + reference + ") : réessayez dans un instant ; si l'erreur"
                + " persiste, transmettez cette référence à l'équipe Maillage.";
    }
}
