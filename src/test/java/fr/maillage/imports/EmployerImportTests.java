package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import fr.maillage.network.NetworkKeys;
import org.junit.jupiter.api.Test;

/** Employers: SIRET-keyed, sector derived from the legal kind when not given, one transaction for the whole file. */
class EmployerImportTests extends ImportIntegrationTest {

    @Test
    void importsEmployersWithFrenchLabelsAndRejectsBadRows() {
        var report = importFixture("employers", "employers.csv", false);

        assertThat(report.counts()).containsEntry(RowStatus.CREATED, 4).containsEntry(RowStatus.REJECTED, 3);
        assertThat(row(report, 2).key()).isEqualTo("20007695800012");
        assertThat(row(report, 2).id()).isEqualTo(NetworkKeys.employerId("20007695800012"));
        assertThat(count("""
                MATCH (e:Employer {siret: '20007695800012', siren: '200076958', name: 'Collectivité de Corse',
                                   sector: 'PUBLIC', legalKind: 'TERRITORIAL_COLLECTIVITY', communeCode: '2A004',
                                   departmentCode: '2A', regionCode: '94'})-[:IN_COMMUNE]->(c:Commune {code: '2A004'})
                WHERE e.epciCode = c.epciCode AND c.epciCode IS NOT NULL
                RETURN count(e)""")).isEqualTo(1);
        assertThat(count("MATCH (e:Employer {siret: '21200004600004', communeCode: '2A004', sector: 'PUBLIC'}) "
                + "RETURN count(e)")).as("sector from the legal kind, commune from postal code and name").isEqualTo(1);
        assertThat(count("MATCH (e:Employer {siret: '13002526500013', legalKind: 'STATE_PUBLIC_BODY'}) RETURN count(e)"))
                .isEqualTo(1);
        assertThat(count("""
                MATCH (e:Employer {siret: '77567227200009', sector: 'PRIVATE', legalKind: 'ASSOCIATION',
                                   communeCode: '2B134'}) RETURN count(e)""")).isEqualTo(1);
        assertRejected(report, 6, "siret", "clé de contrôle (Luhn)");
        assertRejected(report, 7, "type_juridique", "valeur inconnue « Coopérative de pêche »");
        assertRejected(report, 8, "code_insee", "2A999");
        assertThat(count("MATCH (e:Employer) RETURN count(e)")).isEqualTo(4);
    }

    @Test
    void aSecondRowWithTheSameSiretIsRejected() {
        var file = """
                siret,nom,type_juridique,code_insee
                20007695800012,Collectivité de Corse,Collectivité territoriale,2A004
                200 076 958 00012,Collectivité de Corse (doublon),Collectivité territoriale,2A004
                """;

        var report = importCsv("employers", file);

        assertThat(row(report, 2).status()).isEqualTo(RowStatus.CREATED);
        assertRejected(report, 3, "siret", "même clé « 20007695800012 » que la ligne 2");
        assertThat(count("MATCH (e:Employer) RETURN count(e)")).isEqualTo(1);
    }

    @Test
    void aWriteThatFailsRollsBackTheWholeFile() {
        // a node already holds the id the second row's employer would get, under another SIRET: the id constraint
        // fails inside the transaction, after the first row was written in it
        write("CREATE (:Employer {id: $id, siret: '41234567000001', name: 'Occupant'})",
                Map.of("id", NetworkKeys.employerId("13002526500013")));
        var file = """
                siret;nom;type_juridique;code_insee
                20007695800012;Collectivité de Corse;Collectivité territoriale;2A004
                13002526500013;Établissement public de Bastia;STATE_PUBLIC_BODY;2B033
                """;

        var report = send("employers", file.getBytes(StandardCharsets.UTF_8), CSV, false)
                .expectStatus().isEqualTo(409).expectBody(ImportReport.class).returnResult().getResponseBody();

        assertThat(report.committed()).isFalse();
        // what the database said stays in the server's log, under the reference the caller is given
        assertThat(report.failure()).startsWith("l'écriture a échoué, rien n'a été écrit (erreur interne, référence ")
                .doesNotContain("Neo.", "Node(", "constraint", "Employer");
        assertThat(report.counts()).containsEntry(RowStatus.NOT_WRITTEN, 2).containsEntry(RowStatus.CREATED, 0);
        assertThat(count("MATCH (e:Employer) RETURN count(e)")).isEqualTo(1);
        assertThat(count("MATCH (e:Employer {siret: '20007695800012'}) RETURN count(e)")).isZero();
    }
}
