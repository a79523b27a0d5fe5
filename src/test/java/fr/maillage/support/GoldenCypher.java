package fr.maillage.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The final text of a statement assembled in code (a rule or a label put in), kept under {@code docs/cypher/} so
 * that a reader sees, and can paste into Neo4j Browser, what runs. A test fails when the code and the file part; run
 * it with {@code -Dgolden.update=true} to write the files anew, then read the diff before committing it.
 */
public final class GoldenCypher {

    public static final Path ROOT = Path.of("docs", "cypher");

    private GoldenCypher() {
    }

    /** {@code name} is a path under docs/cypher without extension, e.g. {@code network/advisers-page-region}. */
    public static void assertStatement(String name, String statement) {
        var file = ROOT.resolve(name + ".cypher");
        var text = statement.strip() + "\n";
        try {
            if (Boolean.getBoolean("golden.update")) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text, StandardCharsets.UTF_8);
                return;
            }
            assertThat(file).as("golden file %s (write it with -Dgolden.update=true)", file).exists();
            assertThat(text).as("the statement %s as it runs, against %s", name, file)
                    .isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
