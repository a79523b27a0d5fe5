package fr.maillage.applications;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock that dates the acts of the workflow and tells which deadlines have passed. */
@Configuration(proxyBeanMethods = false)
class ApplicationClock {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
