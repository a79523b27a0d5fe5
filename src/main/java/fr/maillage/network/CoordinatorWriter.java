package fr.maillage.network;

import static fr.maillage.network.NetworkChecks.ATTACHERS;
import static fr.maillage.network.NetworkChecks.COORDINATION;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

import fr.maillage.database.Cypher;
import fr.maillage.database.RetriedOnConflict;
import fr.maillage.network.NetworkInputs.PerimeterInput;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.security.Access;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.validation.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The coordinator role: given and taken, its perimeter, the advisers it coordinates. Each public command is one
 * transaction: it takes the adviser's (the coordinator's) lock, checks its whole input against the graph and writes
 * only when everything holds; two commands on one coordinator thus apply one after the other.
 */
@Service
@Transactional
@RetriedOnConflict
class CoordinatorWriter {

    private static final String GRANT = """
            MATCH (a:Adviser {id: $id})
            SET a:Coordinator, a.coordinatorSince = coalesce($since, date()), a.perimeterKind = $kind,
                a.updatedAt = datetime()""";

    private static final String REVOKE = """
            MATCH (a:Coordinator {id: $id})
            OPTIONAL MATCH (a)-[r:COORDINATES|COVERS]->()
            DELETE r
            WITH DISTINCT a
            OPTIONAL MATCH (:Hub)-[s:SUPPORTS]->(a)
            DELETE s
            WITH DISTINCT a
            REMOVE a:Coordinator, a.coordinatorSince, a.perimeterKind
            SET a.updatedAt = datetime()""";

    private static final String SET_PERIMETER_KIND = """
            MATCH (a:Coordinator {id: $id})
            SET a.perimeterKind = $kind, a.updatedAt = datetime()
            WITH a
            OPTIONAL MATCH (a)-[r:COVERS]->()
            DELETE r""";

    /** The role from a recruitment: kept since its first grant, its perimeter replaced. */
    private static final String APPLY_ROLE = """
            MATCH (a:Adviser {id: $id})
            SET a:Coordinator, a.coordinatorSince = coalesce(a.coordinatorSince, $since), a.perimeterKind = $kind,
                a.updatedAt = datetime()
            WITH a
            OPTIONAL MATCH (a)-[r:COVERS]->()
            DELETE r""";

    private static final String JOIN_PROGRAMME = "MATCH (x:Adviser {id: $id}) SET x.scheme = $scheme";

    private static final String ATTACH = """
            MATCH (c:Coordinator {id: $id})
            UNWIND $adviserIds AS adviserId
            MATCH (a:Adviser {id: adviserId})
            MERGE (c)-[r:COORDINATES]->(a)
            ON CREATE SET r.since = coalesce($since, date())""";

    private static final String DETACH = """
            MATCH (:Coordinator {id: $id})-[r:COORDINATES]->(a:Adviser) WHERE a.id IN $adviserIds
            DELETE r""";

    private final Cypher cypher;
    private final NetworkChecks checks;
    private final ScopeReader scopes;
    private final NetworkRepository network;
    private final AdviserReader advisers;
    private final Clock clock;

    CoordinatorWriter(Cypher cypher, NetworkChecks checks, ScopeReader scopes, NetworkRepository network,
            AdviserReader advisers, Clock clock) {
        this.cypher = cypher;
        this.advisers = advisers;
        this.checks = checks;
        this.scopes = scopes;
        this.network = network;
        this.clock = clock;
    }

    Adviser grantCoordinatorRole(String adviserId, PerimeterInput perimeter, LocalDate since) {
        checks.lockAdviser(adviserId);
        checks.placing(Access.write(COORDINATION).touching(checks.adviserScope(adviserId)), perimeter).require();
        var v = new Validation();
        if (checks.existing(v, "adviserId", "Adviser", adviserId, "aucun conseiller")) {
            var contract = advisers.latestContracts(List.of(adviserId)).get(adviserId);
            v.check(contract != null && contract.activeOn(LocalDate.now(clock)), "adviserId",
                    "seul un conseiller dont le contrat est en cours peut devenir coordinateur");
            v.check(!checks.exists("Coordinator", "id", adviserId), "adviserId", "ce conseiller est déjà coordinateur");
        }
        checks.perimeter(v, "perimeter", perimeter);
        v.orThrow();
        cypher.run(GRANT, Cypher.parameters("id", adviserId, "since", since, "kind", perimeter.kind().name()));
        cover(adviserId, perimeter);
        return network.adviser(adviserId);
    }

    Adviser revokeCoordinatorRole(String adviserId) {
        checks.lockAdviser(adviserId);
        checks.authorize(COORDINATION, checks.adviserScope(adviserId));
        var v = new Validation();
        checks.existing(v, "adviserId", "Coordinator", adviserId, "aucun coordinateur");
        v.orThrow();
        cypher.run(REVOKE, Cypher.parameters("id", adviserId));
        return network.adviser(adviserId);
    }

