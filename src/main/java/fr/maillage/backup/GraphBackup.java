package fr.maillage.backup;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import fr.maillage.database.BulkWork;
import fr.maillage.database.DatabaseMigrations;
import org.neo4j.driver.Driver;
import org.neo4j.driver.QueryRunner;
import org.springframework.stereotype.Component;

/**
 * Writes the whole graph to a backup file ({@link BackupFile}): the counts first, then every node, then every
 * relationship, streamed from one read transaction (the driver fetches records in batches, so memory stays bounded
 * whatever the size of the graph). The file is written beside its final name and renamed once complete: a failed
 * backup leaves no file that looks whole.
 */
@Component
class GraphBackup {

    static final String LABEL_COUNTS = """
            MATCH (n) WHERE none(label IN labels(n) WHERE label STARTS WITH '__')
            UNWIND labels(n) AS label
            RETURN label, count(*) AS count""";
    static final String TYPE_COUNTS = """
            MATCH (a)-[r]->(b)
            WHERE none(label IN labels(a) + labels(b) WHERE label STARTS WITH '__')
            RETURN type(r) AS label, count(*) AS count""";
    static final String NODE_COUNT = """
            MATCH (n) WHERE none(label IN labels(n) WHERE label STARTS WITH '__')
            RETURN count(n) AS count""";
    private static final String NODES = """
            MATCH (n) WHERE none(label IN labels(n) WHERE label STARTS WITH '__')
            RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties""";
    private static final String RELATIONSHIPS = """
            MATCH (a)-[r]->(b)
            WHERE none(label IN labels(a) + labels(b) WHERE label STARTS WITH '__')
            RETURN type(r) AS type, elementId(a) AS start, elementId(b) AS end, properties(r) AS properties""";

    private final Driver driver;
    private final DatabaseMigrations migrations;
    private final Clock clock;

    GraphBackup(Driver driver, DatabaseMigrations migrations, Clock clock) {
        this.driver = driver;
        this.migrations = migrations;
        this.clock = clock;
    }

    /** Writes the backup to {@code file}, which must not exist yet; answers its header. */
    BackupFile.Header write(Path file) throws IOException {
        var partial = file.resolveSibling(file.getFileName() + ".partial");
        try {
            BackupFile.Header header;
            // made new, never through a link left at that name, and readable by its owner only: it holds personal data
            createPrivate(partial);
            try (var out = Files.newOutputStream(partial, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
                header = write(out);
            }
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            return header;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** Creates {@code file}, which must not exist yet (a link included), with permissions rw------- where supported. */
    static void createPrivate(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    /** Writes the gzip'd backup to {@code out}. */
    BackupFile.Header write(OutputStream out) throws IOException {
        try (var session = driver.session(); var tx = session.beginTransaction(BulkWork.CONFIG)) {
            var types = counts(tx, TYPE_COUNTS);
            var header = new BackupFile.Header(BackupFile.FORMAT, BackupFile.VERSION, Instant.now(clock).toString(),
                    migrations.version(), tx.run(NODE_COUNT).single().get("count").asLong(),
                    types.values().stream().mapToLong(Long::longValue).sum(), counts(tx, LABEL_COUNTS), types);
            var gzip = new GZIPOutputStream(out, 1 << 16);
            var writer = new BufferedWriter(new OutputStreamWriter(gzip, StandardCharsets.UTF_8), 1 << 16);
            writer.write(header.toJson());
            writer.newLine();
            long nodes = 0;
            var result = tx.run(NODES);
            while (result.hasNext()) {
                var node = result.next();
                writer.write(BackupFile.nodeLine(node.get("id").asString(), node.get("labels").asList(v -> v.asString()),
                        node.get("properties")));
                writer.newLine();
                nodes++;
            }
            long relationships = 0;
            result = tx.run(RELATIONSHIPS);
            while (result.hasNext()) {
                var relationship = result.next();
                writer.write(BackupFile.relationshipLine(relationship.get("type").asString(),
                        relationship.get("start").asString(), relationship.get("end").asString(),
                        relationship.get("properties")));
                writer.newLine();
                relationships++;
            }
            if (nodes != header.nodes() || relationships != header.relationships()) {
                // only a database written to during the backup (a server in use) gets here
                throw new IllegalStateException("le graphe a changé pendant la sauvegarde (" + nodes + " nœuds et "
                        + relationships + " relations lus, " + header.nodes() + " et " + header.relationships()
                        + " comptés au début) : sauvegardez un magasin que rien n'écrit");
            }
            writer.flush();
            gzip.finish();
            return header;
        }
    }

    /** {@code label, count} rows as a sorted map. */
    static Map<String, Long> counts(QueryRunner tx, String statement) {
        var counts = new TreeMap<String, Long>();
        tx.run(statement).forEachRemaining(row -> counts.put(row.get("label").asString(), row.get("count").asLong()));
        return counts;
    }
}
