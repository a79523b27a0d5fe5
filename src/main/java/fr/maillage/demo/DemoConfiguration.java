package fr.maillage.demo;

import fr.maillage.territories.TerritoryLoader;
import org.neo4j.driver.Driver;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads the demo network at start when {@code maillage.demo.enabled=true}, once the territories are in place. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

    @Bean
    @ConditionalOnProperty(name = "maillage.demo.enabled", havingValue = "true")
    DemoLoader demoLoader(Driver driver, TerritoryLoader territories, DemoProperties properties) {
        return new DemoLoader(driver, territories, properties);
    }
}
