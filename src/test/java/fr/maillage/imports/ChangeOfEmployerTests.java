package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import fr.maillage.network.NetworkKeys;
import fr.maillage.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two advisers of the Commune d'Ajaccio (2A004) move: Marie Casanova (CN-0101, no place) to the Association Balagna
 * Numerica at L'Île-Rousse (2B134) on 2024-03-15, Jean Rossi (CN-0102, at the médiathèque of Ajaccio, his CDD
 * planned until 2025-08-31) to the Établissement public de Bastia (2B033) on 2024-09-01, with no place named.
 * The second file gives their current contracts (advisers-before-move.csv, then advisers-after-move.csv). Each is
 * counted at its new employer only, the contracts with Ajaccio ending the day before (kept as history).
 */
class ChangeOfEmployerTests extends ImportIntegrationTest {

    private static final String AJACCIO = "21200004600004";
    private static final String BALAGNA = "77567227200009";
    private static final String BASTIA = "13002526500013";

    @BeforeEach
    void advisersOfAjaccio() {
        importFixture("employers", "employers.csv", false);
        importFixture("places", "places-semicolon.csv", false);
        assertThat(importFixture("advisers", "advisers-before-move.csv", false).counts())
                .containsEntry(RowStatus.CREATED, 2);
    }

    @Test
    void theNewContractEndsThePreviousOneTheDayBefore() {
        var report = importFixture("advisers", "advisers-after-move.csv", false);

        assertThat(report.counts()).containsEntry(RowStatus.UPDATED, 2).containsEntry(RowStatus.REJECTED, 0);
        // the report says what ends, so that whoever imports sees the history written
        assertThat(row(report, 2).notes()).containsExactly(new FieldError("date_debut", "le contrat commencé le"
                + " 01/01/2021 avec une autre structure employeuse se termine le 14/03/2024, veille de celui-ci"));
        assertThat(contracts("CN-0101")).containsExactly(
                List.of(AJACCIO, "2021-01-01", "2024-03-14"), List.of(BALAGNA, "2024-03-15", "-"));
        assertThat(contracts("CN-0102")).containsExactly(
                List.of(AJACCIO, "2022-09-01", "2024-08-31"), List.of(BASTIA, "2024-09-01", "-"));
        // the médiathèque was his place for Ajaccio: the row names none for Bastia
        assertThat(count("MATCH (:Adviser {externalId: 'CN-0102'})-[w:WORKS_AT]->() RETURN count(w)")).isZero();

        assertReimportChangesNothing("advisers", "advisers-after-move.csv", 2);
    }

    @Test
    void eachAdviserCountsAtItsCurrentEmployerOnly() {
        importFixture("advisers", "advisers-after-move.csv", false);

        asAnct().document("""
                query($ajaccio: String!, $balagna: String!, $bastia: String!) {
                  ajaccio: employer(siret: $ajaccio) { advisers { totalCount } all: advisers(activeOnly: false) { totalCount } }
                  balagna: employer(siret: $balagna) { advisers { nodes { externalId } } }
                  bastia: employer(siret: $bastia) { advisers { nodes { externalId } } }
                  inAjaccio: advisers(within: {level: COMMUNE, code: "2A004"}) { totalCount }
                  inIleRousse: advisers(within: {level: COMMUNE, code: "2B134"}) { nodes { externalId } }
                  in2B: advisers(within: {level: DEPARTMENT, code: "2B"}) { totalCount }
                  south: diagnosis(level: DEPARTMENT, code: "2A", referenceDate: "2025-01-01") { advisers }
                  north: diagnosis(level: DEPARTMENT, code: "2B", referenceDate: "2025-01-01") { advisers }
                  before: diagnosis(level: DEPARTMENT, code: "2A", referenceDate: "2024-01-01") { advisers }
                }""").variable("ajaccio", AJACCIO).variable("balagna", BALAGNA).variable("bastia", BASTIA).execute()
                .path("ajaccio.advisers.totalCount").entity(Integer.class).isEqualTo(0)
                .path("ajaccio.all.totalCount").entity(Integer.class).isEqualTo(2)
                .path("balagna.advisers.nodes[*].externalId").entityList(String.class).containsExactly("CN-0101")
                .path("bastia.advisers.nodes[*].externalId").entityList(String.class).containsExactly("CN-0102")
                .path("inAjaccio.totalCount").entity(Integer.class).isEqualTo(0)
                .path("inIleRousse.nodes[*].externalId").entityList(String.class).containsExactly("CN-0101")
                .path("in2B.totalCount").entity(Integer.class).isEqualTo(2)
                .path("south.advisers").entity(Integer.class).isEqualTo(0)
                .path("north.advisers").entity(Integer.class).isEqualTo(2)
                // history kept: on 2024-01-01 both still worked for Ajaccio
                .path("before.advisers").entity(Integer.class).isEqualTo(2);
    }

