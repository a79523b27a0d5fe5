package fr.maillage.imports;

import java.util.List;

import fr.maillage.database.CypherResource;
import org.neo4j.driver.QueryRunner;

/** Employers, places and partners: actors located in a commune, written by one statement shape. */
abstract class PlacedActorImporter extends RowImporter {

    private final String label;
    private final String keyProperty;
    private Communes communes;

    PlacedActorImporter(String label, String keyProperty) {
        this.label = label;
        this.keyProperty = keyProperty;
    }

    @Override
    void prepare(QueryRunner tx, SourceTable table) {
        communes = Communes.load(tx, table.rows());
    }

    /** The row's commune, found as {@link Communes} says (the check records how), or null with the error. */
    Communes.Commune commune(RowCheck check) {
        return communes.resolve(check);
    }

    /** The row's postal code as read, its leading zero restored; checked by {@link #commune}. */
    String postalCode(RowCheck check) {
        return communes.postalCode(check.row());
    }

    @Override
    List<Written> write(QueryRunner tx, List<PlannedRow> rows) {
        var cypher = CypherResource.read(DIR + "placed-actors.cypher").replace("`Label`", label)
                .replace("keyProperty", keyProperty);
        return inBatches(tx, cypher, rows, true);
    }
}
