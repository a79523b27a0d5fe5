package fr.maillage.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.GZIPOutputStream;

import fr.maillage.MaillageApplication;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Value;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test store (all of France's territories) with a small network holding every property type the graph may hold
 * is saved, then restored into a fresh empty store started as {@code --restore} starts it: the counts per label and
 * per relationship type, and a checksum of every property of every node and relationship (typed canonical text), are
 * the same in both. A store that holds data, a damaged file and a failed restore are handled without harm.
 */
class BackupRestoreTests extends IntegrationTest {

    @Autowired
    GraphBackup backup;

    @Autowired
    GraphRestore restore;

    @TempDir
    Path directory;

    @BeforeEach
    void aSmallNetworkWithEveryPropertyType() {
        clearNetwork();
        write("""
                MATCH (c:Commune {code: '2A004'})
                CREATE (e:Employer {id: 'backup-employer', siret: '20007695800012', name: 'Collectivité de Corse',
                  createdAt: datetime('2024-03-15T10:15:30.123456789+01:00[Europe/Paris]')})
                CREATE (a:Adviser {id: 'backup-adviser', externalId: 'backup-1', firstName: 'Anna', active: true})
                CREATE (a)-[:EMPLOYED_BY {startsOn: date('2024-01-01'), weeklyHours: 35, share: 0.5}]->(e)
                CREATE (e)-[:LOCATED_IN]->(c)
                CREATE (p:BackupProbe $properties)
                CREATE (p)-[:PROBES $properties]->(c)
                CREATE (p)-[:PROBES {selfLoop: true}]->(p)""", Map.of("properties", everyType()));
    }

    @AfterEach
    void removeTheNetwork() {
        clearNetwork();
        write("MATCH (p:BackupProbe) DETACH DELETE p", Map.of());
    }

    /** Every property type Neo4j stores, with the values that trip encoders up. */
    private Map<String, Object> everyType() {
        try (var session = driver.session()) {
            // temporal, spatial and special float values built by Cypher itself, as the loaders write them
            var built = session.run("""
                    RETURN {
                      date: date('2024-02-29'), localTime: localtime('10:15:30.000000001'),
                      time: time('10:15:30.5+01:00'), localDateTime: localdatetime('2024-03-15T10:15:30.123'),
                      zoned: datetime('2024-10-27T02:30:00+01:00[Europe/Paris]'),
                      offset: datetime('2024-03-15T10:15:30+05:30'), utc: datetime(),
                      duration: duration('P1Y2M3DT4H5M6.000000007S'), negativeDuration: duration('-PT90M'),
                      point: point({longitude: 8.7386, latitude: 41.9192}), point3d: point({x: 1.5, y: 2, z: -3}),
                      nan: 0.0 / 0.0, infinity: 1.0 / 0.0, negativeZero: -0.0,
                      dates: [date('2024-01-01'), date('2024-12-31')], durations: [duration('P1D')]
                    } AS values""").single().get("values").asMap();
            var properties = new HashMap<String, Object>(built);
            properties.put("text", "Île-Rousse « quotes » \"double\" \\ back\nline\ttab \u0000 😀");
            properties.put("empty", "");
            properties.put("long", Long.MAX_VALUE);
            properties.put("negative", Long.MIN_VALUE);
            properties.put("double", 0.1);
            properties.put("whole", 1.0);
            properties.put("huge", 1.0e300);
            properties.put("tiny", Double.MIN_VALUE);
            properties.put("flag", false);
            properties.put("strings", List.of("a", "b|c", ""));
            properties.put("longs", List.of(1L, -2L, 3L));
            properties.put("doubles", List.of(1.0, 2.5, -0.25));
            properties.put("booleans", List.of(true, false));
            properties.put("bytes", new byte[] {0, 1, -1, 127, -128});
            return properties;
        }
    }

    @Test
    void aRestoredStoreHoldsExactlyWhatWasSavedAndAFailedRestoreLeavesItEmpty() throws IOException {
        var file = directory.resolve("maillage.jsonl.gz");

        var header = backup.write(file);

        assertThat(header.labels()).containsEntry("BackupProbe", 1L).containsEntry("Employer", 1L)
                .containsEntry("Commune", count("MATCH (c:Commune) RETURN count(c)"))
                .doesNotContainKeys("__Neo4jMigration");
        assertThat(header.types()).containsEntry("PROBES", 2L).containsEntry("EMPLOYED_BY", 1L);
        var savedCounts = counts(driver);
        var savedChecksum = checksum(driver);

        try (var fresh = freshStore()) {
            var freshDriver = fresh.getBean(Driver.class);
            var freshRestore = fresh.getBean(GraphRestore.class);

            // a file whose relationship names a node it does not hold: refused while writing, and undone
            var broken = brokenFile(header.schemaVersion());
            assertThatThrownBy(() -> freshRestore.restore(broken, line -> { }))
                    .isInstanceOf(GraphRestore.RestoreFailed.class)
                    .hasMessageContaining("1 relation(s) nomment un nœud absent du fichier")
                    .hasMessageContaining("ce qu'elle avait écrit est effacé");
            assertThat(counts(freshDriver).get("nodes")).isZero();
            // one node id twice, the relationships' total right by chance (a→c found twice, c→absent not at all)
            var duplicate = duplicateFile(header.schemaVersion());
            assertThatThrownBy(() -> freshRestore.restore(duplicate, line -> { }))
                    .isInstanceOf(GraphRestore.RestoreFailed.class)
                    .hasMessageContaining("ce qu'elle avait écrit est effacé");
            assertThat(counts(freshDriver).get("nodes")).isZero();
            // what a restore killed half-way would leave (its mark stays): the next restore clears it first
            try (var session = freshDriver.session()) {
                session.run("CREATE (:Commune {code: 'half-written'})").consume();
            }
            var progress = new ArrayList<String>();

            var restored = freshRestore.restore(file, progress::add);

            assertThat(restored.nodes()).isEqualTo(header.nodes());
            assertThat(progress).contains("Une restauration inachevée a laissé des données : elles sont effacées"
                    + " d'abord");
            assertThat(counts(freshDriver)).isEqualTo(savedCounts);
            assertThat(checksum(freshDriver)).isEqualTo(savedChecksum);
            try (var session = freshDriver.session()) {
                assertThat(session.run("MATCH (n) WHERE n:__MaillageRestore OR n:__MaillageRestored RETURN count(n)")
                        .single().get(0).asLong()).isZero();
                assertThat(session.run("SHOW INDEXES YIELD name WHERE name = 'maillage_restore' RETURN count(*)")
                        .single().get(0).asLong()).isZero();
                // the types themselves, beyond the checksum
                var probe = session.run("MATCH (p:BackupProbe) RETURN p").single().get("p");
                assertThat(probe.get("long").asLong()).isEqualTo(Long.MAX_VALUE);
                assertThat(probe.get("whole").type().name()).isEqualTo("FLOAT");
                assertThat(probe.get("zoned").asZonedDateTime().getZone().getId()).isEqualTo("Europe/Paris");
                assertThat(probe.get("offset").asZonedDateTime().getOffset().getId()).isEqualTo("+05:30");
                assertThat(probe.get("point").asPoint().srid()).isEqualTo(4326);
                assertThat(Double.isNaN(probe.get("nan").asDouble())).isTrue();
            }
        }
    }

    @Test
    void aStoreThatHoldsDataIsRefusedAndLeftAsItWas() throws IOException {
        var file = directory.resolve("maillage.jsonl.gz");
        backup.write(file);
        var before = checksum(driver);

        assertThatThrownBy(() -> restore.restore(file, line -> { }))
                .isInstanceOf(GraphRestore.RestoreRefused.class)
                .hasMessageStartingWith("le magasin contient déjà des données (")
                .hasMessageContaining("Commune " + count("MATCH (c:Commune) RETURN count(c)"))
                .hasMessageContaining("la restauration se fait dans un magasin vide");
        assertThat(checksum(driver)).isEqualTo(before);
    }

    @Test
    void aTruncatedOrForeignFileIsRefusedBeforeAnythingIsWritten() throws IOException {
        var file = directory.resolve("maillage.jsonl.gz");
        backup.write(file);
        var bytes = Files.readAllBytes(file);
        var truncated = Files.write(directory.resolve("truncated.jsonl.gz"), java.util.Arrays.copyOf(bytes,
                bytes.length / 2));
        var foreign = gzip(directory.resolve("foreign.jsonl.gz"), "{\"hello\": \"world\"}\n");
        var before = checksum(driver);

        assertThatThrownBy(() -> restore.restore(truncated, line -> { }))
                .isInstanceOf(GraphRestore.RestoreRefused.class).hasMessageStartingWith("fichier de sauvegarde illisible");
        assertThatThrownBy(() -> restore.restore(foreign, line -> { }))
                .isInstanceOf(GraphRestore.RestoreRefused.class)
                .hasMessage("ce fichier n'est pas une sauvegarde de Maillage (format maillage-backup, version 1)");
        assertThat(checksum(driver)).isEqualTo(before);
    }

    @Test
    void aBackupIsForItsOwnerOnlyAndNeverWrittenThroughALink() throws IOException {
        var file = directory.resolve("private.jsonl.gz");
        backup.write(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        }
        // a link left where the backup writes before renaming: refused, and what it points to untouched
        var victim = Files.writeString(directory.resolve("victim.txt"), "untouched");
        var target = directory.resolve("linked.jsonl.gz");
        Files.createSymbolicLink(directory.resolve("linked.jsonl.gz.partial"), victim);
        assertThatThrownBy(() -> backup.write(target)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(victim)).isEqualTo("untouched");
        assertThat(target).doesNotExist();
    }

    @Test
    void aFileMayNotBringTheStoresOwnBookkeeping() throws IOException {
        var schema = backup.write(directory.resolve("schema.jsonl.gz")).schemaVersion();
        var bookkeeping = gzip(directory.resolve("bookkeeping.jsonl.gz"), """
                {"format":"maillage-backup","version":1,"createdAt":"2026-12-01T00:00:00Z","schemaVersion":"%s",\
                "nodes":1,"relationships":0,"labels":{"__Neo4jMigration":1},"types":{}}
                {"node":"n1","labels":["__Neo4jMigration"],"properties":{"version":"9999"}}
                """.formatted(schema));
        var before = checksum(driver);

        assertThatThrownBy(() -> restore.restore(bookkeeping, line -> { }))
                .isInstanceOf(GraphRestore.RestoreRefused.class)
                .hasMessage("ligne 2 : étiquette refusée « __Neo4jMigration » (vide, ou réservée au magasin : « __ »)");
        assertThat(checksum(driver)).isEqualTo(before);
    }

    private Path duplicateFile(String schemaVersion) throws IOException {
        return gzip(directory.resolve("duplicate.jsonl.gz"), """
                {"format":"maillage-backup","version":1,"createdAt":"2026-12-01T00:00:00Z","schemaVersion":"%s",\
                "nodes":3,"relationships":2,"labels":{"BackupProbe":3},"types":{"PROBES":2}}
                {"node":"a","labels":["BackupProbe"],"properties":{"name":"first a"}}
                {"node":"a","labels":["BackupProbe"],"properties":{"name":"second a"}}
                {"node":"c","labels":["BackupProbe"],"properties":{"name":"c"}}
                {"type":"PROBES","start":"a","end":"c","properties":{}}
                {"type":"PROBES","start":"c","end":"absent","properties":{}}
                """.formatted(schemaVersion));
    }

    /** A fresh store as {@code --restore} starts it: migrations applied, no territories, no web server. */
    private ConfigurableApplicationContext freshStore() {
        return new SpringApplicationBuilder(MaillageApplication.class).web(WebApplicationType.NONE)
                .lazyInitialization(true)
                .run("--maillage.database.uri=", "--maillage.database.embedded.directory=" + directory.resolve("fresh"),
                        "--maillage.database.embedded.page-cache=64m", "--maillage.database.startup-timeout=120s");
    }

    private Path brokenFile(String schemaVersion) throws IOException {
        return gzip(directory.resolve("broken.jsonl.gz"), """
                {"format":"maillage-backup","version":1,"createdAt":"2026-12-01T00:00:00Z","schemaVersion":"%s",\
                "nodes":1,"relationships":1,"labels":{"Region":1},"types":{"IN_REGION":1}}
                {"node":"n1","labels":["Region"],"properties":{"code":"94","name":"Corse"}}
                {"type":"IN_REGION","start":"n1","end":"n2","properties":{}}
                """.formatted(schemaVersion));
    }

    private static Path gzip(Path file, String text) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Nodes and relationships per label and type, bookkeeping (labels starting with __) left out. */
    private static Map<String, Long> counts(Driver store) {
        var counts = new TreeMap<String, Long>();
        try (var session = store.session()) {
            counts.put("nodes", session.run("""
                    MATCH (n) WHERE none(l IN labels(n) WHERE l STARTS WITH '__') RETURN count(n)""")
                    .single().get(0).asLong());
            session.run("""
                    MATCH (n) WHERE none(l IN labels(n) WHERE l STARTS WITH '__')
                    UNWIND labels(n) AS label RETURN label, count(*) AS count""")
                    .forEachRemaining(r -> counts.put("label " + r.get(0).asString(), r.get(1).asLong()));
            session.run("""
                    MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l STARTS WITH '__')
                    RETURN type(r) AS type, count(*) AS count""")
                    .forEachRemaining(r -> counts.put("type " + r.get(0).asString(), r.get(1).asLong()));
        }
        return counts;
    }

    /**
     * SHA-256 of the sorted canonical text of every node (labels, properties with their driver types) and every
     * relationship (its type and properties between the canonical texts of its ends): element ids differ between
     * stores, contents may not.
     */
    private static String checksum(Driver store) {
        var nodes = new HashMap<String, String>();
        var lines = new ArrayList<String>();
        try (var session = store.session()) {
            session.run("""
                    MATCH (n) WHERE none(l IN labels(n) WHERE l STARTS WITH '__')
                    RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties""")
                    .forEachRemaining(r -> {
                        var text = r.get("labels").asList(Value::asString).stream().sorted()
                                .collect(Collectors.joining(":")) + canonical(r.get("properties"));
                        nodes.put(r.get("id").asString(), sha256(text));
                        lines.add("node " + text);
                    });
            session.run("""
                    MATCH (a)-[r]->(b) WHERE none(l IN labels(a) + labels(b) WHERE l STARTS WITH '__')
                    RETURN elementId(a) AS start, type(r) AS type, properties(r) AS properties, elementId(b) AS end""")
                    .forEachRemaining(r -> lines.add("(" + nodes.get(r.get("start").asString()) + ")-["
                            + r.get("type").asString() + canonical(r.get("properties")) + "]->("
                            + nodes.get(r.get("end").asString()) + ")"));
        }
        lines.sort(null);
        return sha256(String.join("\n", lines));
    }

    private static String canonical(Value value) {
        return switch (value.type().name()) {
            case "MAP" -> {
                var keys = new ArrayList<String>();
                value.keys().forEach(keys::add);
                yield keys.stream().sorted().map(key -> key + "=" + canonical(value.get(key)))
                        .collect(Collectors.joining(", ", "{", "}"));
            }
            case "LIST" -> value.asList(BackupRestoreTests::canonical).stream()
                    .collect(Collectors.joining(", ", "LIST[", "]"));
            case "BYTES" -> "BYTES:" + HexFormat.of().formatHex(value.asByteArray());
            default -> value.type().name() + ":" + value.asObject();
        };
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
