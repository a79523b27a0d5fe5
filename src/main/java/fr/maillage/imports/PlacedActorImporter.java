package fr.maillage.imports;

import java.util.List;

import fr.maillage.database.CypherResource;
import org.neo4j.driver.QueryRunner;

/** Employers, places and partners: actors located in a commune, written by one statement shape. */
abstract class PlacedActorImporter extends RowImporter {

    /** placed-actors.cypher with this kind's label and key property put in (docs/cypher/imports/placed-*.cypher). */
    private final String statement;
    private CommunePlacer communes;

    PlacedActorImporter(String label, String keyProperty) {
        this.statement = CypherResource.read(DIR + "placed-actors.cypher").replace("`Label`", label)
                .replace("keyProperty", keyProperty);
    }

    /** The write statement as it runs, for its golden file. */
    String statement() {
        return statement;
    }

    @Override
    void prepare(QueryRunner tx, SourceTable table) {
        communes = new CommunePlacer(Communes.load(tx, table.rows()));
    }

    /** The row's commune, found as {@link CommunePlacer} says (the check records how), or null with the error. */
    Communes.Commune commune(RowCheck check) {
        return communes.resolve(check);
    }

    /** The row's postal code as read, its leading zero restored; checked by {@link #commune}. */
    String postalCode(RowCheck check) {
        return communes.postalCode(check.row());
    }

    @Override
    List<Written> write(QueryRunner tx, List<PlannedRow> rows) {
        return inBatches(tx, statement, rows, true);
    }
}
