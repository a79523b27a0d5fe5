package fr.maillage.imports;

import fr.maillage.support.GoldenCypher;
import org.junit.jupiter.api.Test;

/** The import statements assembled in code, as they run: one golden file per variant under docs/cypher/imports. */
class ImportCypherTests {

    @Test
    void placedActorStatements() {
        GoldenCypher.assertStatement("imports/placed-employers", new EmployerImporter().statement());
        GoldenCypher.assertStatement("imports/placed-places", new PlaceImporter().statement());
        GoldenCypher.assertStatement("imports/placed-partners", new PartnerImporter().statement());
    }

    @Test
    void latestContractsOfTheAdvisersOfAFile() {
        GoldenCypher.assertStatement("imports/adviser-latest-contracts", AdviserImporter.LATEST_CONTRACTS);
    }
}
