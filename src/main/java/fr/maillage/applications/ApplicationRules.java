package fr.maillage.applications;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import fr.maillage.network.NetworkEnums.ContractType;
import fr.maillage.network.NetworkEnums.LegalKind;
import fr.maillage.network.NetworkEnums.Sector;

/**
 * The rules of the call for applications for coordinator posts (docs/api.md, "Coordinator applications"), free of
 * the database: who is eligible, which case fits which situation, which line of a campaign's funding table applies,
 * and which step may follow which.
 */
final class ApplicationRules {

    private ApplicationRules() {
    }

    enum ApplicationCase {
        EXTEND_COORDINATION_POST("1. Prolongation d'un poste de coordination existant", true, true, true),
        CONVERT_ADVISER_POST("2. Transformation d'un poste de conseiller numérique en poste de coordinateur", true, null,
                true),
        ADDITIONAL_POST("3. Poste supplémentaire dédié à la coordination", true, null, false),
        CREATE_POST("4. Création d'un poste de coordinateur", false, false, false),
        INTEGRATE_COORDINATION_POST("5. Intégration au dispositif d'un poste de coordination existant", false, true, true);

        final String label;
        /** Whether the employer must already be in the programme (true) or not (false). */
        final boolean inProgramme;
        /** Whether it must already carry a coordination post; null: either. */
        final Boolean carriesCoordination;
        /** Whether the application names the adviser holding the existing post. */
        final boolean existingPost;

        ApplicationCase(String label, boolean inProgramme, Boolean carriesCoordination, boolean existingPost) {
            this.label = label;
            this.inProgramme = inProgramme;
            this.carriesCoordination = carriesCoordination;
            this.existingPost = existingPost;
        }

        /** An existing post keeps its funding until its initial period ends: the coordinator funding follows it. */
        boolean fundedFromEndOfInitialPeriod() {
            return this == EXTEND_COORDINATION_POST || this == CONVERT_ADVISER_POST;
        }
    }

    enum ApplicationStatus {
        DRAFT("Brouillon"), SUBMITTED("Déposée, en attente des avis des préfectures"),
        REVIEWED("Avis rendus, en attente de la décision de l'ANCT"), ACCEPTED("Acceptée, à notifier"),
        REFUSED("Refusée, à notifier"), NOTIFIED("Décision notifiée"), RECRUITED("Coordinateur recruté"),
        CONVENTION_SIGNED("Convention signée"), SUBSIDY_PAID("Subvention versée"), WITHDRAWN("Retirée");

        final String label;

        ApplicationStatus(String label) {
            this.label = label;
        }
    }

    enum ApplicationDecision {
        ACCEPTED, REFUSED
    }

    enum ConsultationAnswer {
        FAVOURABLE, RESERVED, UNFAVOURABLE, NO_ANSWER
    }

    enum ApplicantCategory {
        COLLECTIVITY("Collectivité territoriale ou groupement"), OTHER_PUBLIC("Autre structure publique"),
        PRIVATE("Structure privée");

        final String label;

        ApplicantCategory(String label) {
            this.label = label;
        }

        /** Collectivities and their groupings form their own line; other structures go by their sector. */
        static ApplicantCategory of(LegalKind kind, Sector sector) {
            if (kind == LegalKind.TERRITORIAL_COLLECTIVITY || kind == LegalKind.COLLECTIVITY_GROUPING) {
                return COLLECTIVITY;
            }
            return sector == Sector.PUBLIC ? OTHER_PUBLIC : PRIVATE;
        }
    }

    /** A line of a campaign's funding table. */
    record FundingRule(String key, int rank, ApplicantCategory applicant, List<ContractType> contractTypes,
            List<String> departmentCodes, int amountEur, int periodMonths, boolean requiresBranchAgreement,
            String note) {

        public String applicantLabel() {
            return applicant.label;
        }

        boolean matches(ApplicantCategory category, ContractType contract, String departmentCode) {
            return applicant == category && contractTypes.contains(contract)
                    && (departmentCodes.isEmpty() || departmentCodes.contains(departmentCode));
        }
    }

    /**
     * The line for an applicant, a contract and the département of the employer: the most specific one (overseas
     * lines name their départements), else the general one.
     */
    static Optional<FundingRule> fundingRule(List<FundingRule> table, ApplicantCategory category,
            ContractType contract, String departmentCode) {
        return table.stream().filter(rule -> rule.matches(category, contract, departmentCode))
                .min(Comparator.comparing((FundingRule rule) -> rule.departmentCodes().isEmpty())
                        .thenComparing(FundingRule::rank));
    }

    /** Why no line applies, for the user: the contracts the table funds for this applicant. */
    static String noFundingReason(List<FundingRule> table, ApplicantCategory category, ContractType contract) {
        var allowed = table.stream().filter(rule -> rule.applicant() == category)
                .flatMap(rule -> rule.contractTypes().stream()).distinct().map(type -> type.label).toList();
        return "le barème de la campagne ne finance pas un " + (contract == null ? "contrat" : contract.label)
                + " pour une structure de la catégorie « " + category.label + " »"
                + (allowed.isEmpty() ? "" : " ; contrats financés : " + String.join(", ", allowed));
    }

