package fr.maillage.database;

import java.util.OptionalLong;

/**
 * The version of the graph: the number of writes of the in-process database that can change an answer, read only when
 * none is in flight and every committed transaction is closed (applied, visible to every new read). Any write moves
 * it, through the service or not, except a transaction that only creates records of the audit trail ({@code
 * AuditEvent} nodes, which no kept answer reads); reads do not. An answer computed between two reads of the same
 * version {@code v}, with no write in between, is exactly the from-scratch answer of the graph at {@code v} ({@link
 * KeptBetweenWrites} keeps nothing else), and is served only to a request that reads {@code v}, that is before any
 * later write is committed.
 * <p>
 * Empty while a write is in flight or a committed transaction is not yet closed (Neo4j closes transactions out of
 * order: a later one can be visible while an earlier one is not), when the database is not available, and with a
 * database server: its writes cannot be counted in step with a read, and a member of a cluster can lag another.
 * Nothing is then kept or served.
 */
public interface GraphVersion {

    OptionalLong current();
}
