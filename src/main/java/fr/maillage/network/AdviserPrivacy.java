package fr.maillage.network;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import fr.maillage.graphql.InvalidInputException;
import fr.maillage.graphql.PageRequest;
import fr.maillage.graphql.ApiProperties;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Contract;
import fr.maillage.network.NetworkModel.Coordinator;
import fr.maillage.network.NetworkModel.PlaceAssignment;
import fr.maillage.security.Access;
import fr.maillage.security.Caller;
import fr.maillage.security.ForbiddenException;
import fr.maillage.security.PersonalDataAudit;
import fr.maillage.security.Role;
import graphql.schema.DataFetchingEnvironment;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;

/** GDPR for advisers: right of access (export), right of erasure (anonymisation), and the audit trail. */
@Controller
class AdviserPrivacy {

    private final NetworkRepository network;
    private final Neo4jClient neo4j;
    private final ApiProperties limits;

    AdviserPrivacy(NetworkRepository network, Neo4jClient neo4j, ApiProperties limits) {
        this.network = network;
        this.neo4j = neo4j;
        this.limits = limits;
    }

    record AuditEvent(String id, String at, String subject, List<String> roles, String action, String operation,
            List<String> adviserIds) {
    }

    record PersonalDataExport(String exportedAt, Adviser adviser, List<Contract> contracts,
            List<PlaceAssignment> places, List<Coordinator> coordinators, List<AuditEvent> accessLog) {
    }

    @QueryMapping
    @Transactional(readOnly = true)
    PersonalDataExport personalDataExport(@Argument String adviserId, DataFetchingEnvironment env) {
        var caller = Caller.current();
        var scope = network.adviserScopes(List.of(adviserId)).get(adviserId);
        boolean self = caller.has(Role.COORDINATOR) && adviserId.equals(caller.adviserId());
        if (!self) {
            Access.requireWrite(caller, Set.of(Role.ANCT, Role.EMPLOYER), scope);
        }
        var adviser = network.byIds("Adviser", List.of(adviserId), NetworkMapper::adviser).get(adviserId);
        if (adviser == null) {
            // an id that exists nowhere is out of everyone's scope but ANCT's: others get the refusal they get for
            // an adviser out of their scope, ANCT is told
            if (!caller.national()) {
                throw new ForbiddenException();
            }
            throw new InvalidInputException("adviserId", "aucun conseiller avec l'identifiant " + adviserId);
        }
        PersonalDataAudit.changed(env.getGraphQlContext(), adviserId);
        var contracts = neo4j.query("""
                MATCH (:Adviser {id: $id})-[r:EMPLOYED_BY]->(e:Employer) RETURN r, e.id AS employerId ORDER BY r.start""")
                .bind(adviserId).to("id").fetch().all().stream()
                .map(row -> NetworkMapper.contract((org.neo4j.driver.types.Relationship) row.get("r"),
                        (String) row.get("employerId"))).toList();
        return new PersonalDataExport(OffsetDateTime.now().toString(), adviser, contracts,
                network.placesOfAdvisers(List.of(adviserId)).get(adviserId),
                network.coordinatorsOfAdvisers(List.of(adviserId)).get(adviserId), audit(adviserId, 200));
    }

    @QueryMapping
    @Transactional(readOnly = true)
    List<AuditEvent> auditTrail(@Argument String adviserId, @Argument Integer first) {
        Access.requireRole(Caller.current(), Role.ANCT);
        return audit(adviserId, PageRequest.of(first, null, limits.maxPageSize()).first());
    }

    @MutationMapping
    @Transactional
    Adviser eraseAdviserPersonalData(@Argument String adviserId, DataFetchingEnvironment env) {
        Access.requireWrite(Caller.current(), Set.of(Role.ANCT, Role.EMPLOYER),
                network.adviserScopes(List.of(adviserId)).get(adviserId));
        // the programme id goes, leaving a digest that only an import naming it again finds (the erasure is final)
        var programmeId = neo4j.query("MATCH (a:Adviser {id: $id}) RETURN a.externalId AS externalId")
                .bind(adviserId).to("id").fetchAs(String.class).mappedBy((types, row) -> row.get("externalId")
                        .asString(null)).one();
        var parameters = new java.util.HashMap<String, Object>();
        parameters.put("id", adviserId);
        parameters.put("digest", programmeId.map(NetworkKeys::programmeIdDigest).orElse(null));
        var erased = neo4j.query("""
                MATCH (a:Adviser {id: $id})
                SET a.firstName = null, a.lastName = null, a.email = null, a.phone = null, a.externalId = null,
                    a.programmeIdDigest = coalesce($digest, a.programmeIdDigest),
                    a.anonymised = true, a.anonymisedAt = coalesce(a.anonymisedAt, datetime()), a.updatedAt = datetime()
                RETURN a""").bindAll(parameters).fetch().one()
                .map(row -> NetworkMapper.adviser(row.get("a")));
        if (erased.isEmpty()) {
            throw new InvalidInputException("adviserId", "aucun conseiller avec l'identifiant " + adviserId);
        }
        PersonalDataAudit.changed(env.getGraphQlContext(), adviserId);
        return erased.get();
    }

    private List<AuditEvent> audit(String adviserId, int first) {
        var parameters = new java.util.HashMap<String, Object>();
        parameters.put("id", adviserId);
        parameters.put("first", first);
        return List.copyOf(neo4j.query("""
                MATCH (e:AuditEvent) WHERE $id IS NULL OR $id IN e.adviserIds
                RETURN e ORDER BY e.at DESC LIMIT $first""").bindAll(parameters).fetch().all().stream()
                .map(row -> event((org.neo4j.driver.types.Node) row.get("e"))).toList());
    }

    private static AuditEvent event(org.neo4j.driver.types.Node n) {
        return new AuditEvent(n.get("id").asString(), n.get("at").asZonedDateTime().toOffsetDateTime().toString(),
                n.get("subject").asString(), n.get("roles").asList(Value::asString), n.get("action").asString(),
                n.get("operation").asString(null), n.get("adviserIds").asList(Value::asString));
    }

}
