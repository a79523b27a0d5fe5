package fr.maillage.network;

import static fr.maillage.network.NetworkChecks.ADVISER_KEEPERS;
import static fr.maillage.network.NetworkChecks.name;

import java.time.LocalDate;
import java.util.List;

import fr.maillage.database.Cypher;
import fr.maillage.database.RetriedOnConflict;
import fr.maillage.network.NetworkInputs.AdviserUpdate;
import fr.maillage.network.NetworkInputs.HireAdviserInput;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.security.Access;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.validation.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hires advisers, changes them, ends their contracts and sets their places. Each method is one transaction: it takes
 * the lock of the adviser it changes, checks its whole input against the graph and writes only when everything holds.
 */
@Service
@Transactional
@RetriedOnConflict
class AdviserWriter {

    /**
     * hireAdviser records a new adviser. One already known (by its programme id) who changes employer is not hired
     * again here: the import of advisers records the change, its row's contract ending the one before. The refusal
     * is the same whatever the adviser's contracts: it tells the caller nothing of another structure's.
     */
    static final String KNOWN_ADVISER = "un conseiller porte déjà l'identifiant %s : le recrutement enregistre un"
            + " nouveau conseiller et ne le rattache pas à une seconde structure. Pour un conseiller déjà connu qui"
            + " change d'employeur, l'ANCT importe sa ligne (fichier des conseillers) avec son nouveau contrat : le"
            + " contrat en cours se termine la veille du début du nouveau";

    private static final String HIRE = """
            MATCH (e:Employer {id: $employerId})
            CREATE (a:Adviser {id: $id, externalId: $externalId, scheme: $scheme, status: 'ACTIVE',
              firstName: $firstName, lastName: $lastName, email: $email, phone: $phone,
              createdAt: datetime(), updatedAt: datetime()})
            CREATE (a)-[:EMPLOYED_BY {contractType: $contractType, start: $start, end: $end}]->(e)""";

    private static final String UPDATE = """
            MATCH (a:Adviser {id: $id})
            SET a.firstName = coalesce($firstName, a.firstName), a.lastName = coalesce($lastName, a.lastName),
                a.email = coalesce($email, a.email), a.phone = coalesce($phone, a.phone),
                a.status = coalesce($status, a.status), a.scheme = coalesce($scheme, a.scheme),
                a.updatedAt = datetime()""";

    private static final String END_CONTRACT = """
            MATCH (:Adviser {id: $id})-[r:EMPLOYED_BY]->(:Employer {id: $employerId})
            WHERE r.start = $start
            SET r.end = $end""";

    private static final String LEAVE_PLACES = "MATCH (:Adviser {id: $id})-[w:WORKS_AT]->() DELETE w";

    private static final String ASSIGN_PLACES = """
            MATCH (a:Adviser {id: $id})
            UNWIND $placeIds AS placeId
            MATCH (p:Place {id: placeId})
            CREATE (a)-[:WORKS_AT {main: placeId = $mainPlaceId}]->(p)""";

    private final Cypher cypher;
    private final NetworkChecks checks;
    private final ScopeReader scopes;
    private final NetworkRepository network;
    private final AdviserReader advisers;
    private final ErasedAdvisers erased;

    AdviserWriter(Cypher cypher, NetworkChecks checks, ScopeReader scopes, NetworkRepository network,
            AdviserReader advisers, ErasedAdvisers erased) {
        this.cypher = cypher;
        this.advisers = advisers;
        this.checks = checks;
        this.scopes = scopes;
        this.network = network;
        this.erased = erased;
    }

