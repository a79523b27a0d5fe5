package fr.maillage.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/** Cypher kept as files under {@code neo4j/} in the repository, read from the classpath. */
public final class CypherResource {

    private CypherResource() {
    }

    public static String read(String path) {
        try (var in = new ClassPathResource(path).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Missing Cypher resource " + path, e);
        }
    }
}
