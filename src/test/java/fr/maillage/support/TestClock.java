package fr.maillage.support;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The system clock, unless a test sets the day: procedures of the past (the 2023 call) are then replayed as they
 * happened, each actor acting on its own day. Tests that set it reset it after themselves.
 */
public class TestClock extends Clock {

    private final ZoneId zone = ZoneId.systemDefault();
    private volatile Instant fixed;

    public void today(LocalDate day) {
        fixed = day.atTime(12, 0).atZone(zone).toInstant();
    }

    public void reset() {
        fixed = null;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.system(zone);
    }

    @Override
    public Instant instant() {
        var day = fixed;
        return day != null ? day : Instant.now();
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
