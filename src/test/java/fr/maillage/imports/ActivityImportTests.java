package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.maillage.activities.ActivityKeys;
import fr.maillage.database.CypherStatementCounter;
import fr.maillage.security.Caller;
import fr.maillage.security.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Activities from the programme's activity records and from Maillage's own columns, on a small network in Corsica:
 * the commune of Ajaccio employs a coordinator (CN-COORD, Corse-du-Sud) and the adviser it coordinates (CN-AJ1), both
 * at the Médiathèque des Jardins; an association of L'Île-Rousse employs CN-BAL1. Every test is on 1 June 2024.
 */
class ActivityImportTests extends ImportIntegrationTest {

    private static final String AJACCIO = "21200004600004";
    private static final String BALAGNA = "77567227200009";
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);

    @Autowired
    ImportService imports;

    @Autowired
    CypherStatementCounter statements;

    @BeforeEach
    void network() {
        clock.today(TODAY);
        assertAllCreated(importCsv("employers", """
                siret;nom;type_juridique;code_insee
                %s;Commune d'Ajaccio;Collectivité territoriale;2A004
                %s;Association Balagna Numerica;Association;2B134
                """.formatted(AJACCIO, BALAGNA)), 2);
        assertAllCreated(importCsv("places", """
                id;nom;adresse;code_insee
                lieu-ajaccio;Médiathèque des Jardins;Rue des jardins;2A004
                """), 1);
        assertAllCreated(importCsv("partners", """
                type;nom;siret;code_insee
                Mission locale;Mission locale d'Ajaccio;13002526500013;2A004
                """), 1);
        assertAllCreated(importCsv("advisers", """
                id_conseiller;prenom;nom;siret_employeur;type_contrat;date_debut;lieu_principal;coordinateur;perimetre_type;perimetre_codes;conseillers_coordonnes
                CN-COORD;Paola;Santoni;%1$s;CDI de droit public;2023-01-01;lieu-ajaccio;oui;DEPARTMENT;2A;CN-AJ1
                CN-AJ1;Marie;Casanova;%1$s;CDI de droit public;2023-01-01;lieu-ajaccio;non;;;
                CN-BAL1;Anna;Paoli;%2$s;CDI de droit privé;2023-01-01;;non;;;
                """.formatted(AJACCIO, BALAGNA)), 3);
    }

    /** Three records of the programme, as its export gives them: individual, workshop, administrative procedure. */
    static final String RECORDS = """
            id_activite;date;type;duree_minutes;thematiques;code_insee;participants;titre;id_conseiller
            cra-1;15/03/2024;Individuel;45;PrendreEnMainDuMateriel, E-mail;2A004;1;;CN-AJ1
            cra-2;2024-03-16;Collectif;120;navigation_sur_internet;2A004;8;Découvrir internet;CN-AJ1
            cra-3;18/03/2024;Démarche administrative;30;Logement;2A004;;;CN-AJ1
            """;

    /** Maillage's own kinds: a coordination meeting at a place, a planned event with a partner, a mapping. */
    static final String OWN_KINDS = """
            date;type;statut;id_conseiller;conseillers_rencontres;partenaires;id_lieu;structures_cartographiees;titre;code_insee
            10/04/2024;Réunion de coordination des conseillers;Réalisée;CN-COORD;CN-AJ1;;lieu-ajaccio;;;
            20/09/2024;Journée événementielle;Prévue;CN-COORD|CN-AJ1;;13002526500013;;;Fête du numérique;2A004
            12/04/2024;STRUCTURE_MAPPING;réalisée;CN-COORD;;;;12;;2A004
            """;

    @Test
    void importsTheProgrammesRecordsFromACsvWithBomAndSemicolons() {
        var report = importBody("activities", bom(RECORDS), CSV, false);

        assertThat(report.kind()).isEqualTo("activities");
        assertThat(report.counts()).as("%s", report.rows()).containsEntry(RowStatus.CREATED, 3)
                .containsEntry(RowStatus.REJECTED, 0);
        // a programme record is its author's: its key is the record's id with the adviser who wrote it
        var key = "cra:" + adviserIdOf("CN-AJ1") + ":cra-1";
        assertThat(row(report, 2).key()).isEqualTo(key);
        assertThat(row(report, 2).id()).isEqualTo(ActivityKeys.id(key));
        assertThat(row(report, 2).placement().communeCode()).isEqualTo("2A004");
        assertThat(count("""
                MATCH (:Adviser {externalId: 'CN-AJ1'})-[:LED]->(x:Activity {source: 'import'})
                      -[:IN_COMMUNE]->(:Commune {code: '2A004'})
                WHERE x.departmentCode = '2A' AND x.regionCode = '94' RETURN count(x)""")).isEqualTo(3);
        assertThat(count("""
                MATCH (x:Activity {sourceId: 'cra-1', kind: 'INDIVIDUAL_ACCOMPANIMENT', status: 'HELD',
                  date: date('2024-03-15'), durationMinutes: 45, participants: 1})
                WHERE x.themes = ['DEVICE_HANDLING', 'EMAIL'] AND x.title IS NULL AND x.id = $id
                RETURN count(x)""", Map.of("id", ActivityKeys.id(ActivityKeys.recordKey("cra", "cra-1", adviserIdOf("CN-AJ1")))))).isEqualTo(1);
        assertThat(count("""
                MATCH (x:Activity {sourceId: 'cra-2', kind: 'COLLECTIVE_WORKSHOP', title: 'Découvrir internet',
                  participants: 8, durationMinutes: 120})
                WHERE x.themes = ['WEB_BROWSING'] RETURN count(x)""")).isEqualTo(1);
        // a procedure is an individual accompaniment with its administrative theme, one person when left empty
        assertThat(count("""
                MATCH (x:Activity {sourceId: 'cra-3', kind: 'INDIVIDUAL_ACCOMPANIMENT', participants: 1})
                WHERE x.themes = ['PROCEDURE_HOUSING'] RETURN count(x)""")).isEqualTo(1);
        // people helped in March: 1 + 8 + 1
        assertThat(count("""
                MATCH (x:Activity {status: 'HELD'})
                WHERE x.kind IN ['INDIVIDUAL_ACCOMPANIMENT', 'COLLECTIVE_WORKSHOP', 'EVENT_DAY']
                  AND date('2024-03-01') <= x.date <= date('2024-03-31')
                RETURN sum(x.participants)""")).isEqualTo(10);
    }

    @Test
    void importsMaillagesOwnKindsWithTheirPlacesAdvisersMetAndPartners() {
        var report = importBody("activities", bom(OWN_KINDS), CSV, false);

        assertThat(report.counts()).as("%s", report.rows()).containsEntry(RowStatus.CREATED, 3);
        // no id: the key is what the activity is
        assertThat(row(report, 2).key()).isEqualTo(ActivityKeys.naturalKey(
                fr.maillage.activities.ActivityVocabulary.ActivityKind.COORDINATION_MEETING, LocalDate.of(2024, 4, 10),
                List.of(adviserIdOf("CN-COORD")), "2A004", null));
        // the meeting's commune is its place's
        assertThat(count("""
                MATCH (:Coordinator {externalId: 'CN-COORD'})-[:LED]->(x:Activity {kind: 'COORDINATION_MEETING',
                  status: 'HELD', participants: 0, communeCode: '2A004'})-[:MET]->(:Adviser {externalId: 'CN-AJ1'})
                MATCH (x)-[:AT_PLACE]->(:Place {key: 'lieu-ajaccio'})
                MATCH (x)-[:IN_COMMUNE]->(:Commune {code: '2A004'})
                RETURN count(x)""")).isEqualTo(1);
        assertThat(count("""
                MATCH (x:Activity {kind: 'EVENT_DAY', status: 'PLANNED', title: 'Fête du numérique', participants: 0})
                      -[:WITH_PARTNER]->(:Partner {siret: '13002526500013'})
                MATCH (a:Adviser)-[:LED]->(x)
                RETURN count(a)""")).as("two leaders").isEqualTo(2);
        assertThat(count("MATCH (x:Activity {kind: 'STRUCTURE_MAPPING', structures: 12, status: 'HELD'}) RETURN count(x)"))
                .isEqualTo(1);
    }

    @Test
    void importingTheSameFilesAgainAddsAndChangesNothing() {
        importBody("activities", bom(RECORDS), CSV, false);
        importBody("activities", bom(OWN_KINDS), CSV, false);
        var before = activityCounts();
        assertThat(before).containsEntry("activities", 6L).containsEntry("led", 7L);

        var again = importBody("activities", bom(RECORDS), CSV, false);
        var ownAgain = importBody("activities", bom(OWN_KINDS), CSV, false);

        assertThat(again.counts()).containsEntry(RowStatus.UNCHANGED, 3).containsEntry(RowStatus.CREATED, 0)
                .containsEntry(RowStatus.UPDATED, 0);
        assertThat(ownAgain.counts()).containsEntry(RowStatus.UNCHANGED, 3);
        assertThat(activityCounts()).as("nodes, links and updatedAt").isEqualTo(before);

        // a record corrected in the programme: the same activity, updated in place
        var corrected = importBody("activities", bom(RECORDS.replace(";8;Découvrir internet;", ";9;Découvrir internet;")),
                CSV, false);

        assertThat(corrected.counts()).containsEntry(RowStatus.UPDATED, 1).containsEntry(RowStatus.UNCHANGED, 2);
        assertThat(row(corrected, 3).status()).isEqualTo(RowStatus.UPDATED);
        assertThat(activityCounts()).containsEntry("activities", 6L).containsEntry("led", 7L)
                .containsEntry("links", before.get("links"));
        assertThat(count("MATCH (x:Activity {sourceId: 'cra-2'}) RETURN x.participants")).isEqualTo(9);
    }

    @Test
    void aDryRunReportsWhatItWouldWriteAndWritesNothing() {
        var report = importBody("activities", bom(RECORDS), CSV, true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.committed()).isFalse();
        assertThat(report.counts()).containsEntry(RowStatus.CREATED, 3);
        assertThat(row(report, 2).id()).as("derived from the key: the real run's")
                .isEqualTo(ActivityKeys.id(ActivityKeys.recordKey("cra", "cra-1", adviserIdOf("CN-AJ1"))));
        assertThat(count("MATCH (x:Activity) RETURN count(x)")).isZero();
    }

    /** One line per activity: the same id twice, or without id the same kind, day, leaders, commune and title. */
    @Test
    void aSecondRowForTheSameActivityIsRejectedNamingTheFirst() {
        var report = importBody("activities", bom("""
                id_activite;date;type;participants;code_insee;id_conseiller;titre
                cra-1;15/03/2024;Individuel;1;2A004;CN-AJ1;
                cra-1;15/03/2024;Individuel;1;2A004;CN-AJ1;
                ;16/03/2024;Collectif;5;2A004;CN-AJ1;Atelier mails
                ;16/03/2024;atelier collectif;6;2A004;CN-AJ1;Atelier  Mails
                ;16/03/2024;Collectif;4;2A004;CN-AJ1;Atelier tablettes
                """), CSV, false);

        assertThat(report.counts()).containsEntry(RowStatus.CREATED, 3).containsEntry(RowStatus.REJECTED, 2);
        assertRejected(report, 3, "id_activite", "même id_activite « cra-1 » que la ligne 2 : une seule ligne par activité");
        assertRejected(report, 5, "date", "même activité que la ligne 4 (même type, date, conseillers, commune et titre)");
        assertThat(count("MATCH (x:Activity) RETURN count(x)")).isEqualTo(3);
        assertThat(count("MATCH (x:Activity {title: 'Atelier mails'}) RETURN x.participants")).as("the first row's")
                .isEqualTo(5);
    }

    /** Each bad row names its column and why; the good rows of the file are imported, the bad ones write nothing. */
    @Test
    void badRowsAreRejectedNamingTheColumnAndTheGoodOnesImported() {
        var report = importBody("activities", bom("""
                id_activite;date;type;thematiques;code_insee;participants;id_conseiller
                ok-1;15/03/2024;Individuel;Email;2A004;;CN-AJ1
                bad-theme;15/03/2024;Individuel;Email, Jardinage;2A004;;CN-AJ1
                bad-participants;15/03/2024;Individuel;Email;2A004;3;CN-AJ1
                bad-commune;15/03/2024;Collectif;Email;2A999;5;CN-AJ1
                bad-adviser;15/03/2024;Individuel;Email;2A004;;CN-9999
                future;15/06/2024;Collectif;Email;2A004;5;CN-AJ1
                procedure;15/03/2024;Démarche administrative;Email;2A004;;CN-AJ1
                bad-type;15/03/2024;Visioconférence;Email;2A004;;CN-AJ1
                """), CSV, false);

        assertThat(report.committed()).isTrue();
        assertThat(report.counts()).containsEntry(RowStatus.CREATED, 1).containsEntry(RowStatus.REJECTED, 7);
        assertThat(row(report, 2).status()).isEqualTo(RowStatus.CREATED);
        assertRejected(report, 3, "thematiques", "thème inconnu « Jardinage » : un code du programme (DiagnosticNumerique,");
        assertRejected(report, 4, "participants", "un accompagnement individuel aide une personne (1), reçu 3");
        assertRejected(report, 5, "code_insee", "aucune commune, actuelle ou ancienne, n'a le code INSEE 2A999");
        assertRejected(report, 6, "id_conseiller", "aucun conseiller « CN-9999 » parmi ceux dont vous pouvez déclarer les"
                + " activités");
        assertRejected(report, 7, "date", "une activité réalisée ne peut être datée après aujourd'hui (2024-06-01)");
        assertRejected(report, 8, "thematiques", "une démarche administrative se déclare avec le thème de la démarche");
        assertRejected(report, 9, "type", "valeur inconnue « Visioconférence » (Individuel, Collectif, Démarche");
        assertThat(row(report, 3).errors()).as("one error per problem").hasSize(1);
        assertThat(count("MATCH (x:Activity) RETURN count(x)")).isEqualTo(1);
        assertThat(count("MATCH (x:Activity {sourceId: 'ok-1'}) RETURN count(x)")).isEqualTo(1);
    }

    /**
     * An employer records the activities of its advisers, a coordinator its own and those of the advisers it
     * coordinates: another structure's adviser is refused row by row, exactly as an adviser that does not exist.
     */
    @Test
    void eachRowIsCheckedAgainstTheScopeOfWhoImports() {
        var file = bom("""
                id_activite;date;type;code_insee;id_conseiller
                row-1;15/03/2024;Individuel;2A004;CN-AJ1
                row-2;15/03/2024;Individuel;2A004;CN-COORD
                row-3;15/03/2024;Individuel;2B134;CN-BAL1
                row-4;15/03/2024;Individuel;2A004;CN-GHOST
                """);
        var employer = new Caller("test-employer", Set.of(Role.EMPLOYER), Set.of(), Set.of(), Set.of(AJACCIO), null);
        var coordinator = new Caller("test-coordinator", Set.of(Role.COORDINATOR), Set.of(), Set.of(), Set.of(),
                adviserIdOf("CN-COORD"));
        var otherEmployer = new Caller("test-other", Set.of(Role.EMPLOYER), Set.of(), Set.of(), Set.of(BALAGNA), null);

        var byEmployer = imports.run(ImportKind.ACTIVITIES, file, SourceReader.Format.CSV, true, employer);
        var byCoordinator = imports.run(ImportKind.ACTIVITIES, file, SourceReader.Format.CSV, false, coordinator);

        for (var report : List.of(byEmployer, byCoordinator)) {
            assertThat(row(report, 2).status()).isEqualTo(RowStatus.CREATED);
            assertThat(row(report, 3).status()).isEqualTo(RowStatus.CREATED);
            assertRejected(report, 4, "id_conseiller", "aucun conseiller « CN-BAL1 » parmi ceux dont vous pouvez");
            // out of scope or absent: one answer
            assertThat(row(report, 4).errors().get(0).reason().replace("CN-BAL1", "X"))
                    .isEqualTo(row(report, 5).errors().get(0).reason().replace("CN-GHOST", "X"));
        }
        assertThat(count("MATCH (x:Activity) RETURN count(x)")).as("the coordinator's run only").isEqualTo(2);

        // the same record id in another structure's file is its own record: it neither takes over nor is blocked
        var other = imports.run(ImportKind.ACTIVITIES, bom("""
                id_activite;date;type;code_insee;id_conseiller
                row-1;15/03/2024;Individuel;2B134;CN-BAL1
                """), SourceReader.Format.CSV, false, otherEmployer);

        assertThat(row(other, 2).status()).isEqualTo(RowStatus.CREATED);
        assertThat(count("MATCH (:Adviser {externalId: 'CN-AJ1'})-[:LED]->(x:Activity {sourceId: 'row-1'})"
                + " WHERE x.communeCode = '2A004' RETURN count(x)")).isEqualTo(1);
        assertThat(count("MATCH (x:Activity {sourceId: 'row-1'}) RETURN count(x)")).isEqualTo(2);
    }

    /** A coordinator names the advisers its meetings brought together among those it coordinates, as its leaders. */
    @Test
    void theAdvisersMetAreNamedWithinTheScopeOfWhoImports() {
        var coordinator = new Caller("test-coordinator", Set.of(Role.COORDINATOR), Set.of(), Set.of(), Set.of(),
                adviserIdOf("CN-COORD"));

        var report = imports.run(ImportKind.ACTIVITIES, bom("""
                date;type;id_conseiller;conseillers_rencontres;id_lieu
                10/04/2024;Réunion de coordination des conseillers;CN-COORD;CN-AJ1;lieu-ajaccio
                11/04/2024;Réunion de coordination des conseillers;CN-COORD;CN-BAL1;lieu-ajaccio
                12/04/2024;Groupe de travail;CN-COORD;CN-GHOST;lieu-ajaccio
                """), SourceReader.Format.CSV, false, coordinator);

        assertThat(row(report, 2).status()).isEqualTo(RowStatus.CREATED);
        assertRejected(report, 3, "conseillers_rencontres", "aucun conseiller « CN-BAL1 » parmi ceux que vous pouvez");
        assertThat(row(report, 3).errors().get(0).reason().replace("CN-BAL1", "X"))
                .isEqualTo(row(report, 4).errors().get(0).reason().replace("CN-GHOST", "X"));
        assertThat(count("""
                MATCH (:Coordinator {externalId: 'CN-COORD'})-[:LED]->(x:Activity)-[:MET]->(:Adviser {externalId: 'CN-AJ1'})
                RETURN count(x)""")).isEqualTo(1);
        assertThat(count("MATCH (x:Activity) RETURN count(x)")).isEqualTo(1);
    }

    /** One role of the caller must cover all the advisers of a row, as for the API. */
    @Test
    void aRowNeedsOneRoleOfTheCallerCoveringAllItsAdvisers() {
        var both = new Caller("test-both", Set.of(Role.EMPLOYER, Role.COORDINATOR), Set.of(), Set.of(), Set.of(BALAGNA),
                adviserIdOf("CN-COORD"));

        var report = imports.run(ImportKind.ACTIVITIES, bom("""
                id_activite;date;type;participants;code_insee;id_conseiller
                both-1;15/03/2024;Collectif;4;2A004;CN-AJ1
                both-2;15/03/2024;Collectif;4;2B134;CN-BAL1
                both-3;15/03/2024;Collectif;4;2A004;CN-AJ1|CN-BAL1
                """), SourceReader.Format.CSV, false, both);

        assertThat(row(report, 2).status()).as("as coordinator").isEqualTo(RowStatus.CREATED);
        assertThat(row(report, 3).status()).as("as employer").isEqualTo(RowStatus.CREATED);
        assertRejected(report, 4, "id_conseiller", "vous ne pouvez déclarer ensemble les activités de ces conseillers");
    }

    @Test
    void onlyThoseWhoRecordActivitiesImportThemAndOnlyAnctTheNetwork() {
        var hub = new Caller("test-hub", Set.of(Role.HUB), Set.of(), Set.of("94"), Set.of(), null);
        var employer = new Caller("test-employer", Set.of(Role.EMPLOYER), Set.of(), Set.of(), Set.of(AJACCIO), null);

        assertThatThrownBy(() -> imports.run(ImportKind.ACTIVITIES, bom(RECORDS), SourceReader.Format.CSV, false, hub))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> imports.run(ImportKind.PLACES, bom("""
                id;nom;adresse;code_insee
                lieu-2;Autre lieu;Rue;2A004
                """), SourceReader.Format.CSV, false, employer))
                .isInstanceOfSatisfying(ImportException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThat(count("MATCH (x:Activity) RETURN count(x)")).isZero();
        assertThat(count("MATCH (p:Place) RETURN count(p)")).isOne();
    }

    /**
     * A workbook as the programme's spreadsheet export names its columns (« Durée (min) », « Thématique(s)
     * d'accompagnement », themes one per line in a cell), numbers and dates typed as such, built with POI.
     */
    @Test
    void importsAnXlsxWithTheProgrammesColumnNames() {
        var xlsx = ExcelFileImportTests.workbook(new Object[][] {
                {"id", "Date", "Type", "Durée (min)", "Thématique(s) d’accompagnement", "Nombre de participants",
                        "Nom de l’atelier", "lieu_code_insee", "mediateur_id"},
                {"cra-x1", LocalDate.of(2024, 3, 15), "Individuel", 45, "Prendre en main du matériel\nE-mail", 1, null,
                        "2A004", "CN-AJ1"},
                {"cra-x2", LocalDate.of(2024, 3, 16), "Collectif", 90, "Navigation sur internet", 6,
                        "Premiers pas sur internet", "2A004", "CN-AJ1"},
                {"cra-x3", "16/03/2024", "Collectif", 90, "Cuisine", 6, "Atelier cuisine", "2A004", "CN-AJ1"}});

        var report = importBody("activities", xlsx, ImportController.XLSX, false);

        assertThat(report.format()).isEqualTo("xlsx");
        assertThat(report.counts()).as("%s", report.rows()).containsEntry(RowStatus.CREATED, 2)
                .containsEntry(RowStatus.REJECTED, 1);
        assertRejected(report, 4, "thematique_s_d_accompagnement", "thème inconnu « Cuisine »");
        assertThat(count("""
                MATCH (:Adviser {externalId: 'CN-AJ1'})-[:LED]->(x:Activity {sourceId: 'cra-x1', date: date('2024-03-15'),
                  durationMinutes: 45, participants: 1})
                WHERE x.themes = ['DEVICE_HANDLING', 'EMAIL'] RETURN count(x)""")).isEqualTo(1);
        assertThat(count("""
                MATCH (x:Activity {sourceId: 'cra-x2', title: 'Premiers pas sur internet', participants: 6})
                RETURN count(x)""")).isEqualTo(1);
        assertThat(importBody("activities", xlsx, ImportController.XLSX, false).counts())
                .containsEntry(RowStatus.UNCHANGED, 2);
    }

    /** Excel's « CSV (séparateur: point-virgule) » in Windows-1252, and a comma-separated UTF-8 file without BOM. */
    @Test
    void readsWindows1252AndCommaSeparatedFiles() {
        var windows1252 = """
                id_activite;date;type;thematiques;code_insee;id_conseiller
                w-1;15/03/2024;Démarche administrative;Social - Santé;2A004;CN-AJ1
                """.getBytes(Charset.forName("windows-1252"));
        var comma = """
                id_activite,date,type,thematiques,code_insee,id_conseiller
                c-1,15/03/2024,Individuel,"Email;Bureautique",2A004,CN-AJ1
                """.getBytes(StandardCharsets.UTF_8);

        var first = importBody("activities", windows1252, CSV, false);
        var second = importBody("activities", comma, CSV, false);

        assertThat(first.notes()).containsExactly(SourceReader.WINDOWS_1252_NOTE);
        assertThat(first.counts()).containsEntry(RowStatus.CREATED, 1);
        assertThat(second.counts()).containsEntry(RowStatus.CREATED, 1);
        assertThat(count("""
                MATCH (x:Activity {sourceId: 'w-1', kind: 'INDIVIDUAL_ACCOMPANIMENT'})
                WHERE x.themes = ['PROCEDURE_SOCIAL_HEALTH'] RETURN count(x)""")).isEqualTo(1);
        assertThat(count("MATCH (x:Activity {sourceId: 'c-1'}) WHERE x.themes = ['EMAIL', 'OFFICE_SOFTWARE'] RETURN count(x)"))
                .isEqualTo(1);
    }

    /** The statements of an import do not grow with its rows: lookups and writes are batched. */
    @Test
    void anImportOfTwelveRowsCostsTheStatementsOfAnImportOfTwo() {
        var employer = new Caller("test-employer", Set.of(Role.EMPLOYER), Set.of(), Set.of(), Set.of(AJACCIO), null);

        long two = statementsOf(employer, rows(2));
        long twelve = statementsOf(employer, rows(12));

        assertThat(twelve).isEqualTo(two);
        assertThat(count("MATCH (x:Activity) RETURN count(x)")).isZero();
    }

    private long statementsOf(Caller caller, byte[] file) {
        long before = statements.sent();
        var report = imports.run(ImportKind.ACTIVITIES, file, SourceReader.Format.CSV, true, caller);
        assertThat(report.count(RowStatus.REJECTED)).as("%s", report.rows()).isZero();
        return statements.sent() - before;
    }

    private static byte[] rows(int count) {
        var csv = new StringBuilder("id_activite;date;type;thematiques;code_insee;id_conseiller\n");
        for (int i = 1; i <= count; i++) {
            csv.append("n-").append(i).append(";15/03/2024;Individuel;Email;2A004;")
                    .append(i % 2 == 0 ? "CN-AJ1" : "CN-COORD").append('\n');
        }
        return bom(csv.toString());
    }

    /** What a French spreadsheet saves as « CSV UTF-8 »: a byte order mark, then the text. */
    @Test
    void employersAndCoordinatorsReachTheActivitiesImportOverHttpButNoOtherKind() {
        var file = bom("""
                id_activite;date;type;code_insee;id_conseiller
                row-1;15/03/2024;Individuel;2A004;CN-AJ1
                """);
        var employer = token(Role.EMPLOYER, Map.of("sirets", List.of(AJACCIO)), null);
        http(employer).post().uri("/api/imports/activities").contentType(CSV).bodyValue(file).exchange()
                .expectStatus().isOk();
        assertThat(count("MATCH (x:Activity {sourceId: 'row-1'}) RETURN count(x)")).isOne();
        http(employer).get().uri("/api/imports/templates/activities.csv").exchange().expectStatus().isOk();
        http(employer).post().uri("/api/imports/places").contentType(CSV).bodyValue(file).exchange()
                .expectStatus().isForbidden();
        http(token(Role.HUB, Map.of("regions", List.of("94")), null)).post().uri("/api/imports/activities")
                .contentType(CSV).bodyValue(file).exchange().expectStatus().isForbidden();
        http().post().uri("/api/imports/activities").contentType(CSV).bodyValue(file).exchange()
                .expectStatus().isUnauthorized();
    }

    private static byte[] bom(String csv) {
        return ("\uFEFF" + csv).getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Long> activityCounts() {
        return Map.of("activities", count("MATCH (x:Activity) RETURN count(x)"),
                "led", count("MATCH (:Adviser)-[r:LED]->(:Activity) RETURN count(r)"),
                "links", count("MATCH (:Activity)-[r]->() RETURN count(r)"),
                "updatedAt", count("MATCH (x:Activity) RETURN sum(x.updatedAt.epochMillis)"));
    }

    private static void assertAllCreated(ImportReport report, int rows) {
        assertThat(report.counts()).as("%s", report.rows()).containsEntry(RowStatus.CREATED, rows)
                .containsEntry(RowStatus.REJECTED, 0);
    }
}
