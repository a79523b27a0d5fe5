package fr.maillage.network;

import java.time.LocalDate;
import java.util.List;

import fr.maillage.network.NetworkInputs.AdviserUpdate;
import fr.maillage.network.NetworkInputs.EmployerInput;
import fr.maillage.network.NetworkInputs.EmployerUpdate;
import fr.maillage.network.NetworkInputs.GovernanceInput;
import fr.maillage.network.NetworkInputs.HireAdviserInput;
import fr.maillage.network.NetworkInputs.HubInput;
import fr.maillage.network.NetworkInputs.PartnerInput;
import fr.maillage.network.NetworkInputs.PerimeterInput;
import fr.maillage.network.NetworkInputs.PlaceInput;
import fr.maillage.network.NetworkModel.Adviser;
import fr.maillage.network.NetworkModel.Coordinator;
import fr.maillage.network.NetworkModel.Employer;
import fr.maillage.network.NetworkModel.Governance;
import fr.maillage.network.NetworkModel.Hub;
import fr.maillage.network.NetworkModel.Partner;
import fr.maillage.network.NetworkModel.Place;
import fr.maillage.security.PersonalDataAudit;
import graphql.schema.DataFetchingEnvironment;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** The network's mutations; each is one transaction of {@link NetworkWriter}. */
@Controller
class NetworkMutations {

    private final NetworkWriter writer;

    NetworkMutations(NetworkWriter writer) {
        this.writer = writer;
    }

    @MutationMapping
    Employer registerEmployer(@Argument EmployerInput input) {
        return writer.registerEmployer(input);
    }

    @MutationMapping
    Employer updateEmployer(@Argument String id, @Argument EmployerUpdate input) {
        return writer.updateEmployer(id, input);
    }

    @MutationMapping
    Adviser hireAdviser(@Argument HireAdviserInput input, DataFetchingEnvironment env) {
        var adviser = writer.hireAdviser(input);
        PersonalDataAudit.changed(env.getGraphQlContext(), adviser.id());
        return adviser;
    }

    @MutationMapping
    Adviser updateAdviser(@Argument String id, @Argument AdviserUpdate input, DataFetchingEnvironment env) {
        var adviser = writer.updateAdviser(id, input);
        PersonalDataAudit.changed(env.getGraphQlContext(), id);
        return adviser;
    }

    @MutationMapping
    Adviser endContract(@Argument String adviserId, @Argument LocalDate end) {
        return writer.endContract(adviserId, end);
    }

    @MutationMapping
    Adviser setAdviserPlaces(@Argument String adviserId, @Argument String mainPlaceId,
            @Argument List<String> otherPlaceIds) {
        return writer.setAdviserPlaces(adviserId, mainPlaceId, otherPlaceIds);
    }

    @MutationMapping
    Coordinator grantCoordinatorRole(@Argument String adviserId, @Argument PerimeterInput perimeter,
            @Argument LocalDate since) {
        return new Coordinator(writer.grantCoordinatorRole(adviserId, perimeter, since));
    }

    @MutationMapping
    Adviser revokeCoordinatorRole(@Argument String adviserId) {
        return writer.revokeCoordinatorRole(adviserId);
    }

    @MutationMapping
    Coordinator setPerimeter(@Argument String coordinatorId, @Argument PerimeterInput perimeter) {
        return new Coordinator(writer.setPerimeter(coordinatorId, perimeter));
    }

    @MutationMapping
    Coordinator attachAdvisers(@Argument String coordinatorId, @Argument List<String> adviserIds,
            @Argument LocalDate since) {
        return new Coordinator(writer.attachAdvisers(coordinatorId, adviserIds, since));
    }

    @MutationMapping
    Coordinator detachAdvisers(@Argument String coordinatorId, @Argument List<String> adviserIds) {
        return new Coordinator(writer.detachAdvisers(coordinatorId, adviserIds));
    }

    @MutationMapping
    Hub createHub(@Argument HubInput input) {
        return writer.createHub(input);
    }

    @MutationMapping
    Hub supportCoordinators(@Argument String hubId, @Argument List<String> coordinatorIds) {
        return writer.supportCoordinators(hubId, coordinatorIds);
    }

    @MutationMapping
    Place addPlace(@Argument PlaceInput input) {
        return writer.addPlace(input);
    }

    @MutationMapping
    Place updatePlace(@Argument String id, @Argument PlaceInput input) {
        return writer.updatePlace(id, input);
    }

    @MutationMapping
    String removePlace(@Argument String id) {
        return writer.removePlace(id);
    }

    @MutationMapping
    Partner addPartner(@Argument PartnerInput input) {
        return writer.addPartner(input);
    }

    @MutationMapping
    Partner linkPartner(@Argument String partnerId, @Argument String actorId, @Argument LocalDate since,
            @Argument String nature) {
        return writer.linkPartner(partnerId, actorId, since, nature);
    }

    @MutationMapping
    Partner unlinkPartner(@Argument String partnerId, @Argument String actorId) {
        return writer.unlinkPartner(partnerId, actorId);
    }

    @MutationMapping
    Governance setGovernance(@Argument GovernanceInput input) {
        return writer.setGovernance(input);
    }
}
