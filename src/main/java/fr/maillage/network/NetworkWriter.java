package fr.maillage.network;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import fr.maillage.graphql.InvalidInputException;
import fr.maillage.graphql.Validation;
import fr.maillage.network.NetworkEnums.PerimeterKind;
import fr.maillage.network.NetworkInputs.AdviserUpdate;
import fr.maillage.network.NetworkInputs.EmployerInput;
import fr.maillage.network.NetworkInputs.EmployerUpdate;
import fr.maillage.network.NetworkInputs.GovernanceInput;
import fr.maillage.network.NetworkInputs.HireAdviserInput;
import fr.maillage.network.NetworkInputs.HubInput;
import fr.maillage.network.NetworkInputs.PartnerInput;
import fr.maillage.network.NetworkInputs.PerimeterInput;
import fr.maillage.network.NetworkInputs.PlaceInput;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Employer;
import fr.maillage.security.Access;
import fr.maillage.security.Role;
import fr.maillage.security.Scope;
import fr.maillage.security.Write;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change to the network. Each public method is one transaction: it checks its whole input against the graph
 * first and writes only when everything holds; an error anywhere rolls everything back.
 */
@Service
@Transactional
public class NetworkWriter {

    private static final int NAME = 200;
    private static final int TEXT = 500;

    private final Neo4jClient neo4j;
    private final NetworkRepository network;
    private final ErasedAdvisers erased;

    NetworkWriter(Neo4jClient neo4j, NetworkRepository network, ErasedAdvisers erased) {
        this.neo4j = neo4j;
        this.network = network;
        this.erased = erased;
    }

    // Employers

    public Employer registerEmployer(EmployerInput input) {
        Access.write(EMPLOYER_KEEPERS).establishing(Siret.normalise(input.siret()), commune(input.communeCode()))
                .require();
        var v = new Validation();
        Siret.problem(input.siret()).ifPresent(reason -> v.problem("input.siret", reason));
        v.text("input.name", input.name(), NAME);
        v.check(input.legalKind() != null, "input.legalKind", "obligatoire");
        requireCommune(v, "input.communeCode", input.communeCode());
        var siret = Siret.normalise(input.siret());
        if (v.ok() && network.employerBySiret(siret) != null) {
            v.problem("input.siret", "une structure avec le SIRET " + siret + " est déjà enregistrée");
        }
        v.orThrow();
        var id = NetworkKeys.employerId(siret);
        run("""
                MATCH (c:Commune {code: $communeCode})
                CREATE (e:Employer {id: $id, siret: $siret, siren: substring($siret, 0, 9), name: $name,
                  sector: $sector, legalKind: $legalKind, createdAt: datetime(), updatedAt: datetime()})
                SET e.communeCode = c.code, e.departmentCode = c.departmentCode, e.regionCode = c.regionCode
                CREATE (e)-[:IN_COMMUNE]->(c)""", params("id", id, "siret", siret, "name", input.name().strip(),
                "sector", (input.sector() != null ? input.sector() : input.legalKind().usualSector).name(),
                "legalKind", input.legalKind().name(), "communeCode", code(input.communeCode())));
        return employer(id);
    }

    public Employer updateEmployer(String id, EmployerUpdate input) {
        var employer = network.actorScope("Employer", id);
        var write = Access.write(EMPLOYER_KEEPERS).touching(employer);
        if (input.communeCode() != null) {
            write.moving(employer, commune(input.communeCode()));
        }
        write.require();
        var v = new Validation();
        var current = existing(v, "id", "Employer", id, "aucune structure employeuse");
        v.optionalText("input.name", input.name(), NAME);
        v.check(input.name() == null || !input.name().isBlank(), "input.name", "ne peut pas être vide");
        if (input.communeCode() != null) {
            requireCommune(v, "input.communeCode", input.communeCode());
        }
        v.orThrow();
        run("""
                MATCH (e:Employer {id: $id})
                SET e.name = coalesce($name, e.name), e.sector = coalesce($sector, e.sector),
                    e.legalKind = coalesce($legalKind, e.legalKind), e.updatedAt = datetime()""",
                params("id", id, "name", Validation.trimToNull(input.name()), "sector", name(input.sector()),
                        "legalKind", name(input.legalKind())));
        if (input.communeCode() != null) {
            relocate("Employer", id, code(input.communeCode()));
        }
        return current == null ? null : employer(id);
    }

    // Advisers

    /**
     * hireAdviser records a new adviser. One already known (by its programme id) who changes employer is not hired
     * again here: the import of advisers records the change, its row's contract ending the one before. The refusal
     * is the same whatever the adviser's contracts: it tells the caller nothing of another structure's.
     */
    static final String KNOWN_ADVISER = "un conseiller porte déjà l'identifiant %s : le recrutement enregistre un"
            + " nouveau conseiller et ne le rattache pas à une seconde structure. Pour un conseiller déjà connu qui"
            + " change d'employeur, l'ANCT importe sa ligne (fichier des conseillers) avec son nouveau contrat : le"
            + " contrat en cours se termine la veille du début du nouveau";

