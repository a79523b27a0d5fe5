package fr.maillage.applications;

import static fr.maillage.applications.ApplicationChecks.notBefore;
import static fr.maillage.applications.ApplicationChecks.requireNational;
import static fr.maillage.applications.ApplicationChecks.requireStatus;

import java.time.LocalDate;
import java.util.EnumSet;

import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationRules.ApplicationStatus;
import fr.maillage.database.Cypher;
import fr.maillage.database.RetriedOnConflict;
import fr.maillage.validation.Validation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** ANCT signs the convention (or the amendment of an existing one) with the applicant, then pays the subsidy. */
@Service
@Transactional
@RetriedOnConflict
class ConventionCommands {

    private final ApplicationChecks checks;
    private final ApplicationReader applications;

    ConventionCommands(ApplicationChecks checks, ApplicationReader applications) {
        this.checks = checks;
        this.applications = applications;
    }

    Application recordConventionSignature(String id, LocalDate on) {
        requireNational();
        var current = checks.existing(id);
        var v = new Validation();
        requireStatus(v, current, EnumSet.of(ApplicationStatus.RECRUITED), "la convention suit le recrutement");
        var day = checks.pastOrToday(v, on);
        notBefore(v, day, current.recruitedOn(), "le recrutement");
        v.orThrow();
        checks.transition(current, EnumSet.of(ApplicationStatus.RECRUITED), ApplicationStatus.CONVENTION_SIGNED,
                Cypher.parameters("conventionSignedOn", day), "SIGN",
                current.applicationCase().fundedFromEndOfInitialPeriod()
                        ? "Signature de l'avenant à la convention existante" : "Signature de la convention", day, null);
        return applications.application(id);
    }

    Application recordSubsidyPayment(String id, LocalDate on) {
        requireNational();
        var current = checks.existing(id);
        var v = new Validation();
        requireStatus(v, current, EnumSet.of(ApplicationStatus.CONVENTION_SIGNED), "le versement suit la signature");
        var day = checks.pastOrToday(v, on);
        if (day != null && current.conventionSignedOn() != null) {
            var earliest = ApplicationRules.earliestPayment(current.conventionSignedOn());
            v.check(!day.isBefore(earliest), "on", "la subvention est versée le mois suivant la signature (à partir du "
                    + earliest + ")");
        }
        v.orThrow();
        checks.transition(current, EnumSet.of(ApplicationStatus.CONVENTION_SIGNED), ApplicationStatus.SUBSIDY_PAID,
                Cypher.parameters("paidOn", day), "PAY",
                "Versement de la subvention (" + current.funding().amountEur() + " €)", day, null);
        return applications.application(id);
    }
}
