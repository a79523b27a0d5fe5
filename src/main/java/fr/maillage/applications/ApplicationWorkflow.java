package fr.maillage.applications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import fr.maillage.applications.ApplicationInputs.ApplicationInput;
import fr.maillage.applications.ApplicationInputs.CampaignInput;
import fr.maillage.applications.ApplicationInputs.FundingRuleInput;
import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationModel.Campaign;
import fr.maillage.applications.ApplicationModel.Funding;
import fr.maillage.applications.ApplicationModel.Perimeter;
import fr.maillage.applications.ApplicationRules.ApplicantCategory;
import fr.maillage.applications.ApplicationRules.ApplicationCase;
import fr.maillage.applications.ApplicationRules.ApplicationDecision;
import fr.maillage.applications.ApplicationRules.ApplicationStatus;
import fr.maillage.applications.ApplicationRules.ConsultationAnswer;
import fr.maillage.graphql.InvalidInputException;
import fr.maillage.graphql.Validation;
import fr.maillage.network.NetworkEnums.ContractType;
import fr.maillage.network.NetworkEnums.LegalKind;
import fr.maillage.network.NetworkEnums.Scheme;
import fr.maillage.network.NetworkEnums.Sector;
import fr.maillage.network.NetworkInputs.PerimeterInput;
import fr.maillage.network.NetworkRepository;
import fr.maillage.network.NetworkWriter;
import fr.maillage.security.Access;
import fr.maillage.security.Caller;
import fr.maillage.security.Role;
import fr.maillage.security.Scope;
import fr.maillage.security.Write;
import fr.maillage.territories.TerritoryRef;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The call for applications as a state machine. Each public method is one transaction: it authorizes the caller for
 * this step, checks the whole step against the graph, then moves the application with a guard on its current status,
 * taken under the application's write lock, and records the step in its history; any failure rolls everything back.
 * An act is dated the day it is recorded; only ANCT may give a past date ({@code on}), to take over a procedure run
 * outside the service, so nobody else can file after the closing date or hide a late step by backdating it.
 */
@Service
@Transactional
class ApplicationWorkflow {

    private static final Set<Role> APPLICANT = Set.of(Role.ANCT, Role.EMPLOYER);
    private static final Set<Role> NATIONAL = Set.of(Role.ANCT);
    private static final int COMMENT = 2000;

    private final Neo4jClient neo4j;
    private final ApplicationRepository applications;
    private final NetworkRepository network;
    private final NetworkWriter networkWriter;
    private final Clock clock;

    ApplicationWorkflow(Neo4jClient neo4j, ApplicationRepository applications, NetworkRepository network,
            NetworkWriter networkWriter, Clock clock) {
        this.neo4j = neo4j;
        this.applications = applications;
        this.network = network;
        this.networkWriter = networkWriter;
        this.clock = clock;
    }

    // Campaigns

