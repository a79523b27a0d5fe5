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
                      (:Commune {code: '2B134'}) RETURN count(p)""")).isEqualTo(3);
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

    @Test
    void rejectsEachBadRowNamingTheFieldAndWritesNothingForIt() {
        var report = importFixture("places", "places-rejected.csv", false);

        assertRejected(report, 2, "commune", "aucune commune « Ajacio » avec le code postal 20000");
        assertRejected(report, 3, "commune", "le code postal 20137 est partagé par 3 communes");
        assertRejected(report, 4, "code_insee", "aucune commune actuelle n'a le code INSEE 2A999");
        assertRejected(report, 5, "nom", "obligatoire");
        assertRejected(report, 6, "adresse", "obligatoire");
        assertRejected(report, 7, "latitude", "hors de l'intervalle [-90, 90]");
        assertRejected(report, 8, "date_maj", "AAAA-MM-JJ");
        assertRejected(report, 9, "telephone", "invalide");
        assertRejected(report, 10, "courriels", "invalide");
        assertRejected(report, 11, "code_insee", "obligatoire, ou à défaut code_postal et commune");
        assertThat(row(report, 12).status()).isEqualTo(RowStatus.CREATED);
        assertThat(report.counts()).containsEntry(RowStatus.REJECTED, 10).containsEntry(RowStatus.CREATED, 1);
        assertThat(count("MATCH (p:Place) RETURN count(p)")).isEqualTo(1);
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
        byte[] latin1 = "id;nom;adresse;code_insee\n1;Médiathèque;Rue;2A004\n".getBytes(StandardCharsets.ISO_8859_1);
        expectRefused(latin1, CSV, 400, "UTF-8");
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
