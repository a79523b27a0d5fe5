package fr.maillage.network;

import static fr.maillage.network.NetworkChecks.NAME;
import static fr.maillage.network.NetworkChecks.code;

import java.util.List;
import java.util.Set;

import fr.maillage.database.Cypher;
import fr.maillage.database.RetriedOnConflict;
import fr.maillage.network.NetworkInputs.HubInput;
import fr.maillage.network.NetworkModel.Hub;
import fr.maillage.security.Access;
import fr.maillage.security.Role;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.validation.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Creates hubs and has them support coordinators; each method one transaction, checked before it writes. */
@Service
@Transactional
@RetriedOnConflict
class HubWriter {

    private static final String CREATE = """
            CREATE (h:Hub {id: $id, name: $name, siret: $siret, legalKind: $legalKind, foundedOn: $foundedOn,
              createdAt: datetime()})
            WITH h
            UNWIND $regionCodes AS code
            MATCH (r:Region {code: code})
            CREATE (h)-[:COVERS]->(r)""";

    private static final String SUPPORT = """
            MATCH (h:Hub {id: $id})
            UNWIND $coordinatorIds AS coordinatorId
            MATCH (c:Coordinator {id: coordinatorId})
            MERGE (h)-[:SUPPORTS]->(c)""";

    private final Cypher cypher;
    private final NetworkChecks checks;
    private final ScopeReader scopes;
    private final NetworkRepository network;

    HubWriter(Cypher cypher, NetworkChecks checks, ScopeReader scopes, NetworkRepository network) {
        this.cypher = cypher;
        this.checks = checks;
        this.scopes = scopes;
        this.network = network;
    }

    Hub createHub(HubInput input) {
        Access.write(Set.of(Role.ANCT)).require();
        var v = new Validation();
        v.text("input.name", input.name(), NAME);
        if (input.siret() != null && !input.siret().isBlank()) {
            Siret.problem(input.siret()).ifPresent(reason -> v.problem("input.siret", reason));
        }
        if (input.communeCode() != null) {
            checks.requireCommune(v, "input.communeCode", input.communeCode());
        }
        v.check(input.regionCodes() != null && !input.regionCodes().isEmpty(), "input.regionCodes",
                "au moins une région");
        if (input.regionCodes() != null) {
            for (var code : input.regionCodes()) {
                v.check(checks.territoryExists(new TerritoryRef(TerritoryLevel.REGION, code)), "input.regionCodes",
                        "aucune région de code " + code);
            }
        }
        var id = input.name() == null ? null : NetworkKeys.hubId(input.name());
        if (v.ok() && checks.exists("Hub", "id", id)) {
            v.problem("input.name", "un hub porte déjà ce nom");
        }
        v.orThrow();
        cypher.run(CREATE, Cypher.parameters("id", id, "name", input.name().strip(),
                "siret", Siret.normalise(Validation.trimToNull(input.siret())),
                "legalKind", input.legalKind() == null ? "ASSOCIATION" : input.legalKind().name(),
                "foundedOn", input.foundedOn(), "regionCodes", input.regionCodes()));
        if (input.communeCode() != null) {
            cypher.run(NetworkStatements.relocate("Hub"), Cypher.parameters("id", id, "communeCode",
                    code(input.communeCode())));
        }
        return network.byId("Hub", id, NetworkMapper::hub);
    }

    Hub supportCoordinators(String hubId, List<String> coordinatorIds) {
        var ids = NetworkChecks.distinct(coordinatorIds);
        // a coordinator whose role is revoked meanwhile is then found missing, not supported without its role
        checks.lockAdvisers(ids);
        var write = Access.write(Set.of(Role.ANCT, Role.HUB)).touching(checks.actorScope("Hub", hubId));
        var coordinators = scopes.coordinatorScopes(ids);
        ids.forEach(id -> write.touching(coordinators.get(id)));
        write.require();
        var v = new Validation();
        checks.existing(v, "hubId", "Hub", hubId, "aucun hub");
        v.check(coordinatorIds != null && !coordinatorIds.isEmpty(), "coordinatorIds", "au moins un coordinateur");
        if (coordinatorIds != null) {
            checks.missing("Coordinator", coordinatorIds)
                    .forEach(id -> v.problem("coordinatorIds", "aucun coordinateur " + id));
        }
        v.orThrow();
        cypher.run(SUPPORT, Cypher.parameters("id", hubId, "coordinatorIds", ids));
        return network.byId("Hub", hubId, NetworkMapper::hub);
    }
}