    Campaign createCampaign(CampaignInput input) {
        Access.requireWrite(Caller.current(), NATIONAL, Scope.NOWHERE);
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
            var known = new HashSet<>(neo4j.query("MATCH (d:Department) WHERE d.code IN $codes RETURN d.code")
                    .bind(List.copyOf(departments)).to("codes").fetchAs(String.class).all());
            departments.stream().filter(d -> !known.contains(d)).sorted().forEach(d -> v.problem(
                    "input.fundingRules.departmentCodes", "aucun département de code " + d));
        }
        if (v.ok() && applications.campaign(code) != null) {
            v.problem("input.code", "une campagne de code " + code + " existe déjà");
        }
        v.orThrow();
        var rows = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < rules.size(); i++) {
            var rule = rules.get(i);
            rows.add(params("rank", i + 1, "applicant", rule.applicant().name(),
                    "contracts", rule.contractTypes().stream().map(Enum::name).distinct().toList(),
                    "departments", codes(rule.departmentCodes()), "amount", rule.amountEur(),
                    "months", rule.periodMonths(), "branch", Boolean.TRUE.equals(rule.requiresBranchAgreement()),
                    "note", Validation.trimToNull(rule.note())));
        }
        run("""
                CREATE (c:Campaign {code: $code, name: $name, opensOn: $opensOn, closesOn: $closesOn,
                  notificationDelayMonths: $notification, recruitmentDelayMonths: $recruitment, weeklyHours: $hours,
                  initialAdviserFundingMonths: $initial, createdAt: datetime()})
                WITH c
                UNWIND $rules AS rule
                CREATE (c)-[:FUNDS]->(:FundingRule {key: c.code + '-' + rule.rank, rank: rule.rank,
                  campaignCode: c.code, applicant: rule.applicant, contractTypes: rule.contracts,
                  departmentCodes: rule.departments, amountEur: rule.amount, periodMonths: rule.months,
                  requiresBranchAgreement: rule.branch, note: rule.note})""",
                params("code", code, "name", input.name().strip(), "opensOn", input.opensOn(),
                        "closesOn", input.closesOn(), "notification", input.notificationDelayMonths(),
                        "recruitment", input.recruitmentDelayMonths(), "hours", input.weeklyHours(),
                        "initial", input.initialAdviserFundingMonths(), "rules", rows));
        return applications.campaign(code);
    }

    // Drafts

    Application draft(ApplicationInput input) {
        var employer = employer(input.employerId());
        authorizeDraft(employer, input);
        var checked = check(input, employer, null);
        var id = UUID.randomUUID().toString();
        // a counter on the campaign, incremented under its lock: concurrent drafts get distinct references
        var sequence = neo4j.query("""
                MATCH (c:Campaign {code: $code})
                SET c.applicationSequence = coalesce(c.applicationSequence, 0) + 1
                RETURN c.applicationSequence""").bind(checked.campaign().code()).to("code").fetchAs(Long.class)
                .one().orElse(1L);
        var reference = "%s-%05d".formatted(checked.campaign().code(), sequence);
        var values = checked.properties();
        values.putAll(params("id", id, "reference", reference, "sort", reference, "status", ApplicationStatus.DRAFT.name(),
                "campaignCode", checked.campaign().code(), "employerId", employer.id(), "employerSiret", employer.siret(),
                "notificationDelayMonths", checked.campaign().notificationDelayMonths(),
                "recruitmentDelayMonths", checked.campaign().recruitmentDelayMonths(), "createdOn", today()));
        run("""
                MATCH (c:Campaign {code: $values.campaignCode}), (e:Employer {id: $values.employerId})
                CREATE (a:CoordinatorApplication)
                SET a = $values, a.createdAt = datetime(), a.updatedAt = datetime()
                CREATE (a)-[:FOR_CAMPAIGN]->(c), (a)-[:SUBMITTED_BY]->(e)
                WITH a
                OPTIONAL MATCH (x:Adviser {id: a.existingPostAdviserId})
                FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | CREATE (a)-[:EXISTING_POST]->(x))""",
                params("values", values));
        event(id, null, ApplicationStatus.DRAFT, "DRAFT", "Création du brouillon", today(), null);
        return applications.application(id);
    }

    Application update(String id, ApplicationInput input) {
        var current = existing(id);
        var employer = employer(current.employerId());
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
        var checked = check(input, employer, current);
        transition(current, EnumSet.of(ApplicationStatus.DRAFT), ApplicationStatus.DRAFT, checked.properties(),
                "UPDATE", "Modification du brouillon", today(), null);
        run("""
                MATCH (a:CoordinatorApplication {id: $id})
                OPTIONAL MATCH (a)-[r:EXISTING_POST]->()
                DELETE r
                WITH DISTINCT a
                OPTIONAL MATCH (x:Adviser {id: a.existingPostAdviserId})
                FOREACH (_ IN CASE WHEN x IS NULL THEN [] ELSE [1] END | CREATE (a)-[:EXISTING_POST]->(x))""",
                params("id", id));
        return applications.application(id);
    }

    Application recordConsultation(String id, String employerId, ConsultationAnswer answer, String comment,
            LocalDate on) {
        var current = existing(id);
        authorizeConsultation(current, employer(current.employerId()), employerId);
        var v = new Validation();
        requireStatus(v, current, EnumSet.of(ApplicationStatus.DRAFT),
                "les consultations se font avant le dépôt de la candidature");
        var consulted = employerId == null ? null : network.byIds("Employer", List.of(employerId), n -> n).get(employerId);
        v.check(consulted != null, "employerId", "aucune structure employeuse avec l'identifiant " + employerId);
        v.check(!current.employerId().equals(employerId), "employerId", "la structure candidate ne se consulte pas");
        v.check(answer != null, "answer", "obligatoire");
        v.optionalText("comment", comment, COMMENT);
        // the day the structure was consulted, which may precede its recording
        var day = on == null ? today() : on;
        v.check(!day.isAfter(today()), "on", "une date de consultation ne peut pas être dans le futur (" + day + ")");
        v.orThrow();
        run("""
                MATCH (a:CoordinatorApplication {id: $id}), (e:Employer {id: $employerId})
                MERGE (a)-[c:CONSULTED]->(e)
                SET c.on = $on, c.answer = $answer, c.comment = $comment, c.recordedAt = datetime()""",
                params("id", id, "employerId", employerId, "on", day, "answer", answer.name(),
                        "comment", Validation.trimToNull(comment)));
        transition(current, EnumSet.of(ApplicationStatus.DRAFT), ApplicationStatus.DRAFT, Map.of(), "CONSULTATION",
                "Consultation d'une structure employeuse (" + employerId + ") : " + answerLabel(answer), day,
                Validation.trimToNull(comment));
        return applications.application(id);
    }

    // Instruction

    Application submit(String id, LocalDate on) {
        var current = existing(id);
        var employer = employer(current.employerId());
        authorizeApplicant(employer);
        var v = new Validation();
        requireStatus(v, current, EnumSet.of(ApplicationStatus.DRAFT), "seul un brouillon se dépose");
        var day = pastOrToday(v, on);
        var campaign = applications.campaign(current.campaignCode());
        if (day != null && !campaign.openOn(day)) {
            v.problem("on", "la campagne " + campaign.code() + " reçoit les candidatures du " + campaign.opensOn()
                    + " au " + campaign.closesOn() + " (dépôt le " + day + ")");
        }
        List<String> required = List.of();
        if (v.ok()) {
            // the employer's situation and the structures to consult, as they stood on the day of submission
            ApplicationRules.eligibilityProblem(employer.legalKind()).ifPresent(p -> v.problem("employerId", p));
            ApplicationRules.caseProblems(current.applicationCase(), applications.situation(employer.id(), day))
                    .forEach(p -> v.problem("applicationCase", p));
            if (current.existingPostAdviserId() != null) {
                v.check(employedOn(current.existingPostAdviserId(), employer.id(), day), "existingPostAdviserId",
                        "le conseiller du poste existant n'a pas de contrat en cours avec la structure le " + day);
            }
            required = applications.requiredConsultations(current.perimeter().territories(), employer.id(), day);
            var consultations = applications.consultations(List.of(id), day).get(id);
            var done = new HashMap<String, LocalDate>();
            consultations.stream().filter(ApplicationModel.Consultation::done)
                    .forEach(c -> done.put(c.employerId(), c.consultedOn()));
            var names = names(required);
            for (var employerId : required) {
                if (!done.containsKey(employerId)) {
                    v.problem("consultations", "la structure " + names.get(employerId)
                            + ", qui emploie des conseillers dans la zone, n'a pas été consultée");
                }
            }
            done.forEach((employerId, consultedOn) -> v.check(!consultedOn.isAfter(day), "consultations",
                    "la consultation de " + employerId + " (le " + consultedOn + ") suit la date de dépôt " + day));
        }
        // the funding is read again from the employer as it stands when filing, and that snapshot is kept
        var category = ApplicantCategory.of(employer.legalKind(), employer.sector());
        var rule = ApplicationRules.fundingRule(campaign.fundingRules(), category, current.contractType(),
                employer.departmentCode());
        if (v.ok() && rule.isEmpty()) {
            v.problem("contractType", ApplicationRules.noFundingReason(campaign.fundingRules(), category,
                    current.contractType()));
        }
        if (v.ok() && rule.get().requiresBranchAgreement() && !current.branchAgreement()) {
            v.problem("branchAgreement", "un contrat de projet de droit privé n'est financé que si un accord de branche"
                    + " ou une convention collective le permet");
        }
        v.orThrow();
        var funding = funding(campaign, rule.get(), category, employer, current.contractType(),
                current.applicationCase(), existingPostStart(current.existingPostAdviserId(), employer.id()));
        var changes = params("submittedOn", day, "requiredConsultations", required, "amountEur", funding.amountEur(),
                "periodMonths", funding.periodMonths(), "fundingStart", funding.startsOn(),
                "fundingRuleKey", rule.get().key(), "fundingNotes", funding.notes(),
                "applicantLegalKind", employer.legalKind().name(), "applicantSector", employer.sector().name(),
                "applicantDepartmentCode", employer.departmentCode());
        transition(current, EnumSet.of(ApplicationStatus.DRAFT), ApplicationStatus.SUBMITTED, changes, "SUBMIT",
                "Dépôt de la candidature", day, null);
        return applications.application(id);
    }

    Application withdraw(String id, String reason, LocalDate on) {
        var current = existing(id);
        authorizeApplicant(employer(current.employerId()));
        var v = new Validation();
        requireStatus(v, current, ApplicationRules.WITHDRAWABLE, "une candidature décidée ne se retire plus");
        v.optionalText("reason", reason, COMMENT);
        var day = pastOrToday(v, on);
        notBefore(v, day, current.submittedOn(), "la date de dépôt");
        v.orThrow();
        transition(current, ApplicationRules.WITHDRAWABLE, ApplicationStatus.WITHDRAWN, Map.of(), "WITHDRAW",
                "Retrait de la candidature", day, Validation.trimToNull(reason));
        return applications.application(id);
    }

    Application giveOpinion(String id, String departmentCode, Boolean favourable, String comment, LocalDate on) {
        var department = departmentCode == null ? null : departmentCode.strip().toUpperCase();
        Access.requireWrite(Caller.current(), Set.of(Role.PREFECTURE),
                department == null ? Scope.NOWHERE : Scope.of(List.of(department), List.of(), List.of(), List.of()));
        if (id == null || !applications.visible(id, Caller.current())) {
            throw new fr.maillage.security.ForbiddenException();
        }
        var current = existing(id);
        var v = new Validation();
        requireStatus(v, current, ApplicationRules.AWAITING_OPINION, "la candidature n'attend pas d'avis");
        v.check(current.perimeter().departmentCodes().contains(department), "departmentCode",
                "le département " + department + " n'est pas dans la zone de la candidature (départements : "
                        + String.join(", ", current.perimeter().departmentCodes()) + ")");
        v.check(favourable != null, "favourable", "obligatoire");
        v.check(!Boolean.FALSE.equals(favourable) || comment != null && !comment.isBlank(), "comment",
                "un avis défavorable est motivé");
        v.optionalText("comment", comment, COMMENT);
        var day = pastOrToday(v, on);
        notBefore(v, day, current.submittedOn(), "la date de dépôt");
        v.orThrow();
        long written = neo4j.query("""
                MATCH (a:CoordinatorApplication {id: $id}), (p:Prefecture {code: $department})
                MERGE (p)-[o:GAVE_OPINION]->(a)
                SET o.favourable = $favourable, o.comment = $comment, o.on = $on, o.recordedAt = datetime(),
                    o.by = $subject
                RETURN count(o)""").bindAll(params("id", id, "department", department, "favourable", favourable,
                "comment", Validation.trimToNull(comment), "on", day, "subject", Caller.current().subject()))
                .fetchAs(Long.class).one().orElse(0L);
        if (written == 0) {
            throw new InvalidInputException("departmentCode", "aucune préfecture pour le département " + department);
        }
        boolean complete = neo4j.query("""
                MATCH (a:CoordinatorApplication {id: $id})
                RETURN all(d IN a.departmentCodes WHERE EXISTS { (:Prefecture {code: d})-[:GAVE_OPINION]->(a) })""")
                .bind(id).to("id").fetchAs(Boolean.class).one().orElse(false);
        transition(current, ApplicationRules.AWAITING_OPINION,
                complete ? ApplicationStatus.REVIEWED : ApplicationStatus.SUBMITTED, Map.of(), "OPINION",
                "Avis " + (favourable ? "favorable" : "défavorable") + " de la préfecture " + department, day,
                Validation.trimToNull(comment));
        return applications.application(id);
    }

    Application decide(String id, ApplicationDecision decision, String comment, LocalDate on) {
        Access.requireWrite(Caller.current(), NATIONAL, Scope.NOWHERE);
        var current = existing(id);
        var v = new Validation();
        if (current.status() == ApplicationStatus.SUBMITTED) {
            var awaited = applications.opinions(List.of(id)).get(id).stream().filter(o -> !o.given())
                    .map(ApplicationModel.PrefectureOpinion::departmentCode).toList();
            v.problem("id", "avis attendu de la préfecture : " + String.join(", ", awaited));
        } else {
            requireStatus(v, current, EnumSet.of(ApplicationStatus.REVIEWED), "seule une candidature instruite se décide");
        }
        v.check(decision != null, "decision", "obligatoire");
        v.check(decision != ApplicationDecision.REFUSED || comment != null && !comment.isBlank(), "comment",
                "un refus est motivé");
        v.optionalText("comment", comment, COMMENT);
        var day = pastOrToday(v, on);
        if (v.ok()) {
            for (var opinion : applications.opinions(List.of(id)).get(id)) {
                notBefore(v, day, opinion.givenOn(), "l'avis de la préfecture " + opinion.departmentCode());
            }
        }
        v.orThrow();
        var to = decision == ApplicationDecision.ACCEPTED ? ApplicationStatus.ACCEPTED : ApplicationStatus.REFUSED;
        transition(current, EnumSet.of(ApplicationStatus.REVIEWED), to,
                params("decision", decision.name(), "decidedOn", day, "decisionComment", Validation.trimToNull(comment)),
                "DECIDE", "Décision de l'ANCT : " + (to == ApplicationStatus.ACCEPTED ? "acceptée" : "refusée"), day,
                Validation.trimToNull(comment));
        return applications.application(id);
    }

    Application notifyDecision(String id, LocalDate on) {
        Access.requireWrite(Caller.current(), NATIONAL, Scope.NOWHERE);
        var current = existing(id);
        var v = new Validation();
        var from = EnumSet.of(ApplicationStatus.ACCEPTED, ApplicationStatus.REFUSED);
        requireStatus(v, current, from, "seule une décision prise se notifie");
        var day = pastOrToday(v, on);
        notBefore(v, day, current.decidedOn(), "la décision");
        v.orThrow();
        transition(current, from, ApplicationStatus.NOTIFIED, params("notifiedOn", day), "NOTIFY",
                "Notification de la décision à la structure", day, null);
        return applications.application(id);
    }

    Application recordRecruitment(String id, String adviserId, LocalDate on) {
        var current = existing(id);
        // the recruited adviser is the applicant's: touched on the day of the act
        applicant(employer(current.employerId())).touching(adviserId == null ? null
                : network.adviserScopes(List.of(adviserId), on == null ? today() : on).get(adviserId)).require();
        var v = new Validation();
        if (current.status() == ApplicationStatus.NOTIFIED && current.decision() == ApplicationDecision.REFUSED) {
            v.problem("id", "la candidature a été refusée : pas de recrutement");
        } else {
            requireStatus(v, current, EnumSet.of(ApplicationStatus.NOTIFIED),
                    "le recrutement suit la notification de l'acceptation");
        }
        var day = pastOrToday(v, on);
        notBefore(v, day, current.notifiedOn(), "la notification");
        if (v.ok()) {
            var coordinator = adviserId == null ? java.util.Optional.<Boolean>empty()
                    : neo4j.query("MATCH (x:Adviser {id: $id}) RETURN x:Coordinator").bind(adviserId).to("id")
                            .fetchAs(Boolean.class).one();
            if (coordinator.isEmpty()) {
                v.problem("adviserId", "aucun conseiller avec l'identifiant " + adviserId);
            } else {
                v.check(employedOn(adviserId, current.employerId(), day), "adviserId",
                        "le coordinateur doit être employé par la structure candidate, sous un contrat en cours le " + day);
                boolean keepsPost = adviserId.equals(current.existingPostAdviserId());
                var applicationCase = current.applicationCase();
                v.check(keepsPost || applicationCase == ApplicationCase.CONVERT_ADVISER_POST
                        || !applicationCase.existingPost, "adviserId", "le cas « " + applicationCase.label
                        + " » porte sur le poste existant : son titulaire (" + current.existingPostAdviserId()
                        + ") en est le coordinateur");
                v.check(!coordinator.get() || keepsPost, "adviserId",
                        "ce conseiller est déjà coordinateur sur un autre périmètre");
            }
        }
        v.orThrow();
        var perimeter = new PerimeterInput(current.perimeter().kind(), current.perimeter().territories());
        networkWriter.applyCoordinatorRole(adviserId, perimeter, day);
        if (current.applicationCase() == ApplicationCase.INTEGRATE_COORDINATION_POST) {
            // the post joins the programme
            run("MATCH (x:Adviser {id: $id}) SET x.scheme = $scheme", params("id", adviserId,
                    "scheme", Scheme.CONSEILLER_NUMERIQUE.name()));
        }
        run("""
                MATCH (a:CoordinatorApplication {id: $id}), (x:Adviser {id: $adviserId})
                CREATE (a)-[:RECRUITED]->(x)""", params("id", id, "adviserId", adviserId));
        var changes = params("recruitedOn", day, "coordinatorId", adviserId);
        if (!current.applicationCase().fundedFromEndOfInitialPeriod()) {
            changes.put("fundingStart", day);
        }
        transition(current, EnumSet.of(ApplicationStatus.NOTIFIED), ApplicationStatus.RECRUITED, changes, "RECRUIT",
                "Recrutement : rôle de coordinateur attribué sur la zone de la candidature", day, null);
        return applications.application(id);
    }

    Application recordConventionSignature(String id, LocalDate on) {
        Access.requireWrite(Caller.current(), NATIONAL, Scope.NOWHERE);
        var current = existing(id);
        var v = new Validation();
        requireStatus(v, current, EnumSet.of(ApplicationStatus.RECRUITED), "la convention suit le recrutement");
        var day = pastOrToday(v, on);
        notBefore(v, day, current.recruitedOn(), "le recrutement");
        v.orThrow();
        transition(current, EnumSet.of(ApplicationStatus.RECRUITED), ApplicationStatus.CONVENTION_SIGNED,
                params("conventionSignedOn", day), "SIGN", current.applicationCase().fundedFromEndOfInitialPeriod()
                        ? "Signature de l'avenant à la convention existante" : "Signature de la convention", day, null);
        return applications.application(id);
    }

    Application recordSubsidyPayment(String id, LocalDate on) {
        Access.requireWrite(Caller.current(), NATIONAL, Scope.NOWHERE);
        var current = existing(id);
        var v = new Validation();
        requireStatus(v, current, EnumSet.of(ApplicationStatus.CONVENTION_SIGNED), "le versement suit la signature");
        var day = pastOrToday(v, on);
        if (day != null && current.conventionSignedOn() != null) {
            var earliest = ApplicationRules.earliestPayment(current.conventionSignedOn());
            v.check(!day.isBefore(earliest), "on", "la subvention est versée le mois suivant la signature (à partir du "
                    + earliest + ")");
        }
        v.orThrow();
        transition(current, EnumSet.of(ApplicationStatus.CONVENTION_SIGNED), ApplicationStatus.SUBSIDY_PAID,
                params("paidOn", day), "PAY", "Versement de la subvention (" + current.funding().amountEur() + " €)", day,
                null);
        return applications.application(id);
    }

    // The checks of a draft

    private record Checked(Campaign campaign, Map<String, Object> properties) {
    }

    /** Everything a draft must satisfy, with every problem at once; the properties to store when it holds. */
    private Checked check(ApplicationInput input, EmployerFacts employer, Application current) {
        var v = new Validation();
        var campaignCode = current != null ? current.campaignCode()
                : input.campaignCode() == null ? null : input.campaignCode().strip().toUpperCase();
        var campaign = campaignCode == null ? null : applications.campaign(campaignCode);
        v.check(campaign != null, "input.campaignCode", "aucune campagne de code " + campaignCode);
        ApplicationRules.eligibilityProblem(employer.legalKind()).ifPresent(p -> v.problem("input.employerId", p));
        var today = today();
        v.check(input.applicationCase() != null, "input.applicationCase", "obligatoire");
        if (input.applicationCase() != null) {
            ApplicationRules.caseProblems(input.applicationCase(), applications.situation(employer.id(), today))
                    .forEach(p -> v.problem("input.applicationCase", p));
        }
        v.check(input.contractType() != null, "input.contractType", "obligatoire");
        v.check(Boolean.TRUE.equals(input.fullTime()), "input.fullTime", "le poste de coordinateur est à temps complet ("
                + (campaign == null ? 35 : campaign.weeklyHours()) + " h par semaine)");
        v.optionalText("input.motivation", input.motivation(), 4000);
        networkWriter.checkPerimeter(v, "input.perimeter", input.perimeter());
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
        v.orThrow();
        var perimeter = applications.zone(input.perimeter().kind(), input.perimeter().territories());
        if (perimeter.communes() == 0) {
            throw new InvalidInputException("input.perimeter.territories", "la zone ne compte aucune commune");
        }
        var funding = funding(campaign, rule, category, employer, input.contractType(), input.applicationCase(),
                existingPostStart);
        var values = params("case", input.applicationCase().name(), "contractType", input.contractType().name(),
                "fullTime", true, "branchAgreement", Boolean.TRUE.equals(input.branchAgreement()),
                "motivation", Validation.trimToNull(input.motivation()), "perimeterKind", perimeter.kind().name(),
                "perimeterRefs", perimeter.territories().stream().map(r -> r.level().name() + ":" + r.code()).distinct()
                        .toList(),
                "zoneCommunes", perimeter.communes(), "zonePopulation", perimeter.population(),
                "departmentCodes", perimeter.departmentCodes(), "regionCodes", perimeter.regionCodes(),
                "existingPostAdviserId", input.applicationCase().existingPost ? input.existingPostAdviserId() : null,
                "amountEur", funding.amountEur(), "periodMonths", funding.periodMonths(),
                "fundingStart", funding.startsOn(), "fundingRuleKey", rule.key(), "fundingNotes", funding.notes());
        return new Checked(campaign, values);
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
        var row = neo4j.query("""
                MATCH (x:Adviser {id: $id})
                OPTIONAL MATCH (x)-[k:EMPLOYED_BY]->(:Employer {id: $employerId})
                WITH x, k ORDER BY k.start
                RETURN x:Coordinator AS coordinator, coalesce(x.scheme, 'CONSEILLER_NUMERIQUE') AS scheme,
                       head(collect(k.start)) AS start""")
                .bindAll(params("id", adviserId, "employerId", employerId)).fetch().one();
        if (row.isEmpty()) {
            v.problem("input.existingPostAdviserId", "aucun conseiller avec l'identifiant " + adviserId);
            return null;
        }
        var start = (LocalDate) row.get().get("start");
        boolean coordinator = (Boolean) row.get().get("coordinator");
        v.check(start != null, "input.existingPostAdviserId",
                "ce conseiller n'a pas de contrat avec la structure candidate");
        switch (applicationCase) {
            case EXTEND_COORDINATION_POST, INTEGRATE_COORDINATION_POST -> v.check(coordinator,
                    "input.existingPostAdviserId", "ce conseiller n'occupe pas un poste de coordination");
            case CONVERT_ADVISER_POST -> {
                v.check(!coordinator, "input.existingPostAdviserId", "ce conseiller est déjà coordinateur (cas 1)");
                v.check(Scheme.CONSEILLER_NUMERIQUE.name().equals(row.get().get("scheme")),
                        "input.existingPostAdviserId", "seul un poste de conseiller numérique du dispositif se transforme");
            }
            default -> {
            }
        }
        return start;
    }

    private static Funding funding(Campaign campaign, ApplicationRules.FundingRule rule, ApplicantCategory category,
            EmployerFacts employer, ContractType contract, ApplicationCase applicationCase, LocalDate existingPostStart) {
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
        var department = employer.departmentCode();
        boolean overseas = department != null && department.length() == 3;
        if (overseas && rule.departmentCodes().isEmpty() && category == ApplicantCategory.COLLECTIVITY) {
            notes.add("Aucune majoration outre-mer n'est fixée par la campagne pour le département " + department);
        }
        if (overseas && category == ApplicantCategory.OTHER_PUBLIC && contract.publicLaw) {
            notes.add("Outre-mer : une majoration est possible pour un contrat de droit public, montant à fixer par l'ANCT");
        }
        return new Funding(rule.amountEur(), rule.periodMonths(), start, rule, List.copyOf(notes));
    }

    // Moves and history

    /**
     * Moves the application from one of {@code from} to {@code to} and records the step, or fails if it moved: the
     * first SET takes the node's write lock, so the status is read after any concurrent step has committed.
     */
    private void transition(Application current, Set<ApplicationStatus> from, ApplicationStatus to,
            Map<String, Object> changes, String action, String label, LocalDate on, String comment) {
        long changed = neo4j.query("""
                MATCH (a:CoordinatorApplication {id: $id})
                SET a.updatedAt = datetime()
                WITH a WHERE a.status IN $from
                SET a += $changes, a.status = $to
                RETURN count(a)""").bindAll(params("id", current.id(),
                        "from", from.stream().map(Enum::name).toList(), "to", to.name(), "changes", changes))
                .fetchAs(Long.class).one().orElse(0L);
        if (changed == 0) {
            throw new InvalidInputException("id", "la candidature a changé entre-temps ; relisez-la avant d'agir");
        }
        event(current.id(), current.status(), to, action, label, on, comment);
    }

    private void event(String id, ApplicationStatus from, ApplicationStatus to, String action, String label,
            LocalDate on, String comment) {
        var caller = Caller.current();
        run("""
                MATCH (a:CoordinatorApplication {id: $id})
                WITH a, COUNT { (a)-[:HAS_EVENT]->() } AS seq
                CREATE (a)-[:HAS_EVENT]->(:ApplicationEvent {id: randomUUID(), seq: seq + 1, on: $on,
                  recordedAt: datetime(), action: $action, label: $label, fromStatus: $from, toStatus: $to,
                  role: $role, subject: $subject, comment: $comment})""",
                params("id", id, "on", on, "action", action, "label", label, "from", from == null ? null : from.name(),
                        "to", to.name(), "role", String.join(",", caller.roles().stream().map(Enum::name).sorted().toList()),
                        "subject", caller.subject(), "comment", comment));
    }

    // Lookups and small checks

    /** What the rules need of an employer. */
    private record EmployerFacts(String id, String siret, String name, Sector sector, LegalKind legalKind,
            String departmentCode) {
    }

    private EmployerFacts employer(String id) {
        var found = id == null ? java.util.Optional.<EmployerFacts>empty() : neo4j.query("""
                MATCH (e:Employer {id: $id})
                RETURN e.id AS id, e.siret AS siret, e.name AS name, e.sector AS sector, e.legalKind AS legalKind,
                       e.departmentCode AS departmentCode""").bind(id).to("id").fetch().one()
                .map(row -> new EmployerFacts((String) row.get("id"), (String) row.get("siret"), (String) row.get("name"),
                        Sector.valueOf((String) row.get("sector")), LegalKind.valueOf((String) row.get("legalKind")),
                        (String) row.get("departmentCode")));
        if (found.isEmpty()) {
            // same answer as a refusal for those who may not apply at all; a clear one for ANCT
            Access.requireWrite(Caller.current(), NATIONAL, Scope.NOWHERE);
            throw new InvalidInputException("input.employerId", "aucune structure employeuse avec l'identifiant " + id);
        }
        return found.get();
    }

    private void authorizeApplicant(EmployerFacts employer) {
        applicant(employer).require();
    }

    /** A step of the applicant (the employer, or ANCT for it): touches the employer. */
    private Write applicant(EmployerFacts employer) {
        return Access.write(APPLICANT).touching(Scope.of(List.of(), List.of(), List.of(employer.siret()), List.of()));
    }

    /**
     * A draft: the applicant's; its zone within reach of the applicant (ANCT may decide otherwise), and the adviser
     * holding the existing post, if named, the applicant's today.
     */
    private void authorizeDraft(EmployerFacts employer, ApplicationInput input) {
        var perimeter = input.perimeter();
        var zone = perimeter == null || perimeter.territories() == null ? List.<TerritoryRef>of()
                : perimeter.territories().stream().filter(t -> t != null && t.level() != null && t.code() != null)
                        .toList();
        var write = applicant(employer).unlessNational(applications.withinReach(zone, employer.id()));
        var holder = input.existingPostAdviserId();
        if (holder != null) {
            write.touching(network.adviserScopes(List.of(holder), today()).get(holder));
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
                        || applications.requiredConsultations(current.perimeter().territories(), applicant.id(),
                                today()).contains(consultedId));
        applicant(applicant).unlessNational(ofTheZone).require();
    }

    private Application existing(String id) {
        var application = id == null ? null : applications.application(id);
        if (application == null) {
            if (!Caller.current().national()) {
                throw new fr.maillage.security.ForbiddenException();
            }
            throw new InvalidInputException("id", "aucune candidature avec l'identifiant " + id);
        }
        return application;
    }

    private boolean employedOn(String adviserId, String employerId, LocalDate day) {
        return neo4j.query("""
                RETURN EXISTS { (:Adviser {id: $adviserId})-[k:EMPLOYED_BY]->(:Employer {id: $employerId})
                  WHERE k.start <= $day AND (k.end IS NULL OR k.end >= $day) }""")
                .bindAll(params("adviserId", adviserId, "employerId", employerId, "day", day))
                .fetchAs(Boolean.class).one().orElse(false);
    }

    private static void requireStatus(Validation v, Application current, Set<ApplicationStatus> allowed, String why) {
        v.check(allowed.contains(current.status()), "id", why + " (étape actuelle : " + current.status().label + ")");
    }

    /** The date of an act: today, or for ANCT taking over a procedure run elsewhere, a past day. */
    private LocalDate pastOrToday(Validation v, LocalDate on) {
        var today = today();
        var day = on == null ? today : on;
        v.check(!day.isAfter(today), "on", "une date d'acte ne peut pas être dans le futur (" + day + ")");
        v.check(day.isAfter(today) || day.equals(today) || Caller.current().national(), "on",
                "seule l'ANCT enregistre un acte à une date passée (reprise d'un dossier) ; sans date, l'acte est daté"
                        + " du jour (" + today + ")");
        return day;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private LocalDate existingPostStart(String adviserId, String employerId) {
        return adviserId == null ? null : neo4j.query("""
                MATCH (:Adviser {id: $adviserId})-[k:EMPLOYED_BY]->(:Employer {id: $employerId})
                RETURN min(k.start)""").bindAll(params("adviserId", adviserId, "employerId", employerId))
                .fetchAs(LocalDate.class).one().orElse(null);
    }

    private static void notBefore(Validation v, LocalDate day, LocalDate previous, String what) {
        v.check(day == null || previous == null || !day.isBefore(previous), "on",
                "ne peut précéder " + what + " (" + previous + ")");
    }

    private static void between(Validation v, String field, Integer value, int min, int max) {
        v.check(value != null && value >= min && value <= max, field, "entre " + min + " et " + max + " (reçu " + value + ")");
    }

    private Map<String, String> names(List<String> employerIds) {
        var names = new HashMap<String, String>();
        neo4j.query("MATCH (e:Employer) WHERE e.id IN $ids RETURN e.id AS id, e.name + ' (SIRET ' + e.siret + ')' AS name")
                .bind(employerIds).to("ids").fetch().all()
                .forEach(row -> names.put((String) row.get("id"), (String) row.get("name")));
        return names;
    }

    private static String answerLabel(ConsultationAnswer answer) {
        return switch (answer) {
            case FAVOURABLE -> "favorable";
            case RESERVED -> "réservée";
            case UNFAVOURABLE -> "défavorable";
            case NO_ANSWER -> "sans réponse";
        };
    }

    private static List<String> codes(List<String> codes) {
        return codes == null ? List.of() : codes.stream().filter(c -> c != null && !c.isBlank())
                .map(c -> c.strip().toUpperCase()).distinct().toList();
    }

    private void run(String cypher, Map<String, Object> parameters) {
        neo4j.query(cypher).bindAll(parameters).run();
    }

    private static Map<String, Object> params(Object... keysAndValues) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
