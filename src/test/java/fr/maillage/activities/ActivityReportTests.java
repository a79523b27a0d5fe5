package fr.maillage.activities;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import fr.maillage.security.Role;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/** The PDF activity report of a coordinator, read back as a PDF reader would, on {@link ActivityFixture}. */
class ActivityReportTests extends ActivityFixture {

    static final String URI = "/exports/activity/coordinators.pdf?coordinatorIds=C1&from=2024-01-01&to=2024-12-31";

    static String text(byte[] pdf) {
        try (var document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace('\u00A0', ' ').replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theReportSaysWhatTheCoordinatorsFiguresSay() throws IOException {
        var bytes = http(territorial(Role.HUB, "regions", "94")).get().uri(URI).exchange().expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"bilan-activite-2024-01-01-2024-12-31.pdf\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        Files.write(Path.of("target", "bilan-activite-C1.pdf"), bytes); // kept for a look
        // the figures of ActivityFiguresTests.aCoordinatorsYear, written the French way
        assertThat(text(bytes)).contains("Bilan d'activité", "Coordinateur : Prénom Nom C1",
                "du 01/01/2024 au 31/12/2024",
                "2 ateliers animés auprès des citoyens",
                "1 journées événementielles organisées sur 2 prévues",
                "62 personnes accompagnées vers l'autonomie numérique",
                "66,7 % des conseillers coordonnés rencontrés (2 sur 3)",
                "1 communs numériques proposés", "2 réunions de coordination organisées",
                "2 groupes de travail créés et animés (3 séances)", "35 structures d'e-inclusion cartographiées",
                "CC du Centre Corse 1 1 40", "CC du Sud Corse 1 0 0",
                "France Travail Bastia France Travail (ex-Pôle emploi) 1",
                "Prévention en sécurité numérique 2", "Kit fake news");
        assertThat(count("MATCH (e:AuditEvent {operation: 'export:activity-report.pdf'}) WHERE 'C1' IN e.adviserIds"
                + " RETURN count(e)")).isEqualTo(1);
    }

    @Test
    void theDiagnosisReportOfADepartmentSaysHowManyPeopleEachEpciHelped() throws IOException {
        var bytes = http().get().uri("/exports/diagnosis/DEPARTMENT/2A.pdf?referenceDate=2025-01-15").exchange()
                .expectStatus().isOk().expectBody(byte[].class).returnResult().getResponseBody();
        Files.write(Path.of("target", "diagnostic-activite-2A.pdf"), bytes); // kept for a look
        long epcis = count("MATCH (e:Epci)-[:IN_DEPARTMENT]->(:Department {code: '2A'}) RETURN count(e)");
        // 2A helped 22 people in the twelve months, Corsica 73, France 73 (ActivityFiguresTests)
        assertThat(text(bytes)).contains("Activité du réseau du 16/01/2024 au 15/01/2025",
                "Personnes accompagnées 22 73 73", "Accompagnements individuels 2 3 3",
                "Ateliers collectifs 2 3 3", "Journées événementielles 0 1 1",
                "Par EPCI : " + (epcis - 1) + " sur " + epcis + " sans personne accompagnée sur la période.",
                "242010056 CA du Pays Ajaccien 22");
    }

    @Test
    void onlyWhoSeesTheCoordinatorGetsItsReport() {
        http().get().uri(URI).exchange().expectStatus().isUnauthorized();
        http(employer("11111111111111")).get().uri(URI).exchange().expectStatus().isForbidden();
        http(territorial(Role.PREFECTURE, "departments", "75")).get().uri(URI).exchange().expectStatus().isForbidden();
        http(territorial(Role.HUB, "regions", "94")).get()
                .uri("/exports/activity/coordinators.pdf?coordinatorIds=nobody").exchange().expectStatus()
                .isForbidden();
    }

    @Test
    void badParametersAreNamed() {
        var anct = http(anct());
        anct.get().uri("/exports/activity/coordinators.pdf").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("coordinatorIds");
        anct.get().uri("/exports/activity/coordinators.pdf?coordinatorIds=C1&from=2024-13-01&to=2024-12-31")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("from");
        anct.get().uri("/exports/activity/coordinators.pdf?coordinatorIds=A1").exchange().expectStatus()
                .isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("coordinatorIds");
        anct.get().uri("/exports/activity/coordinators.pdf?coordinatorIds=C1&from=2024-12-31&to=2024-01-01")
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.parameter").isEqualTo("period.to");
    }
}
