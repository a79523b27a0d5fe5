package fr.maillage.security;

/** Who a caller is in the network; the territorial scope comes with it in the token. */
public enum Role {
    /** National pilot: everything, everywhere. */
    ANCT,
    /** Préfecture de département: its département codes. */
    PREFECTURE,
    /** Regional, consultative: reads its region. */
    SGAR,
    /** Hub territorial: its region codes. */
    HUB,
    /** A coordinator: itself and the advisers it coordinates. */
    COORDINATOR,
    /** An employer structure: its SIRET, its own advisers. */
    EMPLOYER
}
