package fr.maillage.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import fr.maillage.database.BulkWork;
import fr.maillage.database.DatabaseMigrations;
import fr.maillage.validation.Validation;
import org.neo4j.driver.Driver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/**
 * Loads a backup file ({@link BackupFile}) into an empty store, the migrations already applied by the start.
 * <ol>
 * <li>The whole file is read once before anything is written: a truncated, corrupt or foreign file, or one whose counts
 * do not match its header, is refused and the store is left as it was.</li>
 * <li>The store must be empty: nothing but the migrations' bookkeeping and their reference data (the 2023 campaign
 * and its funding rules, which the file holds as they were saved). A store holding territories or a network is
 * refused. So is a file saved at another schema version: restore it with the version of Maillage that saved it.</li>
 * <li>Nodes are created in transactions of at most {@value #BATCH_ROWS} rows, each marked with a temporary label and
 * its element id in the file (indexed), through which relationships then find their ends; the marks are removed at the
 * end. Memory holds one batch, never a map of the graph.</li>
 * <li>A {@code __MaillageRestore} node marks the store while the restore runs. If the restore fails, what it wrote is
 * deleted; if the process dies, the mark stays and the next {@code --restore} deletes what the unfinished one left
 * before starting again.</li>
 * </ol>
 */
@Component
class GraphRestore {

    private static final Logger log = LoggerFactory.getLogger(GraphRestore.class);

    static final int BATCH_ROWS = 10_000;
    /** A batch also ends at this many characters of JSON, whatever the number of rows. */
    private static final int BATCH_CHARS = 8 << 20;
    /** Written by the migrations (V0007), and held by every backup as it was saved. */
    private static final Set<String> REFERENCE_LABELS = Set.of("Campaign", "FundingRule");

    private static final String UNFINISHED = """
            MATCH (m:__MaillageRestore) RETURN count(m) AS count""";
    private static final String MARK = """
            MATCH (n) WHERE none(label IN labels(n) WHERE label STARTS WITH '__')
            DETACH DELETE n
            WITH count(*) AS referenceData
            MERGE (m:__MaillageRestore)
            SET m.file = $file, m.startedAt = datetime()""";
    /**
     * Unique: a file naming one node id twice fails on its second node, and each relationship row then finds at most
     * one node at each end, so that the count of relationships created tells whether every end was found.
     */
    private static final String INDEX = """
            CREATE CONSTRAINT maillage_restore IF NOT EXISTS FOR (n:__MaillageRestored) REQUIRE n.backupId IS UNIQUE""";
    private static final String AWAIT_INDEX = "CALL db.awaitIndex('maillage_restore', 300)";
    private static final String CREATE_NODES = """
            UNWIND $rows AS row
            CREATE (n:__MaillageRestored)
            SET n = row.properties, n.backupId = row.id, n:$(row.labels)""";
    private static final String CREATE_RELATIONSHIPS = """
            UNWIND $rows AS row
            MATCH (a:__MaillageRestored {backupId: row.start})
            MATCH (b:__MaillageRestored {backupId: row.end})
            CREATE (a)-[r:$(row.type)]->(b)
            SET r = row.properties
            RETURN count(r) AS created""";
    private static final String UNMARK_NODES = """
            MATCH (n:__MaillageRestored)
            WITH n LIMIT 10000
            REMOVE n:__MaillageRestored, n.backupId
            RETURN count(n) AS count""";
    private static final String DROP_INDEX = "DROP CONSTRAINT maillage_restore IF EXISTS";
    private static final String UNMARK_STORE = "MATCH (m:__MaillageRestore) DELETE m";
    /** Everything but the migrations' bookkeeping and the restore's mark, 10,000 nodes at a time. */
    private static final String CLEAR = """
            MATCH (n)
            WHERE none(label IN labels(n) WHERE label STARTS WITH '__Neo4jMigration' OR label = '__MaillageRestore')
            WITH n LIMIT 10000
            DETACH DELETE n
            RETURN count(*) AS count""";

    private final Driver driver;
    private final DatabaseMigrations migrations;

    GraphRestore(Driver driver, DatabaseMigrations migrations) {
        this.driver = driver;
        this.migrations = migrations;
    }

    /** The file was not restored and the store was not changed: why, in French. */
    static class RestoreRefused extends RuntimeException {
        RestoreRefused(String message) {
            super(message);
        }
    }

