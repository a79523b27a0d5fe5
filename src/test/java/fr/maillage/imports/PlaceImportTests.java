package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.web.reactive.function.BodyInserters;

/** Places in the national standard, mapped to their commune and written idempotently. */
class PlaceImportTests extends ImportIntegrationTest {

    @Test
    void mapsRowsToCommunesByInseeCodeOrByPostalCodeAndAccentInsensitiveName() {
        var report = importFixture("places", "places-semicolon.csv", false);

        assertThat(report.format()).isEqualTo("csv");
        assertThat(report.committed()).isTrue();
        assertThat(report.counts()).containsEntry(RowStatus.CREATED, 6).containsEntry(RowStatus.REJECTED, 0);
        assertThat(row(report, 2).key()).isEqualTo("lieu-ajaccio-mediatheque");
        assertThat(row(report, 2).id()).isEqualTo(fr.maillage.network.NetworkKeys.placeId("lieu-ajaccio-mediatheque"));
        // "ile rousse", "L'Ile Rousse" and "L'ÎLE-ROUSSE" with 20220 (shared by several communes) are L'Île-Rousse
        assertThat(count("""
                MATCH (p:Place {communeCode: '2B134', departmentCode: '2B', regionCode: '94'})-[:IN_COMMUNE]->
                      (c:Commune {code: '2B134'}) WHERE p.epciCode = c.epciCode AND c.epciCode IS NOT NULL
                RETURN count(p)""")).isEqualTo(3);
        assertThat(count("MATCH (p:Place {communeCode: '2B298'}) RETURN count(p)")).as("St Florent").isEqualTo(1);
        assertThat(count("MATCH (p:Place {key: 'lieu-porto-vecchio', communeCode: '2A247'}) RETURN count(p)")).isEqualTo(1);
        assertThat(count("""
                MATCH (p:Place {key: 'lieu-ajaccio-mediatheque'})
                WHERE p.name = "Médiathèque des Jardins de l'Empereur" AND p.communeCode = '2A004'
                  AND p.services = ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien']
                  AND p.publics = ['Jeunes', 'Seniors'] AND p.hours = 'Mo-Fr 09:00-12:00; Sa 10:00-12:00'
                  AND p.latitude = 41.9267 AND p.phone = '+33495510000' AND p.emails = ['mediatheque@example.fr']
                  AND p.updatedOn = date('2024-03-15') AND p.pivot = '21200004600004'
                  AND p.createdAt IS NOT NULL AND p.updatedAt IS NOT NULL
                RETURN count(p)""")).isEqualTo(1);
        // without the standard's id, the key is name, commune and address, folded
        assertThat(row(report, 3).key()).isEqualTo("espace numerique de la marine|2B134|place paoli");
    }

