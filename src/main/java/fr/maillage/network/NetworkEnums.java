package fr.maillage.network;

/**
 * The closed vocabularies of the network, shared by the GraphQL API, the imports and the demo data. Each value has
 * its French label: what a user reads.
 */
public final class NetworkEnums {

    private NetworkEnums() {
    }

    public enum Sector {
        PUBLIC("Public"), PRIVATE("Privé");

        public final String label;

        Sector(String label) {
            this.label = label;
        }
    }

    /** The legal kinds of the call for applications' eligibility list, plus the ineligible ones met in practice. */
    public enum LegalKind {
        TERRITORIAL_COLLECTIVITY("Collectivité territoriale", Sector.PUBLIC, true),
        COLLECTIVITY_GROUPING("Groupement de collectivités (EPCI, syndicat, EPT, Métropole du Grand Paris...)",
                Sector.PUBLIC, true),
        LOCAL_PUBLIC_BODY("Établissement public rattaché à une collectivité (CCAS, CIAS, OPH...)", Sector.PUBLIC, true),
        HUB("Hub territorial pour un numérique inclusif", Sector.PRIVATE, true),
        PUBLIC_INTEREST_GROUPING("Groupement d'intérêt public de personnes publiques", Sector.PUBLIC, true),
        CONSULAR_CHAMBER("Chambre consulaire", Sector.PUBLIC, true),
        STATE_PUBLIC_BODY("Établissement public administratif de l'État", Sector.PUBLIC, true),
        EPIC("Établissement public industriel et commercial identifié par l'État", Sector.PUBLIC, true),
        ARS_GRADES("Agence régionale de santé ou GRADeS", Sector.PUBLIC, true),
        ASSOCIATION("Association (loi 1901 ou 1908 en Alsace-Moselle)", Sector.PRIVATE, true),
        SOCIAL_ECONOMY_COMPANY("Entreprise de l'économie sociale et solidaire", Sector.PRIVATE, true),
        PRIVATE_NON_PROFIT("Organisme privé à but non lucratif d'intérêt général", Sector.PRIVATE, true),
        PRIVATE_COMPANY("Entreprise privée à but lucratif", Sector.PRIVATE, false),
        STATE_SERVICE("Service de l'État", Sector.PUBLIC, false),
        OTHER("Autre", Sector.PRIVATE, false);

        public final String label;
        /** The sector a structure of this kind usually belongs to (a hub may also be public: it is given). */
        public final Sector usualSector;
        /** Whether the 2023 call for applications lists it as eligible to a coordinator post. */
        public final boolean eligibleForCoordination;

        LegalKind(String label, Sector usualSector, boolean eligibleForCoordination) {
            this.label = label;
            this.usualSector = usualSector;
            this.eligibleForCoordination = eligibleForCoordination;
        }
    }

    public enum Scheme {
        CONSEILLER_NUMERIQUE("Conseiller numérique"), OTHER("Médiateur numérique hors dispositif");

        public final String label;

        Scheme(String label) {
            this.label = label;
        }
    }

    public enum AdviserStatus {
        ACTIVE("En poste"), INACTIVE("Inactif");

        public final String label;

        AdviserStatus(String label) {
            this.label = label;
        }
    }

    public enum ContractType {
        CDI_PUBLIC("CDI de droit public", true), CDD_PUBLIC("CDD de droit public", true),
        CIVIL_SERVANT("Titulaire de la fonction publique", true), PROJECT_CONTRACT("Contrat de projet", false),
        CDI_PRIVATE("CDI de droit privé", false), CDD_PRIVATE("CDD de droit privé", false),
        OTHER("Autre contrat", false);

        public final String label;
        /** Public-law contract (a project contract follows its employer's sector). */
        public final boolean publicLaw;

        ContractType(String label, boolean publicLaw) {
            this.label = label;
            this.publicLaw = publicLaw;
        }

        /** Fixed-term contracts must say when they end. */
        public boolean fixedTerm() {
            return this == CDD_PUBLIC || this == CDD_PRIVATE || this == PROJECT_CONTRACT;
        }
    }

    public enum PerimeterKind {
        INTERCOMMUNAL("Bassin de vie ou intercommunalité (EPCI ou communes)"), DEPARTMENT("Département"),
        REGION("Région");

        public final String label;

        PerimeterKind(String label) {
            this.label = label;
        }
    }

    public enum PartnerRole {
        PRESCRIBER("Prescripteur"), BENEFICIARY("Bénéficiaire du service"), OTHER("Autre partenaire");

        public final String label;

        PartnerRole(String label) {
            this.label = label;
        }
    }

    public enum PartnerKind {
        FRANCE_TRAVAIL("France Travail (ex-Pôle emploi)", PartnerRole.PRESCRIBER),
        MISSION_LOCALE("Mission locale", PartnerRole.PRESCRIBER),
        CAP_EMPLOI("Cap emploi", PartnerRole.PRESCRIBER),
        CAF("Caisse d'allocations familiales", PartnerRole.PRESCRIBER),
        CCAS("Centre communal d'action sociale", PartnerRole.PRESCRIBER),
        FRANCE_SERVICES("France services", PartnerRole.OTHER),
        EHPAD("EHPAD", PartnerRole.BENEFICIARY),
        COLLEGE("Collège", PartnerRole.BENEFICIARY),
        LYCEE("Lycée", PartnerRole.BENEFICIARY),
        UNIVERSITY("Université", PartnerRole.BENEFICIARY),
        LIBRARY("Bibliothèque, médiathèque", PartnerRole.OTHER),
        OTHER("Autre", PartnerRole.OTHER);

        public final String label;
        public final PartnerRole role;

        PartnerKind(String label, PartnerRole role) {
            this.label = label;
            this.role = role;
        }
    }
}
