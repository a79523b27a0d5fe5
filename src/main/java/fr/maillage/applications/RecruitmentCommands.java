package fr.maillage.applications;

import static fr.maillage.applications.ApplicationChecks.applicant;
import static fr.maillage.applications.ApplicationChecks.notBefore;
import static fr.maillage.applications.ApplicationChecks.requireStatus;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationRules.ApplicationCase;
import fr.maillage.applications.ApplicationRules.ApplicationDecision;
import fr.maillage.applications.ApplicationRules.ApplicationStatus;
import fr.maillage.database.Cypher;
import fr.maillage.database.RetriedOnConflict;
import fr.maillage.network.CoordinatorRoles;
import fr.maillage.network.NetworkInputs.PerimeterInput;
import fr.maillage.network.NetworkRepository;
import fr.maillage.validation.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant recruits the coordinator of an accepted application: the adviser gets the coordinator role over the
 * zone, through the network's {@link CoordinatorRoles} (the network's nodes change only there); the application
 * records whom it recruited.
 */
@Service
@Transactional
@RetriedOnConflict
class RecruitmentCommands {

    private static final String RECRUITED = """
            MATCH (a:CoordinatorApplication {id: $id}), (x:Adviser {id: $adviserId})
            CREATE (a)-[:RECRUITED]->(x)""";

    private final ApplicationChecks checks;
    private final ApplicationReader applications;
    private final ApplicantReader applicants;
    private final NetworkRepository network;
    private final CoordinatorRoles coordinatorRoles;
    private final Cypher cypher;

    RecruitmentCommands(ApplicationChecks checks, ApplicationReader applications, ApplicantReader applicants,
            NetworkRepository network, CoordinatorRoles coordinatorRoles, Cypher cypher) {
        this.checks = checks;
        this.applications = applications;
        this.applicants = applicants;
        this.network = network;
        this.coordinatorRoles = coordinatorRoles;
        this.cypher = cypher;
    }

    Application recordRecruitment(String id, String adviserId, LocalDate on) {
        var current = checks.existing(id);
        // the recruited adviser is the applicant's: touched on the day of the act
        applicant(checks.employer(current.employerId())).touching(adviserId == null ? null
                : network.adviserScopes(List.of(adviserId), on == null ? checks.today() : on).get(adviserId)).require();
        var v = new Validation();
        if (current.status() == ApplicationStatus.NOTIFIED && current.decision() == ApplicationDecision.REFUSED) {
            v.problem("id", "la candidature a été refusée : pas de recrutement");
        } else {
            requireStatus(v, current, EnumSet.of(ApplicationStatus.NOTIFIED),
                    "le recrutement suit la notification de l'acceptation");
        }
        var day = checks.pastOrToday(v, on);
        notBefore(v, day, current.notifiedOn(), "la notification");
        if (v.ok()) {
            var coordinator = adviserId == null ? Optional.<Boolean>empty()
                    : applicants.coordinator(adviserId);
            if (coordinator.isEmpty()) {
                v.problem("adviserId", "aucun conseiller avec l'identifiant " + adviserId);
            } else {
                v.check(applicants.employedOn(adviserId, current.employerId(), day), "adviserId",
                        "le coordinateur doit être employé par la structure candidate, sous un contrat en cours le " + day);
                boolean keepsPost = adviserId.equals(current.existingPostAdviserId());
                var applicationCase = current.applicationCase();
                v.check(keepsPost || applicationCase == ApplicationCase.CONVERT_ADVISER_POST
                        || !applicationCase.existingPost, "adviserId", "le cas « " + applicationCase.label
                        + " » porte sur le poste existant : son titulaire (" + current.existingPostAdviserId()
                        + ") en est le coordinateur");
                v.check(!coordinator.get() || keepsPost, "adviserId",
                        "ce conseiller est déjà coordinateur sur un autre périmètre");
            }
        }
        v.orThrow();
        var perimeter = new PerimeterInput(current.perimeter().kind(), current.perimeter().territories());
        coordinatorRoles.grantRecruited(adviserId, perimeter, day,
                current.applicationCase() == ApplicationCase.INTEGRATE_COORDINATION_POST);
        cypher.run(RECRUITED, Cypher.parameters("id", id, "adviserId", adviserId));
        var changes = Cypher.parameters("recruitedOn", day, "coordinatorId", adviserId);
        if (!current.applicationCase().fundedFromEndOfInitialPeriod()) {
            changes.put("fundingStart", day);
        }
        checks.transition(current, EnumSet.of(ApplicationStatus.NOTIFIED), ApplicationStatus.RECRUITED, changes,
                "RECRUIT", "Recrutement : rôle de coordinateur attribué sur la zone de la candidature", day, null);
        return applications.application(id);
    }
}
