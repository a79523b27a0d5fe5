package fr.maillage.demo;

import java.util.List;

import fr.maillage.activities.ActivityVocabulary.ActivityPublic;
import fr.maillage.activities.ActivityVocabulary.MediationTheme;

/** What the demo's activities are about: workshops, working groups, digital commons, accompaniments. */
final class DemoSubjects {

    /** A workshop's subject: its title, its mediation themes and its publics. */
    record Workshop(String title, List<MediationTheme> themes, List<ActivityPublic> publics) {
    }

    static final Workshop CYBERBULLYING = new Workshop("Cyberharcèlement : le reconnaître, s'en protéger",
            List.of(MediationTheme.DIGITAL_SAFETY, MediationTheme.SOCIAL_NETWORKS),
            List.of(ActivityPublic.PUPILS, ActivityPublic.AGED_12_TO_18));
    static final Workshop FAKE_NEWS = new Workshop("Fake news : vérifier une information avant de la partager",
            List.of(MediationTheme.DIGITAL_SAFETY, MediationTheme.DIGITAL_CULTURE),
            List.of(ActivityPublic.PUPILS, ActivityPublic.AGED_12_TO_18));
    static final Workshop SCREENS = new Workshop("Écrans en famille et contrôle parental",
            List.of(MediationTheme.PARENTING, MediationTheme.DIGITAL_SAFETY), List.of(ActivityPublic.PARENTS));
    static final Workshop SCHOOLING = new Workshop("Suivre la scolarité de son enfant en ligne",
            List.of(MediationTheme.SCHOOLING, MediationTheme.WEB_BROWSING), List.of(ActivityPublic.PARENTS));
    static final Workshop TABLET = new Workshop("Prendre en main sa tablette", List.of(MediationTheme.DEVICE_HANDLING),
            List.of(ActivityPublic.OVER_60, ActivityPublic.RETIRED));
    static final Workshop SMARTPHONE = new Workshop("Premiers pas avec son smartphone",
            List.of(MediationTheme.DEVICE_HANDLING, MediationTheme.EMAIL),
            List.of(ActivityPublic.OVER_60, ActivityPublic.RETIRED));
    static final Workshop SCAMS = new Workshop("Arnaques en ligne : les reconnaître, les déjouer",
            List.of(MediationTheme.DIGITAL_SAFETY, MediationTheme.BANKING_AND_SHOPPING),
            List.of(ActivityPublic.OVER_60, ActivityPublic.RETIRED));
    static final Workshop HEALTH = new Workshop("Mon espace santé et la téléconsultation",
            List.of(MediationTheme.HEALTH), List.of(ActivityPublic.OVER_60));
    static final Workshop BUSINESS = new Workshop("Le numérique au service de son activité",
            List.of(MediationTheme.PROFESSIONAL_SUPPORT, MediationTheme.SOCIAL_NETWORKS),
            List.of(ActivityPublic.PROFESSIONALS));
    static final Workshop CULTURE = new Workshop("Culture numérique : comprendre internet",
            List.of(MediationTheme.DIGITAL_CULTURE, MediationTheme.WEB_BROWSING), List.of(ActivityPublic.ALL));
    static final Workshop AI = new Workshop("Découvrir l'intelligence artificielle",
            List.of(MediationTheme.ARTIFICIAL_INTELLIGENCE, MediationTheme.DIGITAL_CULTURE),
            List.of(ActivityPublic.STUDENTS, ActivityPublic.AGED_18_TO_35));
    static final Workshop JOBS = new Workshop("Chercher un emploi en ligne",
            List.of(MediationTheme.EMPLOYMENT, MediationTheme.OFFICE_SOFTWARE), List.of(ActivityPublic.JOBSEEKERS));
    static final Workshop PASSWORDS = new Workshop("Sécuriser ses comptes et ses mots de passe",
            List.of(MediationTheme.DIGITAL_SAFETY), List.of(ActivityPublic.ALL));

    static final List<Workshop> WORKSHOPS = List.of(CYBERBULLYING, FAKE_NEWS, SCREENS, SCHOOLING, TABLET, SMARTPHONE,
            SCAMS, HEALTH, BUSINESS, CULTURE, AI, JOBS, PASSWORDS);

    /** What an individual accompaniment helps with: mostly online procedures and the device at hand. */
    static final List<MediationTheme> ACCOMPANIMENT_THEMES = List.of(MediationTheme.PROCEDURE_SOCIAL_HEALTH,
            MediationTheme.PROCEDURE_MONEY_TAXES, MediationTheme.PROCEDURE_WORK_TRAINING,
            MediationTheme.PROCEDURE_PAPERS_CITIZENSHIP, MediationTheme.PROCEDURE_HOUSING, MediationTheme.EMAIL,
            MediationTheme.DEVICE_HANDLING, MediationTheme.DIGITAL_CONTENT, MediationTheme.HEALTH,
            MediationTheme.BANKING_AND_SHOPPING);

    static final List<ActivityPublic> AGES = List.of(ActivityPublic.AGED_18_TO_35, ActivityPublic.AGED_35_TO_60,
            ActivityPublic.OVER_60);

    static final String[] WORKING_GROUPS = { "Prévention du cyberharcèlement", "Accueil des publics allophones",
            "Numérique et seniors à domicile", "Accès aux droits avec les France services", "Parentalité numérique",
            "Mesurer l'activité des conseillers", "Inclusion numérique et emploi" };

    static final String[] COMMONS = { "Fiches pédagogiques pour Les Bases du numérique d'intérêt général",
            "Lieux de médiation numérique publiés sur data.inclusion", "Kit d'animation d'atelier sous licence ouverte",
            "Parcours « Premiers pas sur tablette »", "Guide des arnaques en ligne", "Traduction de ressources en FALC" };

    private DemoSubjects() {
    }
}
