package fr.maillage.applications;

import static fr.maillage.applications.ApplicationChecks.COMMENT;
import static fr.maillage.applications.ApplicationChecks.notBefore;
import static fr.maillage.applications.ApplicationChecks.requireStatus;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationRules.ApplicationStatus;
import fr.maillage.database.Cypher;
import fr.maillage.database.RetriedOnConflict;
import fr.maillage.security.Access;
import fr.maillage.security.Caller;
import fr.maillage.security.ForbiddenException;
import fr.maillage.security.Role;
import fr.maillage.security.Scope;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.validation.Validation;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prefecture of each département of the zone gives its opinion on a filed application; once all have, the
 * application is reviewed and awaits ANCT's decision.
 */
@Service
@Transactional
@RetriedOnConflict
class OpinionCommands {

    private static final String GIVE_OPINION = """
            MATCH (a:CoordinatorApplication {id: $id}), (p:Prefecture {code: $department})
            MERGE (p)-[o:GAVE_OPINION]->(a)
            SET o.favourable = $favourable, o.comment = $comment, o.on = $on, o.recordedAt = datetime(),
                o.by = $subject
            RETURN count(o)""";

    private static final String ALL_OPINIONS_GIVEN = """
            MATCH (a:CoordinatorApplication {id: $id})
            RETURN all(d IN a.departmentCodes WHERE EXISTS { (:Prefecture {code: d})-[:GAVE_OPINION]->(a) })""";

    private final ApplicationChecks checks;
    private final ApplicationReader applications;
    private final Neo4jClient neo4j;

    OpinionCommands(ApplicationChecks checks, ApplicationReader applications, Neo4jClient neo4j) {
        this.checks = checks;
        this.applications = applications;
        this.neo4j = neo4j;
    }

    Application giveOpinion(String id, String departmentCode, Boolean favourable, String comment, LocalDate on) {
        var department = departmentCode == null ? null : departmentCode.strip().toUpperCase();
        Access.requireWrite(Caller.current(), Set.of(Role.PREFECTURE),
                department == null ? Scope.NOWHERE : Scope.of(List.of(department), List.of(), List.of(), List.of()));
        if (id == null || !applications.visible(id, Caller.current())) {
            throw new ForbiddenException();
        }
        var current = checks.existing(id);
        var v = new Validation();
        requireStatus(v, current, ApplicationRules.AWAITING_OPINION, "la candidature n'attend pas d'avis");
        v.check(current.perimeter().departmentCodes().contains(department), "departmentCode",
                "le département " + department + " n'est pas dans la zone de la candidature (départements : "
                        + String.join(", ", current.perimeter().departmentCodes()) + ")");
        v.check(favourable != null, "favourable", "obligatoire");
        v.check(!Boolean.FALSE.equals(favourable) || comment != null && !comment.isBlank(), "comment",
                "un avis défavorable est motivé");
        v.optionalText("comment", comment, COMMENT);
        var day = checks.pastOrToday(v, on);
        notBefore(v, day, current.submittedOn(), "la date de dépôt");
        v.orThrow();
        long written = neo4j.query(GIVE_OPINION).bindAll(Cypher.parameters("id", id, "department", department,
                "favourable", favourable, "comment", Validation.trimToNull(comment), "on", day,
                "subject", Caller.current().subject()))
                .fetchAs(Long.class).one().orElse(0L);
        if (written == 0) {
            throw new InvalidInputException("departmentCode", "aucune préfecture pour le département " + department);
        }
        boolean complete = neo4j.query(ALL_OPINIONS_GIVEN).bind(id).to("id").fetchAs(Boolean.class).one()
                .orElse(false);
        checks.transition(current, ApplicationRules.AWAITING_OPINION,
                complete ? ApplicationStatus.REVIEWED : ApplicationStatus.SUBMITTED, Map.of(), "OPINION",
                "Avis " + (favourable ? "favorable" : "défavorable") + " de la préfecture " + department, day,
                Validation.trimToNull(comment));
        return applications.application(id);
    }
}
