package fr.maillage.imports;

/**
 * What happened to a row. NOT_WRITTEN: the row was valid but the write of the batch failed, so nothing of the file
 * was written.
 */
enum RowStatus {
    CREATED, UPDATED, UNCHANGED, REJECTED, NOT_WRITTEN
}
