package fr.maillage.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import fr.maillage.support.IntegrationTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The actuator shows health and info to anyone, and nothing else by default: the metrics (among them the count of
 * Cypher statements the benchmark reads) exist in the service but are exposed only when the command line asks for
 * them, and even then never to an anonymous caller.
 */
class ActuatorExposureTests extends IntegrationTest {

    @Autowired
    MeterRegistry registry;

    private int status(String path, String bearer) {
        var request = http().get().uri(path);
        if (bearer != null) {
            request = request.header("Authorization", "Bearer " + bearer);
        }
        return request.exchange().returnResult(String.class).getStatus().value();
    }

    @Test
    void healthAndInfoAreOpenToAnyone() {
        assertThat(status("/actuator/health", null)).isEqualTo(200);
        assertThat(status("/actuator/info", null)).isEqualTo(200);
    }

    @Test
    void theMetricsAreRefusedToAnAnonymousCaller() {
        assertThat(status("/actuator/metrics", null)).isEqualTo(401);
        assertThat(status("/actuator/metrics/maillage.cypher.statements", null)).isEqualTo(401);
    }

    @Test
    void theMetricsAreNotExposedByDefaultEvenToTheNationalRole() {
        assertThat(status("/actuator/metrics", anct())).isEqualTo(404);
        assertThat(status("/actuator/metrics/maillage.cypher.statements", anct())).isEqualTo(404);
    }

    @Test
    void everyOtherActuatorEndpointIsRefused() {
        for (var path : new String[] {"/actuator", "/actuator/env", "/actuator/beans", "/actuator/prometheus"}) {
            assertThat(status(path, null)).as(path).isIn(401, 403);
        }
    }

    @Test
    void theStatementCounterIsAMeterOfTheService() {
        var counter = registry.get("maillage.cypher.statements").functionCounter();
        double before = counter.count();
        count("MATCH (r:Region {code: $code}) RETURN count(r)", Map.of("code", "94"));
        assertThat(counter.count()).isGreaterThan(before);
    }
}
