package fr.maillage.database;

import java.net.URI;
import java.util.OptionalLong;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Chooses the database: in-process Neo4j when no URI is configured, the configured server otherwise. Boot's Neo4j
 * auto-configuration then builds the driver from these connection details.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    /**
     * Started only in embedded mode, or taken from {@link EmbeddedNeo4jEarlyStart} when the service started it beside
     * Spring's own start; closed after the driver (it depends on it) when the context stops.
     */
    @Bean(destroyMethod = "close")
    EmbeddedNeo4jHolder embeddedNeo4j(DatabaseProperties properties, ObjectProvider<EmbeddedNeo4jEarlyStart> early) {
        if (!properties.isEmbedded()) {
            return new EmbeddedNeo4jHolder(null);
        }
        var startedEarly = early.getIfAvailable();
        var database = startedEarly == null ? null : startedEarly.take(properties);
        return new EmbeddedNeo4jHolder(database != null ? database
                : EmbeddedNeo4j.start(properties.embedded(), properties.transactionTimeout()));
    }

    @Bean
    Neo4jConnectionDetails neo4jConnectionDetails(DatabaseProperties properties, EmbeddedNeo4jHolder embedded) {
        if (embedded.database() != null) {
            return new FixedConnectionDetails(embedded.database().boltUri(), AuthTokens.none());
        }
        AuthToken token = properties.username() == null || properties.username().isBlank()
                ? AuthTokens.none()
                : AuthTokens.basic(properties.username(), properties.password() == null ? "" : properties.password());
        return new FixedConnectionDetails(URI.create(properties.uri().trim()), token);
    }

    /** Kept figures need the in-process database's own count of writes (see {@link GraphVersion}). */
    @Bean
    GraphVersion graphVersion(EmbeddedNeo4jHolder embedded) {
        var database = embedded.database();
        return database == null ? OptionalLong::empty : database::settledVersion;
    }

    @Bean
    DatabaseMigrations databaseMigrations(Driver driver, DatabaseProperties properties) {
        return DatabaseMigrations.apply(driver, properties);
    }

    record FixedConnectionDetails(URI getUri, AuthToken getAuthToken) implements Neo4jConnectionDetails {
    }

    /** Holds the in-process database, or nothing when an external server is used. */
    record EmbeddedNeo4jHolder(EmbeddedNeo4j database) implements AutoCloseable {
        @Override
        public void close() {
            if (database != null) {
                database.close();
            }
        }
    }
}
