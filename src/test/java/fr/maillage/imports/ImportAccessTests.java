package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import fr.maillage.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bulk imports are for ANCT: anyone else is refused before the file is read, and nothing is written. */
class ImportAccessTests extends ImportIntegrationTest {

    @BeforeEach
    void bare() {
        clearNetwork();
    }

    @Test
    void anonymousCallersMustAuthenticate() {
        http().post().uri("/api/imports/places").contentType(CSV).bodyValue(text("places-semicolon.csv")).exchange()
                .expectStatus().isUnauthorized();
        assertThat(count("MATCH (p:Place) RETURN count(p)")).isZero();
    }

    @Test
    void aCommittedImportOfAdvisersIsAudited() {
        importFixture("employers", "employers.csv", false);
        var report = importFixture("advisers", "advisers.csv", false);
        var imported = report.rows().stream().filter(r -> r.status() == RowStatus.CREATED).map(ImportReport.Row::id)
                .toList();

        assertThat(imported).isNotEmpty();
        assertThat(count("""
                MATCH (e:AuditEvent {action: 'IMPORT_PERSONAL_DATA', operation: 'import:advisers', subject: 'test-anct'})
                WHERE all(id IN $ids WHERE id IN e.adviserIds) RETURN count(e)""", Map.of("ids", imported))).isOne();
    }

    @Test
    void otherRolesAreForbidden() {
        for (var role : List.of(Role.HUB, Role.PREFECTURE, Role.SGAR, Role.COORDINATOR, Role.EMPLOYER)) {
            http(token(role, Map.of("regions", List.of("94"), "departments", List.of("2A")), null)).post()
                    .uri("/api/imports/places").contentType(CSV).bodyValue(text("places-semicolon.csv")).exchange()
                    .expectStatus().isForbidden();
        }
        assertThat(count("MATCH (p:Place) RETURN count(p)")).isZero();
    }
}
