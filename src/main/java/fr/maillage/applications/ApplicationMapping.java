package fr.maillage.applications;

import java.time.LocalDate;
import java.util.List;

import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationModel.Campaign;
import fr.maillage.applications.ApplicationModel.Funding;
import fr.maillage.applications.ApplicationModel.Perimeter;
import fr.maillage.applications.ApplicationRules.ApplicantCategory;
import fr.maillage.applications.ApplicationRules.ApplicationCase;
import fr.maillage.applications.ApplicationRules.ApplicationDecision;
import fr.maillage.applications.ApplicationRules.ApplicationStatus;
import fr.maillage.applications.ApplicationRules.FundingRule;
import fr.maillage.network.NetworkEnums.ContractType;
import fr.maillage.network.NetworkEnums.PerimeterKind;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;

/** Stored campaigns, funding rules and applications, as records. */
final class ApplicationMapping {

    private ApplicationMapping() {
    }

    static Campaign campaign(Node c, List<Node> rules) {
        return new Campaign(c.get("code").asString(), c.get("name").asString(), c.get("opensOn").asLocalDate(),
                c.get("closesOn").asLocalDate(), c.get("notificationDelayMonths").asInt(),
                c.get("recruitmentDelayMonths").asInt(), c.get("weeklyHours").asInt(),
                c.get("initialAdviserFundingMonths").asInt(), rules.stream().map(ApplicationMapping::rule).toList());
    }

    static FundingRule rule(Node r) {
        return new FundingRule(r.get("key").asString(), r.get("rank").asInt(),
                ApplicantCategory.valueOf(r.get("applicant").asString()),
                r.get("contractTypes").asList(v -> ContractType.valueOf(v.asString())),
                r.get("departmentCodes").asList(Value::asString), r.get("amountEur").asInt(),
                r.get("periodMonths").asInt(), r.get("requiresBranchAgreement").asBoolean(false),
                r.get("note").asString(null));
    }

    /** Application node {@code a} with its funding rule {@code rule} (null when the rule is gone). */
    static Application application(Value a, Value rule) {
        return application(a.asNode(), rule == null || rule.isNull() ? null : rule.asNode());
    }

    private static Application application(Node a, Node ruleNode) {
        var refs = a.get("perimeterRefs").asList(v -> {
            var parts = v.asString().split(":", 2);
            return new TerritoryRef(TerritoryLevel.valueOf(parts[0]), parts[1]);
        });
        var perimeter = new Perimeter(PerimeterKind.valueOf(a.get("perimeterKind").asString()), refs,
                a.get("zoneCommunes").asInt(), a.get("zonePopulation").asLong(),
                a.get("departmentCodes").asList(Value::asString), a.get("regionCodes").asList(Value::asString));
        var funding = new Funding(a.get("amountEur").asInt(), a.get("periodMonths").asInt(), date(a, "fundingStart"),
                ruleNode == null ? null : rule(ruleNode), a.get("fundingNotes").asList(Value::asString));
        return new Application(a.get("id").asString(), a.get("reference").asString(), a.get("campaignCode").asString(),
                a.get("employerId").asString(), a.get("employerSiret").asString(),
                ApplicationCase.valueOf(a.get("case").asString()), ContractType.valueOf(a.get("contractType").asString()),
                a.get("fullTime").asBoolean(), a.get("branchAgreement").asBoolean(false),
                a.get("motivation").asString(null), perimeter, a.get("existingPostAdviserId").asString(null),
                ApplicationStatus.valueOf(a.get("status").asString()), funding, date(a, "createdOn"),
                date(a, "submittedOn"),
                a.get("decision").isNull() ? null : ApplicationDecision.valueOf(a.get("decision").asString()),
                date(a, "decidedOn"), a.get("decisionComment").asString(null), date(a, "notifiedOn"),
                date(a, "recruitedOn"), a.get("coordinatorId").asString(null), date(a, "conventionSignedOn"),
                date(a, "paidOn"), a.get("notificationDelayMonths").asInt(), a.get("recruitmentDelayMonths").asInt(),
                a.get("sort").asString());
    }

    /** A list of strings, sorted. */
    static List<String> sorted(Value codes) {
        return codes.asList(Value::asString).stream().sorted().toList();
    }

    /** A date, or null when {@code value} is null. */
    static LocalDate date(Value value) {
        return value == null || value.isNull() ? null : value.asLocalDate();
    }

    private static LocalDate date(Node node, String property) {
        return date(node.get(property));
    }
}
