package fr.maillage.applications;

import static fr.maillage.applications.ApplicationChecks.COMMENT;
import static fr.maillage.applications.ApplicationChecks.notBefore;
import static fr.maillage.applications.ApplicationChecks.requireNational;
import static fr.maillage.applications.ApplicationChecks.requireStatus;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationModel.PrefectureOpinion;
import fr.maillage.applications.ApplicationRules.ApplicationDecision;
import fr.maillage.applications.ApplicationRules.ApplicationStatus;
import fr.maillage.database.Cypher;
import fr.maillage.database.RetriedOnConflict;
import fr.maillage.validation.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** ANCT decides on a reviewed application, then notifies the applicant of its decision. */
@Service
@Transactional
@RetriedOnConflict
class DecisionCommands {

    private final ApplicationChecks checks;
    private final ApplicationReader applications;
    private final ApplicationDetailsReader details;

    DecisionCommands(ApplicationChecks checks, ApplicationReader applications, ApplicationDetailsReader details) {
        this.checks = checks;
        this.applications = applications;
        this.details = details;
    }

    Application decide(String id, ApplicationDecision decision, String comment, LocalDate on) {
        requireNational();
        var current = checks.existing(id);
        var v = new Validation();
        if (current.status() == ApplicationStatus.SUBMITTED) {
            var awaited = details.opinions(List.of(id)).get(id).stream().filter(o -> !o.given())
                    .map(PrefectureOpinion::departmentCode).toList();
            v.problem("id", "avis attendu de la préfecture : " + String.join(", ", awaited));
        } else {
            requireStatus(v, current, EnumSet.of(ApplicationStatus.REVIEWED), "seule une candidature instruite se décide");
        }
        v.check(decision != null, "decision", "obligatoire");
        v.check(decision != ApplicationDecision.REFUSED || comment != null && !comment.isBlank(), "comment",
                "un refus est motivé");
        v.optionalText("comment", comment, COMMENT);
        var day = checks.pastOrToday(v, on);
        if (v.ok()) {
            for (var opinion : details.opinions(List.of(id)).get(id)) {
                notBefore(v, day, opinion.givenOn(), "l'avis de la préfecture " + opinion.departmentCode());
            }
        }
        v.orThrow();
        var to = decision == ApplicationDecision.ACCEPTED ? ApplicationStatus.ACCEPTED : ApplicationStatus.REFUSED;
        checks.transition(current, EnumSet.of(ApplicationStatus.REVIEWED), to,
                Cypher.parameters("decision", decision.name(), "decidedOn", day,
                        "decisionComment", Validation.trimToNull(comment)),
                "DECIDE", "Décision de l'ANCT : " + (to == ApplicationStatus.ACCEPTED ? "acceptée" : "refusée"), day,
                Validation.trimToNull(comment));
        return applications.application(id);
    }

    Application notifyDecision(String id, LocalDate on) {
        requireNational();
        var current = checks.existing(id);
        var v = new Validation();
        var from = EnumSet.of(ApplicationStatus.ACCEPTED, ApplicationStatus.REFUSED);
        requireStatus(v, current, from, "seule une décision prise se notifie");
        var day = checks.pastOrToday(v, on);
        notBefore(v, day, current.decidedOn(), "la décision");
        v.orThrow();
        checks.transition(current, from, ApplicationStatus.NOTIFIED, Cypher.parameters("notifiedOn", day), "NOTIFY",
                "Notification de la décision à la structure", day, null);
        return applications.application(id);
    }
}
