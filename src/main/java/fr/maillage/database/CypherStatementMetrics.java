package fr.maillage.database;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The {@link CypherStatementCounter} as the Micrometer counter {@code maillage.cypher.statements}, so that a process
 * outside the service (the operations benchmark, which runs the packaged jar) reads what its requests cost. Read
 * through the actuator's {@code metrics} endpoint, which is exposed only when asked for
 * ({@code management.endpoints.web.exposure.include}) and then only to the national role (SecurityConfiguration).
 */
@Component
@ConditionalOnProperty(name = "maillage.database.count-statements", havingValue = "true", matchIfMissing = true)
class CypherStatementMetrics implements MeterBinder {

    static final String NAME = "maillage.cypher.statements";

    private final CypherStatementCounter counter;

    CypherStatementMetrics(CypherStatementCounter counter) {
        this.counter = counter;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(NAME, counter, CypherStatementCounter::sent)
                .description("Cypher statements sent to the database through the driver since the start")
                .baseUnit("statements").register(registry);
    }
}
