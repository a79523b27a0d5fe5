package fr.maillage.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.neo4j.Neo4jContainer;

/**
 * The database the integration tests run on. By default an in-process Neo4j in a fresh directory (every machine);
 * with {@code -Dmaillage.it.database=testcontainers} a Neo4j 5.26 server in Docker, the same tests against the
 * ordinary server the service is deployed with; with {@code -Dmaillage.it.database=server} the server of
 * {@code NEO4J_URI} (the benchmark's external mode: the tests clear its network, so give it a database of its own);
 * with {@code -Dmaillage.it.database=process} one {@code --database-server} child JVM on a fresh store, with
 * authentication, the same tests against a server process without Docker.
 */
public final class TestDatabase {

    public static final String BACKEND_PROPERTY = "maillage.it.database";
    private static Neo4jContainer container;
    private static DatabaseServerProcess process;

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
        if ("server".equals(System.getProperty(BACKEND_PROPERTY))) {
            var uri = System.getenv("NEO4J_URI");
            if (uri == null || uri.isBlank()) {
                throw new IllegalStateException("maillage.it.database=server needs NEO4J_URI (and NEO4J_USERNAME, "
                        + "NEO4J_PASSWORD)");
            }
            registry.add("maillage.database.uri", () -> uri);
            registry.add("maillage.database.username", () -> System.getenv().getOrDefault("NEO4J_USERNAME", "neo4j"));
            registry.add("maillage.database.password", () -> System.getenv().getOrDefault("NEO4J_PASSWORD", ""));
        } else if ("process".equals(System.getProperty(BACKEND_PROPERTY))) {
            var server = serverProcess();
            registry.add("maillage.database.uri", server::uri);
            registry.add("maillage.database.username", () -> DatabaseServerProcess.USERNAME);
            registry.add("maillage.database.password", server::password);
        } else if (useTestcontainers()) {
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

    /** One server for the whole test JVM, stopped (SIGTERM) when the JVM exits. */
    private static synchronized DatabaseServerProcess serverProcess() {
        if (process == null) {
            process = DatabaseServerProcess.ofClasspath(Path.of(freshDirectory())).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::close, "maillage-it-database-server"));
        }
        return process;
    }

    private static String freshDirectory() {
        try {
            return Files.createTempDirectory("maillage-it-neo4j").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
