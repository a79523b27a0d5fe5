package fr.maillage.territories;

import fr.maillage.network.NetworkEnums.Scheme;

/**
 * A deliberate back door, read only by {@code ModularityTests}: the territories module reaching into the network
 * module, which it may not use (the network uses the territories: a cycle). Not a bean; nothing calls it.
 */
final class BackDoorIntoNetwork {

    static final Scheme SMUGGLED = Scheme.values()[0];

    private BackDoorIntoNetwork() {
    }
}
