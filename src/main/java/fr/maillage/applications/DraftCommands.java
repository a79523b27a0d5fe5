package fr.maillage.applications;

import static fr.maillage.applications.ApplicationChecks.COMMENT;
import static fr.maillage.applications.ApplicationChecks.applicant;
import static fr.maillage.applications.ApplicationChecks.requireStatus;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.maillage.applications.ApplicantReader.EmployerFacts;
import fr.maillage.applications.ApplicationInputs.ApplicationInput;
import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationRules.ApplicationStatus;
import fr.maillage.applications.ApplicationRules.ConsultationAnswer;
import fr.maillage.database.Cypher;
import fr.maillage.database.RetriedOnConflict;
import fr.maillage.network.CoordinatorRoles;
import fr.maillage.network.NetworkRepository;
import fr.maillage.security.Caller;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.validation.Validation;
import org.neo4j.driver.Value;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The applicant prepares its application: a draft, its changes, the structures of the zone it consulted. */
@Service
@Transactional
@RetriedOnConflict
class DraftCommands {

    /** A counter on the campaign, incremented under its lock: concurrent drafts get distinct references. */
    private static final String NEXT_SEQUENCE = """
            MATCH (c:Campaign {code: $code})
            SET c.applicationSequence = coalesce(c.applicationSequence, 0) + 1
            RETURN c.applicationSequence""";

    private static final String CREATE_DRAFT = """
            MATCH (c:Campaign {code: $values.campaignCode}), (e:Employer {id: $values.employerId})
            CREATE (a:CoordinatorApplication)
            SET a = $values, a.createdAt = datetime(), a.updatedAt = datetime()
            CREATE (a)-[:FOR_CAMPAIGN]->(c), (a)-[:SUBMITTED_BY]->(e)
            WITH a
            OPTIONAL MATCH (x:Adviser {id: a.existingPostAdviserId})
            FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | CREATE (a)-[:EXISTING_POST]->(x))""";

    private static final String RELINK_EXISTING_POST = """
            MATCH (a:CoordinatorApplication {id: $id})
            OPTIONAL MATCH (a)-[r:EXISTING_POST]->()
            DELETE r
            WITH DISTINCT a
            OPTIONAL MATCH (x:Adviser {id: a.existingPostAdviserId})
            FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | CREATE (a)-[:EXISTING_POST]->(x))""";

    private static final String RECORD_CONSULTATION = """
            MATCH (a:CoordinatorApplication {id: $id}), (e:Employer {id: $employerId})
            MERGE (a)-[c:CONSULTED]->(e)
            SET c.on = $on, c.answer = $answer, c.comment = $comment, c.recordedAt = datetime()""";

    private final ApplicationChecks checks;
    private final DraftChecks draftChecks;
    private final ApplicationReader applications;
    private final ZoneReader zones;
    private final NetworkRepository network;
    private final Neo4jClient neo4j;
    private final Cypher cypher;

    DraftCommands(ApplicationChecks checks, DraftChecks draftChecks, ApplicationReader applications, ZoneReader zones,
            NetworkRepository network, Neo4jClient neo4j, Cypher cypher) {
        this.checks = checks;
        this.draftChecks = draftChecks;
        this.applications = applications;
        this.zones = zones;
        this.network = network;
        this.neo4j = neo4j;
        this.cypher = cypher;
    }

    Application draft(ApplicationInput input) {
        var employer = checks.employer(input.employerId());
        authorizeDraft(employer, input);
        var checked = draftChecks.check(input, employer, null);
        var id = UUID.randomUUID().toString();
        var sequence = neo4j.query(NEXT_SEQUENCE).bind(checked.campaign().code()).to("code").fetchAs(Long.class)
                .one().orElse(1L);
        var reference = "%s-%05d".formatted(checked.campaign().code(), sequence);
        var values = checked.properties();
        values.putAll(Cypher.parameters("id", id, "reference", reference, "sort", reference,
                "status", ApplicationStatus.DRAFT.name(), "campaignCode", checked.campaign().code(),
                "employerId", employer.id(), "employerSiret", employer.siret(),
                "notificationDelayMonths", checked.campaign().notificationDelayMonths(),
                "recruitmentDelayMonths", checked.campaign().recruitmentDelayMonths(), "createdOn", checks.today()));
        cypher.run(CREATE_DRAFT, Cypher.parameters("values", values));
        checks.event(id, null, ApplicationStatus.DRAFT, "DRAFT", "Création du brouillon", checks.today(), null);
        return applications.application(id);
    }

    /** What {@link #draft} would answer, nothing written: for the form being filled in, by whom may draft it. */
    @Transactional(readOnly = true)
    ApplicationModel.ApplicationPreview preview(ApplicationInput input) {
        var employer = checks.employer(input.employerId());
        authorizeDraft(employer, input);
        return draftChecks.preview(input, employer);
    }

