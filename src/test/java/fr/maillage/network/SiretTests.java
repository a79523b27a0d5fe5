package fr.maillage.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SiretTests {

    @ParameterizedTest
    @ValueSource(strings = {"13002526500013", "130 025 265 00013", "20007695800012", "35600000049837"})
    void acceptsRealSirets(String siret) {
        assertThat(Siret.problem(siret)).isEmpty();
    }

    @Test
    void explainsWhatIsWrong() {
        assertThat(Siret.problem("")).contains("le SIRET est obligatoire");
        assertThat(Siret.problem("1300252650001")).get().asString().contains("14 chiffres")
                .contains("13 chiffres : le tableur a peut-être retiré le zéro initial");
        // quoted as typed, not as normalised (found by probing: "2.0008E13" was quoted « 20008E13 »)
        assertThat(Siret.problem("200 076 958 0001")).get().asString().contains("« 200 076 958 0001 »");
        assertThat(Siret.problem("13002526500014")).get().asString().contains("clé de contrôle");
        assertThat(Siret.problem("13002526600013")).get().asString().contains("SIREN 130025266");
    }

    @Test
    void completesACheckDigit() {
        assertThat(Siret.withCheckDigit("1300252650001")).isEqualTo("13002526500013");
    }
}
