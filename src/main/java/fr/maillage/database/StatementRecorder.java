package fr.maillage.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.neo4j.driver.Query;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Controller;

/**
 * Keeps each distinct statement sent while serving a request (a controller on the stack: GraphQL fields, exports,
 * imports), one file per JVM under the folder {@code maillage.database.record-statements-to}, so that a test reads the
 * plan of every statement the suite sent (StatementPlansIT). Off unless that folder is set (the test profile sets it).
 */
final class StatementRecorder {

    /** Between two statements of a file: a line no statement holds. */
    static final String SEPARATOR = "\n// ---- next statement ----\n";

    private final Path file;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    StatementRecorder(Path folder) {
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + folder, e);
        }
        this.file = folder.resolve("statements-" + ProcessHandle.current().pid() + ".cypher");
    }

    /** {@code query}: the first argument of a {@code run}, its text or a {@link Query}. */
    void sent(Object query) {
        var text = query instanceof String string ? string : query instanceof Query q ? q.text() : null;
        if (text == null || seen.contains(text) || !servingRequest() || !seen.add(text)) {
            return;
        }
        synchronized (this) {
            try {
                Files.writeString(file, text + SEPARATOR, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot record a statement in " + file, e);
            }
        }
    }

    private static boolean servingRequest() {
        return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
                .anyMatch(frame -> AnnotatedElementUtils.hasAnnotation(frame.getDeclaringClass(), Controller.class)));
    }
}
