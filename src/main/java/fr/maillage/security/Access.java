package fr.maillage.security;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * The rules of who sees and changes what (DOMAIN.md, "Who sees what"). Aggregates are public; personal data of an
 * adviser is visible to ANCT, to the prefecture and SGAR of its territory, to the hub of its region, to its
 * coordinator and to its employer. Writes follow the same territorial scope, restricted per action.
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

    /** Whether one of {@code allowed}, held by the caller, covers {@code scope}. */
    public static boolean mayWrite(Caller caller, Set<Role> allowed, Scope scope) {
        if (caller.national() && allowed.contains(Role.ANCT)) {
            return true;
        }
        for (var role : caller.roles()) {
            if (!allowed.contains(role)) {
                continue;
            }
            boolean inScope = switch (role) {
                case ANCT -> true;
                case PREFECTURE -> meet(caller.departments(), scope.departments());
                case HUB, SGAR -> meet(caller.regions(), scope.regions());
                case COORDINATOR -> caller.adviserId() != null && scope.adviserIds().contains(caller.adviserId());
                case EMPLOYER -> meet(caller.sirets(), scope.sirets());
            };
            if (inScope) {
                return true;
            }
        }
        return false;
    }

    /** Throws FORBIDDEN unless allowed; the same answer whether or not the target exists. */
    public static void requireWrite(Caller caller, Set<Role> allowed, Scope scope) {
        if (!mayWrite(caller, allowed, scope == null ? Scope.NOWHERE : scope)) {
            throw new ForbiddenException();
        }
    }

    public static void requireRole(Caller caller, Role role) {
        if (!caller.has(role)) {
            throw new ForbiddenException();
        }
    }

    private static boolean meet(Set<String> a, Set<String> b) {
        return !Collections.disjoint(a, b);
    }
}
