package fr.maillage.applications;

import static fr.maillage.applications.ApplicationChecks.between;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import fr.maillage.applications.ApplicationInputs.CampaignInput;
import fr.maillage.applications.ApplicationInputs.FundingRuleInput;
import fr.maillage.applications.ApplicationModel.Campaign;
import fr.maillage.database.Cypher;
import fr.maillage.database.RetriedOnConflict;
import fr.maillage.validation.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** ANCT opens a call for applications: a campaign, its dates and delays, its funding table. */
@Service
@Transactional
@RetriedOnConflict
class CampaignCommands {

    private static final String CREATE_CAMPAIGN = """
            CREATE (c:Campaign {code: $code, name: $name, opensOn: $opensOn, closesOn: $closesOn,
              notificationDelayMonths: $notification, recruitmentDelayMonths: $recruitment, weeklyHours: $hours,
              initialAdviserFundingMonths: $initial, createdAt: datetime()})
            WITH c
            UNWIND $rules AS rule
            CREATE (c)-[:FUNDS]->(:FundingRule {key: c.code + '-' + rule.rank, rank: rule.rank,
              campaignCode: c.code, applicant: rule.applicant, contractTypes: rule.contracts,
              departmentCodes: rule.departments, amountEur: rule.amount, periodMonths: rule.months,
              requiresBranchAgreement: rule.branch, note: rule.note})""";

    private final CampaignReader campaigns;
    private final Cypher cypher;

    CampaignCommands(CampaignReader campaigns, Cypher cypher) {
        this.campaigns = campaigns;
        this.cypher = cypher;
    }

    Campaign createCampaign(CampaignInput input) {
        ApplicationChecks.requireNational();
        var v = new Validation();
        var code = input.code() == null ? "" : input.code().strip().toUpperCase();
        v.check(code.matches("[A-Z0-9][A-Z0-9-]{2,39}"), "input.code",
                "de 3 à 40 lettres majuscules, chiffres ou tirets, par exemple AAC-COORD-2025");
        v.text("input.name", input.name(), 300);
        v.check(input.opensOn() != null, "input.opensOn", "obligatoire");
        v.check(input.closesOn() != null, "input.closesOn", "obligatoire");
        v.ordered("input.closesOn", input.opensOn(), input.closesOn(), "la date d'ouverture");
        between(v, "input.notificationDelayMonths", input.notificationDelayMonths(), 1, 24);
        between(v, "input.recruitmentDelayMonths", input.recruitmentDelayMonths(), 1, 24);
        between(v, "input.weeklyHours", input.weeklyHours(), 1, 35);
        between(v, "input.initialAdviserFundingMonths", input.initialAdviserFundingMonths(), 1, 60);
        var rules = input.fundingRules() == null ? List.<FundingRuleInput>of() : input.fundingRules();
        v.check(!rules.isEmpty(), "input.fundingRules", "au moins une ligne de barème");
        var departments = new HashSet<String>();
        for (int i = 0; i < rules.size(); i++) {
            var rule = rules.get(i);
            var field = "input.fundingRules[" + i + "]";
            v.check(rule.applicant() != null, field + ".applicant", "obligatoire");
            v.check(rule.contractTypes() != null && !rule.contractTypes().isEmpty(), field + ".contractTypes",
                    "au moins un type de contrat");
            between(v, field + ".amountEur", rule.amountEur(), 1, 1_000_000);
            between(v, field + ".periodMonths", rule.periodMonths(), 1, 60);
            v.optionalText(field + ".note", rule.note(), 500);
            departments.addAll(codes(rule.departmentCodes()));
        }
        if (!departments.isEmpty()) {
            var known = campaigns.knownDepartments(departments);
            departments.stream().filter(d -> !known.contains(d)).sorted().forEach(d -> v.problem(
                    "input.fundingRules.departmentCodes", "aucun département de code " + d));
        }
        if (v.ok() && campaigns.campaign(code) != null) {
            v.problem("input.code", "une campagne de code " + code + " existe déjà");
        }
        v.orThrow();
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < rules.size(); i++) {
            var rule = rules.get(i);
            rows.add(Cypher.parameters("rank", i + 1, "applicant", rule.applicant().name(),
                    "contracts", rule.contractTypes().stream().map(Enum::name).distinct().toList(),
                    "departments", codes(rule.departmentCodes()), "amount", rule.amountEur(),
                    "months", rule.periodMonths(), "branch", Boolean.TRUE.equals(rule.requiresBranchAgreement()),
                    "note", Validation.trimToNull(rule.note())));
        }
        cypher.run(CREATE_CAMPAIGN, Cypher.parameters("code", code, "name", input.name().strip(),
                "opensOn", input.opensOn(), "closesOn", input.closesOn(),
                "notification", input.notificationDelayMonths(), "recruitment", input.recruitmentDelayMonths(),
                "hours", input.weeklyHours(), "initial", input.initialAdviserFundingMonths(), "rules", rows));
        return campaigns.campaign(code);
    }

    /** Département codes as typed: blanks dropped, upper case, once each. */
    private static List<String> codes(List<String> codes) {
        return codes == null ? List.of() : codes.stream().filter(c -> c != null && !c.isBlank())
                .map(c -> c.strip().toUpperCase()).distinct().toList();
    }
}