    public Adviser hireAdviser(HireAdviserInput input) {
        var places = placeIds(input.mainPlaceId(), input.otherPlaceIds());
        nearby(Access.write(ADVISER_KEEPERS).touching(network.actorScope("Employer", input.employerId())),
                input.employerId(), "Place", places).require();
        var v = new Validation();
        existing(v, "input.employerId", "Employer", input.employerId(), "aucune structure employeuse");
        v.text("input.firstName", input.firstName(), 100).text("input.lastName", input.lastName(), 100);
        v.email("input.email", input.email()).phone("input.phone", input.phone());
        v.optionalText("input.externalId", input.externalId(), 64);
        v.check(input.externalId() == null || input.externalId().isBlank()
                || NetworkKeys.isProgrammeId(input.externalId().strip()), "input.externalId",
                "lettres, chiffres et . _ : / - seulement (reçu « " + input.externalId() + " »)");
        contract(v, input.contractType(), input.start(), input.end());
        requirePlaces(v, places);
        if (input.externalId() != null && !input.externalId().isBlank() && v.ok()
                && exists("Adviser", "externalId", input.externalId().strip())) {
            v.problem("input.externalId", KNOWN_ADVISER.formatted(input.externalId().strip()));
        }
        v.orThrow();
        // authorised and valid: only now may the caller learn that this programme id was erased
        erased.refuse("input.externalId", input.externalId());
        var id = NetworkKeys.randomId(); // never derived from the programme id (personal data)
        run("""
                MATCH (e:Employer {id: $employerId})
                CREATE (a:Adviser {id: $id, externalId: $externalId, scheme: $scheme, status: 'ACTIVE',
                  firstName: $firstName, lastName: $lastName, email: $email, phone: $phone,
                  createdAt: datetime(), updatedAt: datetime()})
                CREATE (a)-[:EMPLOYED_BY {contractType: $contractType, start: $start, end: $end}]->(e)""",
                params("employerId", input.employerId(), "id", id, "externalId", Validation.trimToNull(input.externalId()),
                        "scheme", input.scheme() == null ? "CONSEILLER_NUMERIQUE" : input.scheme().name(),
                        "firstName", input.firstName().strip(), "lastName", input.lastName().strip(),
                        "email", Validation.trimToNull(input.email()), "phone", Validation.trimToNull(input.phone()),
                        "contractType", input.contractType().name(), "start", input.start(), "end", input.end()));
        assignPlaces(id, input.mainPlaceId(), places);
        return adviser(id);
    }

    public Adviser updateAdviser(String id, AdviserUpdate input) {
        authorize(ADVISER_KEEPERS, adviserScope(id));
        var v = new Validation();
        existing(v, "id", "Adviser", id, "aucun conseiller");
        v.optionalText("input.firstName", input.firstName(), 100).optionalText("input.lastName", input.lastName(), 100);
        v.email("input.email", input.email()).phone("input.phone", input.phone());
        v.orThrow();
        run("""
                MATCH (a:Adviser {id: $id})
                SET a.firstName = coalesce($firstName, a.firstName), a.lastName = coalesce($lastName, a.lastName),
                    a.email = coalesce($email, a.email), a.phone = coalesce($phone, a.phone),
                    a.status = coalesce($status, a.status), a.scheme = coalesce($scheme, a.scheme),
                    a.updatedAt = datetime()""", params("id", id, "firstName", Validation.trimToNull(input.firstName()),
                "lastName", Validation.trimToNull(input.lastName()), "email", Validation.trimToNull(input.email()),
                "phone", Validation.trimToNull(input.phone()), "status", name(input.status()),
                "scheme", name(input.scheme())));
        return adviser(id);
    }

    public Adviser endContract(String adviserId, LocalDate end) {
        authorize(ADVISER_KEEPERS, adviserScope(adviserId));
        var v = new Validation();
        existing(v, "adviserId", "Adviser", adviserId, "aucun conseiller");
        v.check(end != null, "end", "obligatoire");
        v.orThrow();
        var contract = network.latestContracts(List.of(adviserId)).get(adviserId);
        if (contract == null) {
            throw new InvalidInputException("adviserId", "ce conseiller n'a pas de contrat");
        }
        v.ordered("end", contract.start(), end, "le début du contrat");
        v.check(contract.end() == null || !end.isAfter(contract.end()), "end",
                "le contrat se termine déjà le " + contract.end() + " ; une fin anticipée doit être antérieure");
        v.orThrow();
        run("""
                MATCH (:Adviser {id: $id})-[r:EMPLOYED_BY]->(:Employer {id: $employerId})
                WHERE r.start = $start
                SET r.end = $end""", params("id", adviserId, "employerId", contract.employerId(),
                "start", contract.start(), "end", end));
        return adviser(adviserId);
    }

