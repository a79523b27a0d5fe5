package fr.maillage.territories;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import fr.maillage.database.BulkWork;
import fr.maillage.database.CypherResource;
import fr.maillage.database.DatabaseMigrations;
import org.neo4j.driver.Driver;
import org.neo4j.driver.TransactionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * Loads the INSEE referential at start when the database does not hold this exact file yet. The whole load is one
 * transaction, stamp included: a database holds either the previous referential or the new one, never half of it.
 */
@Component
public class TerritoryLoader {

    private static final Logger log = LoggerFactory.getLogger(TerritoryLoader.class);
    private static final int BATCH = 5_000;
    private static final String DIR = "neo4j/loaders/territories/";
    /** The version of the referential the database holds, null for none. */
    private static final String LOADED_VERSION = """
            OPTIONAL MATCH (v:DataVersion {name: 'territories'}) RETURN v.version AS version""";

    private final LoadReport report;

    TerritoryLoader(Driver driver, DatabaseMigrations migrations,
            @Value("${maillage.territories.resource}") Resource resource) {
        this.report = load(driver, resource);
    }

    /** What the start did: loaded the file, or found it already there. */
    public record LoadReport(String version, boolean loaded, long millis, int obsolete) {
    }

    public LoadReport report() {
        return report;
    }

    static LoadReport load(Driver driver, Resource resource) {
        long started = System.nanoTime();
        byte[] bytes;
        try {
            bytes = TerritoryFile.bytes(resource.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the territory referential " + resource, e);
        }
        try (var session = driver.session()) {
            var current = session.executeRead(tx -> tx.run(LOADED_VERSION).single().get("version").asString(null));
            // the digest of the bytes, not the parsed file: a restart on a loaded store parses nothing (35,000
            // communes and their derived rows took over a second of every start)
            if (TerritoryFile.version(bytes).equals(current)) {
                log.info("Territories {} already loaded", current);
                return new LoadReport(current, false, elapsedMillis(started), 0);
            }
            var file = TerritoryFile.read(bytes);
            int obsolete = session.executeWrite(tx -> write(tx, file), BulkWork.CONFIG);
            var report = new LoadReport(file.version(), true, elapsedMillis(started), obsolete);
            log.info("Territories {} loaded in {} ms: {} regions, {} départements, {} EPCI, {} communes, population {},"
                    + " {} former communes ({} obsolete territories)", file.version(), report.millis(),
                    file.regions().size(), file.departments().size(), file.epcis().size(), file.communes().size(),
                    file.population(), file.formerCommunes().size(), obsolete);
            return report;
        }
    }

    private static int write(TransactionContext tx, TerritoryFile file) {
        var version = Map.<String, Object>of("version", file.version());
        tx.run(CypherResource.read(DIR + "1-clear-hierarchy.cypher")).consume();
        inBatches(tx, "2-regions.cypher", file.regions(), file.version());
        inBatches(tx, "3-departments.cypher", file.departments(), file.version());
        inBatches(tx, "4-epcis.cypher", file.epcis(), file.version());
        inBatches(tx, "5-communes.cypher", file.communes(), file.version());
        inBatches(tx, "5b-former-communes.cypher", file.formerCommunes(), file.version());
        tx.run(CypherResource.read(DIR + "5c-former-communes-gone.cypher"), version).consume();
        tx.run(CypherResource.read(DIR + "5d-relocate-actors.cypher")).consume();
        tx.run(CypherResource.read(DIR + "6-authorities.cypher"), version).consume();
        int obsolete = tx.run(CypherResource.read(DIR + "7-obsolete.cypher"), version).single().get("obsolete").asInt();
        var counts = Map.<String, Object>of("regions", file.regions().size(), "departments", file.departments().size(),
                "epcis", file.epcis().size(), "communes", file.communes().size(), "population", file.population());
        tx.run(CypherResource.read(DIR + "8-stamp.cypher"),
                Map.of("version", file.version(), "source", file.source(), "counts", counts)).consume();
        return obsolete;
    }

    private static void inBatches(TransactionContext tx, String statement, List<Map<String, Object>> rows, String version) {
        var cypher = CypherResource.read(DIR + statement);
        for (int from = 0; from < rows.size(); from += BATCH) {
            var batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            tx.run(cypher, Map.of("rows", batch, "version", version)).consume();
        }
    }

    private static long elapsedMillis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
