package fr.maillage.imports;

import java.util.Locale;
import java.util.Optional;

/** What a file holds: the four kinds of rows the network can be fed with, named as in the URL and on the command line. */
enum ImportKind {
    PLACES, EMPLOYERS, ADVISERS, PARTNERS;

    String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<ImportKind> fromPath(String value) {
        for (var kind : values()) {
            if (kind.pathName().equalsIgnoreCase(value == null ? "" : value.trim())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }

    /** A fresh importer for one run: it holds what it looked up in the database for this file. */
    RowImporter importer() {
        return switch (this) {
            case PLACES -> new PlaceImporter();
            case EMPLOYERS -> new EmployerImporter();
            case ADVISERS -> new AdviserImporter();
            case PARTNERS -> new PartnerImporter();
        };
    }
}
