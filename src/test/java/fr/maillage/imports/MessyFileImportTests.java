package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * What probing the places import with messy files found, each case a row or a file as a user or an attacker would
 * send it. Never a wrong commune, never an altered value, never a service brought down: a clear refusal instead.
 */
class MessyFileImportTests extends ImportIntegrationTest {

    private static final String HEADER = "id;nom;adresse;code_postal;commune;code_insee;date_maj\n";
    private static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    @Test
    void anImpossibleDateIsRefusedNotMovedToTheEndOfTheMonth() {
        var report = importCsv("places", HEADER + """
                p1;Lieu un;1 rue;74000;Annecy;;31/02/2024
                p2;Lieu deux;1 rue;74000;Annecy;;1/1/0000
                p3;Lieu trois;1 rue;74000;Annecy;;29/02/2024
                """);

        assertRejected(report, 2, "date_maj", "date inexistante « 31/02/2024 »");
        assertRejected(report, 3, "date_maj", "année hors de 1900-2199");
        assertThat(row(report, 4).status()).isEqualTo(RowStatus.CREATED);
    }

    @Test
    void aCodeInseeThatIsNotTheNamedCommuneRejectsTheRow() {
        var report = importCsv("places", HEADER + """
                p1;Lieu un;1 rue;1100;Oyonnax;1100;
                p2;Lieu deux;1 rue;20000;Ajaccio;74010;
                p3;Lieu trois;1 rue;75015;Paris 15e;75115;
                """);

        // the postal code typed in the code_insee column: 01100 is another commune's INSEE code
        assertRejected(report, 2, "code_insee", "le code INSEE 01100 est celui de");
        assertRejected(report, 2, "code_insee", "pas de « Oyonnax »");
        assertRejected(report, 3, "code_insee", "le code INSEE 74010 est celui de Annecy");
        // an arrondissement by its code and its usual short name is Paris
        assertThat(row(report, 4).status()).isEqualTo(RowStatus.CREATED);
        assertThat(row(report, 4).placement().communeCode()).isEqualTo("75056");
    }

    @Test
    void aRealPostalCodeIsNotLookedPastToAShorterNameElsewhere() {
        var report = importCsv("places", HEADER + """
                p1;Lieu un;1 rue;38220;Saint-Barthélemy;;
                p2;Lieu deux;1 rue;1220;Saint-Rémy;;
                """);

        // 38220 is Saint-Barthélemy-de-Séchilienne's; Saint-Barthélemy (38363) is another commune of the Isère
        assertRejected(report, 2, "commune", "mais le début du nom de Saint-Barthélemy-de-Séchilienne");
        // 1220 read 01220 (Divonne-les-Bains): no Saint-Rémy there, and the Ain's Saint-Rémy is not a guess to make
        assertRejected(report, 3, "commune", "lu ainsi après ajout du zéro initial");
        assertThat(count("MATCH (p:Place) RETURN count(p)")).isZero();
    }

    @Test
    void twoCommunesOfOneDepartmentThatFoldToOneNameAskForTheNameAsWritten() {
        // La Vergne (17465, postal code 17400) and Vergné (17464, 17330): one name without accents and article
        var report = importCsv("places", HEADER + """
                p1;Lieu un;1 rue;17330;La Vergne;;
                p2;Lieu deux;1 rue;17400;Vergné;;
                p3;Lieu trois;1 rue;17330;VERGNÉ;;
                p4;Lieu quatre;1 rue;17400;la vergne;;
                """);

        assertRejected(report, 2, "commune", "peut désigner plusieurs communes du département : Vergné (17464),"
                + " La Vergne (17465)");
        assertRejected(report, 3, "commune", "La Vergne (17465), Vergné (17464)");
        assertThat(row(report, 4).placement().communeCode()).isEqualTo("17464");
        assertThat(row(report, 5).placement().communeCode()).isEqualTo("17465");
    }

    @Test
    void aFileMixingUtf8AndWindows1252LinesIsRefusedRatherThanStoredGarbled() {
        var utf8 = "id;nom;adresse;code_postal;commune\np1;Médiathèque;1 rue;74000;Annecy\n"
                .getBytes(StandardCharsets.UTF_8);
        var windows1252 = "p2;Médiathèque;1 rue;74000;Annecy\n".getBytes(Charset.forName("windows-1252"));
        var mixed = new byte[utf8.length + windows1252.length];
        System.arraycopy(utf8, 0, mixed, 0, utf8.length);
        System.arraycopy(windows1252, 0, mixed, utf8.length, windows1252.length);

        send("places", mixed, CSV, true).expectStatus().isBadRequest().expectBody().jsonPath("$.error")
                .value(String.class, error -> assertThat(error).contains("le fichier mêle deux encodages"));
    }