    Adviser setPerimeter(String coordinatorId, PerimeterInput perimeter) {
        checks.lockAdviser(coordinatorId);
        checks.placing(Access.write(COORDINATION).touching(checks.adviserScope(coordinatorId)), perimeter).require();
        var v = new Validation();
        checks.existing(v, "coordinatorId", "Coordinator", coordinatorId, "aucun coordinateur");
        checks.perimeter(v, "perimeter", perimeter);
        v.orThrow();
        cypher.run(SET_PERIMETER_KIND, Cypher.parameters("id", coordinatorId, "kind", perimeter.kind().name()));
        cover(coordinatorId, perimeter);
        return network.adviser(coordinatorId);
    }

    /**
     * Gives an adviser the coordinator role over a perimeter from a recruitment, or moves its perimeter if it has the
     * role already; with {@code joinsProgramme}, under the programme's scheme. Checks the perimeter and the adviser
     * first: nothing is written when they fail. The application workflow authorizes its own step.
     */
    void grantRecruited(String adviserId, PerimeterInput perimeter, LocalDate since, boolean joinsProgramme) {
        checks.lockAdviser(adviserId);
        var v = new Validation();
        checks.perimeter(v, "perimeter", perimeter);
        v.check(adviserId != null && checks.exists("Adviser", "id", adviserId), "adviserId",
                "aucun conseiller avec l'identifiant " + adviserId);
        v.orThrow();
        cypher.run(APPLY_ROLE, Cypher.parameters("id", adviserId, "since", since, "kind", perimeter.kind().name()));
        cover(adviserId, perimeter);
        if (joinsProgramme) {
            cypher.run(JOIN_PROGRAMME,
                    Cypher.parameters("id", adviserId, "scheme", NetworkEnums.Scheme.CONSEILLER_NUMERIQUE.name()));
        }
    }

    Adviser attachAdvisers(String coordinatorId, List<String> adviserIds, LocalDate since) {
        checks.lockAdviser(coordinatorId);
        var ids = NetworkChecks.distinct(adviserIds);
        var write = Access.write(ATTACHERS).touching(checks.adviserScope(coordinatorId));
        var adviserScopes = scopes.adviserScopes(ids, null);
        var serving = scopes.servingPerimeter(coordinatorId, ids, LocalDate.now(clock));
        ids.forEach(id -> write.attaching(adviserScopes.get(id), serving.contains(id)));
        write.require();
        var v = new Validation();
        checks.existing(v, "coordinatorId", "Coordinator", coordinatorId, "aucun coordinateur");
        v.check(adviserIds != null && !adviserIds.isEmpty(), "adviserIds", "au moins un conseiller");
        if (adviserIds != null) {
            v.check(!adviserIds.contains(coordinatorId), "adviserIds", "un coordinateur ne se coordonne pas lui-même");
            checks.missing("Adviser", adviserIds).forEach(id -> v.problem("adviserIds", "aucun conseiller " + id));
        }
        v.orThrow();
        cypher.run(ATTACH, Cypher.parameters("id", coordinatorId, "adviserIds", ids, "since", since));
        return network.adviser(coordinatorId);
    }

    Adviser detachAdvisers(String coordinatorId, List<String> adviserIds) {
        checks.lockAdviser(coordinatorId);
        var ids = NetworkChecks.distinct(adviserIds);
        var write = Access.write(ATTACHERS).touching(checks.adviserScope(coordinatorId));
        var adviserScopes = scopes.adviserScopes(ids, null);
        ids.forEach(id -> write.touching(adviserScopes.get(id)));
        write.require();
        var v = new Validation();
        checks.existing(v, "coordinatorId", "Coordinator", coordinatorId, "aucun coordinateur");
        v.check(adviserIds != null && !adviserIds.isEmpty(), "adviserIds", "au moins un conseiller");
        v.orThrow();
        cypher.run(DETACH, Cypher.parameters("id", coordinatorId, "adviserIds", ids));
        return network.adviser(coordinatorId);
    }

    /** One statement per level of the perimeter (at most two: EPCI and communes), not one per territory. */
    private void cover(String coordinatorId, PerimeterInput perimeter) {
        perimeter.territories().stream().collect(Collectors.groupingBy(TerritoryRef::level, TreeMap::new,
                Collectors.mapping(TerritoryRef::code, Collectors.toList())))
                .forEach((level, codes) -> cypher.run(NetworkStatements.cover(level),
                        Cypher.parameters("id", coordinatorId, "codes", codes)));
    }
}
