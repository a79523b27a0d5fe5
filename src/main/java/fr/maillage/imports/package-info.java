/**
 * Bulk imports of employers, advisers, places, partners and activities from CSV, XLSX or JSON files, over HTTP or
 * from the command line.
 */
@ApplicationModule(allowedDependencies = {"activities", "database", "errors", "network", "security", "territories",
        "validation"})
package fr.maillage.imports;

import org.springframework.modulith.ApplicationModule;