    public Adviser setAdviserPlaces(String adviserId, String mainPlaceId, List<String> otherPlaceIds) {
        var places = placeIds(mainPlaceId, otherPlaceIds);
        nearby(Access.write(ADVISER_KEEPERS).touching(adviserScope(adviserId)), network.reachingEmployer(adviserId),
                "Place", places).require();
        var v = new Validation();
        existing(v, "adviserId", "Adviser", adviserId, "aucun conseiller");
        requirePlaces(v, places);
        v.check(mainPlaceId != null || places.isEmpty(), "mainPlaceId", "un lieu principal est requis s'il y a des lieux");
        v.orThrow();
        run("MATCH (:Adviser {id: $id})-[w:WORKS_AT]->() DELETE w", params("id", adviserId));
        assignPlaces(adviserId, mainPlaceId, places);
        return adviser(adviserId);
    }

    // Coordinators

    public Adviser grantCoordinatorRole(String adviserId, PerimeterInput perimeter, LocalDate since) {
        placing(Access.write(COORDINATION).touching(adviserScope(adviserId)), perimeter).require();
        var v = new Validation();
        var adviser = existing(v, "adviserId", "Adviser", adviserId, "aucun conseiller");
        if (adviser != null) {
            var contract = network.latestContracts(List.of(adviserId)).get(adviserId);
            v.check(contract != null && contract.activeOn(LocalDate.now()), "adviserId",
                    "seul un conseiller dont le contrat est en cours peut devenir coordinateur");
            v.check(!exists("Coordinator", "id", adviserId), "adviserId", "ce conseiller est déjà coordinateur");
        }
        perimeter(v, "perimeter", perimeter);
        v.orThrow();
        run("""
                MATCH (a:Adviser {id: $id})
                SET a:Coordinator, a.coordinatorSince = coalesce($since, date()), a.perimeterKind = $kind,
                    a.updatedAt = datetime()""", params("id", adviserId, "since", since, "kind", perimeter.kind().name()));
        cover(adviserId, perimeter);
        return adviser(adviserId);
    }

    public Adviser revokeCoordinatorRole(String adviserId) {
        authorize(COORDINATION, adviserScope(adviserId));
        var v = new Validation();
        existing(v, "adviserId", "Coordinator", adviserId, "aucun coordinateur");
        v.orThrow();
        run("""
                MATCH (a:Coordinator {id: $id})
                OPTIONAL MATCH (a)-[r:COORDINATES|COVERS]->()
                DELETE r
                WITH DISTINCT a
                OPTIONAL MATCH (:Hub)-[s:SUPPORTS]->(a)
                DELETE s
                WITH DISTINCT a
                REMOVE a:Coordinator, a.coordinatorSince, a.perimeterKind
                SET a.updatedAt = datetime()""", params("id", adviserId));
        return adviser(adviserId);
    }

    public Adviser setPerimeter(String coordinatorId, PerimeterInput perimeter) {
        placing(Access.write(COORDINATION).touching(adviserScope(coordinatorId)), perimeter).require();
        var v = new Validation();
        existing(v, "coordinatorId", "Coordinator", coordinatorId, "aucun coordinateur");
        perimeter(v, "perimeter", perimeter);
        v.orThrow();
        run("""
                MATCH (a:Coordinator {id: $id})
                SET a.perimeterKind = $kind, a.updatedAt = datetime()
                WITH a
                OPTIONAL MATCH (a)-[r:COVERS]->()
                DELETE r""", params("id", coordinatorId, "kind", perimeter.kind().name()));
        cover(coordinatorId, perimeter);
        return adviser(coordinatorId);
    }

    public Adviser attachAdvisers(String coordinatorId, List<String> adviserIds, LocalDate since) {
        var ids = distinct(adviserIds);
        var write = Access.write(ATTACHERS).touching(adviserScope(coordinatorId));
        var scopes = network.adviserScopes(ids);
        var serving = network.servingPerimeter(coordinatorId, ids, LocalDate.now());
        ids.forEach(id -> write.attaching(scopes.get(id), serving.contains(id)));
        write.require();
        var v = new Validation();
        existing(v, "coordinatorId", "Coordinator", coordinatorId, "aucun coordinateur");
        v.check(adviserIds != null && !adviserIds.isEmpty(), "adviserIds", "au moins un conseiller");
        if (adviserIds != null) {
            v.check(!adviserIds.contains(coordinatorId), "adviserIds", "un coordinateur ne se coordonne pas lui-même");
            missing("Adviser", adviserIds).forEach(id -> v.problem("adviserIds", "aucun conseiller " + id));
        }
        v.orThrow();
        run("""
                MATCH (c:Coordinator {id: $id})
                UNWIND $adviserIds AS adviserId
                MATCH (a:Adviser {id: adviserId})
                MERGE (c)-[r:COORDINATES]->(a)
                ON CREATE SET r.since = coalesce($since, date())""",
                params("id", coordinatorId, "adviserIds", ids, "since", since));
        return adviser(coordinatorId);
    }

