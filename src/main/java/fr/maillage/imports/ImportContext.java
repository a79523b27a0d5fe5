package fr.maillage.imports;

import java.time.LocalDate;
import java.util.Set;

import fr.maillage.network.NetworkRepository;
import fr.maillage.security.Caller;
import fr.maillage.security.Role;

/**
 * Who imports, on which day, and where the network says its actors lie: what an importer needs beyond the file when
 * its rows are checked against the caller's scope (activities).
 */
record ImportContext(Caller caller, LocalDate today, NetworkRepository network) {

    /**
     * Whoever runs the command line holds the database's credentials: an operator, national like ANCT, as the audit
     * names it.
     */
    static final Caller OPERATOR = new Caller("ligne-de-commande", Set.of(Role.ANCT), Set.of(), Set.of(), Set.of(),
            null);
}
