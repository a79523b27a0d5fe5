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
import java.util.UUID;
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
    String erasedId;

    @BeforeEach
    void anErasedAdviser() {
        importFixture("employers", "employers.csv", false);
        importFixture("places", "places-semicolon.csv", false);
        importFixture("advisers", "advisers.csv", false);
        erasedId = adviserIdOf("CN-0001");
        asAnct().document("mutation($id: ID!) { eraseAdviserPersonalData(adviserId: $id) { id } }")
                .variable("id", erasedId).execute().errors().verify();
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
                + " AND a.externalId IS NULL RETURN count(a)", Map.of("id", erasedId)))
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
    void anAdvisersIdSaysNothingOfItsProgrammeId() {
        // found by probing: ids were UUIDs of "adviser:" + programme id, so trying "CN-00001"... gave the programme id
        // (personal data) of every adviser of a public list
        var id = adviserIdOf("CN-0002");
        assertThat(id).isNotEqualTo(formerIdOf("CN-0002"));
        assertThat(UUID.fromString(id).version()).as("a random UUID").isEqualTo(4);
        // and an erased adviser keeps no programme id anyone can read
        assertThat(count("MATCH (a:Adviser {id: $id}) WHERE a.externalId IS NULL AND a.programmeIdDigest IS NOT NULL"
                + " RETURN count(a)", Map.of("id", erasedId)))
                .isEqualTo(1);
    }

    @Test
    void anAdviserErasedWhenIdsCameFromProgrammeIdsStaysErased() {
        // erased before ids were random: no digest, only the id derived from its programme id
        write("""
                CREATE (:Adviser {id: $id, scheme: 'CONSEILLER_NUMERIQUE', status: 'ACTIVE', anonymised: true,
                  anonymisedAt: datetime('2025-06-02T10:00:00Z')})""", Map.of("id", formerIdOf("CN-0777")));

        var report = importCsv("advisers", """
                id_conseiller;prenom;nom;siret_employeur;type_contrat;date_debut
                CN-0777;Paul;Orsoni;21200004600004;CDI_PUBLIC;2025-01-01
                """);

        assertRejected(report, 2, "id_conseiller", "a fait effacer ses données personnelles le 02/06/2025");
        assertThat(count("MATCH (a:Adviser) WHERE a.lastName = 'Orsoni' RETURN count(a)")).isZero();
    }

    /** The id an adviser got before ids were random: the name-based UUID of "adviser:" and its programme id. */
    private static String formerIdOf(String externalId) {
        return UUID.nameUUIDFromBytes(("adviser:" + externalId).getBytes(StandardCharsets.UTF_8)).toString();
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
