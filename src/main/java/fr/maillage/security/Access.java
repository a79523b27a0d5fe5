package fr.maillage.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rules of who sees and changes what (docs/security.md, docs/security-writes.md). Aggregates are public;
 * personal data of an adviser is visible to ANCT, to the prefecture and SGAR of its territory, to the hub of its
 * region, to its coordinator and to its employer. Writes follow the same territorial scope, restricted per action:
 * a write is in scope only if one role of the caller, among those allowed for it, satisfies every part of it
 * ({@link Write}). Each kind of part is defined once, here, role by role.
 */
public final class Access {

    /** Roles that may change the network, each within its scope. SGAR is consultative: it reads only. */
    public static final Set<Role> NETWORK_WRITERS = EnumSet.of(Role.ANCT, Role.PREFECTURE, Role.HUB, Role.COORDINATOR,
            Role.EMPLOYER);

    private Access() {
    }

    public static boolean seesPersonalData(Caller caller, Scope scope) {
        return caller.national()
                || caller.has(Role.PREFECTURE) && meet(caller.departments(), scope.departments())
                || caller.has(Role.SGAR) && meet(caller.regions(), scope.regions())
                || caller.has(Role.HUB) && meet(caller.regions(), scope.regions())
                || caller.has(Role.COORDINATOR) && caller.adviserId() != null
                        && scope.adviserIds().contains(caller.adviserId())
                || caller.has(Role.EMPLOYER) && meet(caller.sirets(), scope.sirets());
    }

    /** A write that only touches one existing entity: whether one of {@code allowed}, held by the caller, may. */
    public static boolean mayWrite(Caller caller, Set<Role> allowed, Scope scope) {
        return write(allowed).touching(scope).allowedFor(caller);
    }

    /** Throws FORBIDDEN unless allowed; the same answer whether or not the target exists. */
    public static void requireWrite(Caller caller, Set<Role> allowed, Scope scope) {
        write(allowed).touching(scope).requireFor(caller);
    }

    /** A write that one of {@code allowed} may do, once its parts are listed. */
    public static Write write(Set<Role> allowed) {
        return new Write(allowed);
    }

    public static void requireRole(Caller caller, Role role) {
        if (!caller.has(role)) {
            throw new ForbiddenException();
        }
    }

    // The parts of a write, role by role. ANCT (national) satisfies every part: it is not asked.

    /**
     * (a) TOUCH an existing entity lying in {@code entity}: the caller's territories meet the entity's (an adviser
     * serving 2A and 2B is touched by both prefectures); a coordinator touches itself and the advisers it
     * coordinates; an employer what carries one of its SIRETs.
     */
    static boolean touches(Caller caller, Role role, Scope entity) {
        return switch (role) {
            case ANCT -> true;
            case PREFECTURE -> meet(caller.departments(), entity.departments());
            case HUB, SGAR -> meet(caller.regions(), entity.regions());
            case COORDINATOR -> caller.adviserId() != null && entity.adviserIds().contains(caller.adviserId());
            case EMPLOYER -> meet(caller.sirets(), entity.sirets());
        };
    }

    /**
     * (b) PLACE something at {@code territory} (a commune, or a territory of a perimeter): the territory lies wholly
     * inside the caller's scope, all its départements among a prefecture's, all its regions among a hub's. An
     * unknown territory (no département, no region) is inside nobody's scope. Coordinators and employers place
     * nothing by territory: their own cases are {@link #moves} and {@link #establishes}.
     */
    static boolean places(Caller caller, Role role, Scope territory) {
        return switch (role) {
            case ANCT -> true;
            case PREFECTURE -> !territory.departments().isEmpty()
                    && caller.departments().containsAll(territory.departments());
            case HUB, SGAR -> !territory.regions().isEmpty() && caller.regions().containsAll(territory.regions());
            case COORDINATOR, EMPLOYER -> false;
        };
    }

    /**
     * MOVE an existing entity from where it lies to {@code to}: touched where it is, placed where it goes. An
     * employer moving its own establishment stays in the département where it is: a move to another département is
     * a new establishment, with a new SIRET, to register.
     */
    static boolean moves(Caller caller, Role role, Scope from, Scope to) {
        if (!touches(caller, role, from)) {
            return false;
        }
        if (role == Role.EMPLOYER) {
            return !to.departments().isEmpty() && from.departments().containsAll(to.departments());
        }
        return places(caller, role, to);
    }

    /**
     * ESTABLISH a new structure with SIRET {@code siret} at {@code commune}: an employer registers its own SIRETs,
     * wherever the establishment is; the other roles place it.
     */
    static boolean establishes(Caller caller, Role role, String siret, Scope commune) {
        if (role == Role.EMPLOYER) {
            return siret != null && caller.sirets().contains(siret);
        }
        return places(caller, role, commune);
    }

    /**
     * Put an adviser (or its employer) in touch with something located in {@code territory} (a place it works at, a
     * partner it works with), {@code withinReach} saying whether that lies within reach of the adviser's employer
     * (the neighbouring-communes rule, binding on all but ANCT). An employer or a coordinator needs nothing more; a
     * prefecture or a hub also places it inside its own scope.
     */
    static boolean nearby(Caller caller, Role role, Scope territory, boolean withinReach) {
        if (role == Role.ANCT) {
            return true;
        }
        if (!withinReach) {
            return false;
        }
        return role == Role.EMPLOYER || role == Role.COORDINATOR || places(caller, role, territory);
    }

    /**
     * Attach an adviser lying in {@code adviser} to a coordinator: a coordinator attaches advisers serving its
     * perimeter ({@code servesPerimeter}); the other roles touch the adviser.
     */
    static boolean attaches(Caller caller, Role role, Scope adviser, boolean servesPerimeter) {
        return role == Role.COORDINATOR ? servesPerimeter : touches(caller, role, adviser);
    }

    /** A rule of the domain that binds every role but ANCT (national, it may decide anything). */
    static boolean holdsUnlessNational(Role role, boolean rule) {
        return role == Role.ANCT || rule;
    }

    private static boolean meet(Set<String> a, Set<String> b) {
        return !Collections.disjoint(a, b);
    }
}
