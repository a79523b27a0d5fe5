package fr.maillage.applications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Map;

import fr.maillage.applications.ApplicantReader.EmployerFacts;
import fr.maillage.applications.ApplicationInputs.ApplicationInput;
import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationModel.ApplicationPreview;
import fr.maillage.applications.ApplicationModel.Campaign;
import fr.maillage.applications.ApplicationModel.CaseFit;
import fr.maillage.applications.ApplicationModel.Funding;
import fr.maillage.applications.ApplicationRules.ApplicantCategory;
import fr.maillage.applications.ApplicationRules.ApplicationCase;
import fr.maillage.applications.ApplicationRules.FundingRule;
import fr.maillage.applications.ApplicationRules.Situation;
import fr.maillage.database.Cypher;
import fr.maillage.network.CoordinatorRoles;
import fr.maillage.network.NetworkEnums.Scheme;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.validation.Validation;
import org.springframework.stereotype.Component;

/** Everything a draft must satisfy (created or updated), with every problem at once; the properties to store. */
@Component
class DraftChecks {

    private static final InvalidInputException.Problem EMPTY_ZONE = new InvalidInputException.Problem(
            "input.perimeter.territories", "la zone ne compte aucune commune");

    private final CampaignReader campaigns;
    private final ZoneReader zones;
    private final ApplicantReader applicants;
    private final CoordinatorRoles coordinatorRoles;
    private final ApplicationChecks checks;

    DraftChecks(CampaignReader campaigns, ZoneReader zones, ApplicantReader applicants,
            CoordinatorRoles coordinatorRoles, ApplicationChecks checks) {
        this.campaigns = campaigns;
        this.zones = zones;
        this.applicants = applicants;
        this.coordinatorRoles = coordinatorRoles;
        this.checks = checks;
    }

    /** A draft that holds: its campaign, and the properties to store on it. */
    record Checked(Campaign campaign, Map<String, Object> properties) {
    }

    /** What the checks found: the pieces the funding is computed from, and every problem (none: the draft holds). */
    private record Assessment(Campaign campaign, ApplicantCategory category, FundingRule rule, Situation situation,
            LocalDate existingPostStart, Validation problems) {
    }

    /** Checks a new draft ({@code current} null) or the update of {@code current}. */
    Checked check(ApplicationInput input, EmployerFacts employer, Application current) {
        var assessment = assess(input, employer, current);
        assessment.problems().orThrow();
        var perimeter = zones.zone(input.perimeter().kind(), input.perimeter().territories());
        if (perimeter.communes() == 0) {
            throw new InvalidInputException(EMPTY_ZONE.field(), EMPTY_ZONE.reason());
        }
        var rule = assessment.rule();
        var funding = funding(input, employer, assessment);
        var values = Cypher.parameters("case", input.applicationCase().name(), "contractType", input.contractType().name(),
                "fullTime", true, "branchAgreement", Boolean.TRUE.equals(input.branchAgreement()),
                "motivation", Validation.trimToNull(input.motivation()), "perimeterKind", perimeter.kind().name(),
                "perimeterRefs", perimeter.territories().stream().map(r -> r.level().name() + ":" + r.code()).distinct()
                        .toList(),
                "zoneCommunes", perimeter.communes(), "zonePopulation", perimeter.population(),
                "departmentCodes", perimeter.departmentCodes(), "regionCodes", perimeter.regionCodes(),
                "existingPostAdviserId", input.applicationCase().existingPost ? input.existingPostAdviserId() : null,
                "amountEur", funding.amountEur(), "periodMonths", funding.periodMonths(),
                "fundingStart", funding.startsOn(), "fundingRuleKey", rule.key(), "fundingNotes", funding.notes());
        return new Checked(assessment.campaign(), values);
    }

    /**
     * The same checks as {@link #check} for a draft being filled in, reported instead of refused: how each case fits
     * the employer, the line of the table and the funding once a contract (and a case) are chosen, every problem.
     */
    ApplicationPreview preview(ApplicationInput input, EmployerFacts employer) {
        var assessment = assess(input, employer, null);
        var problems = new ArrayList<>(assessment.problems().problems());
        if (problems.isEmpty()
                && zones.zone(input.perimeter().kind(), input.perimeter().territories()).communes() == 0) {
            problems.add(EMPTY_ZONE);
        }
        var cases = Arrays.stream(ApplicationCase.values())
                .map(c -> new CaseFit(c, ApplicationRules.caseProblems(c, assessment.situation()))).toList();
        var funding = assessment.rule() == null || input.applicationCase() == null ? null
                : funding(input, employer, assessment);
        return new ApplicationPreview(ApplicationRules.eligibilityProblem(employer.legalKind()).orElse(null),
                assessment.situation().inProgramme(), assessment.situation().carriesCoordination(), cases,
                assessment.rule(), funding, problems);
    }

