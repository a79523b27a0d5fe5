package fr.maillage.network;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import fr.maillage.network.NetworkEnums.ContractType;
import fr.maillage.network.NetworkEnums.PerimeterKind;
import fr.maillage.network.NetworkInputs.GovernanceInput;
import fr.maillage.network.NetworkInputs.GovernanceMemberInput;
import fr.maillage.network.NetworkInputs.PerimeterInput;
import fr.maillage.security.Access;
import fr.maillage.security.Role;
import fr.maillage.security.Scope;
import fr.maillage.security.Write;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.validation.Validation;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The checks the network's writers share: who may (roles and the scopes of what a change touches), and what the
 * input must find in the graph (actors, communes, territories, places, perimeters). They only read, but for the lock
 * a writer takes first on the adviser or the place it changes ({@link #lockAdviser}).
 */
@Component
class NetworkChecks {

    static final int NAME = 200;
    static final int TEXT = 500;

    /** Who registers and updates employers. */
    static final Set<Role> EMPLOYER_KEEPERS = Set.of(Role.ANCT, Role.PREFECTURE, Role.HUB, Role.EMPLOYER);
    /** Who hires advisers, changes them, ends their contracts and sets their places. */
    static final Set<Role> ADVISER_KEEPERS = Set.of(Role.ANCT, Role.HUB, Role.EMPLOYER);
    /** Who gives and takes the coordinator role and perimeters (outside the application workflow). */
    static final Set<Role> COORDINATION = Set.of(Role.ANCT, Role.PREFECTURE, Role.HUB);
    /** Who attaches advisers to a coordinator and detaches them. */
    static final Set<Role> ATTACHERS = Set.of(Role.ANCT, Role.PREFECTURE, Role.HUB, Role.COORDINATOR);
    /** Who maintains the places and partners of a territory. */
    static final Set<Role> TERRITORIAL = Set.of(Role.ANCT, Role.PREFECTURE, Role.HUB);
    /** A governance member naming a prefecture: this prefix, then the département code. */
    static final String PREFECTURE_MEMBER = "PREFECTURE:";

    private final Neo4jClient neo4j;
    private final ScopeReader scopes;

    NetworkChecks(Neo4jClient neo4j, ScopeReader scopes) {
        this.neo4j = neo4j;
        this.scopes = scopes;
    }

    /**
     * First of all in a write that reads an adviser's state to decide (its role, its perimeter, its places, its
     * contracts): the write then checks and changes the adviser as it stands, not as it stood before a concurrent
     * write committed ({@link NetworkStatements#lock}).
     */
    void lockAdviser(String id) {
        lock("Adviser", Collections.singletonList(id));
    }

    void lockAdvisers(Collection<String> ids) {
        lock("Adviser", ids);
    }

    /** The same for a place, before it is moved or removed. */
    void lockPlace(String id) {
        lock("Place", Collections.singletonList(id));
    }

    private void lock(String label, Collection<String> ids) {
        var present = ids.stream().filter(Objects::nonNull).toList();
        if (!present.isEmpty()) {
            neo4j.query(NetworkStatements.lock(label)).bind(present).to("ids").run();
        }
    }

    // Who may

    void authorize(Set<Role> allowed, Scope scope) {
        Access.write(allowed).touching(scope).require();
    }

    /** Adds to {@code write} each territory of {@code perimeter}, placed. */
    Write placing(Write write, PerimeterInput perimeter) {
        if (perimeter != null && perimeter.territories() != null) {
            for (var ref : perimeter.territories()) {
                write.placing(scopes.territoryScope(ref));
            }
        }
        return write;
    }

    /**
     * Adds to {@code write} the located actors {@code ids} of label {@code label} (places, partners) an adviser or
     * an employer is put in touch with, each within reach of employer {@code employerId} or not.
     */
    Write nearby(Write write, String employerId, String label, List<String> ids) {
        if (!ids.isEmpty()) {
            var found = scopes.actorScopes(label, ids);
            var outOfReach = scopes.outOfReach(employerId, label, ids);
            ids.forEach(id -> write.nearby(found.get(id), !outOfReach.contains(id)));
        }
        return write;
    }

    /** A partner link touches the actor (adviser, coordinator or employer) and the partner, near the actor's employer. */
    void authorizePartnership(String partnerId, String actorId) {
        var write = Access.write(Access.NETWORK_WRITERS).touching(actorScopeOf(actorId));
        if (partnerId == null) {
            write.nearby(null, false);
        } else {
            nearby(write, scopes.reachingEmployer(actorId), "Partner", List.of(partnerId));
        }
        write.require();
    }

    /**
     * The governance of a département: placed in the département; each member (employer, hub, partner, prefecture)
     * is an actor of the département's region.
     */
    void authorizeGovernance(GovernanceInput input) {
        var department = scopes.territoryScope(new TerritoryRef(TerritoryLevel.DEPARTMENT, code(input.departmentCode())));
        var write = Access.write(Set.of(Role.ANCT, Role.PREFECTURE)).placing(department);
        var members = input.members() == null ? List.<GovernanceMemberInput>of() : input.members();
        var actorIds = members.stream().map(GovernanceMemberInput::actorId)
                .filter(id -> id != null && !id.startsWith(PREFECTURE_MEMBER)).toList();
        var actors = scopes.actorScopes("Employer|Hub|Partner", actorIds);
        for (var member : members) {
            var id = member.actorId();
            var scope = id == null ? null : id.startsWith(PREFECTURE_MEMBER)
                    ? scopes.territoryScope(new TerritoryRef(TerritoryLevel.DEPARTMENT,
                            code(id.substring(PREFECTURE_MEMBER.length()))))
                    : actors.get(id);
            write.unlessNational(department != null && scope != null
                    && !Collections.disjoint(scope.regions(), department.regions()));
        }
        write.require();
    }

    Scope adviserScope(String adviserId) {
        return adviserId == null ? null : scopes.adviserScopes(List.of(adviserId), null).get(adviserId);
    }

    Scope actorScope(String label, String id) {
        return scopes.actorScopes(label, List.of(id)).get(id);
    }

    Scope actorScopeOf(String actorId) {
        var adviser = adviserScope(actorId);
        return adviser != null ? adviser : actorId == null ? null : actorScope("Employer", actorId);
    }

    Scope commune(String communeCode) {
        return scopes.territoryScope(new TerritoryRef(TerritoryLevel.COMMUNE, code(communeCode)));
    }

    // Against the graph

    /** Whether node {@code label} {@code id} exists; if not, a problem on {@code field}: "{what} avec l'identifiant …". */
    boolean existing(Validation v, String field, String label, String id, String what) {
        if (id == null || !exists(label, "id", id)) {
            v.problem(field, what + " avec l'identifiant " + id);
            return false;
        }
        return true;
    }

    /** Whether a node of label {@code label} has {@code value} as {@code property} (the label and property are ours). */
    boolean exists(String label, String property, Object value) {
        return neo4j.query(NetworkStatements.exists(label, property)).bind(value).to("value")
                .fetchAs(Boolean.class).one().orElse(false);
    }

    /** Of {@code ids}, those naming no node of label {@code label}, in order, once each. */
    List<String> missing(String label, List<String> ids) {
        var found = new LinkedHashSet<>(neo4j.query(NetworkStatements.ids(label)).bind(ids).to("ids")
                .fetchAs(String.class).all());
        return ids.stream().filter(id -> !found.contains(id)).distinct().toList();
    }

    boolean territoryExists(TerritoryRef ref) {
        return ref.code() != null && exists(ref.level().label(), "code", ref.code());
    }

    void requireCommune(Validation v, String field, String code) {
        if (code == null || code.isBlank()) {
            v.problem(field, "obligatoire");
        } else if (!code(code).matches("[0-9][0-9AB][0-9]{3}")) {
            v.problem(field, "un code INSEE de commune compte 5 caractères, par exemple 2A004 (reçu « " + code + " »)");
        } else if (!territoryExists(new TerritoryRef(TerritoryLevel.COMMUNE, code))) {
            v.problem(field, "aucune commune de code INSEE " + code(code) + " dans le Code officiel géographique");
        }
    }

    void requirePlaces(Validation v, List<String> placeIds) {
        missing("Place", placeIds).forEach(id -> v.problem("places", "aucun lieu " + id));
    }

    static void contract(Validation v, ContractType type, LocalDate start, LocalDate end) {
        v.check(type != null, "input.contractType", "obligatoire");
        v.check(start != null, "input.start", "obligatoire");
        if (type != null && type.fixedTerm()) {
            v.check(end != null, "input.end", "obligatoire pour un " + type.label);
        }
        v.ordered("input.end", start, end, "la date de début");
    }

    /** A perimeter names at most this many territories: a bassin de vie of several EPCI stays far below it. */
    static final int MAX_PERIMETER_TERRITORIES = 500;

    /** The checks of a coordinator perimeter, for inputs that carry one under {@code prefix}. */
    void perimeter(Validation v, String prefix, PerimeterInput perimeter) {
        if (perimeter == null || perimeter.kind() == null) {
            v.problem(prefix + ".kind", "obligatoire");
            return;
        }
        var territories = perimeter.territories() == null ? List.<TerritoryRef>of() : perimeter.territories();
        v.check(!territories.isEmpty(), prefix + ".territories", "au moins un territoire");
        Set<TerritoryLevel> allowed = switch (perimeter.kind()) {
            case INTERCOMMUNAL -> Set.of(TerritoryLevel.EPCI, TerritoryLevel.COMMUNE);
            case DEPARTMENT -> Set.of(TerritoryLevel.DEPARTMENT);
            case REGION -> Set.of(TerritoryLevel.REGION);
        };
        if (perimeter.kind() != PerimeterKind.INTERCOMMUNAL) {
            v.check(territories.size() <= 1, prefix + ".territories",
                    "un périmètre " + perimeter.kind().label.toLowerCase() + " compte un seul territoire");
        }
        if (territories.size() > MAX_PERIMETER_TERRITORIES) {
            // refused before the graph is read: the checks below cost one statement whatever the list
            v.problem(prefix + ".territories", "un périmètre compte au plus " + MAX_PERIMETER_TERRITORIES
                    + " territoires (reçu " + territories.size() + ")");
            return;
        }
        var found = existingTerritories(territories.stream().filter(ref -> allowed.contains(ref.level())).toList());
        for (int i = 0; i < territories.size(); i++) {
            var ref = territories.get(i);
            var field = prefix + ".territories[" + i + "]";
            if (!allowed.contains(ref.level())) {
                v.problem(field, "un périmètre " + perimeter.kind() + " ne peut contenir un territoire " + ref.level());
            } else if (!found.contains(ref)) {
                v.problem(field, "aucun territoire " + ref);
            }
        }
    }

    /** Of {@code refs}, those that name a territory of the graph: one statement, by level, on the code constraints. */
    Set<TerritoryRef> existingTerritories(List<TerritoryRef> refs) {
        var codes = new HashMap<String, List<String>>();
        for (var level : TerritoryLevel.values()) {
            codes.put(level.label(), refs.stream().filter(ref -> ref.level() == level && ref.code() != null)
                    .map(TerritoryRef::code).distinct().toList());
        }
        if (refs.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(neo4j.query(NetworkStatements.EXISTING_TERRITORIES).bind(codes).to("codes")
                .fetchAs(TerritoryRef.class).mappedBy((types, row) -> new TerritoryRef(
                        TerritoryLevel.valueOf(row.get("level").asString()), row.get("code").asString()))
                .all());
    }

    // Inputs

    static List<String> distinct(List<String> ids) {
        return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids.stream().filter(Objects::nonNull).toList()));
    }

    /** The main place first, then the others, once each. */
    static List<String> placeIds(String mainPlaceId, List<String> otherPlaceIds) {
        var ids = new LinkedHashSet<String>();
        if (mainPlaceId != null) {
            ids.add(mainPlaceId);
        }
        if (otherPlaceIds != null) {
            otherPlaceIds.stream().filter(Objects::nonNull).forEach(ids::add);
        }
        return List.copyOf(ids);
    }

    /** The non-blank values, stripped. */
    static List<String> list(List<String> values) {
        return values == null ? List.of() : values.stream().filter(s -> s != null && !s.isBlank()).map(String::strip)
                .toList();
    }

    static String code(String code) {
        return code == null ? null : code.strip().toUpperCase();
    }

    static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
