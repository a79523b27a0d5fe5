package fr.maillage.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The person or system behind a request, as its token says: roles and territorial scope. Claim names (documented in
 * docs/security.md): {@code roles} (or Keycloak's {@code realm_access.roles}), {@code departments}, {@code regions},
 * {@code sirets}, {@code adviser_id}.
 */
public record Caller(String subject, Set<Role> roles, Set<String> departments, Set<String> regions,
        Set<String> sirets, String adviserId) {

    public static final Caller ANONYMOUS = new Caller(null, Set.of(), Set.of(), Set.of(), Set.of(), null);

    public static final String ROLES = "roles";
    public static final String DEPARTMENTS = "departments";
    public static final String REGIONS = "regions";
    public static final String SIRETS = "sirets";
    public static final String ADVISER_ID = "adviser_id";

    /** The caller of the current request; anonymous without a valid token. */
    public static Caller current() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof JwtAuthenticationToken token) {
            return of(token.getToken());
        }
        return ANONYMOUS;
    }

    public static Caller of(Jwt jwt) {
        var roles = EnumSet.noneOf(Role.class);
        var names = new LinkedHashSet<String>(strings(jwt.getClaim(ROLES)));
        if (jwt.getClaim("realm_access") instanceof Map<?, ?> realm) {
            names.addAll(strings(realm.get("roles")));
        }
        for (var name : names) {
            for (var role : Role.values()) {
                if (role.name().equalsIgnoreCase(name)) {
                    roles.add(role);
                }
            }
        }
        return new Caller(jwt.getSubject(), Set.copyOf(roles), upper(strings(jwt.getClaim(DEPARTMENTS))),
                Set.copyOf(strings(jwt.getClaim(REGIONS))), Set.copyOf(strings(jwt.getClaim(SIRETS))),
                jwt.getClaimAsString(ADVISER_ID));
    }

    public boolean anonymous() {
        return roles.isEmpty();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean national() {
        return has(Role.ANCT);
    }

    private static List<String> strings(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().map(String::valueOf).toList();
        }
        if (claim instanceof String value && !value.isBlank()) {
            return List.of(value.split("[,\\s]+"));
        }
        return List.of();
    }

    private static Set<String> upper(List<String> codes) {
        return Set.copyOf(codes.stream().map(String::toUpperCase).toList());
    }
}
