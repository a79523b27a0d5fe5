package fr.maillage.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One write as the access rules see it: the roles that may do it, and its parts, each an entity it touches or a
 * territory where it puts something, before and after the write. In scope when one role of the caller, among the
 * allowed ones, satisfies every part; each kind of part is defined in {@link Access}. An absent entity or territory
 * (null) lies nowhere: refused to all but ANCT, the same answer whether or not it exists.
 */
public final class Write {

    private interface Part {
        boolean heldBy(Caller caller, Role role);
    }

    private final Set<Role> allowed;
    private final List<Part> parts = new ArrayList<>();

    Write(Set<Role> allowed) {
        this.allowed = Set.copyOf(allowed);
    }

    /** Touches an existing entity lying in {@code entity}. */
    public Write touching(Scope entity) {
        var scope = orNowhere(entity);
        parts.add((caller, role) -> Access.touches(caller, role, scope));
        return this;
    }

    /** Puts something at {@code territory}: a new actor's commune, a territory of a perimeter. */
    public Write placing(Scope territory) {
        var scope = orNowhere(territory);
        parts.add((caller, role) -> Access.places(caller, role, scope));
        return this;
    }

    /** Moves an existing entity from {@code from} (where it lies now) to {@code to}. */
    public Write moving(Scope from, Scope to) {
        var before = orNowhere(from);
        var after = orNowhere(to);
        parts.add((caller, role) -> Access.moves(caller, role, before, after));
        return this;
    }

    /** Registers a new structure of SIRET {@code siret} at {@code commune}. */
    public Write establishing(String siret, Scope commune) {
        var scope = orNowhere(commune);
        parts.add((caller, role) -> Access.establishes(caller, role, siret, scope));
        return this;
    }

    /** Puts an adviser or its employer in touch with something at {@code territory}, within reach of the employer or not. */
    public Write nearby(Scope territory, boolean withinReach) {
        var scope = orNowhere(territory);
        parts.add((caller, role) -> Access.nearby(caller, role, scope, withinReach));
        return this;
    }

    /** Attaches an adviser lying in {@code adviser} to a coordinator whose perimeter it serves, or not. */
    public Write attaching(Scope adviser, boolean servesPerimeter) {
        var scope = orNowhere(adviser);
        parts.add((caller, role) -> Access.attaches(caller, role, scope, servesPerimeter));
        return this;
    }

    /** A rule of the domain binding every role but ANCT (e.g. an application's zone within reach of the applicant). */
    public Write unlessNational(boolean rule) {
        parts.add((caller, role) -> Access.holdsUnlessNational(role, rule));
        return this;
    }

    public boolean allowedFor(Caller caller) {
        if (caller.national() && allowed.contains(Role.ANCT)) {
            return true;
        }
        for (var role : caller.roles()) {
            if (allowed.contains(role) && parts.stream().allMatch(part -> part.heldBy(caller, role))) {
                return true;
            }
        }
        return false;
    }

    /** Throws FORBIDDEN unless allowed for the caller. */
    public void requireFor(Caller caller) {
        if (!allowedFor(caller)) {
            throw new ForbiddenException();
        }
    }

    /** Throws FORBIDDEN unless allowed for the caller of the current request. */
    public void require() {
        requireFor(Caller.current());
    }

    private static Scope orNowhere(Scope scope) {
        return scope == null ? Scope.NOWHERE : scope;
    }
}
