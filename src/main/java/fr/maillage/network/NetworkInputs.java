package fr.maillage.network;

import java.time.LocalDate;
import java.util.List;

import fr.maillage.network.NetworkEnums.AdviserStatus;
import fr.maillage.network.NetworkEnums.ContractType;
import fr.maillage.network.NetworkEnums.LegalKind;
import fr.maillage.network.NetworkEnums.PartnerKind;
import fr.maillage.network.NetworkEnums.PerimeterKind;
import fr.maillage.network.NetworkEnums.Scheme;
import fr.maillage.network.NetworkEnums.Sector;
import fr.maillage.territories.TerritoryRef;

/** The GraphQL input types of the network's mutations. */
public final class NetworkInputs {

    private NetworkInputs() {
    }

    record EmployerInput(String siret, String name, Sector sector, LegalKind legalKind, String communeCode) {
    }

    record EmployerUpdate(String name, Sector sector, LegalKind legalKind, String communeCode) {
    }

    record HireAdviserInput(String employerId, String externalId, Scheme scheme, String firstName, String lastName,
            String email, String phone, ContractType contractType, LocalDate start, LocalDate end, String mainPlaceId,
            List<String> otherPlaceIds) {
    }

    record AdviserUpdate(String firstName, String lastName, String email, String phone, AdviserStatus status,
            Scheme scheme) {
    }

    public record PerimeterInput(PerimeterKind kind, List<TerritoryRef> territories) {
    }

    record HubInput(String name, String siret, LegalKind legalKind, LocalDate foundedOn, String communeCode,
            List<String> regionCodes) {
    }

    record PlaceInput(String name, String externalId, String pivot, String address, String communeCode,
            String postalCode, Double latitude, Double longitude, List<String> services, List<String> publics,
            List<String> accessModes, List<String> supportModes, List<String> fees, String hours,
            List<String> typologies, String phone, List<String> emails, List<String> websites) {
    }

    record PartnerInput(PartnerKind kind, String name, String siret, String address, String communeCode) {
    }

    record GovernanceMemberInput(String actorId, Boolean coCarrier, LocalDate since) {
    }

    record GovernanceInput(String departmentCode, String name, LocalDate since, List<GovernanceMemberInput> members) {
    }
}