    /**
     * Rows naming communes that merged (communes déléguées of Annecy since 2017, Oullins and Pierre-Bénite in
     * Oullins-Pierre-Bénite since 2024), CEDEX and wrong postal codes, a municipal arrondissement, a name two communes of
     * the département answer to, codes that lost their leading zero: each placed in its current commune, saying how, or
     * rejected naming the candidates.
     */
    @Test
    void placesRowsNamingFormerCommunesOrCedexCodesInTheCurrentCommuneSayingHow() {
        var report = importFixture("places", "places-former-communes.csv", false);

        assertPlaced(report, 2, "74010", Communes.PlacedBy.FORMER_COMMUNE,
                "l'ancienne commune Annecy-le-Vieux (74011, commune déléguée), code postal 74940, fait aujourd'hui"
                        + " partie de Annecy (74010)");
        assertPlaced(report, 3, "74010", Communes.PlacedBy.FORMER_COMMUNE, "Seynod (74268");
        assertPlaced(report, 4, "74010", Communes.PlacedBy.FORMER_INSEE_CODE,
                "code INSEE 74093 de l'ancienne commune Cran-Gevrier (74093, commune déléguée), qui fait aujourd'hui"
                        + " partie de Annecy (74010)");
        assertPlaced(report, 5, "69149", Communes.PlacedBy.FORMER_COMMUNE, "Oullins (69149");
        assertPlaced(report, 6, "69149", Communes.PlacedBy.FORMER_COMMUNE, "Pierre-Bénite (69152");
        assertPlaced(report, 7, "74010", Communes.PlacedBy.NAME_IN_DEPARTMENT,
                "le code postal 74011 n'est celui d'aucune commune (code CEDEX ?) : placée par son nom, seule commune"
                        + " « Annecy Cedex » dans le département 74");
        assertPlaced(report, 8, "69123", Communes.PlacedBy.NAME_IN_DEPARTMENT,
                "le code postal 69361 n'est celui d'aucune commune (code CEDEX ?)");
        assertPlaced(report, 9, "74010", Communes.PlacedBy.NAME_IN_DEPARTMENT,
                "le code postal 74100 n'est pas celui de « Cran-Gevrier »");
        assertThat(row(report, 9).placement().how()).contains("l'ancienne commune Cran-Gevrier (74093, commune"
                + " déléguée) faisant aujourd'hui partie de Annecy (74010)");
        assertRejected(report, 10, "commune", "plusieurs communes « La Vergne » dans le département 17 : Vergné (17464),"
                + " La Vergne (17465) ; indiquez le code_insee");
        assertPlaced(report, 11, "01053", Communes.PlacedBy.POSTAL_CODE_AND_NAME, "code postal 01000 et nom");
        assertThat(row(report, 11).notes()).containsExactly(new FieldError("code_postal",
                "code postal « 1000 » lu 01000 (le tableur avait retiré le zéro initial)"));
        assertPlaced(report, 12, "69123", Communes.PlacedBy.FORMER_INSEE_CODE,
                "l'arrondissement municipal Lyon 3e Arrondissement (69383)");
        assertRejected(report, 13, "commune", "aucune commune « Annecy-le-Neuf » dans le département 74");
        assertPlaced(report, 14, "01053", Communes.PlacedBy.INSEE_CODE, "code INSEE");
        assertThat(row(report, 14).notes()).extracting(FieldError::reason).containsExactly(
                "code INSEE « 1053 » lu 01053 (le tableur avait retiré le zéro initial)");
        assertThat(report.counts()).containsEntry(RowStatus.CREATED, 11).containsEntry(RowStatus.REJECTED, 2);
        assertThat(report.rows()).filteredOn(r -> r.status() == RowStatus.REJECTED)
                .allSatisfy(r -> assertThat(r.placement()).isNull());
        assertThat(count("MATCH (p:Place)-[:IN_COMMUNE]->(:Commune {code: '74010'}) RETURN count(p)")).isEqualTo(5);
        assertThat(count("""
                MATCH (p:Place {key: 'lieu-pierre-benite', communeCode: '69149', departmentCode: '69', regionCode: '84'})
                RETURN count(p)""")).isEqualTo(1);
        assertThat(count("MATCH (p:Place {key: 'lieu-bourg', postalCode: '01000'}) RETURN count(p)")).isEqualTo(1);
        assertThat(count("MATCH (p:Place {key: 'lieu-seynod', updatedOn: date('2024-03-15')}) RETURN count(p)"))
                .isEqualTo(1);
    }

    private static void assertPlaced(ImportReport report, int line, String communeCode, Communes.PlacedBy by,
            String how) {
        var row = row(report, line);
        assertThat(row.status()).as("line %d: %s", line, row.errors()).isEqualTo(RowStatus.CREATED);
        assertThat(row.placement().communeCode()).as("line %d", line).isEqualTo(communeCode);
        assertThat(row.placement().by()).as("line %d", line).isEqualTo(by);
        assertThat(row.placement().how()).as("line %d", line).contains(how);
    }

