package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;

import fr.maillage.support.Spreadsheets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * Files as spreadsheets save them: Excel's « CSV (séparateur: point-virgule) » in Windows-1252, codes that lost their
 * leading zero, French dates, a SIRET shown in scientific notation, XLSX workbooks; and the templates, which import as
 * they are.
 */
class ExcelFileImportTests extends ImportIntegrationTest {

    private static final MediaType XLSX = ImportController.XLSX;

    @Test
    void readsACsvSavedByExcelInWindows1252AndSaysSo() {
        var report = importFixture("places", "places-excel-windows-1252.csv", false);

        assertThat(report.notes()).containsExactly(SourceReader.WINDOWS_1252_NOTE);
        assertThat(row(report, 2).status()).isEqualTo(RowStatus.CREATED);
        assertThat(row(report, 2).notes()).extracting(FieldError::reason)
                .containsExactly("code postal « 1000 » lu 01000 (le tableur avait retiré le zéro initial)");
        assertThat(row(report, 3).placement().communeCode()).as("Pierre-Bénite, 69310").isEqualTo("69149");
        assertThat(row(report, 4).status()).isEqualTo(RowStatus.CREATED);
        assertThat(row(report, 5).errors()).as("one error per problem").containsExactly(
                new FieldError("code_postal", "code postal invalide « 2000A » (5 chiffres)"));
        assertThat(count("""
                MATCH (p:Place {key: 'lieu-bourg-excel', communeCode: '01053', postalCode: '01000'})
                WHERE p.name = 'Médiathèque Roger Vailland' AND p.updatedOn = date('2024-03-15')
                RETURN count(p)""")).isEqualTo(1);
        assertThat(count("""
                MATCH (p:Place {key: 'lieu-pierre-benite-excel', updatedOn: date('2024-02-01')})
                WHERE p.name = 'Espace numérique de Pierre-Bénite' RETURN count(p)""")).isEqualTo(1);
    }

    @Test
    void explainsASiretTheSpreadsheetTurnedIntoANumber() {
        var report = importFixture("employers", "employers-excel-windows-1252.csv", false);

        assertThat(row(report, 2).errors()).containsExactly(new FieldError("siret", "le tableur a converti le SIRET en"
                + " nombre : mettez la colonne au format texte (reçu « 2,00063E+13 »)"));
        assertThat(row(report, 3).status()).isEqualTo(RowStatus.CREATED);
        assertThat(count("MATCH (e:Employer {siret: '20006340200016', name: 'Commune d\\'Annecy', communeCode: '74010'})"
                + " RETURN count(e)")).isEqualTo(1);
    }

    /**
     * A workbook typed as people do: codes and SIRETs as numbers (leading zero lost), a date cell, decimal coordinates;
     * written with POI, another library than the reader's.
     */
    @Test
    void readsXlsxWorkbooksWithNumbersAndDatesAsTyped() {
        var employers = workbook(new Object[][] {
                {"siret", "nom", "type_juridique", "code_insee"},
                {20006340200016L, "Commune d'Annecy", "Collectivité territoriale", 74010},
                {21010053300012L, "Commune de Bourg-en-Bresse", "Collectivité territoriale", 1053}});
        var places = workbook(new Object[][] {
                {"id", "nom", "adresse", "code_postal", "commune", "latitude", "longitude", "date_maj"},
                {"lieu-xlsx-seynod", "Médiathèque de Seynod", "Place de l'Hôtel de Ville", 74600, "Seynod", 45.8858,
                        6.0889, LocalDate.of(2024, 3, 15)},
                {null, null, null, null, null, null, null, null},
                {"lieu-xlsx-bourg", "Maison France services", "Avenue Alsace-Lorraine", 1000, "Bourg-en-Bresse", null,
                        null, "15/03/2024"}});

        var employersReport = upload("employers", "structures.xlsx", employers);
        var placesReport = importBody("places", places, XLSX, false);

        assertThat(employersReport.format()).isEqualTo("xlsx");
        assertThat(employersReport.counts()).containsEntry(RowStatus.CREATED, 2).containsEntry(RowStatus.REJECTED, 0);
        assertThat(count("MATCH (e:Employer {siret: '21010053300012', communeCode: '01053'}) RETURN count(e)"))
                .isEqualTo(1);
        assertThat(placesReport.counts()).as("%s", placesReport.rows()).containsEntry(RowStatus.CREATED, 2)
                .containsEntry(RowStatus.REJECTED, 0);
        assertThat(row(placesReport, 2).placement().by()).isEqualTo(Communes.PlacedBy.FORMER_COMMUNE);
        assertThat(row(placesReport, 4).placement().communeCode()).as("the sheet's row number").isEqualTo("01053");
        assertThat(count("""
                MATCH (p:Place {key: 'lieu-xlsx-seynod', communeCode: '74010', postalCode: '74600'})
                WHERE p.updatedOn = date('2024-03-15') AND p.latitude = 45.8858 AND p.longitude = 6.0889
                RETURN count(p)""")).isEqualTo(1);
        assertThat(count("MATCH (p:Place {key: 'lieu-xlsx-bourg', postalCode: '01000', updatedOn: date('2024-03-15')})"
                + " RETURN count(p)")).isEqualTo(1);
    }

