package fr.maillage.imports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.maillage.database.BulkWork;
import fr.maillage.errors.Incident;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.exceptions.Neo4jException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Runs an import: reads the file, checks every row, then writes all accepted rows in one transaction (in UNWIND
 * batches). A dry run executes the very same statements and rolls the transaction back. A failing write rolls back
 * everything: the file is either imported (its accepted rows) or not at all.
 */
@Service
class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final Driver driver;
    private final ImportLimits limits;

    ImportService(Driver driver, @Value("${maillage.imports.max-bytes:" + ImportLimits.DEFAULT_MAX_BYTES + "}") long maxBytes,
            @Value("${maillage.imports.max-rows:" + ImportLimits.DEFAULT_MAX_ROWS + "}") int maxRows) {
        this.driver = driver;
        this.limits = new ImportLimits(maxBytes, maxRows);
    }

    ImportLimits limits() {
        return limits;
    }

    ImportReport run(ImportKind kind, byte[] content, SourceReader.Format format, boolean dryRun) {
        var table = SourceReader.read(content, format, limits);
        checkColumns(kind.importer(), table);
        try (var session = driver.session(); var tx = session.beginTransaction(BulkWork.CONFIG)) {
            var report = run(kind, table, tx, dryRun);
            log.info(report.summary());
            return report;
        }
    }

    private ImportReport run(ImportKind kind, SourceTable table, Transaction tx, boolean dryRun) {
        var importer = kind.importer();
        importer.prepare(tx, table);
        var rejected = new TreeMap<Integer, List<FieldError>>();
        var accepted = new ArrayList<PlannedRow>();
        var lineOfKey = new HashMap<String, Integer>();
        var keys = new HashMap<Integer, String>();
        var checks = new HashMap<Integer, RowCheck>();
        for (var row : table.rows()) {
            var check = new RowCheck(row, table.semicolonLists());
            var planned = importer.plan(check);
            checks.put(row.line(), check);
            keys.put(row.line(), planned == null ? null : planned.key());
            if (planned == null) {
                rejected.put(row.line(), check.errors());
            } else if (lineOfKey.containsKey(planned.key())) {
                rejected.put(row.line(), List.of(new FieldError(planned.keyField(), "même clé « " + planned.key()
                        + " » que la ligne " + lineOfKey.get(planned.key()) + " : une seule ligne par élément")));
            } else {
                lineOfKey.put(planned.key(), row.line());
                accepted.add(planned);
            }
        }
        // rejecting a row another one refers to may reject that one too: until nothing changes
        Map<Integer, List<FieldError>> more;
        while (!(more = importer.crossCheck(accepted)).isEmpty()) {
            rejected.putAll(more);
            accepted.removeIf(row -> rejected.containsKey(row.line()));
        }
        try {
            var written = importer.write(tx, accepted);
            if (dryRun) {
                tx.rollback();
            } else {
                tx.commit();
            }
            var rows = new ArrayList<ImportReport.Row>();
            written.forEach(w -> rows.add(row(w.line(), w.status(), keys,
                    dryRun && w.status() == RowStatus.CREATED && !importer.dryRunIdsHold() ? null : w.id(), checks,
                    List.of())));
            rejected.forEach((line, errors) -> rows.add(row(line, RowStatus.REJECTED, keys, null, checks, errors)));
            rows.sort(Comparator.comparingInt(ImportReport.Row::line));
            return ImportReport.of(kind, table, dryRun, !dryRun, null, rows);
        } catch (Neo4jException e) {
            // the database's message (codes, node ids, labels) stays in the log, under the reference given
            var incident = Incident.record("import " + kind.pathName() + " rolled back", e);
            var rows = new ArrayList<ImportReport.Row>();
            accepted.forEach(row -> rows.add(row(row.line(), RowStatus.NOT_WRITTEN, keys, null, checks, List.of())));
            rejected.forEach((line, errors) -> rows.add(row(line, RowStatus.REJECTED, keys, null, checks, errors)));
            rows.sort(Comparator.comparingInt(ImportReport.Row::line));
            return ImportReport.of(kind, table, dryRun, false, "l'écriture a échoué, rien n'a été écrit"
                    + " (erreur interne, référence " + incident.reference() + ") : réessayez ; si l'échec persiste,"
                    + " transmettez cette référence à l'équipe Maillage", rows);
        }
    }

    /** A rejected row keeps its placement: a row rejected for another column says where it would have gone. */
    private static ImportReport.Row row(int line, RowStatus status, Map<Integer, String> keys, String id,
            Map<Integer, RowCheck> checks, List<FieldError> errors) {
        var check = checks.get(line);
        return new ImportReport.Row(line, status, keys.get(line), id, check.placement(), List.copyOf(check.notes()),
                List.copyOf(errors));
    }

    /** A file without a required column is refused as a whole: every row would be rejected for the same reason. */
    private static void checkColumns(RowImporter importer, SourceTable table) {
        if (table.rows().isEmpty()) {
            throw ImportException.unreadable("le fichier ne contient aucune ligne de données");
        }
        var missing = importer.requiredColumns().stream()
                .filter(required -> List.of(required.split("\\|")).stream().noneMatch(table.columns()::contains))
                .map(required -> required.replace("|", " ou "))
                .toList();
        if (!missing.isEmpty()) {
            throw ImportException.unreadable("colonne(s) obligatoire(s) absente(s) : " + String.join(", ", missing)
                    + " (colonnes lues : " + String.join(", ", table.columns()) + ")");
        }
    }
}