    public Adviser detachAdvisers(String coordinatorId, List<String> adviserIds) {
        var ids = distinct(adviserIds);
        var write = Access.write(ATTACHERS).touching(adviserScope(coordinatorId));
        var scopes = network.adviserScopes(ids);
        ids.forEach(id -> write.touching(scopes.get(id)));
        write.require();
        var v = new Validation();
        existing(v, "coordinatorId", "Coordinator", coordinatorId, "aucun coordinateur");
        v.check(adviserIds != null && !adviserIds.isEmpty(), "adviserIds", "au moins un conseiller");
        v.orThrow();
        run("""
                MATCH (:Coordinator {id: $id})-[r:COORDINATES]->(a:Adviser) WHERE a.id IN $adviserIds
                DELETE r""", params("id", coordinatorId, "adviserIds", ids));
        return adviser(coordinatorId);
    }

    // Hubs

    public NetworkModel.Hub createHub(HubInput input) {
        Access.write(Set.of(Role.ANCT)).require();
        var v = new Validation();
        v.text("input.name", input.name(), NAME);
        if (input.siret() != null && !input.siret().isBlank()) {
            Siret.problem(input.siret()).ifPresent(reason -> v.problem("input.siret", reason));
        }
        if (input.communeCode() != null) {
            requireCommune(v, "input.communeCode", input.communeCode());
        }
        v.check(input.regionCodes() != null && !input.regionCodes().isEmpty(), "input.regionCodes",
                "au moins une région");
        if (input.regionCodes() != null) {
            for (var code : input.regionCodes()) {
                v.check(territoryExists(new TerritoryRef(TerritoryLevel.REGION, code)), "input.regionCodes",
                        "aucune région de code " + code);
            }
        }
        var id = input.name() == null ? null : NetworkKeys.hubId(input.name());
        if (v.ok() && exists("Hub", "id", id)) {
            v.problem("input.name", "un hub porte déjà ce nom");
        }
        v.orThrow();
        run("""
                CREATE (h:Hub {id: $id, name: $name, siret: $siret, legalKind: $legalKind, foundedOn: $foundedOn,
                  createdAt: datetime()})
                WITH h
                UNWIND $regionCodes AS code
                MATCH (r:Region {code: code})
                CREATE (h)-[:COVERS]->(r)""", params("id", id, "name", input.name().strip(),
                "siret", Siret.normalise(Validation.trimToNull(input.siret())),
                "legalKind", input.legalKind() == null ? "ASSOCIATION" : input.legalKind().name(),
                "foundedOn", input.foundedOn(), "regionCodes", input.regionCodes()));
        if (input.communeCode() != null) {
            relocate("Hub", id, code(input.communeCode()));
        }
        return network.byIds("Hub", List.of(id), NetworkMapper::hub).get(id);
    }

    public NetworkModel.Hub supportCoordinators(String hubId, List<String> coordinatorIds) {
        var ids = distinct(coordinatorIds);
        var write = Access.write(Set.of(Role.ANCT, Role.HUB)).touching(network.actorScope("Hub", hubId));
        var scopes = network.coordinatorScopes(ids);
        ids.forEach(id -> write.touching(scopes.get(id)));
        write.require();
        var v = new Validation();
        existing(v, "hubId", "Hub", hubId, "aucun hub");
        v.check(coordinatorIds != null && !coordinatorIds.isEmpty(), "coordinatorIds", "au moins un coordinateur");
        if (coordinatorIds != null) {
            missing("Coordinator", coordinatorIds).forEach(id -> v.problem("coordinatorIds", "aucun coordinateur " + id));
        }
        v.orThrow();
        run("""
                MATCH (h:Hub {id: $id})
                UNWIND $coordinatorIds AS coordinatorId
                MATCH (c:Coordinator {id: coordinatorId})
                MERGE (h)-[:SUPPORTS]->(c)""", params("id", hubId, "coordinatorIds", ids));
        return network.byIds("Hub", List.of(hubId), NetworkMapper::hub).get(hubId);
    }

    // Places

    public NetworkModel.Place addPlace(PlaceInput input) {
        Access.write(TERRITORIAL).placing(commune(input.communeCode())).require();
        var v = place(input);
        var key = NetworkKeys.placeKey(input.externalId(), input.name(), code(input.communeCode()), input.address());
        if (v.ok() && exists("Place", "key", key)) {
            v.problem("input", "ce lieu existe déjà (même identifiant, ou même nom, commune et adresse)");
        }
        v.orThrow();
        var id = NetworkKeys.placeId(key);
        run("CREATE (p:Place {id: $id, key: $key, createdAt: datetime()})", params("id", id, "key", key));
        writePlace(id, input);
        return network.byIds("Place", List.of(id), NetworkMapper::place).get(id);
    }