    Adviser hireAdviser(HireAdviserInput input) {
        var places = NetworkChecks.placeIds(input.mainPlaceId(), input.otherPlaceIds());
        checks.nearby(Access.write(ADVISER_KEEPERS).touching(checks.actorScope("Employer", input.employerId())),
                input.employerId(), "Place", places).require();
        var v = new Validation();
        checks.existing(v, "input.employerId", "Employer", input.employerId(), "aucune structure employeuse");
        v.text("input.firstName", input.firstName(), 100).text("input.lastName", input.lastName(), 100);
        v.email("input.email", input.email()).phone("input.phone", input.phone());
        v.optionalText("input.externalId", input.externalId(), 64);
        v.check(input.externalId() == null || input.externalId().isBlank()
                || NetworkKeys.isProgrammeId(input.externalId().strip()), "input.externalId",
                "lettres, chiffres et . _ : / - seulement (reçu « " + input.externalId() + " »)");
        NetworkChecks.contract(v, input.contractType(), input.start(), input.end());
        checks.requirePlaces(v, places);
        if (input.externalId() != null && !input.externalId().isBlank() && v.ok()
                && checks.exists("Adviser", "externalId", input.externalId().strip())) {
            v.problem("input.externalId", KNOWN_ADVISER.formatted(input.externalId().strip()));
        }
        v.orThrow();
        // authorised and valid: only now may the caller learn that this programme id was erased
        erased.refuse("input.externalId", input.externalId());
        var id = NetworkKeys.randomId(); // never derived from the programme id (personal data)
        cypher.run(HIRE, Cypher.parameters("employerId", input.employerId(), "id", id,
                "externalId", Validation.trimToNull(input.externalId()),
                "scheme", input.scheme() == null ? "CONSEILLER_NUMERIQUE" : input.scheme().name(),
                "firstName", input.firstName().strip(), "lastName", input.lastName().strip(),
                "email", Validation.trimToNull(input.email()), "phone", Validation.trimToNull(input.phone()),
                "contractType", input.contractType().name(), "start", input.start(), "end", input.end()));
        assignPlaces(id, input.mainPlaceId(), places);
        return network.adviser(id);
    }

    Adviser updateAdviser(String id, AdviserUpdate input) {
        checks.lockAdviser(id);
        checks.authorize(ADVISER_KEEPERS, checks.adviserScope(id));
        var v = new Validation();
        checks.existing(v, "id", "Adviser", id, "aucun conseiller");
        v.optionalText("input.firstName", input.firstName(), 100).optionalText("input.lastName", input.lastName(), 100);
        v.email("input.email", input.email()).phone("input.phone", input.phone());
        v.orThrow();
        cypher.run(UPDATE, Cypher.parameters("id", id, "firstName", Validation.trimToNull(input.firstName()),
                "lastName", Validation.trimToNull(input.lastName()), "email", Validation.trimToNull(input.email()),
                "phone", Validation.trimToNull(input.phone()), "status", name(input.status()),
                "scheme", name(input.scheme())));
        return network.adviser(id);
    }

    Adviser endContract(String adviserId, LocalDate end) {
        checks.lockAdviser(adviserId);
        checks.authorize(ADVISER_KEEPERS, checks.adviserScope(adviserId));
        var v = new Validation();
        checks.existing(v, "adviserId", "Adviser", adviserId, "aucun conseiller");
        v.check(end != null, "end", "obligatoire");
        v.orThrow();
        var contract = advisers.latestContracts(List.of(adviserId)).get(adviserId);
        if (contract == null) {
            throw new InvalidInputException("adviserId", "ce conseiller n'a pas de contrat");
        }
        v.ordered("end", contract.start(), end, "le début du contrat");
        v.check(contract.end() == null || !end.isAfter(contract.end()), "end",
                "le contrat se termine déjà le " + contract.end() + " ; une fin anticipée doit être antérieure");
        v.orThrow();
        cypher.run(END_CONTRACT, Cypher.parameters("id", adviserId, "employerId", contract.employerId(),
                "start", contract.start(), "end", end));
        return network.adviser(adviserId);
    }

    Adviser setAdviserPlaces(String adviserId, String mainPlaceId, List<String> otherPlaceIds) {
        checks.lockAdviser(adviserId);
        var places = NetworkChecks.placeIds(mainPlaceId, otherPlaceIds);
        checks.nearby(Access.write(ADVISER_KEEPERS).touching(checks.adviserScope(adviserId)),
                scopes.reachingEmployer(adviserId), "Place", places).require();
        var v = new Validation();
        checks.existing(v, "adviserId", "Adviser", adviserId, "aucun conseiller");
        checks.requirePlaces(v, places);
        v.check(mainPlaceId != null || places.isEmpty(), "mainPlaceId", "un lieu principal est requis s'il y a des lieux");
        v.orThrow();
        cypher.run(LEAVE_PLACES, Cypher.parameters("id", adviserId));
        assignPlaces(adviserId, mainPlaceId, places);
        return network.adviser(adviserId);
    }

    private void assignPlaces(String adviserId, String mainPlaceId, List<String> placeIds) {
        if (!placeIds.isEmpty()) {
            cypher.run(ASSIGN_PLACES, Cypher.parameters("id", adviserId, "placeIds", placeIds, "mainPlaceId", mainPlaceId));
        }
    }
}
