package fr.maillage.network;

import java.util.List;

import fr.maillage.graphql.ApiProperties;
import fr.maillage.graphql.PageRequest;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.PersonalData.AuditEvent;
import fr.maillage.network.PersonalData.PersonalDataExport;
import fr.maillage.security.Access;
import fr.maillage.security.Caller;
import fr.maillage.security.PersonalDataAudit;
import fr.maillage.security.Role;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** GDPR for advisers over GraphQL: right of access (export), right of erasure (anonymisation), and the audit trail. */
@Controller
class AdviserPrivacy {

    private final PersonalData personalData;
    private final ApiProperties limits;

    AdviserPrivacy(PersonalData personalData, ApiProperties limits) {
        this.personalData = personalData;
        this.limits = limits;
    }

    @QueryMapping
    PersonalDataExport personalDataExport(@Argument String adviserId, DataFetchingEnvironment env) {
        var export = personalData.export(adviserId);
        PersonalDataAudit.changed(env.getGraphQlContext(), adviserId);
        return export;
    }

    @QueryMapping
    List<AuditEvent> auditTrail(@Argument String adviserId, @Argument Integer first) {
        Access.requireRole(Caller.current(), Role.ANCT);
        return personalData.audit(adviserId, PageRequest.of(first, null, limits.maxPageSize()).first());
    }

    @MutationMapping
    Adviser eraseAdviserPersonalData(@Argument String adviserId, DataFetchingEnvironment env) {
        var erased = personalData.erase(adviserId);
        PersonalDataAudit.changed(env.getGraphQlContext(), adviserId);
        return erased;
    }
}
