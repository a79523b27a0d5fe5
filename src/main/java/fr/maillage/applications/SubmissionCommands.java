package fr.maillage.applications;

import static fr.maillage.applications.ApplicationChecks.COMMENT;
import static fr.maillage.applications.ApplicationChecks.applicant;
import static fr.maillage.applications.ApplicationChecks.notBefore;
import static fr.maillage.applications.ApplicationChecks.requireStatus;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationModel.Consultation;
import fr.maillage.applications.ApplicationRules.ApplicantCategory;
import fr.maillage.applications.ApplicationRules.ApplicationStatus;
import fr.maillage.database.Cypher;
import fr.maillage.database.RetriedOnConflict;
import fr.maillage.validation.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant files its application, or withdraws it before the decision. Filing checks the whole case again as
 * things stood on the day of submission, and keeps a snapshot of the funding it was granted on.
 */
@Service
@Transactional
@RetriedOnConflict
class SubmissionCommands {

    private final ApplicationChecks checks;
    private final ApplicationReader applications;
    private final ApplicationDetailsReader details;
    private final CampaignReader campaigns;
    private final ApplicantReader applicants;
    private final ZoneReader zones;

    SubmissionCommands(ApplicationChecks checks, ApplicationReader applications, ApplicationDetailsReader details,
            CampaignReader campaigns, ApplicantReader applicants, ZoneReader zones) {
        this.checks = checks;
        this.applications = applications;
        this.details = details;
        this.campaigns = campaigns;
        this.applicants = applicants;
        this.zones = zones;
    }

    Application submit(String id, LocalDate on) {
        var current = checks.existing(id);
        var employer = checks.employer(current.employerId());
        applicant(employer).require();
        var v = new Validation();
        requireStatus(v, current, EnumSet.of(ApplicationStatus.DRAFT), "seul un brouillon se dépose");
        var day = checks.pastOrToday(v, on);
        var campaign = campaigns.campaign(current.campaignCode());
        if (day != null && !campaign.openOn(day)) {
            v.problem("on", "la campagne " + campaign.code() + " reçoit les candidatures du " + campaign.opensOn()
                    + " au " + campaign.closesOn() + " (dépôt le " + day + ")");
        }
        List<String> required = List.of();
        if (v.ok()) {
            // the employer's situation and the structures to consult, as they stood on the day of submission
            ApplicationRules.eligibilityProblem(employer.legalKind()).ifPresent(p -> v.problem("employerId", p));
            ApplicationRules.caseProblems(current.applicationCase(), applicants.situation(employer.id(), day))
                    .forEach(p -> v.problem("applicationCase", p));
            if (current.existingPostAdviserId() != null) {
                v.check(applicants.employedOn(current.existingPostAdviserId(), employer.id(), day),
                        "existingPostAdviserId",
                        "le conseiller du poste existant n'a pas de contrat en cours avec la structure le " + day);
            }
            required = zones.requiredConsultations(current.perimeter().territories(), employer.id(), day);
            var done = new HashMap<String, LocalDate>();
            details.consultations(List.of(id), day).get(id).stream().filter(Consultation::done)
                    .forEach(c -> done.put(c.employerId(), c.consultedOn()));
            var names = applicants.names(required);
            for (var employerId : required) {
                if (!done.containsKey(employerId)) {
                    v.problem("consultations", "la structure " + names.get(employerId)
                            + ", qui emploie des conseillers dans la zone, n'a pas été consultée");
                }
            }
            done.forEach((employerId, consultedOn) -> v.check(!consultedOn.isAfter(day), "consultations",
                    "la consultation de " + employerId + " (le " + consultedOn + ") suit la date de dépôt " + day));
        }
        // the funding is read again from the employer as it stands when filing, and that snapshot is kept
        var category = ApplicantCategory.of(employer.legalKind(), employer.sector());
        var rule = ApplicationRules.fundingRule(campaign.fundingRules(), category, current.contractType(),
                employer.departmentCode());
        if (v.ok() && rule.isEmpty()) {
            v.problem("contractType", ApplicationRules.noFundingReason(campaign.fundingRules(), category,
                    current.contractType()));
        }
        if (v.ok() && rule.get().requiresBranchAgreement() && !current.branchAgreement()) {
            v.problem("branchAgreement", "un contrat de projet de droit privé n'est financé que si un accord de branche"
                    + " ou une convention collective le permet");
        }
        v.orThrow();
        var existingPostStart = current.existingPostAdviserId() == null ? null
                : applicants.firstContractStart(current.existingPostAdviserId(), employer.id());
        var funding = ApplicationRules.funding(campaign, rule.get(), category, employer.departmentCode(),
                current.contractType(), current.applicationCase(), existingPostStart);
        var changes = Cypher.parameters("submittedOn", day, "requiredConsultations", required,
                "amountEur", funding.amountEur(), "periodMonths", funding.periodMonths(),
                "fundingStart", funding.startsOn(), "fundingRuleKey", rule.get().key(), "fundingNotes", funding.notes(),
                "applicantLegalKind", employer.legalKind().name(), "applicantSector", employer.sector().name(),
                "applicantDepartmentCode", employer.departmentCode());
        checks.transition(current, EnumSet.of(ApplicationStatus.DRAFT), ApplicationStatus.SUBMITTED, changes, "SUBMIT",
                "Dépôt de la candidature", day, null);
        return applications.application(id);
    }

    Application withdraw(String id, String reason, LocalDate on) {
        var current = checks.existing(id);
        applicant(checks.employer(current.employerId())).require();
        var v = new Validation();
        requireStatus(v, current, ApplicationRules.WITHDRAWABLE, "une candidature décidée ne se retire plus");
        v.optionalText("reason", reason, COMMENT);
        var day = checks.pastOrToday(v, on);
        notBefore(v, day, current.submittedOn(), "la date de dépôt");
        v.orThrow();
        checks.transition(current, ApplicationRules.WITHDRAWABLE, ApplicationStatus.WITHDRAWN, Map.of(), "WITHDRAW",
                "Retrait de la candidature", day, Validation.trimToNull(reason));
        return applications.application(id);
    }
}
