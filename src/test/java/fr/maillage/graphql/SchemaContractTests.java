package fr.maillage.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every field of the schema in graphql/ is answered by something: no field silently resolves to null. */
class SchemaContractTests extends IntegrationTest {

    @Autowired
    SchemaInspection inspection;

    @Test
    void everySchemaFieldIsMapped() {
        var report = inspection.report();

        assertThat(report).isNotNull();
        assertThat(report.unmappedFields()).isEmpty();
        assertThat(report.unmappedRegistrations()).isEmpty();
        assertThat(report.unmappedArguments()).isEmpty();
    }
}
