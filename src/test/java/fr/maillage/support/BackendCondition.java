package fr.maillage.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The Testcontainers run of the suite needs a Docker engine; the in-process run, which always happens, does not.
 */
class BackendCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (TestDatabase.useTestcontainers() && !TestDatabase.dockerAvailable()) {
            return ConditionEvaluationResult.disabled("No Docker engine: this suite already ran on the in-process Neo4j");
        }
        return ConditionEvaluationResult.enabled("database backend available");
    }
}
