package fr.maillage.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationModel.Funding;
import fr.maillage.applications.ApplicationModel.Perimeter;
import fr.maillage.applications.ApplicationRules.ApplicantCategory;
import fr.maillage.applications.ApplicationRules.ApplicationCase;
import fr.maillage.applications.ApplicationRules.ApplicationDecision;
import fr.maillage.applications.ApplicationRules.ApplicationStatus;
import fr.maillage.applications.ApplicationRules.FundingRule;
import fr.maillage.applications.ApplicationRules.Situation;
import fr.maillage.network.NetworkEnums.ContractType;
import fr.maillage.network.NetworkEnums.LegalKind;
import fr.maillage.network.NetworkEnums.PerimeterKind;
import fr.maillage.network.NetworkEnums.Sector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** The rules of the call for applications, without a database. */
class ApplicationRulesTests {

    static final List<ContractType> PUBLIC_LAW = List.of(ContractType.CDI_PUBLIC, ContractType.CDD_PUBLIC,
            ContractType.PROJECT_CONTRACT, ContractType.CIVIL_SERVANT);

    /** A small table shaped like the 2023 one. */
    static final List<FundingRule> TABLE = List.of(
            new FundingRule("T-1", 1, ApplicantCategory.COLLECTIVITY, PUBLIC_LAW, List.of(), 50_000, 24, false, null),
            new FundingRule("T-2", 2, ApplicantCategory.COLLECTIVITY, PUBLIC_LAW, List.of("974", "976"), 67_500, 24,
                    false, null),
            new FundingRule("T-3", 3, ApplicantCategory.COLLECTIVITY, PUBLIC_LAW, List.of("971", "972", "973"), 70_000,
                    24, false, null),
            new FundingRule("T-4", 4, ApplicantCategory.OTHER_PUBLIC,
                    List.of(ContractType.CDD_PUBLIC, ContractType.CDD_PRIVATE), List.of(), 37_500, 18, false, null),
            new FundingRule("T-5", 5, ApplicantCategory.PRIVATE, List.of(ContractType.CDI_PRIVATE), List.of(), 40_000,
                    24, false, null),
            new FundingRule("T-6", 6, ApplicantCategory.PRIVATE, List.of(ContractType.CDD_PRIVATE), List.of(), 32_000,
                    18, false, null),
            new FundingRule("T-7", 7, ApplicantCategory.PRIVATE, List.of(ContractType.PROJECT_CONTRACT), List.of(),
                    40_000, 24, true, null));

    @ParameterizedTest
    @EnumSource(LegalKind.class)
    void onlyTheKindsListedByTheCallAreEligible(LegalKind kind) {
        boolean listed = !List.of(LegalKind.PRIVATE_COMPANY, LegalKind.STATE_SERVICE, LegalKind.OTHER).contains(kind);
        assertThat(ApplicationRules.eligibilityProblem(kind).isEmpty()).isEqualTo(listed);
    }

    @ParameterizedTest
    @CsvSource({
            "TERRITORIAL_COLLECTIVITY, PUBLIC, COLLECTIVITY", "COLLECTIVITY_GROUPING, PUBLIC, COLLECTIVITY",
            "LOCAL_PUBLIC_BODY, PUBLIC, OTHER_PUBLIC", "HUB, PUBLIC, OTHER_PUBLIC", "HUB, PRIVATE, PRIVATE",
            "ASSOCIATION, PRIVATE, PRIVATE", "CONSULAR_CHAMBER, PUBLIC, OTHER_PUBLIC" })
    void theApplicantCategoryComesFromTheLegalKindThenTheSector(LegalKind kind, Sector sector,
            ApplicantCategory expected) {
        assertThat(ApplicantCategory.of(kind, sector)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
            "COLLECTIVITY, CDI_PUBLIC, 2A, 50000, 24", "COLLECTIVITY, PROJECT_CONTRACT, 2B, 50000, 24",
            "COLLECTIVITY, CIVIL_SERVANT, 974, 67500, 24", "COLLECTIVITY, CDD_PUBLIC, 976, 67500, 24",
            "COLLECTIVITY, CDI_PUBLIC, 971, 70000, 24", "COLLECTIVITY, CDI_PUBLIC, 972, 70000, 24",
            "COLLECTIVITY, CDI_PUBLIC, 973, 70000, 24", "COLLECTIVITY, CDI_PUBLIC, 975, 50000, 24",
            "OTHER_PUBLIC, CDD_PUBLIC, 13, 37500, 18", "OTHER_PUBLIC, CDD_PRIVATE, 974, 37500, 18",
            "PRIVATE, CDI_PRIVATE, 974, 40000, 24", "PRIVATE, CDD_PRIVATE, 69, 32000, 18",
            "PRIVATE, PROJECT_CONTRACT, 75, 40000, 24" })
    void theMostSpecificLineOfTheTableApplies(ApplicantCategory category, ContractType contract, String department,
            int amount, int months) {
        var rule = ApplicationRules.fundingRule(TABLE, category, contract, department).orElseThrow();
        assertThat(rule.amountEur()).isEqualTo(amount);
        assertThat(rule.periodMonths()).isEqualTo(months);
    }

