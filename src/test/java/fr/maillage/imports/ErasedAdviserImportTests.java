package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import fr.maillage.network.NetworkKeys;
import fr.maillage.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import tools.jackson.databind.json.JsonMapper;

/**
 * An erasure is final: a row that names the programme id of an adviser whose personal data was erased is rejected
 * (the rest of the file imports as usual), and so is hiring someone under that id. Nothing of the database shows.
 */
class ErasedAdviserImportTests extends ImportIntegrationTest {

    private static final Pattern INTERNALS = Pattern.compile(
            "Neo\\.|Node\\(|ConstraintValidation|MATCH \\(|MERGE \\(|\\b(org|java|fr\\.maillage|tools\\.jackson)\\.[a-z]");

    @Autowired
    ImportService imports;

    @TempDir
    Path directory;

    String erasedOn;

    @BeforeEach
    void anErasedAdviser() {
        importFixture("employers", "employers.csv", false);
        importFixture("places", "places-semicolon.csv", false);
        importFixture("advisers", "advisers.csv", false);
        asAnct().document("mutation($id: ID!) { eraseAdviserPersonalData(adviserId: $id) { id } }")
                .variable("id", NetworkKeys.adviserId("CN-0001")).execute().errors().verify();
        erasedOn = LocalDate.now(ZoneId.of("Europe/Paris")).format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }

    @Test
    void reimportingTheFileRejectsTheRowsNamingTheErasedAdviserAndKeepsTheOthers() {
        var body = send("advisers", fixture("advisers.csv"), CSV, false).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContainPattern(INTERNALS);
        var report = JsonMapper.builder().build().readValue(body, ImportReport.class);

        assertThat(report.committed()).isTrue();
        assertThat(report.failure()).isNull();
        assertRejected(report, 4, "id_conseiller", "ce conseiller a fait effacer ses données personnelles le "
                + erasedOn + " : elles ne sont pas réimportées ; s'il revient dans le dispositif, enregistrez-le sans"
                + " cet identifiant ou avec un nouvel identifiant");
        // the coordinator's row names the erased adviser among those it coordinates
        assertRejected(report, 2, "conseillers_coordonnes", "CN-0001");
        assertThat(report.counts()).containsEntry(RowStatus.UNCHANGED, 3).containsEntry(RowStatus.CREATED, 0);
        // the erased node stays anonymous, and no second node took the programme id
        assertThat(count("MATCH (a:Adviser {id: $id}) WHERE a.anonymised AND a.lastName IS NULL"
                + " AND a.externalId IS NULL RETURN count(a)", Map.of("id", NetworkKeys.adviserId("CN-0001"))))
                .isEqualTo(1);
        assertThat(count("MATCH (a:Adviser {externalId: 'CN-0001'}) RETURN count(a)")).isZero();
    }

    @Test
    void aFileWithTheErasedAdviserAndANewOneImportsTheNewOne() {
        var report = importCsv("advisers", """
                id_conseiller;prenom;nom;siret_employeur;type_contrat;date_debut
                CN-0001;Marie;Casanova;21200004600004;CDI_PUBLIC;2025-01-01
                CN-0100;Ange;Nouveau;21200004600004;CDI_PUBLIC;2025-01-01
                """);

        assertRejected(report, 2, "id_conseiller", "a fait effacer ses données personnelles le " + erasedOn);
        assertThat(row(report, 3).status()).isEqualTo(RowStatus.CREATED);
        assertThat(count("MATCH (a:Adviser {externalId: 'CN-0100', lastName: 'Nouveau'}) RETURN count(a)")).isEqualTo(1);
        assertThat(count("MATCH (a:Adviser) WHERE a.lastName = 'Casanova' RETURN count(a)")).isZero();
    }

    @Test
    void theCommandLineImportRejectsTheRowToo() throws Exception {
        var file = Files.write(directory.resolve("conseillers.csv"), fixture("advisers.csv"));
        var output = new ByteArrayOutputStream();
        var command = new ImportCommand(imports, new PrintStream(output, true, StandardCharsets.UTF_8));

        command.run(new DefaultApplicationArguments("--import=advisers", "--file=" + file));

        assertThat(command.getExitCode()).isEqualTo(ImportCommand.ROWS_REJECTED);
        assertThat(output.toString(StandardCharsets.UTF_8))
                .contains("ligne 4 rejetée — id_conseiller : ce conseiller a fait effacer ses données personnelles le "
                        + erasedOn)
                .contains("3 inchangées")
                .doesNotContainPattern(INTERNALS);
    }

    @Test
    void hiringUnderTheErasedProgrammeIdIsABadRequestOnThatField() {
        var employer = NetworkKeys.employerId("21200004600004");
        var hire = """
                mutation($e: ID!) { hireAdviser(input: {employerId: $e, externalId: "CN-0001", firstName: "Marie",
                  lastName: "Casanova", contractType: CDI_PUBLIC, start: "2025-01-01"}) { id } }""";

        var body = http(anct()).post().uri("/graphql").header("Content-Type", "application/json")
                .bodyValue(Map.of("query", hire, "variables", Map.of("e", employer))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).doesNotContainPattern(INTERNALS);

        asAnct().document(hire).variable("e", employer).execute().errors()
                .expect(error -> "BAD_REQUEST".equals(error.getErrorType().toString())
                        && "input.externalId".equals(error.getExtensions().get("field"))
                        && error.getMessage().contains("a fait effacer ses données personnelles le " + erasedOn))
                .verify();
        // whoever may not hire for this employer learns nothing about the id
        graphQl(token(Role.EMPLOYER, Map.of("sirets", List.of("77567227200009")), null)).document(hire)
                .variable("e", employer).execute().errors()
                .expect(error -> "FORBIDDEN".equals(error.getErrorType().toString())).verify();
        assertThat(count("MATCH (a:Adviser) WHERE a.lastName = 'Casanova' RETURN count(a)")).isZero();
    }
}