    @Test
    void rejectsEachBadRowNamingTheFieldAndWritesNothingForIt() {
        var report = importFixture("places", "places-rejected.csv", false);

        assertRejected(report, 2, "commune", "le code postal 20000 n'est pas celui de « Ajacio » (communes de ce code :"
                + " Ajaccio (2A004)), et aucune commune « Ajacio » dans les départements 2A et 2B");
        assertRejected(report, 3, "commune", "le code postal 20137 est partagé par 3 communes");
        assertRejected(report, 4, "code_insee", "aucune commune, actuelle ou ancienne, n'a le code INSEE 2A999");
        assertRejected(report, 5, "nom", "obligatoire");
        assertRejected(report, 6, "adresse", "obligatoire");
        assertRejected(report, 7, "latitude", "hors de l'intervalle [-90, 90]");
        assertThat(row(report, 8).status()).as("a French date, as a spreadsheet saves it").isEqualTo(RowStatus.CREATED);
        assertRejected(report, 9, "telephone", "invalide");
        assertRejected(report, 10, "courriels", "invalide");
        assertRejected(report, 11, "code_insee", "obligatoire, ou à défaut code_postal et commune");
        assertThat(row(report, 12).status()).isEqualTo(RowStatus.CREATED);
        assertThat(report.counts()).containsEntry(RowStatus.REJECTED, 9).containsEntry(RowStatus.CREATED, 2);
        assertThat(report.rows()).as("one error per problem").allSatisfy(row -> assertThat(row.errors()).hasSizeLessThan(2));
        assertThat(count("MATCH (p:Place) RETURN count(p)")).isEqualTo(2);
        assertThat(count("MATCH (p:Place {key: 'date-francaise', updatedOn: date('2024-03-15')}) RETURN count(p)"))
                .isEqualTo(1);
        assertThat(count("MATCH (p:Place {key: 'valide', communeCode: '2B033'}) RETURN count(p)")).isEqualTo(1);
    }

    @Test
    void importingTheSameFileTwiceChangesNothingTheSecondTime() {
        importFixture("places", "places-semicolon.csv", false);

        assertReimportChangesNothing("places", "places-semicolon.csv", 6);
    }

    @Test
    void aChangedRowIsReportedUpdatedAndTheOthersUnchanged() {
        importFixture("places", "places-semicolon.csv", false);
        var changed = text("places-semicolon.csv")
                .replace("Cyberbase de Porto-Vecchio", "Cyberbase de Porto-Vecchio (Marine)");

        var report = importCsv("places", changed);

        assertThat(row(report, 7).status()).isEqualTo(RowStatus.UPDATED);
        assertThat(report.counts()).containsEntry(RowStatus.UPDATED, 1).containsEntry(RowStatus.UNCHANGED, 5);
        assertThat(count("MATCH (p:Place {key: 'lieu-porto-vecchio', name: 'Cyberbase de Porto-Vecchio (Marine)'}) "
                + "RETURN count(p)")).isEqualTo(1);
        assertThat(count("MATCH (p:Place) RETURN count(p)")).isEqualTo(6);
    }

    @Test
    void aDryRunReportsWhatWouldBeCreatedAndWritesNothing() {
        var before = graphCounts();

        var report = importFixture("places", "places-semicolon.csv", true);

        assertThat(report.dryRun()).isTrue();
        assertThat(report.committed()).isFalse();
        assertThat(report.counts()).containsEntry(RowStatus.CREATED, 6);
        assertThat(graphCounts()).isEqualTo(before);
        assertThat(count("MATCH (p:Place) RETURN count(p)")).isZero();
    }