    /** The restore failed after it began writing: the message says what was done with the store. */
    static class RestoreFailed extends RuntimeException {
        RestoreFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Restores {@code file}; {@code progress} hears the steps worth telling the operator. */
    BackupFile.Header restore(Path file, Consumer<String> progress) {
        var header = verify(file);
        if (!migrations.version().equals(header.schemaVersion())) {
            throw new RestoreRefused("la sauvegarde a été faite au schéma " + header.schemaVersion() + " et ce service"
                    + " est au schéma " + migrations.version() + " : restaurez-la avec la version de Maillage qui"
                    + " l'a faite, puis démarrez la nouvelle, qui appliquera ses migrations");
        }
        try (var session = driver.session()) {
            if (session.run(UNFINISHED).single().get("count").asLong() > 0) {
                progress.accept("Une restauration inachevée a laissé des données : elles sont effacées d'abord");
                clear();
            } else {
                var found = GraphBackup.counts(session, GraphBackup.LABEL_COUNTS);
                found.keySet().removeAll(REFERENCE_LABELS);
                if (!found.isEmpty()) {
                    throw new RestoreRefused("le magasin contient déjà des données (" + found.entrySet().stream()
                            .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "))
                            + ") : la restauration se fait dans un magasin vide (arrêtez le service et indiquez un"
                            + " répertoire neuf, MAILLAGE_DATA_DIR, ou une base vide)");
                }
            }
            session.run(INDEX).consume();
            session.run(AWAIT_INDEX).consume();
            session.executeWriteWithoutResult(tx -> tx.run(MARK, Map.of("file", file.toString())).consume());
        }
        try {
            load(file, header, progress);
            finish();
            checkCounts(header);
            return header;
        } catch (RuntimeException | IOException e) {
            log.error("Restore of {} failed", file, e);
            String what;
            try {
                clear();
                what = "ce qu'elle avait écrit est effacé : corrigez la cause puis relancez --restore";
            } catch (RuntimeException clearing) {
                e.addSuppressed(clearing);
                what = "le magasin n'a pas pu être vidé : relancez --restore, qui efface d'abord ce qu'une restauration"
                        + " inachevée a laissé";
            }
            throw new RestoreFailed(e.getMessage() + " ; " + what, e);
        }
    }

    /** Reads the whole file: its header, then each line, counted against the header. */
    BackupFile.Header verify(Path file) {
        try (var reader = open(file)) {
            var header = BackupFile.Header.parse(reader.readLine());
            if (header == null) {
                throw new RestoreRefused("ce fichier n'est pas une sauvegarde de Maillage (format " + BackupFile.FORMAT
                        + ", version " + BackupFile.VERSION + ")");
            }
            var labels = new TreeMap<String, Long>();
            var types = new TreeMap<String, Long>();
            long nodes = 0;
            long relationships = 0;
            long lineNumber = 1;
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                JsonNode json;
                try {
                    json = BackupFile.JSON.readTree(line);
                    BackupFile.decodeProperties(json.path("properties"));
                } catch (RuntimeException e) {
                    throw new RestoreRefused("ligne " + lineNumber + " illisible : " + e.getMessage());
                }
                if (json.has("node") && relationships == 0) {
                    nodes++;
                    for (var label : json.path("labels")) {
                        // the store's own bookkeeping (migrations, restores) is never taken from a file
                        if (label.asString().isBlank() || label.asString().startsWith("__")) {
                            throw new RestoreRefused("ligne " + lineNumber + " : étiquette refusée "
                                    + Validation.quoted(label.asString()) + " (vide, ou réservée au magasin : « __ »)");
                        }
                        labels.merge(label.asString(), 1L, Long::sum);
                    }
                } else if (json.has("type") && json.has("start") && json.has("end")) {
                    relationships++;
                    if (json.path("type").asString().isBlank() || json.path("type").asString().startsWith("__")) {
                        throw new RestoreRefused("ligne " + lineNumber + " : type de relation refusé "
                                + Validation.quoted(json.path("type").asString()));
                    }
                    types.merge(json.path("type").asString(), 1L, Long::sum);
                } else {
                    throw new RestoreRefused("ligne " + lineNumber + " : ni un nœud ni une relation à sa place");
                }
            }
            if (nodes != header.nodes() || relationships != header.relationships() || !labels.equals(header.labels())
                    || !types.equals(header.types())) {
                throw new RestoreRefused("fichier incomplet ou altéré : " + nodes + " nœuds et " + relationships
                        + " relations lus, " + header.nodes() + " et " + header.relationships() + " annoncés");
            }
            return header;
        } catch (IOException e) {
            throw new RestoreRefused("fichier de sauvegarde illisible ou tronqué (" + e.getMessage() + ")");
        }
    }

