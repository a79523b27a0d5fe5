package fr.maillage.applications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import fr.maillage.applications.ApplicantReader.EmployerFacts;
import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationRules.ApplicationStatus;
import fr.maillage.database.Cypher;
import fr.maillage.security.Access;
import fr.maillage.security.Caller;
import fr.maillage.security.ForbiddenException;
import fr.maillage.security.Role;
import fr.maillage.security.Scope;
import fr.maillage.security.Write;
import fr.maillage.validation.ConflictException;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.validation.Validation;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * What every step of the workflow checks and does the same way: the application and employer it acts on, who may act
 * for the applicant, the date of an act, the status it moves from, and the move itself with its line of history.
 * An act is dated the day it is recorded; only ANCT may give a past date ({@code on}), to take over a procedure run
 * outside the service, so nobody else can file after the closing date or hide a late step by backdating it.
 */
@Component
class ApplicationChecks {

    static final Set<Role> APPLICANT = Set.of(Role.ANCT, Role.EMPLOYER);
    static final Set<Role> NATIONAL = Set.of(Role.ANCT);
    /** The longest comment or reason. */
    static final int COMMENT = 2000;

    /**
     * Takes the write lock of application {@code $id}, first in every step: a concurrent step on the same application
     * waits until this one has committed, then reads the status and the opinions it left. Changes nothing.
     */
    private static final String LOCK = """
            MATCH (a:CoordinatorApplication {id: $id})
            SET a._lock = true
            REMOVE a._lock""";

    /**
     * Moves application {@code $id} from one of {@code $from} to {@code $to}, if its status is still one of them (the
     * lock taken by {@link #existing} makes that so; checked again all the same).
     */
    private static final String TRANSITION = """
            MATCH (a:CoordinatorApplication {id: $id})
            SET a.updatedAt = datetime()
            WITH a WHERE a.status IN $from
            SET a += $changes, a.status = $to
            RETURN count(a)""";

    /** A line of history, numbered after the others. */
    private static final String EVENT = """
            MATCH (a:CoordinatorApplication {id: $id})
            WITH a, COUNT { (a)-[:HAS_EVENT]->() } AS seq
            CREATE (a)-[:HAS_EVENT]->(:ApplicationEvent {id: randomUUID(), seq: seq + 1, on: $on,
              recordedAt: datetime(), action: $action, label: $label, fromStatus: $from, toStatus: $to,
              role: $role, subject: $subject, comment: $comment})""";

    private final ApplicationReader applications;
    private final ApplicantReader applicants;
    private final Neo4jClient neo4j;
    private final Cypher cypher;
    private final Clock clock;

    ApplicationChecks(ApplicationReader applications, ApplicantReader applicants, Neo4jClient neo4j, Cypher cypher,
            Clock clock) {
        this.applications = applications;
        this.applicants = applicants;
        this.neo4j = neo4j;
        this.cypher = cypher;
        this.clock = clock;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The application acted on, locked for the rest of the step's transaction; for anyone but ANCT, a missing one is
     * refused like a forbidden one.
     */
    Application existing(String id) {
        if (id != null) {
            cypher.run(LOCK, Cypher.parameters("id", id));
        }
        var application = id == null ? null : applications.application(id);
        if (application == null) {
            if (!Caller.current().national()) {
                throw new ForbiddenException();
            }
            throw new InvalidInputException("id", "aucune candidature avec l'identifiant " + id);
        }
        return application;
    }

    /** The applicant; for anyone but ANCT, a missing one is refused like a forbidden one. */
    EmployerFacts employer(String id) {
        var found = id == null ? Optional.<EmployerFacts>empty() : applicants.employer(id);
        if (found.isEmpty()) {
            // same answer as a refusal for those who may not apply at all; a clear one for ANCT
            Access.requireWrite(Caller.current(), NATIONAL, Scope.NOWHERE);
            throw new InvalidInputException("input.employerId", "aucune structure employeuse avec l'identifiant " + id);
        }
        return found.get();
    }

    /** A step of the applicant (the employer, or ANCT for it): touches the employer. */
    static Write applicant(EmployerFacts employer) {
        return Access.write(APPLICANT).touching(Scope.of(List.of(), List.of(), List.of(employer.siret()), List.of()));
    }

    /** A step only ANCT takes. */
    static void requireNational() {
        Access.requireWrite(Caller.current(), NATIONAL, Scope.NOWHERE);
    }

    static void requireStatus(Validation v, Application current, Set<ApplicationStatus> allowed, String why) {
        v.check(allowed.contains(current.status()), "id", why + " (étape actuelle : " + current.status().label + ")");
    }

    /** The date of an act: today, or for ANCT taking over a procedure run elsewhere, a past day. */
    LocalDate pastOrToday(Validation v, LocalDate on) {
        var today = today();
        var day = on == null ? today : on;
        v.check(!day.isAfter(today), "on", "une date d'acte ne peut pas être dans le futur (" + day + ")");
        v.check(day.isAfter(today) || day.equals(today) || Caller.current().national(), "on",
                "seule l'ANCT enregistre un acte à une date passée (reprise d'un dossier) ; sans date, l'acte est daté"
                        + " du jour (" + today + ")");
        return day;
    }

    static void notBefore(Validation v, LocalDate day, LocalDate previous, String what) {
        v.check(day == null || previous == null || !day.isBefore(previous), "on",
                "ne peut précéder " + what + " (" + previous + ")");
    }

    static void between(Validation v, String field, Integer value, int min, int max) {
        v.check(value != null && value >= min && value <= max, field, "entre " + min + " et " + max + " (reçu " + value + ")");
    }

    /**
     * Moves the application from one of {@code from} to {@code to} and records the step, or fails with a conflict if it
     * moved meanwhile (see {@link #TRANSITION}).
     */
    void transition(Application current, Set<ApplicationStatus> from, ApplicationStatus to,
            Map<String, Object> changes, String action, String label, LocalDate on, String comment) {
        long changed = neo4j.query(TRANSITION).bindAll(Cypher.parameters("id", current.id(),
                "from", from.stream().map(Enum::name).toList(), "to", to.name(), "changes", changes))
                .fetchAs(Long.class).one().orElse(0L);
        if (changed == 0) {
            throw new ConflictException("id", "La candidature a été modifiée en même temps par une autre personne :"
                    + " rechargez-la et réessayez.");
        }
        event(current.id(), current.status(), to, action, label, on, comment);
    }

    /** Records a step in the application's history, by the current caller. */
    void event(String id, ApplicationStatus from, ApplicationStatus to, String action, String label, LocalDate on,
            String comment) {
        var caller = Caller.current();
        cypher.run(EVENT, Cypher.parameters("id", id, "on", on, "action", action, "label", label,
                "from", from == null ? null : from.name(), "to", to.name(),
                "role", String.join(",", caller.roles().stream().map(Enum::name).sorted().toList()),
                "subject", caller.subject(), "comment", comment));
    }
}
