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

/** The network's mutations; each is one transaction of a writer of its aggregate. */
@Controller
class NetworkMutations {

    private final EmployerWriter employers;
    private final AdviserWriter advisers;
    private final CoordinatorWriter coordinators;
    private final HubWriter hubs;
    private final PlaceWriter places;
    private final PartnerWriter partners;
    private final GovernanceWriter governances;

    NetworkMutations(EmployerWriter employers, AdviserWriter advisers, CoordinatorWriter coordinators, HubWriter hubs,
            PlaceWriter places, PartnerWriter partners, GovernanceWriter governances) {
        this.employers = employers;
        this.advisers = advisers;
        this.coordinators = coordinators;
        this.hubs = hubs;
        this.places = places;
        this.partners = partners;
        this.governances = governances;
    }

    @MutationMapping
    Employer registerEmployer(@Argument EmployerInput input) {
        return employers.registerEmployer(input);
    }

    @MutationMapping
    Employer updateEmployer(@Argument String id, @Argument EmployerUpdate input) {
        return employers.updateEmployer(id, input);
    }

    @MutationMapping
    Adviser hireAdviser(@Argument HireAdviserInput input, DataFetchingEnvironment env) {
        var adviser = advisers.hireAdviser(input);
        PersonalDataAudit.changed(env.getGraphQlContext(), adviser.id());
        return adviser;
    }

    @MutationMapping
    Adviser updateAdviser(@Argument String id, @Argument AdviserUpdate input, DataFetchingEnvironment env) {
        var adviser = advisers.updateAdviser(id, input);
        PersonalDataAudit.changed(env.getGraphQlContext(), id);
        return adviser;
    }

    @MutationMapping
    Adviser endContract(@Argument String adviserId, @Argument LocalDate end) {
        return advisers.endContract(adviserId, end);
    }

    @MutationMapping
    Adviser setAdviserPlaces(@Argument String adviserId, @Argument String mainPlaceId,
            @Argument List<String> otherPlaceIds) {
        return advisers.setAdviserPlaces(adviserId, mainPlaceId, otherPlaceIds);
    }

    @MutationMapping
    Coordinator grantCoordinatorRole(@Argument String adviserId, @Argument PerimeterInput perimeter,
            @Argument LocalDate since) {
        return new Coordinator(coordinators.grantCoordinatorRole(adviserId, perimeter, since));
    }

    @MutationMapping
    Adviser revokeCoordinatorRole(@Argument String adviserId) {
        return coordinators.revokeCoordinatorRole(adviserId);
    }

    @MutationMapping
    Coordinator setPerimeter(@Argument String coordinatorId, @Argument PerimeterInput perimeter) {
        return new Coordinator(coordinators.setPerimeter(coordinatorId, perimeter));
    }

    @MutationMapping
    Coordinator attachAdvisers(@Argument String coordinatorId, @Argument List<String> adviserIds,
            @Argument LocalDate since) {
        return new Coordinator(coordinators.attachAdvisers(coordinatorId, adviserIds, since));
    }

    @MutationMapping
    Coordinator detachAdvisers(@Argument String coordinatorId, @Argument List<String> adviserIds) {
        return new Coordinator(coordinators.detachAdvisers(coordinatorId, adviserIds));
    }

    @MutationMapping
    Hub createHub(@Argument HubInput input) {
        return hubs.createHub(input);
    }

    @MutationMapping
    Hub supportCoordinators(@Argument String hubId, @Argument List<String> coordinatorIds) {
        return hubs.supportCoordinators(hubId, coordinatorIds);
    }

    @MutationMapping
    Place addPlace(@Argument PlaceInput input) {
        return places.addPlace(input);
    }

    @MutationMapping
    Place updatePlace(@Argument String id, @Argument PlaceInput input) {
        return places.updatePlace(id, input);
    }

    @MutationMapping
    String removePlace(@Argument String id) {
        return places.removePlace(id);
    }

    @MutationMapping
    Partner addPartner(@Argument PartnerInput input) {
        return partners.addPartner(input);
    }

    @MutationMapping
    Partner linkPartner(@Argument String partnerId, @Argument String actorId, @Argument LocalDate since,
            @Argument String nature) {
        return partners.linkPartner(partnerId, actorId, since, nature);
    }

    @MutationMapping
    Partner unlinkPartner(@Argument String partnerId, @Argument String actorId) {
        return partners.unlinkPartner(partnerId, actorId);
    }

    @MutationMapping
    Governance setGovernance(@Argument GovernanceInput input) {
        return governances.setGovernance(input);
    }
}
