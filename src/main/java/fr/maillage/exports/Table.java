package fr.maillage.exports;

import java.util.List;

/**
 * What an export holds: a title (the sheet's name in XLSX), its columns, and what the information sheet of an XLSX
 * says about it (parameters, reference date, sources). A CSV holds the header row and the rows only, so that it
 * reads back as data.
 */
public record Table<T>(String title, List<Column<T>> columns, List<Info> about) {

    public Table {
        columns = List.copyOf(columns);
        about = List.copyOf(about);
    }

    /** A line of the information sheet. */
    public record Info(String label, String value) {
    }

    /** Where the data come from, said on every information sheet. */
    public static final List<Info> SOURCES = List.of(
            new Info("Source des territoires", "Code officiel géographique de l'INSEE (Licence Ouverte), par le paquet"
                    + " @etalab/decoupage-administratif 6.0.0 (licence MIT, © Etalab) ; populations municipales INSEE"),
            new Info("Source du réseau", "Maillage : acteurs, contrats, lieux et partenaires enregistrés ou importés"
                    + " dans le service"));
}
