package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import fr.maillage.network.Siret;
import fr.maillage.support.AtOnce;
import org.junit.jupiter.api.Test;

/**
 * Two imports of overlapping files sent at the same instant, for a few dozen rounds: each key (SIRET, programme id)
 * ends as one node, each import reports what it did as if it had run alone after the other (a row of a key is created
 * by one of them only), and an import that could not write says so and that it may be sent again.
 */
class ConcurrentImportTests extends ImportIntegrationTest {

    static final int ROUNDS = 8;
    static final String EMPLOYERS = "siret;nom;secteur;type_juridique;code_insee;code_postal;commune\n";
    static final String ADVISERS = "id_conseiller;prenom;nom;email;telephone;dispositif;siret_employeur;type_contrat;"
            + "date_debut;date_fin;lieu_principal;coordinateur\n";

    private int sirens;

    @Test
    void overlappingEmployerFilesAtOnceCreateEachSiretOnce() {
        for (int round = 0; round < ROUNDS; round++) {
            var sirets = new ArrayList<String>();
            for (int i = 0; i < 6; i++) {
                sirets.add(Siret.withCheckDigit(Siret.withCheckDigit("7%07d".formatted(++sirens)) + "0001"));
            }
            // the shared SIRETs in opposite orders, so that the two writes meet them in crossed order
            var first = employers(List.of(sirets.get(0), sirets.get(1), sirets.get(2), sirets.get(3), sirets.get(4)));
            var second = employers(List.of(sirets.get(4), sirets.get(3), sirets.get(2), sirets.get(1), sirets.get(5)));
            var reports = AtOnce.run(() -> post("employers", first), () -> post("employers", second));

            assertSensible(reports, round);
            for (var siret : sirets) {
                assertThat(count("MATCH (e:Employer {siret: $siret}) RETURN count(e)", Map.of("siret", siret)))
                        .as("round %d, SIRET %s", round, siret).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void overlappingAdviserFilesAtOnceCreateEachAdviserAndContractOnce() {
        var siret = "20007695800012";
        importCsv("employers", EMPLOYERS + siret + ";Collectivité de Corse;public;Collectivité territoriale;2A004;;\n");
        for (int round = 0; round < ROUNDS; round++) {
            var keys = new ArrayList<String>();
            for (int i = 0; i < 5; i++) {
                keys.add("CN-R" + round + "-" + i);
            }
            var first = advisers(keys.subList(0, 4), siret);
            var second = advisers(List.of(keys.get(4), keys.get(3), keys.get(2), keys.get(1)), siret);
            var reports = AtOnce.run(() -> post("advisers", first), () -> post("advisers", second));

            assertSensible(reports, round);
            for (var key : keys) {
                assertThat(count("MATCH (a:Adviser {externalId: $key}) RETURN count(a)", Map.of("key", key)))
                        .as("round %d, adviser %s", round, key).isLessThanOrEqualTo(1);
                assertThat(count("MATCH (:Adviser {externalId: $key})-[c:EMPLOYED_BY]->() RETURN count(c)",
                        Map.of("key", key))).as("round %d, contracts of %s", round, key).isLessThanOrEqualTo(1);
            }
        }
    }

    @Test
    void anImportAndARegistrationOfOneSiretAtOnceLeaveOneEmployer() {
        for (int round = 0; round < ROUNDS; round++) {
            var siret = Siret.withCheckDigit(Siret.withCheckDigit("6%07d".formatted(++sirens)) + "0001");
            var file = employers(List.of(siret));
            var register = """
                    mutation($siret: String!) { registerEmployer(input: {siret: $siret, name: "Structure",
                      legalKind: TERRITORIAL_COLLECTIVITY, communeCode: "2A004"}) { id } }""";
            var answers = AtOnce.<Object>run(() -> post("employers", file),
                    () -> AtOnce.graphQl(http(anct()), register, Map.of("siret", siret)));
            var imported = (Answer) answers.get(0);
            assertThat(imported.status()).as("round %d: %s", round, imported).isIn(200, 409);
            if (imported.status() == 409) {
                assertThat(AtOnce.json(imported.body()).path("failure").asText()).contains("réessayez");
            }
            var registration = (JsonNode) answers.get(1);
            if (!AtOnce.succeeded(registration)) {
                // it came second: the SIRET was registered by the import, and it is told so
                assertThat(registration.at("/errors/0/extensions/field").asText()).as("round %d: %s", round,
                        registration).isEqualTo("input.siret");
            }
            assertThat(count("MATCH (e:Employer {siret: $siret}) RETURN count(e)", Map.of("siret", siret)))
                    .as("round %d: %s", round, answers).isEqualTo(1);
        }
    }

    /**
     * Both imports answered 200 with every row written, or one answered 409 saying nothing was written and to retry;
     * a key written by both is CREATED by one import only, and exists once.
     */
    void assertSensible(List<Answer> answers, int round) {
        var created = new ArrayList<String>();
        for (var answer : answers) {
            var report = AtOnce.json(answer.body());
            if (answer.status() == 200) {
                assertThat(report.path("committed").asBoolean()).as("round %d: %s", round, answer).isTrue();
                report.path("rows").forEach(row -> {
                    assertThat(row.path("status").asText()).isIn("CREATED", "UPDATED", "UNCHANGED");
                    if (row.path("status").asText().equals("CREATED")) {
                        created.add(row.path("key").asText());
                    }
                });
            } else {
                assertThat(answer.status()).as("round %d: %s", round, answer).isEqualTo(409);
                assertThat(report.path("committed").asBoolean()).isFalse();
                assertThat(report.path("failure").asText()).contains("réessayez");
            }
        }
        var twice = created.stream().collect(Collectors.groupingBy(key -> key, Collectors.counting())).entrySet()
                .stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertThat(twice).as("round %d: keys reported CREATED by both imports: %s", round, answers).isEmpty();
        assertThat(answers).as("round %d", round).anyMatch(answer -> answer.status() == 200);
    }

    record Answer(int status, String body) {
    }

    Answer post(String kind, String csv) {
        var result = http(anct()).post().uri("/api/imports/{kind}", kind).contentType(CSV)
                .bodyValue(csv.getBytes(StandardCharsets.UTF_8)).exchange().expectBody(String.class).returnResult();
        return new Answer(result.getStatus().value(), result.getResponseBody());
    }

    static String employers(List<String> sirets) {
        return EMPLOYERS + sirets.stream().map(siret -> siret + ";Structure " + siret
                + ";public;Collectivité territoriale;2A004;;").collect(Collectors.joining("\n", "", "\n"));
    }

    static String advisers(List<String> keys, String siret) {
        return ADVISERS + keys.stream().map(key -> key + ";Marie;" + key + ";;;conseiller numérique;" + siret
                + ";CDI de droit public;2022-01-01;;;non").collect(Collectors.joining("\n", "", "\n"));
    }
}