    public NetworkModel.Place updatePlace(String id, PlaceInput input) {
        Access.write(TERRITORIAL).moving(network.actorScope("Place", id), commune(input.communeCode())).require();
        var v = place(input);
        existing(v, "id", "Place", id, "aucun lieu");
        v.orThrow();
        writePlace(id, input);
        return network.byIds("Place", List.of(id), NetworkMapper::place).get(id);
    }

    public String removePlace(String id) {
        authorize(TERRITORIAL, network.actorScope("Place", id));
        var v = new Validation();
        existing(v, "id", "Place", id, "aucun lieu");
        v.orThrow();
        run("MATCH (p:Place {id: $id}) DETACH DELETE p", params("id", id));
        return id;
    }

    // Partners

    public NetworkModel.Partner addPartner(PartnerInput input) {
        Access.write(TERRITORIAL).placing(commune(input.communeCode())).require();
        var v = new Validation();
        v.check(input.kind() != null, "input.kind", "obligatoire");
        v.text("input.name", input.name(), NAME).optionalText("input.address", input.address(), TEXT);
        if (input.siret() != null && !input.siret().isBlank()) {
            Siret.problem(input.siret()).ifPresent(reason -> v.problem("input.siret", reason));
        }
        requireCommune(v, "input.communeCode", input.communeCode());
        v.orThrow();
        var key = NetworkKeys.partnerKey(input.kind(), input.name(), code(input.communeCode()),
                Validation.trimToNull(input.siret()));
        if (exists("Partner", "key", key)) {
            throw new InvalidInputException("input", "ce partenaire existe déjà (même SIRET, ou même type, nom et commune)");
        }
        var id = NetworkKeys.partnerId(key);
        run("""
                CREATE (p:Partner {id: $id, key: $key, kind: $kind, name: $name, siret: $siret, address: $address,
                  createdAt: datetime()})""", params("id", id, "key", key, "kind", input.kind().name(),
                "name", input.name().strip(), "siret", Siret.normalise(Validation.trimToNull(input.siret())),
                "address", Validation.trimToNull(input.address())));
        relocate("Partner", id, code(input.communeCode()));
        return network.byIds("Partner", List.of(id), NetworkMapper::partner).get(id);
    }

    public NetworkModel.Partner linkPartner(String partnerId, String actorId, LocalDate since, String nature) {
        authorizePartnership(partnerId, actorId);
        var v = new Validation();
        existing(v, "partnerId", "Partner", partnerId, "aucun partenaire");
        v.check(actorId != null && (exists("Adviser", "id", actorId) || exists("Employer", "id", actorId)), "actorId",
                "aucun conseiller, coordinateur ou employeur " + actorId);
        v.optionalText("nature", nature, NAME);
        v.orThrow();
        run("""
                MATCH (p:Partner {id: $partnerId}), (x {id: $actorId}) WHERE x:Adviser OR x:Employer
                MERGE (p)-[l:PARTNERS_WITH]->(x)
                SET l.since = coalesce($since, l.since, date()), l.nature = coalesce($nature, l.nature)""",
                params("partnerId", partnerId, "actorId", actorId, "since", since,
                        "nature", Validation.trimToNull(nature)));
        return network.byIds("Partner", List.of(partnerId), NetworkMapper::partner).get(partnerId);
    }

    public NetworkModel.Partner unlinkPartner(String partnerId, String actorId) {
        authorizePartnership(partnerId, actorId);
        var v = new Validation();
        existing(v, "partnerId", "Partner", partnerId, "aucun partenaire");
        v.orThrow();
        run("MATCH (:Partner {id: $partnerId})-[l:PARTNERS_WITH]->({id: $actorId}) DELETE l",
                params("partnerId", partnerId, "actorId", actorId));
        return network.byIds("Partner", List.of(partnerId), NetworkMapper::partner).get(partnerId);
    }

    // Governance

