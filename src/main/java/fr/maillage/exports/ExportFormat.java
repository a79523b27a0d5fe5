package fr.maillage.exports;

import java.util.Locale;

import fr.maillage.validation.InvalidInputException;

/** The formats of a table export, named by the extension of the URL. */
public enum ExportFormat {
    CSV("csv", "text/csv;charset=UTF-8"),
    XLSX("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    public final String extension;
    public final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    /** The format of an extension, or a 400 naming {@code format}. */
    public static ExportFormat of(String extension) {
        for (var format : values()) {
            if (format.extension.equals(extension == null ? null : extension.toLowerCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new InvalidInputException("format", "format inconnu « " + extension + " » : csv ou xlsx");
    }
}
