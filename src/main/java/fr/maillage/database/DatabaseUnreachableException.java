package fr.maillage.database;

import java.time.Duration;

/** The configured database did not answer at start: the service refuses to start rather than serve errors. */
class DatabaseUnreachableException extends RuntimeException {

    private final String target;

    DatabaseUnreachableException(String target, Duration waited, Throwable cause) {
        super("Neo4j at " + target + " did not answer within " + waited.toSeconds() + " s: "
                + (cause == null ? "no answer" : cause.getMessage()), cause);
        this.target = target;
    }

    public String target() {
        return target;
    }
}
