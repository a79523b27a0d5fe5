package fr.maillage.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unreachable database at start into a short diagnosis instead of a stack trace. */
class DatabaseUnreachableFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseUnreachableException cause) {
        return new FailureAnalysis(
                "Maillage cannot reach its database. " + cause.getMessage(),
                "Check that Neo4j is running at " + cause.target() + " and that NEO4J_URI, NEO4J_USERNAME and"
                        + " NEO4J_PASSWORD are right; unset NEO4J_URI to use the in-process database.",
                cause);
    }
}
