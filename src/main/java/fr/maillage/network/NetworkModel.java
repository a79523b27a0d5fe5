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

/** The actors of the network as read from the graph; GraphQL types of the same names map to these records. */
public final class NetworkModel {

    private NetworkModel() {
    }

    public record Employer(String id, String siret, String name, Sector sector, LegalKind legalKind,
            String communeCode) {

        public String siren() {
            return siret.substring(0, 9);
        }

        public String legalKindLabel() {
            return legalKind.label;
        }

        public boolean eligibleForCoordination() {
            return legalKind.eligibleForCoordination;
        }
    }

    /** Personal fields are null once the adviser has been anonymised. */
    public record Adviser(String id, String externalId, Scheme scheme, AdviserStatus status, String firstName,
            String lastName, String email, String phone, boolean coordinator, LocalDate coordinatorSince,
            PerimeterKind perimeterKind) {
    }

    record Contract(ContractType type, LocalDate start, LocalDate end, String employerId) {

        public String typeLabel() {
            return type.label;
        }

        public boolean activeOn(LocalDate date) {
            return !start.isAfter(date) && (end == null || !end.isBefore(date));
        }
    }

    /** The coordinator role of an adviser; its id is the adviser's. */
    public record Coordinator(Adviser adviser) {

        public String id() {
            return adviser.id();
        }

        public LocalDate since() {
            return adviser.coordinatorSince();
        }

        public PerimeterKind perimeterKind() {
            return adviser.perimeterKind() == null ? PerimeterKind.INTERCOMMUNAL : adviser.perimeterKind();
        }
    }

    record Hub(String id, String name, String siret, LegalKind legalKind, LocalDate foundedOn,
            String communeCode) {
    }

    record Place(String id, String key, String name, String pivot, String address, String postalCode,
            String communeCode, Double latitude, Double longitude, List<String> services, List<String> publics,
            List<String> accessModes, List<String> supportModes, List<String> fees, String hours,
            List<String> typologies, String phone, List<String> emails, List<String> websites, String source,
            LocalDate updatedOn) {
    }

    record PlaceAssignment(Place place, boolean main) {
    }

    public record Partner(String id, PartnerKind kind, String name, String siret, String address, String communeCode) {

        public String kindLabel() {
            return kind.label;
        }

        public NetworkEnums.PartnerRole role() {
            return kind.role;
        }
    }

    /** {@code actor} is an {@link Adviser} or an {@link Employer}. */
    record PartnerLink(Partner partner, Object actor, LocalDate since, String nature) {
    }

    record Governance(String id, String name, LocalDate since, String departmentCode) {
    }

    /** {@code actor} is an Employer, Hub, Partner or territories' Prefecture. */
    record GovernanceMember(Object actor, boolean coCarrier, LocalDate since) {
    }
}
