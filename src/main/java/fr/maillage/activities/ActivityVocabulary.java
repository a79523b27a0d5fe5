package fr.maillage.activities;

import java.util.EnumSet;
import java.util.Set;

/**
 * The closed vocabularies of activities, shared by the GraphQL API, the imports and the demo data. Each value has its
 * French label: what a user reads.
 */
public final class ActivityVocabulary {

    private ActivityVocabulary() {
    }

    /** What an activity is. Who it reaches and how it counts is decided here, once. */
    public enum ActivityKind {
        INDIVIDUAL_ACCOMPANIMENT("Accompagnement individuel"),
        COLLECTIVE_WORKSHOP("Atelier collectif"),
        EVENT_DAY("Journée événementielle"),
        COORDINATION_MEETING("Réunion de coordination des conseillers"),
        WORKING_GROUP("Groupe de travail"),
        PARTNER_MEETING("Rencontre avec des partenaires"),
        STRUCTURE_MAPPING("Cartographie de structures d'inclusion numérique"),
        DIGITAL_COMMON("Contribution à un commun numérique");

        /** The kinds whose participants are people of the public helped (the rest meet professionals). */
        public static final Set<ActivityKind> REACHING_PEOPLE = EnumSet.of(INDIVIDUAL_ACCOMPANIMENT,
                COLLECTIVE_WORKSHOP, EVENT_DAY);

        /** The kinds where a coordinator meets advisers: those it lists count as met. */
        public static final Set<ActivityKind> MEETING_ADVISERS = EnumSet.of(COORDINATION_MEETING, WORKING_GROUP);

        public final String label;

        ActivityKind(String label) {
            this.label = label;
        }
    }

    /** An event is planned before it is held; a held activity is the only one that counts in the figures. */
    public enum ActivityStatus {
        PLANNED("Prévue"), HELD("Réalisée"), CANCELLED("Annulée");

        public final String label;

        ActivityStatus(String label) {
            this.label = label;
        }
    }

    /**
     * The themes of mediation of the programme's activity records (La Coop de la médiation numérique): {@code code} is
     * the identifier its exports carry, {@code label} the French label its forms show; the themes of help with an
     * online administrative procedure are marked {@code administrative}.
     */
    public enum MediationTheme {
        DIGITAL_DIAGNOSIS("DiagnosticNumerique", "Diagnostic numérique", false),
        DEVICE_HANDLING("PrendreEnMainDuMateriel", "Prendre en main du matériel", false),
        DEVICE_MAINTENANCE("MaintenanceDeMateriel", "Maintenance de matériel", false),
        DIGITAL_CONTENT("GereSesContenusNumeriques", "Gérer ses contenus numériques", false),
        WEB_BROWSING("NavigationSurInternet", "Navigation sur internet", false),
        EMAIL("Email", "E-mail", false),
        OFFICE_SOFTWARE("Bureautique", "Bureautique", false),
        SOCIAL_NETWORKS("ReseauxSociaux", "Réseaux sociaux communication", false),
        HEALTH("Sante", "Santé", false),
        BANKING_AND_SHOPPING("BanqueEtAchatsEnLigne", "Banque et achats en ligne", false),
        PROFESSIONAL_SUPPORT("Entrepreneuriat", "Accompagner un professionnel", false),
        EMPLOYMENT("InsertionProfessionnelle", "Insertion professionnelle", false),
        DIGITAL_SAFETY("SecuriteNumerique", "Prévention en sécurité numérique", false),
        PARENTING("Parentalite", "Parentalité", false),
        SCHOOLING("ScolariteEtNumerique", "Scolarité et numérique", false),
        CREATING("CreerAvecLeNumerique", "Créer avec le numérique", false),
        DIGITAL_CULTURE("CultureNumerique", "Culture numérique", false),
        ARTIFICIAL_INTELLIGENCE("IntelligenceArtificielle", "Intelligence artificielle (IA)", false),
        PROCEDURE_PAPERS_CITIZENSHIP("PapiersElectionsCitoyennete", "Papiers - Élections - Citoyenneté", true),
        PROCEDURE_FAMILY_SCHOOLING("FamilleScolarite", "Famille - Scolarité", true),
        PROCEDURE_SOCIAL_HEALTH("SocialSante", "Social - Santé", true),
        PROCEDURE_WORK_TRAINING("TravailFormation", "Travail - Formation - Entreprise", true),
        PROCEDURE_HOUSING("Logement", "Logement", true),
        PROCEDURE_TRANSPORT("TransportsMobilite", "Transports - Mobilité", true),
        PROCEDURE_MONEY_TAXES("ArgentImpots", "Argent - Impôts", true),
        PROCEDURE_JUSTICE("Justice", "Justice", true),
        PROCEDURE_FOREIGNERS_EUROPE("EtrangersEurope", "Étrangers - Europe", true),
        PROCEDURE_LEISURE("LoisirsSportsCulture", "Loisirs - Sports - Culture", true),
        PROCEDURE_ASSOCIATIONS("Associations", "Associations", true);

        public final String code;
        public final String label;
        public final boolean administrative;

        MediationTheme(String code, String label, boolean administrative) {
            this.code = code;
            this.label = label;
            this.administrative = administrative;
        }
    }

    /** The publics an activity addresses: the age brackets and situations of the programme's records, and a few more. */
    public enum ActivityPublic {
        UNDER_12("Moins de 12 ans"),
        AGED_12_TO_18("12-18 ans"),
        AGED_18_TO_35("18-35 ans"),
        AGED_35_TO_60("35-60 ans"),
        OVER_60("Plus de 60 ans"),
        PUPILS("Scolaires (écoliers, collégiens, lycéens)"),
        STUDENTS("Étudiants"),
        PARENTS("Parents"),
        JOBSEEKERS("Personnes sans emploi"),
        EMPLOYED("Personnes en emploi"),
        RETIRED("Retraités"),
        PROFESSIONALS("Professionnels"),
        PEOPLE_WITH_DISABILITIES("Personnes en situation de handicap"),
        ALL("Tout public");

        public final String label;

        ActivityPublic(String label) {
            this.label = label;
        }
    }
}