    private static Funding funding(ApplicationInput input, EmployerFacts employer, Assessment assessment) {
        return ApplicationRules.funding(assessment.campaign(), assessment.rule(), assessment.category(),
                employer.departmentCode(), input.contractType(), input.applicationCase(), assessment.existingPostStart());
    }

    private Assessment assess(ApplicationInput input, EmployerFacts employer, Application current) {
        var v = new Validation();
        var campaignCode = current != null ? current.campaignCode()
                : input.campaignCode() == null ? null : input.campaignCode().strip().toUpperCase();
        var campaign = campaignCode == null ? null : campaigns.campaign(campaignCode);
        v.check(campaign != null, "input.campaignCode", "aucune campagne de code " + Validation.quoted(campaignCode));
        ApplicationRules.eligibilityProblem(employer.legalKind()).ifPresent(p -> v.problem("input.employerId", p));
        var situation = applicants.situation(employer.id(), checks.today());
        v.check(input.applicationCase() != null, "input.applicationCase", "obligatoire");
        if (input.applicationCase() != null) {
            ApplicationRules.caseProblems(input.applicationCase(), situation)
                    .forEach(p -> v.problem("input.applicationCase", p));
        }
        v.check(input.contractType() != null, "input.contractType", "obligatoire");
        v.check(Boolean.TRUE.equals(input.fullTime()), "input.fullTime", "le poste de coordinateur est à temps complet ("
                + (campaign == null ? 35 : campaign.weeklyHours()) + " h par semaine)");
        v.optionalText("input.motivation", input.motivation(), 4000);
        coordinatorRoles.checkPerimeter(v, "input.perimeter", input.perimeter());
        var existingPostStart = existingPost(v, input, employer.id());
        var category = ApplicantCategory.of(employer.legalKind(), employer.sector());
        var rule = campaign == null || input.contractType() == null ? null
                : ApplicationRules.fundingRule(campaign.fundingRules(), category, input.contractType(),
                        employer.departmentCode()).orElse(null);
        if (campaign != null && input.contractType() != null && rule == null) {
            v.problem("input.contractType",
                    ApplicationRules.noFundingReason(campaign.fundingRules(), category, input.contractType()));
        }
        if (rule != null && rule.requiresBranchAgreement() && !Boolean.TRUE.equals(input.branchAgreement())) {
            v.problem("input.branchAgreement", "un contrat de projet de droit privé n'est financé que si un accord de"
                    + " branche ou une convention collective le permet (branchAgreement: true)");
        }
        return new Assessment(campaign, category, rule, situation, existingPostStart, v);
    }

    /**
     * The adviser holding the existing post (cases 1, 2 and 5), checked against the case; the start of its first
     * contract with the employer, from which the post's initial funding period is counted (a renewed contract does
     * not move it; that a contract still runs is checked at submission, on the day of submission).
     */
    private LocalDate existingPost(Validation v, ApplicationInput input, String employerId) {
        var applicationCase = input.applicationCase();
        var adviserId = input.existingPostAdviserId();
        if (applicationCase == null) {
            return null;
        }
        if (!applicationCase.existingPost) {
            v.check(adviserId == null, "input.existingPostAdviserId",
                    "sans objet pour le cas « " + applicationCase.label + " »");
            return null;
        }
        if (adviserId == null) {
            v.problem("input.existingPostAdviserId", "obligatoire pour le cas « " + applicationCase.label
                    + " » : le conseiller ou coordinateur qui occupe le poste existant");
            return null;
        }
        var found = applicants.existingPost(adviserId, employerId);
        if (found.isEmpty()) {
            v.problem("input.existingPostAdviserId", "aucun conseiller avec l'identifiant " + adviserId);
            return null;
        }
        var holder = found.get();
        var start = holder.firstContractStart();
        v.check(start != null, "input.existingPostAdviserId",
                "ce conseiller n'a pas de contrat avec la structure candidate");
        switch (applicationCase) {
            case EXTEND_COORDINATION_POST, INTEGRATE_COORDINATION_POST -> v.check(holder.coordinator(),
                    "input.existingPostAdviserId", "ce conseiller n'occupe pas un poste de coordination");
            case CONVERT_ADVISER_POST -> {
                v.check(!holder.coordinator(), "input.existingPostAdviserId", "ce conseiller est déjà coordinateur (cas 1)");
                v.check(Scheme.CONSEILLER_NUMERIQUE.name().equals(holder.scheme()),
                        "input.existingPostAdviserId", "seul un poste de conseiller numérique du dispositif se transforme");
            }
            default -> {
            }
        }
        return start;
    }
}
