package fr.maillage.applications;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.maillage.applications.ApplicationRules.ApplicationCase;
import fr.maillage.applications.ApplicationRules.ApplicationDecision;
import fr.maillage.applications.ApplicationRules.ApplicationStatus;
import fr.maillage.applications.ApplicationRules.ConsultationAnswer;
import fr.maillage.applications.ApplicationRules.FundingRule;
import fr.maillage.graphql.Connection;
import fr.maillage.network.NetworkEnums.ContractType;
import fr.maillage.network.NetworkEnums.PerimeterKind;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.validation.InvalidInputException;

/** What the application feature reads and answers. */
final class ApplicationModel {

    private ApplicationModel() {
    }

    record Campaign(String code, String name, LocalDate opensOn, LocalDate closesOn, int notificationDelayMonths,
            int recruitmentDelayMonths, int weeklyHours, int initialAdviserFundingMonths, List<FundingRule> fundingRules) {

        boolean openOn(LocalDate day) {
            return !day.isBefore(opensOn) && !day.isAfter(closesOn);
        }
    }

    record Funding(int amountEur, int periodMonths, LocalDate startsOn, FundingRule rule, List<String> notes) {

        public LocalDate endsOn() {
            return ApplicationRules.fundingEnd(startsOn, periodMonths);
        }
    }

    /** How a case of the call fits the employer's situation: no problem when it fits. */
    record CaseFit(ApplicationCase applicationCase, List<String> problems) {

        public String label() {
            return applicationCase.label;
        }

        public boolean fits() {
            return problems.isEmpty();
        }
    }

    /**
     * What recording a draft would say, nothing written: the employer's eligibility and situation, how each case fits
     * it, the line of the funding table and the funding (when the campaign and the contract allow), and every problem
     * the draft mutation would report, with the same fields and messages.
     */
    record ApplicationPreview(String eligibilityProblem, boolean inProgramme, boolean carriesCoordination,
            List<CaseFit> cases, FundingRule fundingRule, Funding funding, List<InvalidInputException.Problem> problems) {

        public boolean eligible() {
            return eligibilityProblem == null;
        }

        public boolean valid() {
            return problems.isEmpty();
        }
    }

    record Perimeter(PerimeterKind kind, List<TerritoryRef> territories, int communes, long population,
            List<String> departmentCodes, List<String> regionCodes) {
    }

    /** An application as stored; nested lists (consultations, opinions, overlaps, history) are batch-loaded. */
    record Application(String id, String reference, String campaignCode, String employerId, String employerSiret,
            ApplicationCase applicationCase, ContractType contractType, boolean fullTime, boolean branchAgreement,
            String motivation, Perimeter perimeter, String existingPostAdviserId, ApplicationStatus status,
            Funding funding, LocalDate createdOn, LocalDate submittedOn, ApplicationDecision decision,
            LocalDate decidedOn, String decisionComment, LocalDate notifiedOn, LocalDate recruitedOn,
            String coordinatorId, LocalDate conventionSignedOn, LocalDate paidOn, int notificationDelayMonths,
            int recruitmentDelayMonths, String sort) {

        public String caseLabel() {
            return applicationCase.label;
        }

        public String statusLabel() {
            return status.label;
        }

        public LocalDate notificationDueOn() {
            return submittedOn == null ? null : submittedOn.plusMonths(notificationDelayMonths);
        }

        public LocalDate recruitmentDueOn() {
            return notifiedOn == null || decision != ApplicationDecision.ACCEPTED ? null
                    : notifiedOn.plusMonths(recruitmentDelayMonths);
        }

        public LocalDate paymentDueBy() {
            return ApplicationRules.paymentDueBy(conventionSignedOn);
        }

        /** The deadlines passed at {@code today}, in words. */
        List<String> overdueOn(LocalDate today) {
            var late = new ArrayList<String>();
            var notifyBy = notificationDueOn();
            if (notifyBy != null && (notifiedOn == null ? status != ApplicationStatus.WITHDRAWN && today.isAfter(notifyBy)
                    : notifiedOn.isAfter(notifyBy))) {
                late.add("Notification " + (notifiedOn == null ? "attendue depuis le " : "faite après l'échéance du ")
                        + notifyBy);
            }
            var recruitBy = recruitmentDueOn();
            if (recruitBy != null && (recruitedOn == null ? today.isAfter(recruitBy) : recruitedOn.isAfter(recruitBy))) {
                late.add("Recrutement " + (recruitedOn == null ? "attendu depuis le " : "fait après l'échéance du ")
                        + recruitBy);
            }
            var payBy = paymentDueBy();
            if (payBy != null && (paidOn == null ? today.isAfter(payBy) : paidOn.isAfter(payBy))) {
                late.add("Versement " + (paidOn == null ? "attendu depuis le " : "fait après l'échéance du ") + payBy);
            }
            return late;
        }
    }

    record Consultation(String employerId, boolean done, LocalDate consultedOn, ConsultationAnswer answer,
            String comment) {
    }

    record PrefectureOpinion(String departmentCode, boolean given, Boolean favourable, String comment,
            LocalDate givenOn) {
    }

    record CoordinatorOverlap(String coordinatorId, int sharedCommunes, long sharedPopulation,
            double shareOfZonePopulation) {
    }

    record ApplicationEvent(LocalDate on, String recordedAt, String action, String label, ApplicationStatus fromStatus,
            ApplicationStatus toStatus, String role, String comment) {
    }

    record ApplicationQueue(Connection<Application> awaitingOpinions, Connection<Application> awaitingDecision,
            Connection<Application> awaitingNotification, Connection<Application> notificationOverdue,
            Connection<Application> recruitmentOverdue, Connection<Application> paymentOverdue) {
    }

    record SubsidyTotal(TerritoryRef territory, int applications, long engagedEur, long paidEur) {
    }

    record SubsidySummary(String campaignCode, SubsidyTotal total, List<SubsidyTotal> byTerritory) {
    }
}
