package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Advisers with their contract, main place and coordinator role, once employers and places are in. */
class AdviserImportTests extends ImportIntegrationTest {

    @BeforeEach
    void employersAndPlaces() {
        importFixture("employers", "employers.csv", false);
        importFixture("places", "places-semicolon.csv", false);
    }

    @Test
    void aDryRunReportsNoIdForAnAdviserItWouldCreate() {
        // an adviser's id is random: the one a dry run drew is not the one the real run will
        var dryRun = importFixture("advisers", "advisers.csv", true);
        assertThat(dryRun.rows()).filteredOn(r -> r.status() == RowStatus.CREATED).hasSize(5)
                .allSatisfy(r -> assertThat(r.id()).isNull());

        var real = importFixture("advisers", "advisers.csv", false);
        assertThat(real.rows()).filteredOn(r -> r.status() == RowStatus.CREATED).hasSize(5)
                .allSatisfy(r -> assertThat(r.id()).isNotNull());
    }

    @Test
    void importsAdvisersContractsPlacesAndCoordination() {
        var report = importFixture("advisers", "advisers.csv", false);

        assertThat(report.counts()).containsEntry(RowStatus.CREATED, 5);
        assertThat(count("""
                MATCH (a:Adviser:Coordinator {externalId: 'CN-COORD-2A', firstName: 'Paola', lastName: 'Santoni',
                       email: 'paola.santoni@example.fr', phone: '+33612345678', scheme: 'CONSEILLER_NUMERIQUE',
                       status: 'ACTIVE', perimeterKind: 'DEPARTMENT', coordinatorSince: date('2022-06-01')})
                      -[c:EMPLOYED_BY {contractType: 'PROJECT_CONTRACT', start: date('2022-06-01'),
                                       end: date('2024-05-31')}]->(:Employer {siret: '20007695800012'})
                MATCH (a)-[:WORKS_AT {main: true}]->(:Place {key: 'lieu-ajaccio-mediatheque'})
                MATCH (a)-[:COVERS]->(:Department {code: '2A'})
                RETURN count(c)""")).isEqualTo(1);
        assertThat(count("""
                MATCH (:Coordinator {externalId: 'CN-COORD-2A'})-[r:COORDINATES {since: date('2022-06-01')}]->(x:Adviser)
                WHERE x.externalId IN ['CN-0001', 'CN-0002'] RETURN count(r)""")).isEqualTo(2);
        assertThat(count("""
                MATCH (c:Coordinator {externalId: 'CN-COORD-BALAGNE', perimeterKind: 'INTERCOMMUNAL'})-[:COVERS]->(t)
                WHERE (t:Epci AND t.code = '200073104') OR (t:Commune AND t.code = '2B033') RETURN count(t)"""))
                .isEqualTo(2);
        assertThat(count("""
                MATCH (a:Adviser {externalId: 'CN-0001'})-[:EMPLOYED_BY {contractType: 'CDD_PUBLIC',
                       start: date('2022-09-01'), end: date('2025-08-31')}]->(:Employer {siret: '21200004600004'})
                WHERE NOT a:Coordinator RETURN count(a)""")).isEqualTo(1);
        assertThat(count("""
                MATCH (a:Adviser {externalId: 'CN-0002', scheme: 'OTHER', phone: '+33495000002'})
                      -[c:EMPLOYED_BY {contractType: 'CIVIL_SERVANT'}]->()
                WHERE c.end IS NULL RETURN count(a)""")).isEqualTo(1);
    }

    @Test
    void rejectsEachBadRowNamingTheField() {
        var report = importFixture("advisers", "advisers.csv", false);

        assertRejected(report, 7, "email", "adresse électronique invalide");
        assertRejected(report, 8, "telephone", "numéro de téléphone français invalide");
        assertRejected(report, 9, "date_fin", "doit être postérieure à date_debut");
        assertRejected(report, 10, "date_fin", "obligatoire pour un contrat à durée déterminée");
        assertRejected(report, 11, "siret_employeur", "aucun employeur de SIRET 41234567000001");
        assertRejected(report, 12, "type_contrat", "valeur inconnue « Intérim »");
        assertRejected(report, 13, "date_debut", "date inexistante");
        assertRejected(report, 14, "perimetre_codes", "un seul code");
        assertRejected(report, 15, "conseillers_coordonnes", "« CN-9999 » inconnu");
        assertRejected(report, 16, "perimetre_type", "renseigné alors que coordinateur vaut « non »");
        assertRejected(report, 17, "id_conseiller", "obligatoire");
        assertThat(report.counts()).containsEntry(RowStatus.REJECTED, 11);
        assertThat(count("MATCH (a:Adviser) RETURN count(a)")).isEqualTo(5);
    }

    @Test
    void reimportingIsUnchangedAndAChangedRowIsUpdated() {
        importFixture("advisers", "advisers.csv", false);

        assertReimportChangesNothing("advisers", "advisers.csv", 5);

        var report = importCsv("advisers", text("advisers.csv").replace("2A;CN-0001|CN-0002", "2A;CN-0001"));
        assertThat(row(report, 2).status()).isEqualTo(RowStatus.UPDATED);
        assertThat(report.counts()).containsEntry(RowStatus.UPDATED, 1).containsEntry(RowStatus.UNCHANGED, 4);
        assertThat(count("MATCH (:Coordinator {externalId: 'CN-COORD-2A'})-[r:COORDINATES]->() RETURN count(r)"))
                .isEqualTo(1);
    }
}
