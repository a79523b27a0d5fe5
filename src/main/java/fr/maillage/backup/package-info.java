/**
 * The graph saved to one file and loaded back: {@code --backup=FILE} writes every node and relationship of the store
 * (labels, types, properties with their exact types), {@code --restore=FILE} loads such a file into an empty store.
 * The format is described in {@link fr.maillage.backup.BackupFile}.
 */
@ApplicationModule(allowedDependencies = {"database", "validation"})
package fr.maillage.backup;

import org.springframework.modulith.ApplicationModule;
