package fr.maillage.applications;

import java.time.LocalDate;
import java.util.List;

import fr.maillage.applications.ApplicationRules.ApplicantCategory;
import fr.maillage.applications.ApplicationRules.ApplicationCase;
import fr.maillage.network.NetworkEnums.ContractType;
import fr.maillage.network.NetworkInputs.PerimeterInput;

/** The GraphQL input types of campaigns and applications. */
final class ApplicationInputs {

    private ApplicationInputs() {
    }

    record FundingRuleInput(ApplicantCategory applicant, List<ContractType> contractTypes, List<String> departmentCodes,
            Integer amountEur, Integer periodMonths, Boolean requiresBranchAgreement, String note) {
    }

    record CampaignInput(String code, String name, LocalDate opensOn, LocalDate closesOn,
            Integer notificationDelayMonths, Integer recruitmentDelayMonths, Integer weeklyHours,
            Integer initialAdviserFundingMonths, List<FundingRuleInput> fundingRules) {
    }

    record ApplicationInput(String campaignCode, String employerId, ApplicationCase applicationCase,
            ContractType contractType, Boolean fullTime, PerimeterInput perimeter, String existingPostAdviserId,
            Boolean branchAgreement, String motivation) {
    }
}