    @Test
    void readsCommaSeparatedFilesWithQuotesAndOldSemicolonLists() {
        var report = importFixture("places", "places-comma.csv", false);

        assertThat(report.counts()).containsEntry(RowStatus.CREATED, 2);
        assertThat(count("""
                MATCH (p:Place {key: 'lieu-bastia-1', communeCode: '2B033'})
                WHERE p.name = 'Maison de quartier "Lupino"' AND p.address = 'Avenue de la Libération, Lupino'
                  AND p.services = ['Aide aux démarches administratives', 'Maîtrise des outils numériques du quotidien']
                  AND p.publics = ['Familles', 'Seniors']
                RETURN count(p)""")).isEqualTo(1);
        assertThat(count("MATCH (p:Place {key: 'lieu-bastia-2', address: 'Route du Fort\\nLupino'}) RETURN count(p)"))
                .as("a quoted field spanning two lines").isEqualTo(1);
    }

    @Test
    void readsJsonWrappedInAnObjectAsDataGouvExportsDo() {
        var report = importFixture("places", "places.json", false);

        assertThat(report.format()).isEqualTo("json");
        assertThat(row(report, 4).status()).isEqualTo(RowStatus.CREATED);
        assertThat(report.counts()).containsEntry(RowStatus.CREATED, 2).containsEntry(RowStatus.REJECTED, 1);
        assertRejected(report, 24, "adresse", "obligatoire");
        assertThat(count("""
                MATCH (p:Place {key: 'lieu-json-ajaccio', communeCode: '2A004', latitude: 41.92})
                WHERE p.services = ['Aide aux démarches administratives', 'Créer avec le numérique']
                RETURN count(p)""")).isEqualTo(1);
        assertThat(count("MATCH (p:Place {key: 'lieu-json-ile-rousse', communeCode: '2B134'}) RETURN count(p)"))
                .isEqualTo(1);
    }

    @Test
    void acceptsTheFileAsAMultipartUpload() {
        var form = new MultipartBodyBuilder();
        form.part("file", new org.springframework.core.io.ByteArrayResource(fixture("places.json")) {
            @Override
            public String getFilename() {
                return "lieux.json";
            }
        }).contentType(MediaType.APPLICATION_JSON);

        var report = http(anct()).post().uri("/api/imports/places").body(BodyInserters.fromMultipartData(form.build()))
                .exchange().expectStatus().isOk().expectBody(ImportReport.class).returnResult().getResponseBody();

        assertThat(report.counts()).containsEntry(RowStatus.CREATED, 2);
    }

    @Test
    void refusesUnreadableFilesWithAClearJsonError() {
        byte[] utf16 = "id;nom;adresse;code_insee\n1;Médiathèque;Rue;2A004\n".getBytes(StandardCharsets.UTF_16);
        expectRefused(utf16, CSV, 400, "UTF-16");
        expectRefused(new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0}, CSV, 400, "Excel 97-2003 (.xls)");
        expectRefused("nom;commune\nLieu;Ajaccio\n".getBytes(StandardCharsets.UTF_8), CSV, 400,
                "colonne(s) obligatoire(s) absente(s) : adresse, code_insee ou code_postal");
        expectRefused("id;nom;adresse;code_insee\n1;\"Lieu;Rue;2A004\n".getBytes(StandardCharsets.UTF_8), CSV, 400,
                "guillemet ouvert jamais refermé");
        expectRefused("[{\"nom\": \"Lieu\",}".getBytes(StandardCharsets.UTF_8), MediaType.APPLICATION_JSON, 400,
                "JSON illisible");
        expectRefused(new byte[0], CSV, 400, "vide");
        http(anct()).post().uri("/api/imports/lieux").contentType(CSV).bodyValue("nom\nx\n").exchange()
                .expectStatus().isNotFound().expectBody().jsonPath("$.error").value(String.class,
                        error -> assertThat(error).contains("type d'import inconnu"));
        assertThat(count("MATCH (p:Place) RETURN count(p)")).isZero();
    }

    private void expectRefused(byte[] body, MediaType type, int status, String message) {
        var error = send("places", body, type, false).expectStatus().isEqualTo(status)
                .expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
                }).returnResult().getResponseBody();
        assertThat(error).isNotNull();
        assertThat((String) error.get("error")).contains(message);
        assertThat(List.copyOf(error.keySet())).contains("status", "error");
    }
}
