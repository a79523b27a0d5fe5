package fr.maillage.imports;

/** Bounds of one import: a larger file or more rows is refused before anything is parsed further or written. */
record ImportLimits(long maxBytes, int maxRows) {

    static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
    static final int DEFAULT_MAX_ROWS = 200_000;

    static ImportLimits defaults() {
        return new ImportLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_ROWS);
    }

    ImportException fileTooLarge() {
        return ImportException.tooLarge("le fichier dépasse la taille maximale de " + (maxBytes / (1024 * 1024))
                + " Mo : découpez-le en plusieurs fichiers");
    }

    ImportException tooManyRows() {
        return ImportException.tooLarge("le fichier dépasse le nombre maximal de " + maxRows
                + " lignes : découpez-le en plusieurs fichiers");
    }
}
