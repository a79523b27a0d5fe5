package fr.maillage.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The database the integration tests run on. By default an in-process Neo4j in a fresh directory (every machine);
 * with {@code -Dmaillage.it.database=testcontainers} a Neo4j 5.26 server in Docker, the same tests against the
 * ordinary server the service is deployed with.
 */
public final class TestDatabase {

    public static final String BACKEND_PROPERTY = "maillage.it.database";
    private static Neo4jContainer container;

    private TestDatabase() {
    }

    public static boolean useTestcontainers() {
        return "testcontainers".equals(System.getProperty(BACKEND_PROPERTY));
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static void register(DynamicPropertyRegistry registry) {
        if (useTestcontainers()) {
            var server = server();
            registry.add("maillage.database.uri", server::getBoltUrl);
            registry.add("maillage.database.username", () -> "neo4j");
            registry.add("maillage.database.password", server::getAdminPassword);
        } else {
            registry.add("maillage.database.uri", () -> "");
            registry.add("maillage.database.embedded.directory", TestDatabase::freshDirectory);
        }
    }

    private static synchronized Neo4jContainer server() {
        if (container == null) {
            container = new Neo4jContainer("neo4j:5.26-community").withAdminPassword("maillage-test-password");
            container.start();
        }
        return container;
    }

    private static String freshDirectory() {
        try {
            return Files.createTempDirectory("maillage-it-neo4j").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