    public NetworkModel.Governance setGovernance(GovernanceInput input) {
        authorizeGovernance(input);
        var v = new Validation();
        var department = code(input.departmentCode());
        v.check(department != null && territoryExists(new TerritoryRef(TerritoryLevel.DEPARTMENT, department)),
                "input.departmentCode", "aucun département de code " + input.departmentCode());
        v.text("input.name", input.name(), NAME);
        var members = input.members() == null ? List.<NetworkInputs.GovernanceMemberInput>of() : input.members();
        var actorIds = new ArrayList<String>();
        for (int i = 0; i < members.size(); i++) {
            var actorId = members.get(i).actorId();
            if (actorId != null && actorId.startsWith("PREFECTURE:")) {
                v.check(exists("Prefecture", "code", actorId.substring("PREFECTURE:".length())),
                        "input.members[" + i + "].actorId", "aucune préfecture " + actorId);
            } else {
                actorIds.add(actorId);
                v.check(actorId != null && (exists("Employer", "id", actorId) || exists("Hub", "id", actorId)
                        || exists("Partner", "id", actorId)), "input.members[" + i + "].actorId",
                        "aucun employeur, hub ou partenaire " + actorId);
            }
        }
        v.orThrow();
        var id = NetworkKeys.governanceId(department);
        var rows = members.stream().map(m -> {
            var row = new HashMap<String, Object>();
            row.put("actorId", m.actorId().startsWith("PREFECTURE:") ? null : m.actorId());
            row.put("prefecture", m.actorId().startsWith("PREFECTURE:") ? m.actorId().substring(11) : null);
            row.put("coCarrier", Boolean.TRUE.equals(m.coCarrier()));
            row.put("since", m.since());
            return row;
        }).toList();
        run("""
                MATCH (d:Department {code: $department})
                MERGE (g:Governance {departmentCode: $department})
                ON CREATE SET g.id = $id
                SET g.name = $name, g.since = $since
                MERGE (g)-[:GOVERNS]->(d)
                WITH g
                OPTIONAL MATCH ()-[old:MEMBER_OF]->(g)
                DELETE old
                WITH DISTINCT g
                UNWIND $members AS m
                MATCH (x) WHERE (m.actorId IS NOT NULL AND x.id = m.actorId AND (x:Employer OR x:Hub OR x:Partner))
                  OR (m.prefecture IS NOT NULL AND x:Prefecture AND x.code = m.prefecture)
                MERGE (x)-[r:MEMBER_OF]->(g)
                SET r.coCarrier = m.coCarrier, r.since = m.since""", params("department", department, "id", id,
                "name", input.name().strip(), "since", input.since(), "members", rows));
        return network.governanceOf(department);
    }

    // Who may

    /** Who registers and updates employers. */
    private static final Set<Role> EMPLOYER_KEEPERS = Set.of(Role.ANCT, Role.PREFECTURE, Role.HUB, Role.EMPLOYER);
    /** Who hires advisers, changes them, ends their contracts and sets their places. */
    private static final Set<Role> ADVISER_KEEPERS = Set.of(Role.ANCT, Role.HUB, Role.EMPLOYER);
    /** Who gives and takes the coordinator role and perimeters (outside the application workflow). */
    private static final Set<Role> COORDINATION = Set.of(Role.ANCT, Role.PREFECTURE, Role.HUB);
    /** Who attaches advisers to a coordinator and detaches them. */
    private static final Set<Role> ATTACHERS = Set.of(Role.ANCT, Role.PREFECTURE, Role.HUB, Role.COORDINATOR);
    /** Who maintains the places and partners of a territory. */
    private static final Set<Role> TERRITORIAL = Set.of(Role.ANCT, Role.PREFECTURE, Role.HUB);
    /** A governance member naming a prefecture: this prefix, then the département code. */
    private static final String PREFECTURE_MEMBER = "PREFECTURE:";

    private void authorize(Set<Role> allowed, Scope scope) {
        Access.write(allowed).touching(scope).require();
    }

    /** Adds to {@code write} each territory of {@code perimeter}, placed. */
    private Write placing(Write write, PerimeterInput perimeter) {
        if (perimeter != null && perimeter.territories() != null) {
            for (var ref : perimeter.territories()) {
                write.placing(network.territoryScope(ref));
            }
        }
        return write;
    }

    /**
     * Adds to {@code write} the located actors {@code ids} of label {@code label} (places, partners) an adviser or
     * an employer is put in touch with, each within reach of employer {@code employerId} or not.
     */
    private Write nearby(Write write, String employerId, String label, List<String> ids) {
        if (!ids.isEmpty()) {
            var scopes = network.actorScopes(label, ids);
            var outOfReach = network.outOfReach(employerId, label, ids);
            ids.forEach(id -> write.nearby(scopes.get(id), !outOfReach.contains(id)));
        }
        return write;
    }

    /** A partner link touches the actor (adviser, coordinator or employer) and the partner, near the actor's employer. */
    private void authorizePartnership(String partnerId, String actorId) {
        var write = Access.write(Access.NETWORK_WRITERS).touching(actorScopeOf(actorId));
        if (partnerId == null) {
            write.nearby(null, false);
        } else {
            nearby(write, network.reachingEmployer(actorId), "Partner", List.of(partnerId));
        }
        write.require();
    }

