package fr.maillage.database;

import java.util.OptionalLong;

/**
 * The version of the graph: the last transaction of the in-process database, read only when every committed
 * transaction is also closed (applied, visible to every new read). Any write moves it, through the service or not;
 * reads do not. An answer computed between two reads of the same version {@code v}, with no commit in between, is
 * exactly the from-scratch answer of the graph at {@code v} ({@link KeptBetweenWrites} keeps nothing else), and is
 * served only to a request that reads {@code v}, that is before any later write is committed.
 * <p>
 * Empty while a committed transaction is not yet closed (Neo4j closes transactions out of order: a later one can be
 * visible while an earlier one is not), when the database is not available, and with a database server: a server's
 * {@code lastCommittedTxn} cannot be read in step with a read, and a member of a cluster can lag another. Nothing is
 * then kept or served.
 */
public interface GraphVersion {

    OptionalLong current();
}