    @Test
    void theFormerEmployerNoLongerReadsThePersonalDataTheNewOneDoes() {
        importFixture("advisers", "advisers-after-move.csv", false);
        var adviser = adviserIdOf("CN-0101");
        var query = "query($id: ID!) { adviser(id: $id) { firstName } }";

        graphQl(token(Role.EMPLOYER, Map.of("sirets", List.of(AJACCIO)), null)).document(query).variable("id", adviser)
                .execute().errors().expect(e -> e.getErrorType().toString().equals("FORBIDDEN")).verify()
                .path("adviser.firstName").valueIsNull();
        graphQl(token(Role.EMPLOYER, Map.of("sirets", List.of(BALAGNA)), null)).document(query).variable("id", adviser)
                .execute().path("adviser.firstName").entity(String.class).isEqualTo("Marie");
    }

    @Test
    void aRowOlderThanTheLatestContractIsRejected() {
        importFixture("advisers", "advisers-after-move.csv", false);

        var report = importFixture("advisers", "advisers-before-move.csv", false);

        assertRejected(report, 2, "date_debut", "le dernier contrat enregistré de ce conseiller commence le 15/03/2024");
        assertRejected(report, 3, "date_debut", "commence le 01/09/2024");
        assertThat(contracts("CN-0101")).containsExactly(
                List.of(AJACCIO, "2021-01-01", "2024-03-14"), List.of(BALAGNA, "2024-03-15", "-"));
    }

    /**
     * hireAdviser records a new adviser: for one already known, whoever asks, it refuses and says how a change of
     * employer is recorded; the refusal names nothing of the current employer, and nothing is written.
     */
    @Test
    void hiringAnAdviserKnownElsewhereIsRefusedClearly() {
        var balagna = NetworkKeys.employerId(BALAGNA);
        var hire = """
                mutation($employer: ID!) { hireAdviser(input: {employerId: $employer, externalId: "CN-0101",
                  firstName: "Marie", lastName: "Casanova", contractType: CDI_PRIVATE, start: "2024-03-15"}) { id } }""";
        var before = graphCounts();

        for (var caller : List.of(anct(), token(Role.EMPLOYER, Map.of("sirets", List.of(BALAGNA)), null))) {
            graphQl(caller).document(hire).variable("employer", balagna).execute().errors()
                    .expect(e -> "input.externalId".equals(e.getExtensions().get("field"))
                            && e.getMessage().contains("déjà l'identifiant CN-0101")
                            && e.getMessage().contains("change d'employeur")
                            && !e.getMessage().contains("Ajaccio") && !e.getMessage().contains(AJACCIO)
                            && !e.getMessage().contains("2021"))
                    .verify();
        }
        assertThat(graphCounts()).isEqualTo(before);
        assertThat(contracts("CN-0101")).containsExactly(List.of(AJACCIO, "2021-01-01", "-"));
    }

    /** The contracts of an adviser in order of start: [SIRET, start, end or "-"]. */
    private List<List<String>> contracts(String externalId) {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (:Adviser {externalId: $id})-[c:EMPLOYED_BY]->(e:Employer)
                    RETURN e.siret AS siret, toString(c.start) AS start, coalesce(toString(c.end), '-') AS end
                    ORDER BY c.start""", Map.of("id", externalId))
                    .list(r -> List.of(r.get("siret").asString(), r.get("start").asString(), r.get("end").asString()));
        }
    }
}
