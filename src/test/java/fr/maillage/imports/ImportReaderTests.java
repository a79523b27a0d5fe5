package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

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
        assertThat(Communes.comparable("L'ÎLE-ROUSSE")).isEqualTo(Communes.comparable("ile rousse"))
                .isEqualTo(Communes.comparable("L'Ile Rousse"));
        assertThat(Communes.comparable("St Florent")).isEqualTo(Communes.comparable("Saint-Florent"));
        assertThat(Communes.comparable("Ste-Lucie-de-Tallano")).isEqualTo(Communes.comparable("Sainte-Lucie-de-Tallano"));
        assertThat(Communes.comparable("AJACCIO CEDEX 1")).isEqualTo(Communes.comparable("Ajaccio"));
    }
}
