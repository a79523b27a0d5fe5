package fr.maillage.network;

import static fr.maillage.network.NetworkChecks.NAME;
import static fr.maillage.network.NetworkChecks.TERRITORIAL;
import static fr.maillage.network.NetworkChecks.TEXT;
import static fr.maillage.network.NetworkChecks.code;
import static fr.maillage.network.NetworkChecks.list;

import fr.maillage.database.Cypher;
import fr.maillage.database.RetriedOnConflict;
import fr.maillage.network.NetworkInputs.PlaceInput;
import fr.maillage.network.NetworkModel.Place;
import fr.maillage.security.Access;
import fr.maillage.validation.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Adds, updates and removes places of digital mediation; each method one transaction, checked before it writes. */
@Service
@Transactional
@RetriedOnConflict
class PlaceWriter {

    private static final String CREATE = "CREATE (p:Place {id: $id, key: $key, createdAt: datetime()})";

    private static final String WRITE = """
            MATCH (p:Place {id: $id})
            SET p.name = $name, p.externalId = $externalId, p.pivot = $pivot, p.address = $address,
                p.postalCode = $postalCode, p.latitude = $latitude, p.longitude = $longitude,
                p.services = $services, p.publics = $publics, p.accessModes = $accessModes,
                p.supportModes = $supportModes, p.fees = $fees, p.hours = $hours, p.typologies = $typologies,
                p.phone = $phone, p.emails = $emails, p.websites = $websites, p.source = 'maillage',
                p.updatedOn = date(), p.updatedAt = datetime()""";

    private static final String REMOVE = "MATCH (p:Place {id: $id}) DETACH DELETE p";

    private final Cypher cypher;
    private final NetworkChecks checks;
    private final NetworkRepository network;

    PlaceWriter(Cypher cypher, NetworkChecks checks, NetworkRepository network) {
        this.cypher = cypher;
        this.checks = checks;
        this.network = network;
    }

    Place addPlace(PlaceInput input) {
        Access.write(TERRITORIAL).placing(checks.commune(input.communeCode())).require();
        var v = validate(input);
        var key = NetworkKeys.placeKey(input.externalId(), input.name(), code(input.communeCode()), input.address());
        if (v.ok() && checks.exists("Place", "key", key)) {
            v.problem("input", "ce lieu existe déjà (même identifiant, ou même nom, commune et adresse)");
        }
        v.orThrow();
        var id = NetworkKeys.placeId(key);
        cypher.run(CREATE, Cypher.parameters("id", id, "key", key));
        write(id, input);
        return network.byId("Place", id, NetworkMapper::place);
    }

    Place updatePlace(String id, PlaceInput input) {
        checks.lockPlace(id);
        Access.write(TERRITORIAL).moving(checks.actorScope("Place", id), checks.commune(input.communeCode())).require();
        var v = validate(input);
        checks.existing(v, "id", "Place", id, "aucun lieu");
        v.orThrow();
        write(id, input);
        return network.byId("Place", id, NetworkMapper::place);
    }

    String removePlace(String id) {
        checks.lockPlace(id);
        checks.authorize(TERRITORIAL, checks.actorScope("Place", id));
        var v = new Validation();
        checks.existing(v, "id", "Place", id, "aucun lieu");
        v.orThrow();
        cypher.run(REMOVE, Cypher.parameters("id", id));
        return id;
    }

    private Validation validate(PlaceInput input) {
        var v = new Validation();
        v.text("input.name", input.name(), NAME).text("input.address", input.address(), TEXT);
        checks.requireCommune(v, "input.communeCode", input.communeCode());
        v.check(input.latitude() == null || input.latitude() >= -90 && input.latitude() <= 90, "input.latitude",
                "doit être comprise entre -90 et 90");
        v.check(input.longitude() == null || input.longitude() >= -180 && input.longitude() <= 180,
                "input.longitude", "doit être comprise entre -180 et 180");
        v.check(input.postalCode() == null || input.postalCode().strip().matches("\\d{5}"), "input.postalCode",
                "un code postal compte 5 chiffres");
        v.phone("input.phone", input.phone());
        for (var email : list(input.emails())) {
            v.email("input.emails", email);
        }
        for (var website : list(input.websites())) {
            v.check(website.length() <= TEXT && website.matches("https?://\\S+"), "input.websites",
                    "adresse web invalide (« " + website + " »), par exemple https://exemple.fr");
        }
        v.optionalText("input.hours", input.hours(), TEXT);
        if (input.pivot() != null && !input.pivot().isBlank() && !input.pivot().strip().matches("W\\d{9}")) {
            Siret.problem(input.pivot()).ifPresent(reason -> v.problem("input.pivot",
                    "ni un SIRET valide ni un numéro RNA (W suivi de 9 chiffres) : " + reason));
        }
        return v;
    }

    private void write(String id, PlaceInput input) {
        cypher.run(WRITE, Cypher.parameters("id", id, "name", input.name().strip(),
                "externalId", Validation.trimToNull(input.externalId()), "pivot", Validation.trimToNull(input.pivot()),
                "address", input.address().strip(), "postalCode", Validation.trimToNull(input.postalCode()),
                "latitude", input.latitude(), "longitude", input.longitude(), "services", list(input.services()),
                "publics", list(input.publics()), "accessModes", list(input.accessModes()),
                "supportModes", list(input.supportModes()), "fees", list(input.fees()),
                "hours", Validation.trimToNull(input.hours()), "typologies", list(input.typologies()),
                "phone", Validation.trimToNull(input.phone()), "emails", list(input.emails()),
                "websites", list(input.websites())));
        cypher.run(NetworkStatements.relocate("Place"),
                Cypher.parameters("id", id, "communeCode", code(input.communeCode())));
    }
}