    Application update(String id, ApplicationInput input) {
        var current = checks.existing(id);
        var employer = checks.employer(current.employerId());
        authorizeDraft(employer, input);
        if (input.employerId() != null && !input.employerId().equals(current.employerId())) {
            // another structure named: refused unless it is the caller's (then the change itself is refused below)
            applicant(employer).touching(network.actorScope("Employer", input.employerId())).require();
        }
        var v = new Validation();
        requireStatus(v, current, EnumSet.of(ApplicationStatus.DRAFT), "seul un brouillon se modifie");
        v.check(input.campaignCode() == null || current.campaignCode().equals(input.campaignCode().strip()),
                "input.campaignCode", "la campagne d'une candidature ne change pas");
        v.check(input.employerId() == null || current.employerId().equals(input.employerId()), "input.employerId",
                "la structure d'une candidature ne change pas");
        v.orThrow();
        var checked = draftChecks.check(input, employer, current);
        checks.transition(current, EnumSet.of(ApplicationStatus.DRAFT), ApplicationStatus.DRAFT, checked.properties(),
                "UPDATE", "Modification du brouillon", checks.today(), null);
        cypher.run(RELINK_EXISTING_POST, Cypher.parameters("id", id));
        return applications.application(id);
    }

    Application recordConsultation(String id, String employerId, ConsultationAnswer answer, String comment,
            LocalDate on) {
        var current = checks.existing(id);
        authorizeConsultation(current, checks.employer(current.employerId()), employerId);
        var v = new Validation();
        requireStatus(v, current, EnumSet.of(ApplicationStatus.DRAFT),
                "les consultations se font avant le dépôt de la candidature");
        // its name, for the history a person reads
        var consulted = employerId == null ? null : network.byIds("Employer", List.of(employerId),
                n -> ((Value) n).get("name").asString(employerId)).get(employerId);
        v.check(consulted != null, "employerId", "aucune structure employeuse avec l'identifiant " + employerId);
        v.check(!current.employerId().equals(employerId), "employerId", "la structure candidate ne se consulte pas");
        v.check(answer != null, "answer", "obligatoire");
        v.optionalText("comment", comment, COMMENT);
        // the day the structure was consulted, which may precede its recording
        var today = checks.today();
        var day = on == null ? today : on;
        v.check(!day.isAfter(today), "on", "une date de consultation ne peut pas être dans le futur (" + day + ")");
        v.orThrow();
        cypher.run(RECORD_CONSULTATION, Cypher.parameters("id", id, "employerId", employerId, "on", day,
                "answer", answer.name(), "comment", Validation.trimToNull(comment)));
        checks.transition(current, EnumSet.of(ApplicationStatus.DRAFT), ApplicationStatus.DRAFT, Map.of(),
                "CONSULTATION", "Consultation de la structure employeuse " + consulted + " (" + employerId + ") : "
                        + answerLabel(answer),
                day, Validation.trimToNull(comment));
        return applications.application(id);
    }

    /**
     * A draft: the applicant's; its zone within reach of the applicant (ANCT may decide otherwise), and the adviser
     * holding the existing post, if named, the applicant's today.
     */
    private void authorizeDraft(EmployerFacts employer, ApplicationInput input) {
        // who may draft for this employer at all, before anything the size of the input is read
        applicant(employer).require();
        var perimeter = input.perimeter();
        var zone = perimeter == null || perimeter.territories() == null ? List.<TerritoryRef>of()
                : perimeter.territories().stream().filter(t -> t != null && t.level() != null && t.code() != null)
                        .distinct().toList();
        if (zone.size() > CoordinatorRoles.MAX_PERIMETER_TERRITORIES) {
            throw new InvalidInputException("input.perimeter.territories", "une zone compte au plus "
                    + CoordinatorRoles.MAX_PERIMETER_TERRITORIES + " territoires (reçu " + zone.size() + ")");
        }
        var write = applicant(employer).unlessNational(
                Caller.current().national() || zones.withinReach(zone, employer.id()));
        var holder = input.existingPostAdviserId();
        if (holder != null) {
            write.touching(network.adviserScopes(List.of(holder), checks.today()).get(holder));
        }
        write.require();
    }

    /**
     * A consultation: the applicant's; the structure consulted is one of the zone, lying in one of its regions or
     * employing advisers who serve it (ANCT may record any).
     */
    private void authorizeConsultation(Application current, EmployerFacts applicant, String consultedId) {
        var consulted = consultedId == null ? null : network.actorScope("Employer", consultedId);
        boolean ofTheZone = consulted != null
                && (!Collections.disjoint(consulted.regions(), current.perimeter().regionCodes())
                        || zones.requiredConsultations(current.perimeter().territories(), applicant.id(),
                                checks.today()).contains(consultedId));
        applicant(applicant).unlessNational(ofTheZone).require();
    }

    private static String answerLabel(ConsultationAnswer answer) {
        return switch (answer) {
            case FAVOURABLE -> "favorable";
            case RESERVED -> "réservée";
            case UNFAVOURABLE -> "défavorable";
            case NO_ANSWER -> "sans réponse";
        };
    }
}