    @Test
    void aContractTheTableDoesNotFundHasNoLineAndTheReasonSaysWhatIsFunded() {
        assertThat(ApplicationRules.fundingRule(TABLE, ApplicantCategory.COLLECTIVITY, ContractType.CDI_PRIVATE, "2A"))
                .isEmpty();
        assertThat(ApplicationRules.fundingRule(TABLE, ApplicantCategory.OTHER_PUBLIC, ContractType.CDI_PUBLIC, "2A"))
                .isEmpty();
        assertThat(ApplicationRules.noFundingReason(TABLE, ApplicantCategory.OTHER_PUBLIC, ContractType.CDI_PUBLIC))
                .contains("CDI de droit public", "Autre structure publique", "CDD de droit public", "CDD de droit privé");
    }

    @ParameterizedTest
    @CsvSource({
            // case, in programme, carries coordination, fits
            "EXTEND_COORDINATION_POST, true, true, true", "EXTEND_COORDINATION_POST, true, false, false",
            "EXTEND_COORDINATION_POST, false, true, false",
            "CONVERT_ADVISER_POST, true, false, true", "CONVERT_ADVISER_POST, true, true, true",
            "CONVERT_ADVISER_POST, false, false, false",
            "ADDITIONAL_POST, true, false, true", "ADDITIONAL_POST, false, false, false",
            "CREATE_POST, false, false, true", "CREATE_POST, true, false, false", "CREATE_POST, false, true, false",
            "INTEGRATE_COORDINATION_POST, false, true, true", "INTEGRATE_COORDINATION_POST, false, false, false",
            "INTEGRATE_COORDINATION_POST, true, true, false" })
    void eachCaseFitsOneSituationOfTheEmployer(ApplicationCase applicationCase, boolean inProgramme,
            boolean carriesCoordination, boolean fits) {
        assertThat(ApplicationRules.caseProblems(applicationCase, new Situation(inProgramme, carriesCoordination))
                .isEmpty()).isEqualTo(fits);
    }

    @Test
    void aConvertedPostIsFundedForTwentyFourMonthsAndPaidTheMonthAfterSignature() {
        assertThat(ApplicationRules.fundingEnd(LocalDate.of(2024, 6, 1), 24)).isEqualTo(LocalDate.of(2026, 5, 31));
        assertThat(ApplicationRules.paymentDueBy(LocalDate.of(2024, 1, 31))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(ApplicationRules.earliestPayment(LocalDate.of(2024, 3, 15))).isEqualTo(LocalDate.of(2024, 4, 1));
    }

    @Test
    void deadlinesPassedAreSaidInWords() {
        var submitted = application(ApplicationStatus.SUBMITTED, LocalDate.of(2023, 12, 8), null, null, null);
        assertThat(submitted.notificationDueOn()).isEqualTo(LocalDate.of(2024, 2, 8));
        assertThat(submitted.overdueOn(LocalDate.of(2024, 2, 8))).isEmpty();
        assertThat(submitted.overdueOn(LocalDate.of(2024, 2, 9))).containsExactly(
                "Notification attendue depuis le 2024-02-08");

        var notified = application(ApplicationStatus.NOTIFIED, LocalDate.of(2023, 12, 8), LocalDate.of(2024, 1, 31),
                ApplicationDecision.ACCEPTED, null);
        assertThat(notified.recruitmentDueOn()).isEqualTo(LocalDate.of(2024, 7, 31));
        assertThat(notified.overdueOn(LocalDate.of(2024, 8, 1))).containsExactly(
                "Recrutement attendu depuis le 2024-07-31");

        var refused = application(ApplicationStatus.NOTIFIED, LocalDate.of(2023, 12, 8), LocalDate.of(2024, 3, 1),
                ApplicationDecision.REFUSED, null);
        assertThat(refused.recruitmentDueOn()).isNull();
        assertThat(refused.overdueOn(LocalDate.of(2026, 1, 1))).containsExactly(
                "Notification faite après l'échéance du 2024-02-08");
    }

    private static Application application(ApplicationStatus status, LocalDate submittedOn, LocalDate notifiedOn,
            ApplicationDecision decision, LocalDate recruitedOn) {
        var perimeter = new Perimeter(PerimeterKind.DEPARTMENT, List.of(), 0, 0, List.of("2A"), List.of("94"));
        var funding = new Funding(50_000, 24, null, TABLE.get(0), List.of());
        return new Application("x", "AAC-00001", "AAC", "e", "20007695800012", ApplicationCase.CONVERT_ADVISER_POST,
                ContractType.PROJECT_CONTRACT, true, false, null, perimeter, null, status, funding,
                LocalDate.of(2023, 11, 1), submittedOn, decision, null, null, notifiedOn, recruitedOn, null, null, null,
                2, 6, "AAC-00001");
    }
}
