package fr.maillage.support;

import fr.maillage.network.Siret;

/** Fictional SIRETs the imports and mutations accept: SIREN and SIRET both pass the Luhn check. */
public final class TestSirets {

    private TestSirets() {
    }

    /** The {@code n}-th SIRET of a series starting with {@code prefix} (one digit), n below 10 million. */
    public static String valid(char prefix, int n) {
        var siren = Siret.withCheckDigit(prefix + "%07d".formatted(n));
        return Siret.withCheckDigit(siren + "0001");
    }
}
