package fr.maillage.network;

import static fr.maillage.network.NetworkChecks.NAME;
import static fr.maillage.network.NetworkChecks.TERRITORIAL;
import static fr.maillage.network.NetworkChecks.TEXT;
import static fr.maillage.network.NetworkChecks.code;

import java.time.LocalDate;

import fr.maillage.database.Cypher;
import fr.maillage.database.RetriedOnConflict;
import fr.maillage.network.NetworkInputs.PartnerInput;
import fr.maillage.network.NetworkModel.Partner;
import fr.maillage.security.Access;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.validation.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds partners and links them to advisers and employers; each method one transaction, checked before it writes. */
@Service
@Transactional
@RetriedOnConflict
class PartnerWriter {

    private static final String CREATE = """
            CREATE (p:Partner {id: $id, key: $key, kind: $kind, name: $name, siret: $siret, address: $address,
              createdAt: datetime()})""";

    private static final String LINK = """
            MATCH (p:Partner {id: $partnerId}), (x {id: $actorId}) WHERE x:Adviser OR x:Employer
            MERGE (p)-[l:PARTNERS_WITH]->(x)
            SET l.since = coalesce($since, l.since, date()), l.nature = coalesce($nature, l.nature)""";

    private static final String UNLINK = "MATCH (:Partner {id: $partnerId})-[l:PARTNERS_WITH]->({id: $actorId}) DELETE l";

    private final Cypher cypher;
    private final NetworkChecks checks;
    private final NetworkRepository network;

    PartnerWriter(Cypher cypher, NetworkChecks checks, NetworkRepository network) {
        this.cypher = cypher;
        this.checks = checks;
        this.network = network;
    }

    Partner addPartner(PartnerInput input) {
        Access.write(TERRITORIAL).placing(checks.commune(input.communeCode())).require();
        var v = new Validation();
        v.check(input.kind() != null, "input.kind", "obligatoire");
        v.text("input.name", input.name(), NAME).optionalText("input.address", input.address(), TEXT);
        if (input.siret() != null && !input.siret().isBlank()) {
            Siret.problem(input.siret()).ifPresent(reason -> v.problem("input.siret", reason));
        }
        checks.requireCommune(v, "input.communeCode", input.communeCode());
        v.orThrow();
        var key = NetworkKeys.partnerKey(input.kind(), input.name(), code(input.communeCode()),
                Validation.trimToNull(input.siret()));
        if (checks.exists("Partner", "key", key)) {
            throw new InvalidInputException("input", "ce partenaire existe déjà (même SIRET, ou même type, nom et commune)");
        }
        var id = NetworkKeys.partnerId(key);
        cypher.run(CREATE, Cypher.parameters("id", id, "key", key, "kind", input.kind().name(),
                "name", input.name().strip(), "siret", Siret.normalise(Validation.trimToNull(input.siret())),
                "address", Validation.trimToNull(input.address())));
        cypher.run(NetworkStatements.relocate("Partner"),
                Cypher.parameters("id", id, "communeCode", code(input.communeCode())));
        return network.byId("Partner", id, NetworkMapper::partner);
    }

    Partner linkPartner(String partnerId, String actorId, LocalDate since, String nature) {
        checks.authorizePartnership(partnerId, actorId);
        var v = new Validation();
        checks.existing(v, "partnerId", "Partner", partnerId, "aucun partenaire");
        v.check(actorId != null && (checks.exists("Adviser", "id", actorId) || checks.exists("Employer", "id", actorId)),
                "actorId", "aucun conseiller, coordinateur ou employeur " + actorId);
        v.optionalText("nature", nature, NAME);
        v.orThrow();
        cypher.run(LINK, Cypher.parameters("partnerId", partnerId, "actorId", actorId, "since", since,
                "nature", Validation.trimToNull(nature)));
        return network.byId("Partner", partnerId, NetworkMapper::partner);
    }

    Partner unlinkPartner(String partnerId, String actorId) {
        checks.authorizePartnership(partnerId, actorId);
        var v = new Validation();
        checks.existing(v, "partnerId", "Partner", partnerId, "aucun partenaire");
        v.orThrow();
        cypher.run(UNLINK, Cypher.parameters("partnerId", partnerId, "actorId", actorId));
        return network.byId("Partner", partnerId, NetworkMapper::partner);
    }
}
