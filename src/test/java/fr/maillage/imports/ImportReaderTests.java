package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The readers and the commune-name comparison, without a database. */
class ImportReaderTests {

    private static SourceTable read(String text, ImportLimits limits) {
        return SourceReader.read(text.getBytes(StandardCharsets.UTF_8), null, limits);
    }

    @Test
    void detectsTheSeparatorAndFoldsHeaderNames() {
        var semicolon = read("\uFEFFCode INSEE;Nom;Prénom\r\n2A004;\"a;b\";Élise\r\n", ImportLimits.defaults());
        assertThat(semicolon.columns()).containsExactly("code_insee", "nom", "prenom");
        assertThat(semicolon.rows().get(0).get("nom")).isEqualTo("a;b");
        assertThat(semicolon.semicolonLists()).isFalse();

        var comma = read("nom,services\n\"x, \"\"y\"\"\",a;b\n", ImportLimits.defaults());
        assertThat(comma.rows().get(0).get("nom")).isEqualTo("x, \"y\"");
        assertThat(comma.semicolonLists()).isTrue();
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsRejectedByItsCheck() {
        var table = read("nom;adresse\na;b;c\nd\ne;f;;\n;;\n", ImportLimits.defaults());
        assertThat(table.rows()).as("the line of separators only is skipped").hasSize(3);
        assertThat(new RowCheck(table.rows().get(0), false).errors())
                .containsExactly(new FieldError("ligne", "nombre de champs : 3 (l'en-tête a 2 colonnes)"));
        assertThat(new RowCheck(table.rows().get(1), false).errors())
                .containsExactly(new FieldError("ligne", "nombre de champs : 1 (l'en-tête a 2 colonnes)"));
        assertThat(new RowCheck(table.rows().get(2), false).errors()).as("empty trailing fields").isEmpty();
        assertThat(table.rows().get(2).line()).isEqualTo(4);
    }

    @Test
    void boundsTheSizeAndTheNumberOfRows() {
        assertThatThrownBy(() -> read("nom\na\nb\nc\n", new ImportLimits(1_000, 2)))
                .isInstanceOf(ImportException.class).hasMessageContaining("nombre maximal de 2 lignes")
                .extracting(e -> ((ImportException) e).status()).isEqualTo(413);
        assertThatThrownBy(() -> read("[{\"nom\":\"a\"},{\"nom\":\"b\"},{\"nom\":\"c\"}]", new ImportLimits(1_000, 2)))
                .isInstanceOf(ImportException.class).hasMessageContaining("nombre maximal de 2 lignes");
        assertThatThrownBy(() -> read("nom\n" + "a".repeat(2 * 1024 * 1024), new ImportLimits(1024 * 1024, 10)))
                .isInstanceOf(ImportException.class).hasMessageContaining("taille maximale de 1 Mo");
    }

    @Test
    void comparesCommuneNamesWithoutAccentsArticlesOrAbbreviations() {
        assertThat(CommuneNames.comparable("L'ÎLE-ROUSSE")).isEqualTo(CommuneNames.comparable("ile rousse"))
                .isEqualTo(CommuneNames.comparable("L'Ile Rousse"));
        assertThat(CommuneNames.comparable("St Florent")).isEqualTo(CommuneNames.comparable("Saint-Florent"));
        assertThat(CommuneNames.comparable("Ste-Lucie-de-Tallano")).isEqualTo(CommuneNames.comparable("Sainte-Lucie-de-Tallano"));
        assertThat(CommuneNames.comparable("AJACCIO CEDEX 1")).isEqualTo(CommuneNames.comparable("Ajaccio"));
    }

    @Test
    void readsWindows1252WhenTheBytesAreNotUtf8AndSaysSo() {
        var bytes = "nom;commune\r\nMédiathèque;Pierre-Bénite\r\n".getBytes(java.nio.charset.Charset.forName("windows-1252"));

        var table = SourceReader.read(bytes, null, ImportLimits.defaults());

        assertThat(table.rows().get(0).get("commune")).isEqualTo("Pierre-Bénite");
        assertThat(table.notes()).containsExactly(SourceReader.WINDOWS_1252_NOTE);
        assertThat(read("nom\nPierre-Bénite\n", ImportLimits.defaults()).notes()).as("UTF-8").isEmpty();
    }

    @Test
    void recognisesSiretsInScientificNotationAndDateFormats() {
        for (var shown : List.of("2,0008E+13", "2.00063402E13", " 2,00063E+13 ")) {
            assertThat(fr.maillage.network.Siret.problem(shown)).as(shown)
                    .hasValueSatisfying(p -> assertThat(p).startsWith("le tableur a converti le SIRET en nombre : "
                            + "mettez la colonne au format texte"));
        }
        assertThat(fr.maillage.network.Siret.problem("200 063 402 00016")).isEmpty();
        assertThat(XlsxSource.isDate(164, "dd/mm/yyyy")).isTrue();
        assertThat(XlsxSource.isDate(14, null)).isTrue();
        assertThat(XlsxSource.isDate(165, "[$-40C]d mmmm yyyy")).isTrue();
        assertThat(XlsxSource.isDate(0, "General")).isFalse();
        assertThat(XlsxSource.isDate(166, "00000")).isFalse();
        assertThat(XlsxSource.isDate(167, "#,##0.00\" €\"")).isFalse();
    }
}