    /** Each template imports as it is, in CSV; its XLSX twin then reads the very same rows (all unchanged). */
    @Test
    void everyTemplateImportsAsItIsInCsvAndXlsx() {
        for (var kind : ImportKind.values()) {
            var csv = http(anct()).get().uri("/api/imports/templates/{kind}.csv", kind.pathName()).exchange()
                    .expectStatus().isOk().expectHeader().contentType("text/csv;charset=UTF-8")
                    .expectBody(byte[].class).returnResult().getResponseBody();
            var table = Spreadsheets.csv(csv);
            assertThat(table.get(0)).isEqualTo(ImportTemplates.of(kind).columns());

            var report = importBody(kind.pathName(), csv, CSV, false);

            assertThat(report.counts()).as("%s: %s", kind, report.rows()).containsEntry(RowStatus.CREATED, 1)
                    .containsEntry(RowStatus.REJECTED, 0);
        }
        for (var kind : ImportKind.values()) {
            var xlsx = http(anct()).get().uri("/api/imports/templates/{kind}.xlsx", kind.pathName()).exchange()
                    .expectStatus().isOk().expectHeader().contentType(XLSX)
                    .expectBody(byte[].class).returnResult().getResponseBody();

            var report = importBody(kind.pathName(), xlsx, XLSX, true);

            assertThat(report.format()).isEqualTo("xlsx");
            assertThat(report.counts()).as("%s: %s", kind, report.rows()).containsEntry(RowStatus.UNCHANGED, 1)
                    .containsEntry(RowStatus.REJECTED, 0);
        }
        assertThat(count("""
                MATCH (a:Adviser {externalId: 'CN-EXEMPLE-0001'})-[:WORKS_AT]->(:Place {key: 'lieu-exemple-annecy'})
                RETURN count(a)""")).isEqualTo(1);
        http(anct()).get().uri("/api/imports/templates/places.ods").exchange().expectStatus().isNotFound();
    }

    private ImportReport upload(String kind, String fileName, byte[] content) {
        var form = new MultipartBodyBuilder();
        form.part("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.APPLICATION_OCTET_STREAM);
        return http(anct()).post().uri("/api/imports/{kind}", kind).body(BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isOk().expectBody(ImportReport.class).returnResult().getResponseBody();
    }

    /** Numbers as number cells (General format), dates as date cells formatted dd/mm/yyyy, the rest as text. */
    static byte[] workbook(Object[][] rows) {
        try (var workbook = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = workbook.createSheet("Feuil1");
            var dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    var value = rows[r][c];
                    if (value instanceof Number number) {
                        row.createCell(c).setCellValue(number.doubleValue());
                    } else if (value instanceof LocalDate date) {
                        var cell = row.createCell(c);
                        cell.setCellValue(date);
                        cell.setCellStyle(dateStyle);
                    } else if (value != null) {
                        row.createCell(c).setCellValue(value.toString());
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
