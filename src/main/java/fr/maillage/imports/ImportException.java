package fr.maillage.imports;

/**
 * The file as a whole cannot be imported (unreadable, too large, missing columns): nothing is written. The message is
 * in French, for the person who sent the file; {@code status} is the HTTP status that says it.
 */
class ImportException extends RuntimeException {

    private final int status;

    ImportException(int status, String message) {
        super(message);
        this.status = status;
    }

    static ImportException unreadable(String message) {
        return new ImportException(400, message);
    }

    static ImportException tooLarge(String message) {
        return new ImportException(413, message);
    }

    int status() {
        return status;
    }
}