    /** Funding of a post: first day, and the day before the period's end. */
    static LocalDate fundingEnd(LocalDate start, int periodMonths) {
        return start == null ? null : start.plusMonths(periodMonths).minusDays(1);
    }

    /** The subsidy is paid in full the month after the convention is signed: the last day of that month. */
    static LocalDate paymentDueBy(LocalDate signedOn) {
        return signedOn == null ? null : YearMonth.from(signedOn).plusMonths(1).atEndOfMonth();
    }

    static LocalDate earliestPayment(LocalDate signedOn) {
        return YearMonth.from(signedOn).plusMonths(1).atDay(1);
    }

    /** The employer's situation in the graph, as the five cases read it. */
    record Situation(boolean inProgramme, boolean carriesCoordination) {
    }

    /** Problems of a case against the employer's situation, in French; empty when it fits. */
    static List<String> caseProblems(ApplicationCase applicationCase, Situation situation) {
        var problems = new ArrayList<String>();
        if (applicationCase.inProgramme && !situation.inProgramme()) {
            problems.add("le cas « " + applicationCase.label + " » est réservé aux structures déjà dans le dispositif"
                    + " Conseiller numérique (aucun conseiller numérique employé par cette structure)");
        }
        if (!applicationCase.inProgramme && situation.inProgramme()) {
            problems.add("la structure emploie déjà des conseillers numériques : le cas « " + applicationCase.label
                    + " » est réservé aux structures hors dispositif (cas 1, 2 ou 3)");
        }
        if (Boolean.TRUE.equals(applicationCase.carriesCoordination) && !situation.carriesCoordination()) {
            problems.add("le cas « " + applicationCase.label + " » suppose que la structure porte déjà un poste de"
                    + " coordination (aucun coordinateur en poste chez elle)");
        }
        if (Boolean.FALSE.equals(applicationCase.carriesCoordination) && situation.carriesCoordination()) {
            problems.add("la structure porte déjà un poste de coordination : choisir le cas 5 (intégration) plutôt"
                    + " que « " + applicationCase.label + " »");
        }
        return problems;
    }

    static Optional<String> eligibilityProblem(LegalKind kind) {
        if (kind == null || kind.eligibleForCoordination) {
            return Optional.empty();
        }
        return Optional.of("la nature juridique « " + kind.label + " » n'est pas éligible à un poste de coordinateur"
                + " (liste de l'appel à candidatures, II.a)");
    }

    /** The steps each action starts from. */
    static final Set<ApplicationStatus> WITHDRAWABLE = EnumSet.of(ApplicationStatus.DRAFT, ApplicationStatus.SUBMITTED,
            ApplicationStatus.REVIEWED);
    static final Set<ApplicationStatus> AWAITING_OPINION = EnumSet.of(ApplicationStatus.SUBMITTED,
            ApplicationStatus.REVIEWED);
    /** Subsidies are engaged once ANCT accepts, whatever the step after. */
    static final Set<ApplicationStatus> ENGAGED = EnumSet.of(ApplicationStatus.ACCEPTED, ApplicationStatus.NOTIFIED,
            ApplicationStatus.RECRUITED, ApplicationStatus.CONVENTION_SIGNED, ApplicationStatus.SUBSIDY_PAID);

    /**
     * The funding of a post from the campaign's line {@code rule}: from the end of the initial period of an existing
     * post (started {@code existingPostStart}), else from the recruitment; with the notes that explain it.
     */
    static ApplicationModel.Funding funding(ApplicationModel.Campaign campaign, FundingRule rule,
            ApplicantCategory category, String departmentCode, ContractType contract, ApplicationCase applicationCase,
            LocalDate existingPostStart) {
        var notes = new ArrayList<String>();
        if (rule.note() != null) {
            notes.add(rule.note());
        }
        LocalDate start = null;
        if (applicationCase.fundedFromEndOfInitialPeriod() && existingPostStart != null) {
            start = existingPostStart.plusMonths(campaign.initialAdviserFundingMonths());
            notes.add("Poste existant : le financement court à compter du terme de la période de financement initiale"
                    + " (entrée en poste le " + existingPostStart + " + " + campaign.initialAdviserFundingMonths()
                    + " mois) ; un avenant à la convention existante est signé");
        } else {
            notes.add("La période couverte commence au recrutement du coordinateur");
        }
        boolean overseas = departmentCode != null && departmentCode.length() == 3;
        if (overseas && rule.departmentCodes().isEmpty() && category == ApplicantCategory.COLLECTIVITY) {
            notes.add("Aucune majoration outre-mer n'est fixée par la campagne pour le département " + departmentCode);
        }
        if (overseas && category == ApplicantCategory.OTHER_PUBLIC && contract.publicLaw) {
            notes.add("Outre-mer : une majoration est possible pour un contrat de droit public, montant à fixer par l'ANCT");
        }
        return new ApplicationModel.Funding(rule.amountEur(), rule.periodMonths(), start, rule, List.copyOf(notes));
    }
}
