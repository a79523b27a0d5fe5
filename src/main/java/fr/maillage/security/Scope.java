package fr.maillage.security;

import java.util.Collection;
import java.util.Set;

/**
 * Where a piece of the network lies, for access decisions: the départements and regions it is in, the SIRET of the
 * structures responsible for it, and the advisers it concerns (the adviser itself and its coordinators).
 */
public record Scope(Set<String> departments, Set<String> regions, Set<String> sirets, Set<String> adviserIds) {

    public static final Scope NOWHERE = new Scope(Set.of(), Set.of(), Set.of(), Set.of());

    public static Scope of(Collection<String> departments, Collection<String> regions, Collection<String> sirets,
            Collection<String> adviserIds) {
        return new Scope(Set.copyOf(departments), Set.copyOf(regions), Set.copyOf(sirets), Set.copyOf(adviserIds));
    }

    public Scope plus(Scope other) {
        return new Scope(union(departments, other.departments), union(regions, other.regions),
                union(sirets, other.sirets), union(adviserIds, other.adviserIds));
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        var all = new java.util.HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }
}