    private void load(Path file, BackupFile.Header header, Consumer<String> progress) throws IOException {
        try (var reader = open(file)) {
            reader.readLine();
            var batch = new Batch();
            boolean relationships = false;
            String line;
            while ((line = reader.readLine()) != null) {
                var json = BackupFile.JSON.readTree(line);
                var row = new TreeMap<String, Object>();
                row.put("properties", BackupFile.decodeProperties(json.path("properties")));
                boolean node = json.has("node");
                if (node) {
                    row.put("id", json.path("node").asString());
                    var labels = new ArrayList<String>();
                    json.path("labels").forEach(label -> labels.add(label.asString()));
                    row.put("labels", labels);
                } else {
                    if (!relationships) {
                        batch.flush();
                        progress.accept(header.nodes() + " nœuds restaurés");
                        relationships = true;
                    }
                    row.put("type", json.path("type").asString());
                    row.put("start", json.path("start").asString());
                    row.put("end", json.path("end").asString());
                }
                batch.add(node, row, line.length());
            }
            batch.flush();
            if (!relationships) {
                progress.accept(header.nodes() + " nœuds restaurés");
            }
            progress.accept(header.relationships() + " relations restaurées");
        }
    }

    /** Rows of one kind, nodes or relationships, waiting to be written: bounded in rows and characters. */
    private final class Batch {
        private final List<Map<String, Object>> rows = new ArrayList<>();
        private boolean nodes;
        private long chars;

        void add(boolean node, Map<String, Object> row, int length) {
            if (!rows.isEmpty() && (rows.size() >= BATCH_ROWS || chars + length > BATCH_CHARS || node != nodes)) {
                flush();
            }
            nodes = node;
            rows.add(row);
            chars += length;
        }

        void flush() {
            if (rows.isEmpty()) {
                return;
            }
            var parameters = Map.<String, Object>of("rows", rows);
            try (var session = driver.session()) {
                if (nodes) {
                    session.executeWriteWithoutResult(tx -> tx.run(CREATE_NODES, parameters).consume(),
                            BulkWork.CONFIG);
                } else {
                    long created = session.executeWrite(tx -> tx.run(CREATE_RELATIONSHIPS, parameters).single()
                            .get("created").asLong(), BulkWork.CONFIG);
                    if (created != rows.size()) {
                        throw new IllegalStateException((rows.size() - created) + " relation(s) nomment un nœud"
                                + " absent du fichier");
                    }
                }
            }
            rows.clear();
            chars = 0;
        }
    }

    /** The temporary marks removed, batch by batch, then the index and the store's mark. */
    private void finish() {
        try (var session = driver.session()) {
            while (session.executeWrite(tx -> tx.run(UNMARK_NODES).single().get("count").asLong(),
                    BulkWork.CONFIG) > 0) {
                log.debug("restore: a batch of nodes unmarked");
            }
            session.run(DROP_INDEX).consume();
            session.executeWriteWithoutResult(tx -> tx.run(UNMARK_STORE).consume());
        }
    }

    /** What the store holds now is what the file said it held. */
    private void checkCounts(BackupFile.Header header) {
        try (var session = driver.session()) {
            var labels = GraphBackup.counts(session, GraphBackup.LABEL_COUNTS);
            var types = GraphBackup.counts(session, GraphBackup.TYPE_COUNTS);
            if (!labels.equals(header.labels()) || !types.equals(header.types())) {
                throw new IllegalStateException("les nombres de nœuds par label ou de relations par type diffèrent de"
                        + " ceux du fichier");
            }
        }
    }

    /** Deletes every node but the migrations' bookkeeping and the restore's mark, in bounded transactions. */
    private void clear() {
        try (var session = driver.session()) {
            while (session.executeWrite(tx -> tx.run(CLEAR).single().get("count").asLong(), BulkWork.CONFIG) > 0) {
                log.debug("restore: a batch of nodes cleared");
            }
        }
    }

    private static BufferedReader open(Path file) throws IOException {
        return new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8), 1 << 16);
    }
}