    @Test
    void aFormulaIsReadByItsComputedValueAsIfTyped() throws IOException {
        byte[] workbook;
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Feuil1");
            var header = sheet.createRow(0);
            var names = new String[] {"siret", "nom", "type_juridique", "code_insee"};
            for (int c = 0; c < names.length; c++) {
                header.createCell(c).setCellValue(names[c]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellFormula("20006340200016+0"); // a SIRET computed: 2.0006340200016E13 cached
            row.createCell(1).setCellValue("Commune d'Annecy");
            row.createCell(2).setCellValue("Collectivité territoriale");
            row.createCell(3).setCellValue("74010");
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            book.write(out);
            workbook = out.toByteArray();
        }

        var report = importBody("employers", workbook, XLSX, true);

        assertThat(row(report, 2).status()).as("%s", report.rows()).isEqualTo(RowStatus.CREATED);
        assertThat(row(report, 2).key()).isEqualTo("20006340200016");
    }

    @Test
    void aCellInErrorIsRefusedOnceNamingItsColumn() {
        var report = importCsv("places", HEADER + """
                p1;#REF!;#N/A;74000;Annecy;;
                """);

        var row = row(report, 2);
        assertThat(row.status()).isEqualTo(RowStatus.REJECTED);
        assertThat(row.errors()).extracting(FieldError::field).containsExactly("nom", "adresse");
        assertThat(row.errors().get(0).reason()).startsWith("cellule en erreur dans le tableur (« #REF! »)");
    }

    @Test
    void objectsOfAJsonFileOnOneLineAreRowsOfTheirOwn() {
        var json = "[{\"id\":\"k1\",\"nom\":\"Un\",\"adresse\":\"1 rue\",\"code_insee\":\"74010\"},"
                + "{\"id\":\"k2\",\"nom\":\"Deux\",\"adresse\":\"1 rue\",\"code_insee\":\"99999\"},"
                + "{\"id\":\"k3\",\"nom\":\"Trois\",\"adresse\":\"1 rue\",\"code_insee\":\"2A004\"}]";
        var report = importBody("places", json.getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON, true);

        assertThat(report.total()).isEqualTo(3);
        assertThat(report.rows()).extracting(ImportReport.Row::line).doesNotHaveDuplicates();
        assertThat(report.rows().get(1).errors()).extracting(FieldError::field).containsExactly("code_insee");
        assertThat(report.rows()).extracting(ImportReport.Row::status)
                .containsExactly(RowStatus.CREATED, RowStatus.REJECTED, RowStatus.CREATED);
    }

    @Test
    void emptyColumnsAtTheEndOfTheHeaderAreThoseASpreadsheetLeftNotAnError() {
        var report = importCsv("places", """
                id;nom;adresse;code_postal;commune;;;
                p1;Lieu un;1 rue;74000;Annecy;;;
                """);

        assertThat(row(report, 2).status()).isEqualTo(RowStatus.CREATED);
    }

    @Test
    void aHeaderOfThousandsOfColumnsIsRefusedBeforeAnyRowIsRead() {
        var header = new StringBuilder("id;nom;adresse;code_insee");
        for (int i = 0; i < 20_000; i++) {
            header.append(";c").append(i);
        }
        send("places", (header + "\nx\nx\n").getBytes(StandardCharsets.UTF_8), CSV, true)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.error")
                .value(String.class, error -> assertThat(error).contains("20004 colonnes ; 200 au plus"));
    }

    @Test
    void aWorkbookThatInflatesBeyondItsBoundIsRefusedBeforeItIsRead() throws IOException {
        // 300 MB of blanks in a sheet zip to a few hundred kilobytes: read whole, they exhausted the memory
        var bomb = new ByteArrayOutputStream();
        try (var zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            var blanks = new byte[1024 * 1024];
            Arrays.fill(blanks, (byte) ' ');
            for (int i = 0; i < 300; i++) {
                zip.write(blanks);
            }
            zip.closeEntry();
        }
        assertThat(bomb.size()).isLessThan(2 * 1024 * 1024);

        send("places", bomb.toByteArray(), XLSX, true).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.error").value(String.class, error -> assertThat(error)
                        .contains("le classeur décompressé dépasse 256 Mo"));
    }
}
