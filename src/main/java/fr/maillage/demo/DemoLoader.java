package fr.maillage.demo;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import fr.maillage.activities.ActivityRecord;
import fr.maillage.activities.ActivityStatements;
import fr.maillage.database.BulkWork;
import fr.maillage.database.CypherResource;
import fr.maillage.territories.TerritoryLoader;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a demo dataset with UNWIND batches, one transaction per batch (the 10x demo is too big for one), MERGE on
 * ids. A DataVersion {name: 'demo'} stamp written last names the settings: a start with the same settings skips the
 * load (and the generation); other settings first remove the previous demo nodes (marked {@code demo = true}, the
 * demo's activities included), as does a load interrupted before its stamp.
 */
class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    static final int BATCH = 2_000;
    private static final String DIR = "neo4j/loaders/demo/";

    private final LoadReport report;

    /** Takes the territory loader so that the demo loads after the referential it points at. */
    DemoLoader(Driver driver, TerritoryLoader territories, DemoProperties properties) {
        this.report = load(driver, properties.version(), properties::generate);
    }

    /** What the start did; millis split between generating and writing. */
    record LoadReport(String version, boolean loaded, long generationMillis, long writeMillis, String summary) {
    }

    LoadReport report() {
        return report;
    }

    static LoadReport load(Driver driver, String version, Supplier<DemoDataset> dataset) {
        try (var session = driver.session()) {
            var current = session.executeRead(tx -> tx.run(
                    "OPTIONAL MATCH (v:DataVersion {name: 'demo'}) RETURN v.version AS version").single()
                    .get("version").asString(null));
            if (version.equals(current)) {
                log.info("Demo network {} already loaded", version);
                return new LoadReport(version, false, 0, 0, "unchanged");
            }
        }
        long started = System.nanoTime();
        var data = dataset.get();
        long generated = System.nanoTime();
        write(driver, version, data);
        var report = new LoadReport(version, true, (generated - started) / 1_000_000,
                (System.nanoTime() - generated) / 1_000_000, data.summary());
        log.info("Demo network {} generated in {} ms, written in {} ms: {}", version, report.generationMillis(),
                report.writeMillis(), report.summary());
        return report;
    }

    private static void write(Driver driver, String version, DemoDataset data) {
        try (var session = driver.session()) {
            var clear = CypherResource.read(DIR + "1-clear.cypher");
            long deleted;
            do {
                deleted = session.executeWrite(tx -> tx.run(clear).single().get("deleted").asLong(),
                        BulkWork.CONFIG);
            } while (deleted > 0);
            inBatches(session, "2-employers.cypher", data.employers());
            inBatches(session, "3-places.cypher", data.places());
            inBatches(session, "4-advisers.cypher", data.advisers());
            inBatches(session, "5-contracts.cypher", data.contracts());
            inBatches(session, "6-coordinators.cypher", data.coordinators());
            inBatches(session, "7-coordinations.cypher", data.coordinations());
            inBatches(session, "8-works-at.cypher", data.worksAt());
            inBatches(session, "9-hubs.cypher", data.hubs());
            inBatches(session, "10-partners.cypher", data.partners());
            inBatches(session, "11-partner-links.cypher", data.partnerLinks());
            inBatches(session, "12-governances.cypher", data.governances());
            activities(session, data.activities());
            // applications to the 2023 call, derived from what was just written
            session.executeWriteWithoutResult(tx -> tx.run(CypherResource.read(DIR + "14-applications.cypher")).consume(),
                    BulkWork.CONFIG);
            var counts = Map.<String, Object>of("employers", data.employers().size(), "advisers", data.advisers().size(),
                    "coordinators", data.coordinators().size(), "places", data.places().size(),
                    "partners", data.partners().size(), "activities", data.activities().size());
            session.executeWriteWithoutResult(tx -> tx.run(CypherResource.read(DIR + "13-stamp.cypher"),
                    Map.of("version", version, "counts", counts)).consume());
        }
    }

    /**
     * The activities through the activities module's one write, each batch marked demo in its transaction. Every
     * commune comes from the referential the demo was generated from: a row left unwritten is a bug of the generator.
     */
    private static void activities(Session session, List<ActivityRecord> activities) {
        var mark = CypherResource.read(DIR + "15-activities.cypher");
        long started = System.nanoTime();
        for (int from = 0; from < activities.size(); from += BATCH) {
            var batch = activities.subList(from, Math.min(activities.size(), from + BATCH));
            var rows = batch.stream().map(ActivityRecord::row).toList();
            var keys = batch.stream().map(ActivityRecord::key).toList();
            long written = session.executeWrite(tx -> {
                long upserted = tx.run(ActivityStatements.UPSERT, Map.of("rows", rows)).single().get("written").asLong();
                tx.run(mark, Map.of("keys", keys)).consume();
                return upserted;
            }, BulkWork.CONFIG);
            if (written != batch.size()) {
                throw new IllegalStateException("Demo activities: " + written + " of " + batch.size()
                        + " written, a commune is missing from the referential");
            }
        }
        log.debug("Demo activities: {} rows in {} ms", activities.size(), (System.nanoTime() - started) / 1_000_000);
    }

    private static void inBatches(Session session, String statement, List<Map<String, Object>> rows) {
        var cypher = CypherResource.read(DIR + statement);
        long started = System.nanoTime();
        for (int from = 0; from < rows.size(); from += BATCH) {
            var batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            session.executeWriteWithoutResult(tx -> tx.run(cypher, Map.of("rows", batch)).consume(), BulkWork.CONFIG);
        }
        log.debug("Demo {}: {} rows in {} ms", statement, rows.size(), (System.nanoTime() - started) / 1_000_000);
    }
}