    /**
     * The governance of a département: placed in the département; each member (employer, hub, partner, prefecture)
     * is an actor of the département's region.
     */
    private void authorizeGovernance(GovernanceInput input) {
        var department = network.territoryScope(new TerritoryRef(TerritoryLevel.DEPARTMENT, code(input.departmentCode())));
        var write = Access.write(Set.of(Role.ANCT, Role.PREFECTURE)).placing(department);
        var members = input.members() == null ? List.<NetworkInputs.GovernanceMemberInput>of() : input.members();
        var actorIds = members.stream().map(NetworkInputs.GovernanceMemberInput::actorId)
                .filter(id -> id != null && !id.startsWith(PREFECTURE_MEMBER)).toList();
        var actors = network.actorScopes("Employer|Hub|Partner", actorIds);
        for (var member : members) {
            var id = member.actorId();
            var scope = id == null ? null : id.startsWith(PREFECTURE_MEMBER)
                    ? network.territoryScope(new TerritoryRef(TerritoryLevel.DEPARTMENT,
                            code(id.substring(PREFECTURE_MEMBER.length()))))
                    : actors.get(id);
            write.unlessNational(department != null && scope != null
                    && !Collections.disjoint(scope.regions(), department.regions()));
        }
        write.require();
    }

    private Scope adviserScope(String adviserId) {
        return adviserId == null ? null : network.adviserScopes(List.of(adviserId)).get(adviserId);
    }

    private Scope actorScopeOf(String actorId) {
        var adviser = adviserScope(actorId);
        return adviser != null ? adviser : actorId == null ? null : network.actorScope("Employer", actorId);
    }

    private Scope commune(String communeCode) {
        return network.territoryScope(new TerritoryRef(TerritoryLevel.COMMUNE, code(communeCode)));
    }

    private static List<String> distinct(List<String> ids) {
        return ids == null ? List.of() : List.copyOf(new LinkedHashSet<>(ids.stream().filter(Objects::nonNull).toList()));
    }

    // Checks against the graph

    private Object existing(Validation v, String field, String label, String id, String what) {
        if (id == null || !exists(label, "id", id)) {
            v.problem(field, what + " avec l'identifiant " + id);
            return null;
        }
        return id;
    }

    private boolean exists(String label, String property, Object value) {
        return neo4j.query("MATCH (n:" + label + " {" + property + ": $value}) RETURN count(n) > 0 AS found")
                .bind(value).to("value").fetchAs(Boolean.class).one().orElse(false);
    }

    private List<String> missing(String label, List<String> ids) {
        var found = new LinkedHashSet<>(neo4j.query("MATCH (n:" + label + ") WHERE n.id IN $ids RETURN n.id AS id")
                .bind(ids).to("ids").fetchAs(String.class).all());
        return ids.stream().filter(id -> !found.contains(id)).distinct().toList();
    }

    private boolean territoryExists(TerritoryRef ref) {
        return ref.code() != null && exists(ref.level().label(), "code", ref.code());
    }

    private void requireCommune(Validation v, String field, String code) {
        if (code == null || code.isBlank()) {
            v.problem(field, "obligatoire");
        } else if (!code(code).matches("[0-9][0-9AB][0-9]{3}")) {
            v.problem(field, "un code INSEE de commune compte 5 caractères, par exemple 2A004 (reçu « " + code + " »)");
        } else if (!territoryExists(new TerritoryRef(TerritoryLevel.COMMUNE, code))) {
            v.problem(field, "aucune commune de code INSEE " + code(code) + " dans le Code officiel géographique");
        }
    }

    private void requirePlaces(Validation v, List<String> placeIds) {
        missing("Place", placeIds).forEach(id -> v.problem("places", "aucun lieu " + id));
    }

    private static void contract(Validation v, NetworkEnums.ContractType type, LocalDate start, LocalDate end) {
        v.check(type != null, "input.contractType", "obligatoire");
        v.check(start != null, "input.start", "obligatoire");
        if (type != null && type.fixedTerm()) {
            v.check(end != null, "input.end", "obligatoire pour un " + type.label);
        }
        v.ordered("input.end", start, end, "la date de début");
    }

    /** The checks of a coordinator perimeter, for inputs that carry one under {@code field}. */
    public void checkPerimeter(Validation v, String field, PerimeterInput perimeter) {
        perimeter(v, field, perimeter);
    }

    /**
     * Gives an adviser the coordinator role over a perimeter, or moves its perimeter if it has the role already. No
     * check here: the coordinator application workflow authorizes and validates its recruitment step itself.
     */
    public void applyCoordinatorRole(String adviserId, PerimeterInput perimeter, LocalDate since) {
        run("""
                MATCH (a:Adviser {id: $id})
                SET a:Coordinator, a.coordinatorSince = coalesce(a.coordinatorSince, $since), a.perimeterKind = $kind,
                    a.updatedAt = datetime()
                WITH a
                OPTIONAL MATCH (a)-[r:COVERS]->()
                DELETE r""", params("id", adviserId, "since", since, "kind", perimeter.kind().name()));
        cover(adviserId, perimeter);
    }

