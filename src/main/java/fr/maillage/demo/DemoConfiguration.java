package fr.maillage.demo;

import fr.maillage.territories.TerritoryLoader;
import org.neo4j.driver.Driver;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Loads the demo network at start when {@code maillage.demo.enabled=true}, once the territories are in place. The
 * demo belongs to the service: a command-line import ({@code --import}, no web server) writes its file and nothing
 * else, even in the local profile that turns the demo on.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DemoProperties.class)
class DemoConfiguration {

    @Bean
    @ConditionalOnProperty(name = "maillage.demo.enabled", havingValue = "true")
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    DemoLoader demoLoader(Driver driver, TerritoryLoader territories, DemoProperties properties) {
        return new DemoLoader(driver, territories, properties);
    }
}
