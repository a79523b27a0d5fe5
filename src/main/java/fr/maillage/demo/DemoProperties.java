package fr.maillage.demo;

import java.time.LocalDate;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code maillage.demo.*}: whether to load the demo network at start, and which one.
 *
 * @param enabled load it at start (default false; the local profile turns it on)
 * @param seed seed of the national part
 * @param scale size of the national part, 1.0 being about the programme's (4,000 advisers)
 * @param national false to load the Corsica scenario alone
 * @param referenceDate the demo's "today" (contracts ending soon, ended...)
 */
@ConfigurationProperties("maillage.demo")
record DemoProperties(@DefaultValue("false") boolean enabled, @DefaultValue("42") long seed,
        @DefaultValue("1.0") double scale, @DefaultValue("true") boolean national,
        @DefaultValue("2026-11-22") LocalDate referenceDate) {

    String version() {
        return DemoNetwork.version(national, seed, scale, referenceDate);
    }

    DemoDataset generate() {
        return DemoNetwork.generate(national, seed, scale, referenceDate);
    }
}