    private void perimeter(Validation v, String prefix, PerimeterInput perimeter) {
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
        for (int i = 0; i < territories.size(); i++) {
            var ref = territories.get(i);
            var field = prefix + ".territories[" + i + "]";
            if (!allowed.contains(ref.level())) {
                v.problem(field, "un périmètre " + perimeter.kind() + " ne peut contenir un territoire " + ref.level());
            } else if (!territoryExists(ref)) {
                v.problem(field, "aucun territoire " + ref);
            }
        }
    }

    private Validation place(PlaceInput input) {
        var v = new Validation();
        v.text("input.name", input.name(), NAME).text("input.address", input.address(), TEXT);
        requireCommune(v, "input.communeCode", input.communeCode());
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

    private void writePlace(String id, PlaceInput input) {
        var values = params("id", id, "name", input.name().strip(), "externalId", Validation.trimToNull(input.externalId()),
                "pivot", Validation.trimToNull(input.pivot()), "address", input.address().strip(),
                "postalCode", Validation.trimToNull(input.postalCode()), "latitude", input.latitude(),
                "longitude", input.longitude(), "services", list(input.services()), "publics", list(input.publics()),
                "accessModes", list(input.accessModes()), "supportModes", list(input.supportModes()),
                "fees", list(input.fees()), "hours", Validation.trimToNull(input.hours()),
                "typologies", list(input.typologies()), "phone", Validation.trimToNull(input.phone()),
                "emails", list(input.emails()), "websites", list(input.websites()));
        run("""
                MATCH (p:Place {id: $id})
                SET p.name = $name, p.externalId = $externalId, p.pivot = $pivot, p.address = $address,
                    p.postalCode = $postalCode, p.latitude = $latitude, p.longitude = $longitude,
                    p.services = $services, p.publics = $publics, p.accessModes = $accessModes,
                    p.supportModes = $supportModes, p.fees = $fees, p.hours = $hours, p.typologies = $typologies,
                    p.phone = $phone, p.emails = $emails, p.websites = $websites, p.source = 'maillage',
                    p.updatedOn = date(), p.updatedAt = datetime()""", values);
        relocate("Place", id, code(input.communeCode()));
    }

    /** Moves an actor to a commune: the link and the copied territory codes change together. */
    private void relocate(String label, String id, String communeCode) {
        run("""
                MATCH (n:%s {id: $id}), (c:Commune {code: $communeCode})
                OPTIONAL MATCH (n)-[old:IN_COMMUNE]->()
                DELETE old
                WITH DISTINCT n, c
                CREATE (n)-[:IN_COMMUNE]->(c)
                SET n.communeCode = c.code, n.departmentCode = c.departmentCode, n.regionCode = c.regionCode"""
                .formatted(label), params("id", id, "communeCode", communeCode));
    }

    private void cover(String coordinatorId, PerimeterInput perimeter) {
        for (var ref : perimeter.territories()) {
            run("MATCH (c:Coordinator {id: $id}), (t:%s {code: $code}) MERGE (c)-[:COVERS]->(t)"
                    .formatted(ref.level().label()), params("id", coordinatorId, "code", ref.code()));
        }
    }

    private void assignPlaces(String adviserId, String mainPlaceId, List<String> placeIds) {
        if (placeIds.isEmpty()) {
            return;
        }
        run("""
                MATCH (a:Adviser {id: $id})
                UNWIND $placeIds AS placeId
                MATCH (p:Place {id: placeId})
                CREATE (a)-[:WORKS_AT {main: placeId = $mainPlaceId}]->(p)""",
                params("id", adviserId, "placeIds", placeIds, "mainPlaceId", mainPlaceId));
    }

    private static List<String> placeIds(String mainPlaceId, List<String> otherPlaceIds) {
        var ids = new LinkedHashSet<String>();
        if (mainPlaceId != null) {
            ids.add(mainPlaceId);
        }
        if (otherPlaceIds != null) {
            otherPlaceIds.stream().filter(Objects::nonNull).forEach(ids::add);
        }
        return List.copyOf(ids);
    }

    private Employer employer(String id) {
        return network.byIds("Employer", List.of(id), NetworkMapper::employer).get(id);
    }

    private Adviser adviser(String id) {
        return network.byIds("Adviser", List.of(id), NetworkMapper::adviser).get(id);
    }

    private void run(String cypher, Map<String, Object> parameters) {
        neo4j.query(cypher).bindAll(parameters).run();
    }

    private static List<String> list(List<String> values) {
        return values == null ? List.of() : values.stream().filter(s -> s != null && !s.isBlank()).map(String::strip)
                .toList();
    }

    private static String code(String code) {
        return code == null ? null : code.strip().toUpperCase();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private static Map<String, Object> params(Object... keysAndValues) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
