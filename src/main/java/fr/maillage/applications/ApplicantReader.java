package fr.maillage.applications;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import fr.maillage.applications.ApplicationRules.Situation;
import fr.maillage.network.NetworkEnums.LegalKind;
import fr.maillage.network.NetworkEnums.Sector;
import fr.maillage.network.NetworkQueries;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the workflow reads of the applicant and of the advisers an application names: the employer's facts and
 * situation, the contracts with it. Statements built with a network rule are under docs/cypher/applications.
 */
@Repository
@Transactional(readOnly = true)
class ApplicantReader {

    private static final String EMPLOYER = """
            MATCH (e:Employer {id: $id})
            RETURN e.id AS id, e.siret AS siret, e.name AS name, e.sector AS sector, e.legalKind AS legalKind,
                   e.departmentCode AS departmentCode""";

    /**
     * In the programme: it employs or has employed a conseiller numérique; carries a coordination post on
     * {@code $day}: an active coordinator under a contract with it running then.
     */
    static final String SITUATION = """
            MATCH (e:Employer {id: $id})
            RETURN EXISTS { (e)<-[:EMPLOYED_BY]-(x:Adviser) WHERE %s = 'CONSEILLER_NUMERIQUE' } AS inProgramme,
                   EXISTS { (e)<-[:EMPLOYED_BY]-(c:Coordinator) WHERE %s } AS carriesCoordination"""
            .formatted(ApplicationQueries.scheme("x"),
                    NetworkQueries.activeAdviserOf("c", "e", "$day"));

    /** Whether adviser {@code $adviserId} has a contract with employer {@code $employerId} running on {@code $day}. */
    static final String EMPLOYED_ON = """
            RETURN EXISTS { (:Adviser {id: $adviserId})-[k:EMPLOYED_BY]->(:Employer {id: $employerId})
              WHERE %s }""".formatted(NetworkQueries.running("k", "$day"));

    /** The holder of an existing post: coordinator or not, its scheme, the start of its first contract with the employer. */
    static final String EXISTING_POST = """
            MATCH (x:Adviser {id: $id})
            OPTIONAL MATCH (x)-[k:EMPLOYED_BY]->(:Employer {id: $employerId})
            WITH x, k ORDER BY k.start
            RETURN x:Coordinator AS coordinator, %s AS scheme,
                   head(collect(k.start)) AS start""".formatted(ApplicationQueries.scheme("x"));

    private static final String FIRST_CONTRACT_START = """
            MATCH (:Adviser {id: $adviserId})-[k:EMPLOYED_BY]->(:Employer {id: $employerId})
            RETURN min(k.start)""";

    private static final String IS_COORDINATOR = "MATCH (x:Adviser {id: $id}) RETURN x:Coordinator";

    private static final String NAMES = """
            MATCH (e:Employer) WHERE e.id IN $ids
            RETURN e.id AS id, e.name + ' (SIRET ' + e.siret + ')' AS name""";

    private final Neo4jClient neo4j;

    ApplicantReader(Neo4jClient neo4j) {
        this.neo4j = neo4j;
    }

    /** What the rules need of an employer. */
    record EmployerFacts(String id, String siret, String name, Sector sector, LegalKind legalKind,
            String departmentCode) {
    }

    Optional<EmployerFacts> employer(String id) {
        return neo4j.query(EMPLOYER).bind(id).to("id").fetchAs(EmployerFacts.class)
                .mappedBy((types, row) -> new EmployerFacts(row.get("id").asString(), row.get("siret").asString(null),
                        row.get("name").asString(null), Sector.valueOf(row.get("sector").asString()),
                        LegalKind.valueOf(row.get("legalKind").asString()), row.get("departmentCode").asString(null)))
                .one();
    }

    Situation situation(String employerId, LocalDate day) {
        return neo4j.query(SITUATION).bindAll(Map.of("id", employerId, "day", day)).fetchAs(Situation.class)
                .mappedBy((types, row) -> new Situation(row.get("inProgramme").asBoolean(),
                        row.get("carriesCoordination").asBoolean()))
                .one().orElse(new Situation(false, false));
    }

    boolean employedOn(String adviserId, String employerId, LocalDate day) {
        return neo4j.query(EMPLOYED_ON).bindAll(Map.of("adviserId", adviserId, "employerId", employerId, "day", day))
                .fetchAs(Boolean.class).one().orElse(false);
    }

    /** The holder of an existing post, as {@link #EXISTING_POST} reads it. */
    record PostHolder(boolean coordinator, String scheme, LocalDate firstContractStart) {
    }

    Optional<PostHolder> existingPost(String adviserId, String employerId) {
        return neo4j.query(EXISTING_POST).bindAll(Map.of("id", adviserId, "employerId", employerId))
                .fetchAs(PostHolder.class).mappedBy((types, row) -> new PostHolder(row.get("coordinator").asBoolean(),
                        row.get("scheme").asString(null), ApplicationMapping.date(row.get("start"))))
                .one();
    }

    /** The start of the first contract of the adviser with the employer; null without one. */
    LocalDate firstContractStart(String adviserId, String employerId) {
        return neo4j.query(FIRST_CONTRACT_START).bindAll(Map.of("adviserId", adviserId, "employerId", employerId))
                .fetchAs(LocalDate.class).one().orElse(null);
    }

    /** Whether the adviser is a coordinator; empty when there is no such adviser. */
    Optional<Boolean> coordinator(String adviserId) {
        return neo4j.query(IS_COORDINATOR).bind(adviserId).to("id").fetchAs(Boolean.class).one();
    }

    /** The name and SIRET of employers, by id. */
    Map<String, String> names(List<String> employerIds) {
        var names = new HashMap<String, String>();
        neo4j.query(NAMES).bind(employerIds).to("ids").fetchAs(EmployerName.class)
                .mappedBy((types, row) -> new EmployerName(row.get("id").asString(), row.get("name").asString(null)))
                .all().forEach(e -> names.put(e.id(), e.name()));
        return names;
    }

    private record EmployerName(String id, String name) {
    }
}
