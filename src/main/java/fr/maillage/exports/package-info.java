/**
 * Spreadsheet exports (CSV for Excel, XLSX) of any table, their parameters, errors and budgets.
 */
@ApplicationModule(allowedDependencies = {"graphql", "security", "territories", "validation"})
package fr.maillage.exports;

import org.springframework.modulith.ApplicationModule;
