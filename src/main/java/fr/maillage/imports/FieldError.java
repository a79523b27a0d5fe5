package fr.maillage.imports;

/** Why a row was rejected: the column and the reason, in French. */
record FieldError(String field, String reason) {
}
