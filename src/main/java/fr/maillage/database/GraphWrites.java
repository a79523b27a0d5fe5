package fr.maillage.database;

import java.util.HashSet;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.event.LabelEntry;
import org.neo4j.graphdb.event.PropertyEntry;
import org.neo4j.graphdb.event.TransactionData;
import org.neo4j.graphdb.event.TransactionEventListener;

/**
 * Counts the writes of the in-process database that can change an answer, for {@link GraphVersion}: every transaction
 * with changes, except one that only records (creates {@value #RECORD} nodes, the audit trail, which no kept answer
 * reads). Without that exception, each request that reads an adviser's name would drop every kept figure, since it
 * leaves an audit record.
 * <p>
 * A write is counted as begun before its changes can be seen (before commit) and as ended once they are (after commit,
 * or after a rollback); the version is the number of ended writes, read only when none is in flight, so two equal
 * reads of it mean that no counted write's changes appeared in between.
 */
final class GraphWrites implements TransactionEventListener<Boolean> {

    /** The label of the audit trail's records (see the security module's PersonalDataAudit). */
    static final String RECORD = "AuditEvent";
    private static final Label RECORD_LABEL = Label.label(RECORD);

    private final AtomicLong begun = new AtomicLong();
    private final AtomicLong ended = new AtomicLong();

    /** The number of counted writes ended, or empty while one is in flight. */
    OptionalLong settled() {
        // ended first: a write begun and ended between the two reads makes them differ
        long endedWrites = ended.get();
        return begun.get() == endedWrites ? OptionalLong.of(endedWrites) : OptionalLong.empty();
    }

    @Override
    public Boolean beforeCommit(TransactionData data, Transaction transaction, GraphDatabaseService database) {
        if (onlyRecords(data)) {
            return Boolean.FALSE;
        }
        begun.incrementAndGet();
        return Boolean.TRUE;
    }

    @Override
    public void afterCommit(TransactionData data, Boolean counted, GraphDatabaseService database) {
        end(counted);
    }

    @Override
    public void afterRollback(TransactionData data, Boolean counted, GraphDatabaseService database) {
        end(counted);
    }

    private void end(Boolean counted) {
        if (Boolean.TRUE.equals(counted)) {
            ended.incrementAndGet();
        }
    }

    /**
     * Whether the transaction only created record nodes with their labels and properties: nothing deleted, no
     * relationship, no other node touched. Stops at the first other change. (Neo4j has already built the snapshot of
     * the changes that {@code data} reads, an entry per property and label written, for any listener: see
     * docs/coverage.md for what that costs.)
     */
    static boolean onlyRecords(TransactionData data) {
        if (data.deletedNodes().iterator().hasNext() || data.createdRelationships().iterator().hasNext()
                || data.deletedRelationships().iterator().hasNext() || data.removedLabels().iterator().hasNext()
                || data.removedNodeProperties().iterator().hasNext()
                || data.assignedRelationshipProperties().iterator().hasNext()
                || data.removedRelationshipProperties().iterator().hasNext()) {
            return false;
        }
        var records = new HashSet<String>();
        for (Node created : data.createdNodes()) {
            if (!created.hasLabel(RECORD_LABEL)) {
                return false;
            }
            records.add(created.getElementId());
        }
        for (LabelEntry assigned : data.assignedLabels()) {
            if (!assigned.label().equals(RECORD_LABEL) || !records.contains(assigned.node().getElementId())) {
                return false;
            }
        }
        for (PropertyEntry<Node> assigned : data.assignedNodeProperties()) {
            if (!records.contains(assigned.entity().getElementId())) {
                return false;
            }
        }
        return true;
    }
}
