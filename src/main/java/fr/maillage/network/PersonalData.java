package fr.maillage.network;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.maillage.database.Cypher;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Contract;
import fr.maillage.network.NetworkModel.Coordinator;
import fr.maillage.network.NetworkModel.PlaceAssignment;
import fr.maillage.security.Access;
import fr.maillage.security.Caller;
import fr.maillage.security.ForbiddenException;
import fr.maillage.security.PersonalDataAudit;
import fr.maillage.security.Role;
import fr.maillage.validation.InvalidInputException;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * GDPR for advisers, behind {@link AdviserPrivacy}: right of access (everything the network holds on an adviser),
 * right of erasure (anonymisation), and the audit trail. Each method authorizes, then reads or writes in one
 * transaction.
 */
@Service
class PersonalData {

    record AuditEvent(String id, String at, String subject, List<String> roles, String action, String operation,
            List<String> adviserIds) {
    }

    record PersonalDataExport(String exportedAt, Adviser adviser, List<Contract> contracts,
            List<PlaceAssignment> places, List<Coordinator> coordinators, List<AuditEvent> accessLog) {
    }

    private static final String PROGRAMME_ID = "MATCH (a:Adviser {id: $id}) RETURN a.externalId AS externalId";

    /** The programme id goes, leaving a digest that only an import naming it again finds (the erasure is final). */
    private static final String ERASE = """
            MATCH (a:Adviser {id: $id})
            SET a.firstName = null, a.lastName = null, a.email = null, a.phone = null, a.externalId = null,
                a.programmeIdDigest = coalesce($digest, a.programmeIdDigest),
                a.anonymised = true, a.anonymisedAt = coalesce(a.anonymisedAt, datetime()), a.updatedAt = datetime()
            RETURN a""";

    /** The whole trail, newest first: read in the order of the index on {@code at}, {@code $first} records. */
    private static final String AUDIT = """
            MATCH (e:AuditEvent) WHERE e.at IS NOT NULL
            RETURN e ORDER BY e.at DESC, e.id DESC LIMIT $first""";

    /**
     * The records naming one adviser, newest first, found through the keyword full-text index of their
     * {@code indexedAdviserIds} (migration 0014): {@code $lucene} is the id as one quoted term ({@link #term}), and the
     * list itself is checked again. Sorted after: the cost follows that adviser's records, not the trail's.
     */
    private static final String AUDIT_OF_ADVISER = """
            CALL db.index.fulltext.queryNodes('audit_event_advisers', $lucene) YIELD node AS e
            WHERE $id IN e.indexedAdviserIds AND e.at IS NOT NULL
            RETURN e ORDER BY e.at DESC, e.id DESC LIMIT $first""";

    /** Who may export or erase an adviser's personal data, in its scope (and the adviser itself, for the export). */
    private static final Set<Role> KEEPERS = Set.of(Role.ANCT, Role.EMPLOYER);

    private final Neo4jClient neo4j;
    private final NetworkRepository network;
    private final ScopeReader scopes;
    private final AdviserReader advisers;
    private final Clock clock;

    PersonalData(Neo4jClient neo4j, NetworkRepository network, ScopeReader scopes, AdviserReader advisers,
            Clock clock) {
        this.neo4j = neo4j;
        this.network = network;
        this.scopes = scopes;
        this.advisers = advisers;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    PersonalDataExport export(String adviserId) {
        var caller = Caller.current();
        var scope = scopes.adviserScopes(List.of(adviserId), null).get(adviserId);
        boolean self = caller.has(Role.COORDINATOR) && adviserId.equals(caller.adviserId());
        if (!self) {
            Access.requireWrite(caller, KEEPERS, scope);
        }
        var adviser = network.adviser(adviserId);
        if (adviser == null) {
            // an id that exists nowhere is out of everyone's scope but ANCT's: others get the refusal they get for
            // an adviser out of their scope, ANCT is told
            if (!caller.national()) {
                throw new ForbiddenException();
            }
            throw new InvalidInputException("adviserId", "aucun conseiller avec l'identifiant " + adviserId);
        }
        return new PersonalDataExport(OffsetDateTime.now(clock).toString(), adviser, advisers.contracts(adviserId),
                advisers.placesOfAdvisers(List.of(adviserId)).get(adviserId),
                advisers.coordinatorsOfAdvisers(List.of(adviserId)).get(adviserId), audit(adviserId, 200));
    }

    /** The latest {@code first} audit events naming adviser {@code adviserId} (all of them when null). */
    @Transactional(readOnly = true)
    List<AuditEvent> audit(String adviserId, int first) {
        if (adviserId != null && (adviserId.isEmpty()
                || adviserId.codePointCount(0, adviserId.length()) > PersonalDataAudit.INDEXED_ID_LENGTH)) {
            throw new InvalidInputException("adviserId", "de 1 à " + PersonalDataAudit.INDEXED_ID_LENGTH
                    + " caractères (aucun conseiller n'a d'identifiant plus long)");
        }
        var query = adviserId == null ? neo4j.query(AUDIT).bindAll(Map.of("first", first))
                : neo4j.query(AUDIT_OF_ADVISER).bindAll(Map.of("id", adviserId, "lucene", term(adviserId),
                        "first", first));
        return List.copyOf(query.fetchAs(AuditEvent.class).mappedBy((types, row) -> event(row.get("e"))).all());
    }

    /**
     * An id as one Lucene term: quoted, its quotes and backslashes escaped, so that no character of it (-, *, :, a
     * space) is read as query syntax; the index's keyword analyzer then takes the whole of it as one token.
     */
    static String term(String id) {
        return '"' + id.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    @Transactional
    Adviser erase(String adviserId) {
        Access.requireWrite(Caller.current(), KEEPERS, scopes.adviserScopes(List.of(adviserId), null).get(adviserId));
        var programmeId = neo4j.query(PROGRAMME_ID).bind(adviserId).to("id").fetchAs(String.class)
                .mappedBy((types, row) -> row.get("externalId").asString(null)).one();
        var erased = neo4j.query(ERASE).bindAll(Cypher.parameters("id", adviserId,
                "digest", programmeId.map(NetworkKeys::programmeIdDigest).orElse(null)))
                .fetchAs(Adviser.class).mappedBy((types, row) -> NetworkMapper.adviser(row.get("a"))).one();
        return erased.orElseThrow(
                () -> new InvalidInputException("adviserId", "aucun conseiller avec l'identifiant " + adviserId));
    }

    private static AuditEvent event(Value value) {
        var n = value.asNode();
        return new AuditEvent(n.get("id").asString(), n.get("at").asZonedDateTime().toOffsetDateTime().toString(),
                n.get("subject").asString(), n.get("roles").asList(Value::asString), n.get("action").asString(),
                n.get("operation").asString(null), n.get("adviserIds").asList(Value::asString));
    }
}
