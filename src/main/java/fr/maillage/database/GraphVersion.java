package fr.maillage.database;

import java.util.OptionalLong;

/**
 * The version of the graph a read made now is sure to see: the last transaction of the in-process database whose
 * changes are visible to every new read (Neo4j's last closed transaction, the highest id below which none is still
 * being applied). Any write, through the service or not, moves it; nothing else does. Figures computed after reading
 * version {@code v} hold every change up to {@code v}, so figures kept under {@code v} are the from-scratch figures of
 * any read that also reads {@code v}.
 * <p>
 * Empty with a database server: its {@code lastCommittedTxn} can name a transaction a read does not see yet, and a
 * member of a cluster can be behind another; figures are then computed at every request.
 */
public interface GraphVersion {

    OptionalLong current();
}
