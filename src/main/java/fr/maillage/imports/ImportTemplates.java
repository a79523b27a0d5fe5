package fr.maillage.imports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dhatim.fastexcel.Workbook;

/**
 * A template file per kind of import, CSV and XLSX: the columns the import reads, in the order a user fills them, and
 * one example row on real territories (Annecy), which the import accepts as it is. Filled in order (places, employers,
 * advisers, partners, activities), the templates import cleanly: the adviser's example names the example employer and
 * place, the activity's the example adviser and place.
 * The CSV is what a French spreadsheet opens directly (UTF-8 with a byte order mark, {@code ;}, CRLF); in the XLSX,
 * every cell of the first rows is formatted as text, so that a spreadsheet keeps the leading zero of codes and SIRETs
 * as typed.
 */
final class ImportTemplates {

    /** Rows formatted as text below the header in the XLSX template. */
    static final int TEXT_ROWS = 500;

    record Template(List<String> columns, List<String> example) {
    }

    private ImportTemplates() {
    }

    static Template of(ImportKind kind) {
        return switch (kind) {
            case PLACES -> new Template(List.of("id", "nom", "adresse", "code_postal", "commune", "code_insee",
                    "latitude", "longitude", "telephone", "courriels", "site_web", "horaires", "services",
                    "publics_specifiquement_adresses", "modalites_acces", "date_maj"),
                    List.of("lieu-exemple-annecy", "Médiathèque Bonlieu", "1 rue Jean Jaurès", "74000", "Annecy",
                            "74010", "45,9013", "6,1259", "04 50 33 87 00", "mediatheque@example.fr",
                            "https://www.example.fr", "Mo-Fr 10:00-18:00",
                            "Aide aux démarches administratives|Maîtrise des outils numériques du quotidien",
                            "Seniors|Familles", "Se présenter", "15/03/2024"));
            case EMPLOYERS -> new Template(List.of("siret", "nom", "secteur", "type_juridique", "code_insee",
                    "code_postal", "commune"),
                    List.of("20006340200016", "Commune d'Annecy", "Public", "Collectivité territoriale", "74010",
                            "74000", "Annecy"));
            case ADVISERS -> new Template(List.of("id_conseiller", "prenom", "nom", "email", "telephone", "dispositif",
                    "siret_employeur", "type_contrat", "date_debut", "date_fin", "lieu_principal", "coordinateur",
                    "perimetre_type", "perimetre_codes", "conseillers_coordonnes"),
                    List.of("CN-EXEMPLE-0001", "Camille", "Martin", "camille.martin@example.fr", "06 12 34 56 78",
                            "Conseiller numérique", "20006340200016", "CDI de droit public", "01/09/2024", "",
                            "lieu-exemple-annecy", "non", "", "", ""));
            case PARTNERS -> new Template(List.of("type", "nom", "siret", "adresse", "code_insee", "code_postal",
                    "commune"),
                    List.of("Mission locale", "Mission locale du bassin annécien", "", "Rue de la Gare", "",
                            "74000", "Annecy"));
            case ACTIVITIES -> new Template(List.of("id_activite", "date", "type", "statut", "duree_minutes",
                    "thematiques", "participants", "titre", "code_insee", "code_postal", "commune", "id_lieu",
                    "id_conseiller", "conseillers_rencontres", "partenaires", "structures_cartographiees", "publics"),
                    List.of("exemple-atelier-0001", "14/01/2025", "Collectif", "Réalisée", "120",
                            "E-mail, Navigation sur internet", "8", "Découvrir le courriel", "74010", "74000",
                            "Annecy", "lieu-exemple-annecy", "CN-EXEMPLE-0001", "", "", "", "Plus de 60 ans"));
        };
    }

    static byte[] csv(ImportKind kind) {
        var template = of(kind);
        var text = new StringBuilder("\uFEFF");
        text.append(String.join(";", template.columns())).append("\r\n");
        text.append(String.join(";", template.example().stream().map(ImportTemplates::quoted).toList())).append("\r\n");
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(ImportKind kind) {
        var template = of(kind);
        var out = new ByteArrayOutputStream();
        try {
            var workbook = new Workbook(out, "Maillage", "1.0");
            var sheet = workbook.newWorksheet(kind.pathName());
            int last = template.columns().size() - 1;
            sheet.range(1, 0, TEXT_ROWS, last).style().format("@").set();
            for (int c = 0; c <= last; c++) {
                sheet.width(c, Math.max(14, template.columns().get(c).length() + 4));
                sheet.inlineString(0, c, template.columns().get(c));
                if (!template.example().get(c).isEmpty()) {
                    sheet.inlineString(1, c, template.example().get(c));
                }
            }
            sheet.range(0, 0, 0, last).style().bold().fillColor("DDE5F0").set();
            sheet.freezePane(0, 1);
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String quoted(String value) {
        return value.contains(";") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
