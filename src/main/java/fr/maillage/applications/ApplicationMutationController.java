package fr.maillage.applications;

import java.time.LocalDate;

import fr.maillage.applications.ApplicationInputs.ApplicationInput;
import fr.maillage.applications.ApplicationModel.Application;
import fr.maillage.applications.ApplicationRules.ApplicationDecision;
import fr.maillage.applications.ApplicationRules.ConsultationAnswer;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The steps of a coordinator application over GraphQL, each one transaction of its group of commands. */
@Controller
class ApplicationMutationController {

    private final DraftCommands drafts;
    private final SubmissionCommands submissions;
    private final OpinionCommands opinions;
    private final DecisionCommands decisions;
    private final RecruitmentCommands recruitments;
    private final ConventionCommands conventions;

    ApplicationMutationController(DraftCommands drafts, SubmissionCommands submissions, OpinionCommands opinions,
            DecisionCommands decisions, RecruitmentCommands recruitments, ConventionCommands conventions) {
        this.drafts = drafts;
        this.submissions = submissions;
        this.opinions = opinions;
        this.decisions = decisions;
        this.recruitments = recruitments;
        this.conventions = conventions;
    }

    @MutationMapping
    Application draftCoordinatorApplication(@Argument ApplicationInput input) {
        return drafts.draft(input);
    }

    @MutationMapping
    Application updateCoordinatorApplication(@Argument String id, @Argument ApplicationInput input) {
        return drafts.update(id, input);
    }

    @MutationMapping
    Application recordConsultation(@Argument String applicationId, @Argument String employerId,
            @Argument ConsultationAnswer answer, @Argument String comment, @Argument LocalDate on) {
        return drafts.recordConsultation(applicationId, employerId, answer, comment, on);
    }

    @MutationMapping
    Application submitCoordinatorApplication(@Argument String id, @Argument LocalDate on) {
        return submissions.submit(id, on);
    }

    @MutationMapping
    Application withdrawCoordinatorApplication(@Argument String id, @Argument String reason, @Argument LocalDate on) {
        return submissions.withdraw(id, reason, on);
    }

    @MutationMapping
    Application givePrefectureOpinion(@Argument String id, @Argument String departmentCode,
            @Argument Boolean favourable, @Argument String comment, @Argument LocalDate on) {
        return opinions.giveOpinion(id, departmentCode, favourable, comment, on);
    }

    @MutationMapping
    Application decideCoordinatorApplication(@Argument String id, @Argument ApplicationDecision decision,
            @Argument String comment, @Argument LocalDate on) {
        return decisions.decide(id, decision, comment, on);
    }

    @MutationMapping
    Application notifyCoordinatorApplication(@Argument String id, @Argument LocalDate on) {
        return decisions.notifyDecision(id, on);
    }

    @MutationMapping
    Application recordCoordinatorRecruitment(@Argument String id, @Argument String adviserId, @Argument LocalDate on) {
        return recruitments.recordRecruitment(id, adviserId, on);
    }

    @MutationMapping
    Application recordConventionSignature(@Argument String id, @Argument LocalDate on) {
        return conventions.recordConventionSignature(id, on);
    }

    @MutationMapping
    Application recordSubsidyPayment(@Argument String id, @Argument LocalDate on) {
        return conventions.recordSubsidyPayment(id, on);
    }
}
