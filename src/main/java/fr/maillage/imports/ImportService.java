package fr.maillage.imports;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import fr.maillage.database.BulkWork;
import fr.maillage.errors.Incident;
import fr.maillage.network.NetworkRepository;
import fr.maillage.security.Caller;
import fr.maillage.security.ForbiddenException;
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
 * everything: the file is either imported (its accepted rows) or not at all. An atomic import goes further: one
 * rejected row and nothing of the file is written. A caller whose roles may not import the kind at all is refused
 * before the file is read; the rows of an activities file are then checked against its scope.
 */
@Service
class ImportService {

    private static final Logger log = LoggerFactory.getLogger(ImportService.class);

    private final Driver driver;
    private final ImportLimits limits;
    private final NetworkRepository network;
    private final Clock clock;

    ImportService(Driver driver, NetworkRepository network, Clock clock,
            @Value("${maillage.imports.max-bytes:" + ImportLimits.DEFAULT_MAX_BYTES + "}") long maxBytes,
            @Value("${maillage.imports.max-rows:" + ImportLimits.DEFAULT_MAX_ROWS + "}") int maxRows) {
        this.driver = driver;
        this.network = network;
        this.clock = clock;
        this.limits = new ImportLimits(maxBytes, maxRows);
    }

    ImportLimits limits() {
        return limits;
    }

    /** An import by the operator of the command line (national). */
    ImportReport run(ImportKind kind, byte[] content, SourceReader.Format format, boolean dryRun, boolean atomic) {
        return run(kind, content, format, dryRun, atomic, ImportContext.OPERATOR);
    }

    /** An import by {@code caller} that writes its accepted rows. */
    ImportReport run(ImportKind kind, byte[] content, SourceReader.Format format, boolean dryRun, Caller caller) {
        return run(kind, content, format, dryRun, false, caller);
    }

    /**
     * An import by {@code caller}: 403 when none of its roles imports this kind, whatever the file holds.
     * {@code atomic}: all rows or none, a single rejected row and nothing is written.
     */
    ImportReport run(ImportKind kind, byte[] content, SourceReader.Format format, boolean dryRun, boolean atomic,
            Caller caller) {
        if (Collections.disjoint(caller.roles(), kind.importers())) {
            throw new ImportException(403, new ForbiddenException().getMessage());
        }
        var importer = kind.importer(new ImportContext(caller, LocalDate.now(clock), network));
        var table = importer.canonical(SourceReader.read(content, format, limits));
        checkColumns(importer, table);
        try (var session = driver.session(); var tx = session.beginTransaction(BulkWork.CONFIG)) {
            var report = run(kind, importer, table, tx, dryRun, atomic);
            log.info(report.summary());
            return report;
        }
    }

    private ImportReport run(ImportKind kind, RowImporter importer, SourceTable table, Transaction tx,
            boolean dryRun, boolean atomic) {
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
                rejected.put(row.line(), List.of(new FieldError(planned.keyField(),
                        importer.duplicate(planned, lineOfKey.get(planned.key())))));
            } else {
                lineOfKey.put(planned.key(), row.line());
                accepted.add(planned);
            }
        }
        // rejecting a row another one refers to may reject that one too: until nothing changes
        Map<Integer, List<FieldError>> more;
        while (!(more = importer.crossCheck(tx, accepted)).isEmpty()) {
            rejected.putAll(more);
            accepted.removeIf(row -> rejected.containsKey(row.line()));
        }
        if (atomic && !rejected.isEmpty()) {
            // nothing was written yet: the transaction ends without a write, rolled back when closed
            return notWritten(kind, importer, table, dryRun, true, accepted, rejected, keys, checks,
                    atomicRefusal(rejected.size()));
        }
        try {
            var written = importer.write(tx, accepted);
            if (dryRun) {
                tx.rollback();
            } else {
                tx.commit();
            }
            var rows = new ArrayList<ImportReport.Row>();
            written.forEach(w -> rows.add(row(importer, w.line(), w.status(), keys,
                    dryRun && w.status() == RowStatus.CREATED && !importer.dryRunIdsHold() ? null : w.id(), checks,
                    List.of())));
            rejected.forEach((line, errors) -> rows.add(row(importer, line, RowStatus.REJECTED, keys, null, checks,
                    errors)));
            rows.sort(Comparator.comparingInt(ImportReport.Row::line));
            return ImportReport.of(kind, table, dryRun, atomic, !dryRun, null, rows);
        } catch (Neo4jException e) {
            // the database's message (codes, node ids, labels) stays in the log, under the reference given
            var incident = Incident.record("import " + kind.pathName() + " rolled back", e);
            return notWritten(kind, importer, table, dryRun, atomic, accepted, rejected, keys, checks,
                    "l'écriture a échoué, rien n'a été écrit (erreur interne, référence " + incident.reference()
                            + ") : réessayez ; si l'échec persiste, transmettez cette référence à l'équipe Maillage");
        }
    }

    /** « 1 ligne est rejetée », « 2 lignes sont rejetées »: why an atomic import wrote nothing. */
    static String atomicRefusal(int rejected) {
        return "import atomique : aucune ligne écrite car " + rejected + (rejected == 1 ? " ligne est rejetée"
                : " lignes sont rejetées") + " ; corrigez-les puis importez de nouveau le fichier entier";
    }

    /** The report of a file of which nothing was written: its valid rows NOT_WRITTEN, the others REJECTED. */
    private static ImportReport notWritten(ImportKind kind, RowImporter importer, SourceTable table, boolean dryRun,
            boolean atomic, List<PlannedRow> accepted, Map<Integer, List<FieldError>> rejected,
            Map<Integer, String> keys, Map<Integer, RowCheck> checks, String failure) {
        var rows = new ArrayList<ImportReport.Row>();
        accepted.forEach(row -> rows.add(row(importer, row.line(), RowStatus.NOT_WRITTEN, keys, null, checks,
                List.of())));
        rejected.forEach((line, errors) -> rows.add(row(importer, line, RowStatus.REJECTED, keys, null, checks,
                errors)));
        rows.sort(Comparator.comparingInt(ImportReport.Row::line));
        return ImportReport.of(kind, table, dryRun, atomic, false, failure, rows);
    }

    /**
     * A rejected row keeps its placement: a row rejected for another column says where it would have gone. Errors and
     * notes name the columns as the file does.
     */
    private static ImportReport.Row row(RowImporter importer, int line, RowStatus status, Map<Integer, String> keys,
            String id, Map<Integer, RowCheck> checks, List<FieldError> errors) {
        var check = checks.get(line);
        return new ImportReport.Row(line, status, keys.get(line), id, check.placement(),
                asWritten(importer, check.notes()), asWritten(importer, errors));
    }

    private static List<FieldError> asWritten(RowImporter importer, List<FieldError> errors) {
        return errors.stream().map(e -> new FieldError(importer.asWritten(e.field()), e.reason())).toList();
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
