package fr.maillage.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The operations offered to users in graphql/examples run without errors and return data. */
class ExampleOperationsTests extends IntegrationTest {

    static Stream<Path> examples() throws IOException {
        var directory = Path.of("graphql", "examples");
        var files = Files.list(directory).filter(p -> p.toString().endsWith(".graphql")).sorted().toList();
        assertThat(files).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void runs(Path example) throws IOException {
        var document = Files.readString(example);
        var response = graphQl().document(document).execute();
        response.errors().verify();
        response.path("").entity(Object.class).satisfies(data -> assertThat(data.toString()).isNotBlank());
    }
}
