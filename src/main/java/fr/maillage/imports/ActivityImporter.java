package fr.maillage.imports;

import static java.util.Map.entry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.maillage.activities.ActivityKeys;
import fr.maillage.activities.ActivityRecord;
import fr.maillage.activities.ActivityRules;
import fr.maillage.activities.ActivityStatements;
import fr.maillage.activities.ActivityVocabulary.ActivityKind;
import fr.maillage.activities.ActivityVocabulary.ActivityPublic;
import fr.maillage.activities.ActivityVocabulary.ActivityStatus;
import fr.maillage.activities.ActivityVocabulary.MediationTheme;
import fr.maillage.database.Cypher;
import fr.maillage.database.CypherResource;
import fr.maillage.network.AdviserDay;
import fr.maillage.network.NetworkKeys;
import fr.maillage.network.Siret;
import fr.maillage.security.Scope;
import fr.maillage.territories.SearchText;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.validation.Validation;
import org.neo4j.driver.QueryRunner;
import org.neo4j.driver.Value;

/**
 * Activities, one row each: the programme's activity records (La Coop de la médiation numérique's export: id,
 * date, type, duration, themes, commune, participants, workshop title, the mediator's programme id) and Maillage's
 * own columns for the other kinds (docs/imports.md). The fields obey {@link ActivityRules#check}; the leaders must be
 * advisers the caller records for ({@link ActivityRules#recording}), and an adviser out of the caller's scope is
 * reported exactly as an unknown one. Written by {@link ActivityStatements#UPSERT}, keyed by the record's id when
 * the row has one ({@code cra:<id>}), else by what the activity is ({@link ActivityKeys#naturalKey}); a row equal to
 * its activity is not written again.
 */
final class ActivityImporter extends RowImporter {

    /** What the activities written by an import say of where they come from. */
    static final String SOURCE = "import";
    /** The source of the ids in {@code id_activite}: the programme's activity records (comptes rendus d'activité). */
    static final String RECORDS = "cra";

    static final String ID = "id_activite";
    static final String LEADERS = "id_conseiller";
    static final String DATE = "date";
    static final String TYPE = "type";
    static final String STATUS = "statut";
    static final String DURATION = "duree_minutes";
    static final String THEMES = "thematiques";
    static final String PROCEDURE_THEMES = "thematiques_demarche";
    static final String PUBLICS = "publics";
    static final String PARTICIPANTS = "participants";
    static final String TITLE = "titre";
    static final String STRUCTURES = "structures_cartographiees";
    static final String MET = "conseillers_rencontres";
    static final String PARTNERS = "partenaires";
    static final String PLACE = "id_lieu";

    static final Vocabulary<ActivityKind> KINDS = Vocabulary.of(ActivityKind.class, k -> k.label)
            .with("Individuel", ActivityKind.INDIVIDUAL_ACCOMPANIMENT)
            .with("Accompagnement", ActivityKind.INDIVIDUAL_ACCOMPANIMENT)
            .with("Démarche administrative", ActivityKind.INDIVIDUAL_ACCOMPANIMENT)
            .with("Démarche", ActivityKind.INDIVIDUAL_ACCOMPANIMENT)
            .with("Collectif", ActivityKind.COLLECTIVE_WORKSHOP)
            .with("Atelier", ActivityKind.COLLECTIVE_WORKSHOP)
            .with("Événement", ActivityKind.EVENT_DAY)
            .with("Réunion de coordination", ActivityKind.COORDINATION_MEETING)
            .with("Coordination", ActivityKind.COORDINATION_MEETING)
            .with("Partenariat", ActivityKind.PARTNER_MEETING)
            .with("Rencontre partenaires", ActivityKind.PARTNER_MEETING)
            .with("Cartographie", ActivityKind.STRUCTURE_MAPPING)
            .with("Commun numérique", ActivityKind.DIGITAL_COMMON);
    /** The programme's third type of record: an individual accompaniment through an online procedure. */
    private static final Set<String> PROCEDURE = Set.of(SearchText.fold("Démarche administrative"),
            SearchText.fold("Démarche"));
    static final Vocabulary<ActivityStatus> STATUSES = Vocabulary.of(ActivityStatus.class, s -> s.label)
            .with("Réalisé", ActivityStatus.HELD).with("Fait", ActivityStatus.HELD).with("Faite", ActivityStatus.HELD)
            .with("Prévu", ActivityStatus.PLANNED).with("Planifiée", ActivityStatus.PLANNED)
            .with("Planifié", ActivityStatus.PLANNED).with("Annulé", ActivityStatus.CANCELLED);
    /** A theme by its code (PrendreEnMainDuMateriel), its code as the programme's API writes it, or its label. */
    static final Vocabulary<MediationTheme> MEDIATION_THEMES = themes();
    static final Vocabulary<ActivityPublic> ACTIVITY_PUBLICS = Vocabulary.of(ActivityPublic.class, p -> p.label);
    /**
     * The programme's theme "help with an administrative procedure" in general: Maillage has no such theme, the
     * procedure's own themes (Logement, Social - Santé...) say what it was about. Read and set aside, with a note.
     */
    private static final Set<String> GENERAL_PROCEDURE_THEME = Set.of(
            SearchText.fold("AideAuxDemarchesAdministratives"), SearchText.fold("Aide aux démarches administratives"));

    /** The names the programme's exports and usual spreadsheets give the columns (docs/imports.md). */
    private static final Map<String, List<String>> ALIASES = Map.ofEntries(
            entry(ID, List.of("id", "id_cra", "identifiant", "identifiant_activite", "identifiant_cra")),
            entry(LEADERS, List.of("id_conseillers", "conseillers", "id_mediateur", "mediateur_id",
                    "identifiant_conseiller", "id_conseiller_numerique")),
            entry(DATE, List.of("date_activite", "date_de_l_activite")),
            entry(TYPE, List.of("type_activite", "type_d_activite")),
            entry(STATUS, List.of("statut_activite")),
            entry(DURATION, List.of("duree", "duree_min", "duree_en_minutes")),
            entry(THEMES, List.of("thematique", "thematique_s", "thematiques_d_accompagnement",
                    "thematique_s_d_accompagnement", "thematiques_accompagnement")),
            entry(PROCEDURE_THEMES, List.of("thematiques_demarche_administrative",
                    "thematique_s_de_la_demarche_administrative", "thematiques_administratives")),
            entry(PUBLICS, List.of("public", "publics_vises")),
            entry(PARTICIPANTS, List.of("nombre_de_participants", "nombre_participants", "nb_participants",
                    "accompagnements")),
            entry(TITLE, List.of("titre_atelier", "titre_de_l_atelier", "nom_de_l_atelier", "nom_atelier")),
            entry(Communes.CODE_INSEE, List.of("lieu_code_insee", "code_insee_commune")),
            entry(Communes.POSTAL_CODE, List.of("lieu_code_postal")),
            entry(Communes.NAME, List.of("lieu_commune")),
            entry(STRUCTURES, List.of("nombre_de_structures_cartographiees", "structures")),
            entry(MET, List.of("identifiants_des_conseillers_rencontres", "id_conseillers_rencontres")),
            entry(PARTNERS, List.of("id_partenaires", "partenaire")),
            entry(PLACE, List.of("lieu_maillage", "cle_lieu")));

    /** The column of each field of {@link ActivityRecord}, to name the columns in the problems of the rules. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.ofEntries(entry("kind", TYPE),
            entry("status", STATUS), entry("date", DATE), entry("durationMinutes", DURATION), entry("title", TITLE),
            entry("participants", PARTICIPANTS), entry("structures", STRUCTURES), entry("themes", THEMES),
            entry("publics", PUBLICS), entry("leaderIds", LEADERS), entry("metAdviserIds", MET),
            entry("partnerIds", PARTNERS));

    private static final String REFERENCES = CypherResource.read(DIR + "activity-references.cypher");
    static final String EXISTING = CypherResource.read(DIR + "activities-existing.cypher");

    private final ImportContext context;
    private CommunePlacer communes;
    /** Advisers by programme id, then by Maillage id: a reference is read as a programme id first. */
    private final Map<String, String> advisersByProgrammeId = new HashMap<>();
    private final Map<String, String> advisersById = new HashMap<>();
    private final Map<String, KnownPlace> places = new HashMap<>();
    private final Map<String, String> partners = new HashMap<>();
    /**
     * Where the advisers the file names lay on the days of the rows naming them, for the caller's right to record
     * their activities.
     */
    private final Map<AdviserDay, Scope> scopes = new HashMap<>();
    /** The record each accepted row writes, by line. */
    private final Map<Integer, ActivityRecord> records = new HashMap<>();
    /** The cross check looks at the graph once: its answer does not depend on the other rows. */
    private boolean crossChecked;

    /** A place the file refers to, in its commune. */
    private record KnownPlace(String id, String communeCode, String communeName) {
    }

    ActivityImporter(ImportContext context) {
        this.context = context;
    }

    @Override
    List<String> requiredColumns() {
        return List.of(DATE, TYPE, LEADERS, Communes.CODE_INSEE + "|" + Communes.POSTAL_CODE + "|" + PLACE);
    }

    @Override
    Map<String, List<String>> aliases() {
        return ALIASES;
    }

    @Override
    void prepare(QueryRunner tx, SourceTable table) {
        communes = new CommunePlacer(Communes.load(tx, table.rows()));
        var advisers = new TreeSet<String>();
        var placeRefs = new TreeSet<String>();
        var partnerRefs = new TreeSet<String>();
        var days = new HashMap<String, Set<LocalDate>>();
        for (var row : table.rows()) {
            var day = day(row.get(DATE));
            for (var ref : concat(ids(row.get(LEADERS)), ids(row.get(MET)))) {
                advisers.add(ref);
                if (day != null) {
                    days.computeIfAbsent(ref, r -> new HashSet<>()).add(day);
                }
            }
            if (row.has(PLACE)) {
                placeRefs.add(row.get(PLACE));
            }
            ids(row.get(PARTNERS)).forEach(ref -> partnerRefs.add(partnerKey(ref)));
        }
        tx.run(REFERENCES, Map.of("advisers", List.copyOf(advisers), "places", List.copyOf(placeRefs), "partners",
                List.copyOf(partnerRefs))).forEachRemaining(r -> {
                    var ref = r.get("ref").asString();
                    var id = r.get("id").asString();
                    switch (r.get("kind").asString()) {
                        case "ADVISER" -> advisersByProgrammeId.put(ref, id);
                        case "ADVISER_ID" -> advisersById.put(ref, id);
                        case "PLACE", "PLACE_ID" -> places.put(ref, new KnownPlace(id, r.get("communeCode").asString(null),
                                r.get("communeName").asString(null)));
                        default -> partners.put(ref, id);
                    }
                });
        var named = new HashSet<AdviserDay>();
        days.forEach((ref, dates) -> {
            var id = adviser(ref);
            if (id != null) {
                dates.forEach(day -> named.add(new AdviserDay(id, day)));
            }
        });
        if (!named.isEmpty() && !context.caller().national()) {
            scopes.putAll(context.network().adviserScopesOn(named));
        }
    }

    @Override
    PlannedRow plan(RowCheck check) {
        var sourceId = check.text(ID, 200);
        if (sourceId != null && !NetworkKeys.isProgrammeId(sourceId)) {
            check.error(ID, "lettres, chiffres et . _ : / - seulement (reçu « " + sourceId + " »)");
        }
        var kind = choice(check, TYPE, KINDS, true, "Individuel, Collectif, Démarche administrative, ou "
                + Arrays.stream(ActivityKind.values()).map(k -> k.label).collect(Collectors.joining(", ")));
        boolean procedure = PROCEDURE.contains(SearchText.fold(check.row().get(TYPE)));
        var status = choice(check, STATUS, STATUSES, false, "Réalisée, Prévue ou Annulée");
        status = status == null && !check.has(STATUS) ? ActivityStatus.HELD : status;
        var date = check.date(DATE, true);
        var duration = check.integer(DURATION, Integer.MIN_VALUE, Integer.MAX_VALUE);
        var themes = themes(check, procedure);
        var publics = publics(check);
        var participants = participants(check, kind, status);
        var structures = check.integer(STRUCTURES, Integer.MIN_VALUE, Integer.MAX_VALUE);
        var title = check.text(TITLE, ActivityRules.TITLE);
        var leaders = leaders(check, date);
        var met = met(check, date);
        together(check, leaders, met, date);
        var partnerIds = partners(check);
        var place = place(check);
        var communeCode = commune(check, place);

        var record = new ActivityRecord(null, null, SOURCE, sourceId, kind, status, date, duration, title,
                participants == null ? 0 : participants, structures, themes, publics, communeCode,
                place == null ? null : place.id(), leaders, met, partnerIds);
        rules(check, record);
        if (!check.ok()) {
            return null;
        }
        var key = sourceId != null ? ActivityKeys.recordKey(RECORDS, sourceId, leaders.get(0))
                : ActivityKeys.naturalKey(kind, date, leaders, communeCode, title);
        var id = ActivityKeys.id(key);
        record = new ActivityRecord(id, key, SOURCE, sourceId, kind, status, date, duration, title, record.participants(),
                structures, themes, publics, communeCode, record.placeId(), leaders, met, partnerIds);
        records.put(check.line(), record);
        var parameters = new HashMap<>(record.row());
        parameters.put("line", check.line());
        return new PlannedRow(check.line(), sourceId != null ? ID : DATE, key, id, parameters);
    }

    /**
     * Without an id, two rows of one kind, day, leaders, commune and title are one activity: the second is rejected
     * (an id, or a title, tells them apart).
     */
    @Override
    String duplicate(PlannedRow row, int firstLine) {
        var record = records.get(row.line());
        if (record != null && record.sourceId() != null) {
            return "même " + asWritten(ID) + " « " + record.sourceId() + " » que la ligne " + firstLine
                    + " : une seule ligne par activité";
        }
        return "même activité que la ligne " + firstLine + " (même type, date, conseillers, commune et titre) :"
                + " une seule ligne par activité ; sans " + asWritten(ID) + ", deux activités d'un même jour se"
                + " distinguent par leur titre";
    }

    /**
     * A row changing an activity already recorded (same key) must be the caller's to record for its leaders and the
     * advisers it met as they were on its day: a file does not take over another structure's activity. And, but for
     * ANCT, each activity lies within reach of its leaders' employers ({@link ActivityRules.Whereabouts}).
     */
    @Override
    Map<Integer, List<FieldError>> crossCheck(QueryRunner tx, List<PlannedRow> accepted) {
        if (crossChecked || context.caller().national() || accepted.isEmpty()) {
            return Map.of();
        }
        crossChecked = true;
        var stored = stored(tx, accepted);
        var unknown = new HashSet<AdviserDay>();
        stored.values().forEach(s -> s.named().stream().filter(pair -> !scopes.containsKey(pair)).forEach(unknown::add));
        if (!unknown.isEmpty()) {
            scopes.putAll(context.network().adviserScopesOn(unknown));
        }
        var errors = new HashMap<Integer, List<FieldError>>();
        for (var row : accepted) {
            var existing = stored.get(row.key());
            if (existing != null && !recordable(existing.named())) {
                errors.put(row.line(), List.of(new FieldError(row.keyField(), "cette activité est déjà enregistrée,"
                        + " menée par des conseillers dont vous ne pouvez pas déclarer les activités : ce fichier ne"
                        + " peut la modifier")));
            }
        }
        whereabouts(tx, accepted).forEach((line, problems) -> errors.merge(line, problems, (a, b) -> {
            var all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        }));
        return errors;
    }

    /** The rows whose activity does not lie within reach of its leaders' employers, with what is out of reach. */
    private Map<Integer, List<FieldError>> whereabouts(QueryRunner tx, List<PlannedRow> accepted) {
        var rows = new ArrayList<Map<String, Object>>();
        for (var row : accepted) {
            var r = records.get(row.line());
            rows.add(Cypher.parameters("line", row.line(), "leaderIds", r.leaderIds(), "date", r.date(),
                    "communeCode", r.communeCode(), "placeId", r.placeId(), "partnerIds", r.partnerIds()));
        }
        var errors = new HashMap<Integer, List<FieldError>>();
        tx.run(ActivityStatements.WHEREABOUTS, Map.of("rows", rows)).forEachRemaining(r -> {
            var problems = new ArrayList<FieldError>();
            if (!r.get("communeWithinReach").asBoolean()) {
                problems.add(new FieldError(Communes.CODE_INSEE, "commune hors de portée de l'employeur du conseiller"
                        + " ce jour-là (sa région, ou un EPCI touchant son département)"));
            }
            if (!r.get("placeOfALeader").asBoolean()) {
                problems.add(new FieldError(PLACE, "ce lieu n'est pas un lieu où travaille le conseiller : indiquez"
                        + " la commune (et le partenaire qui accueille)"));
            }
            if (!r.get("partnersWithinReach").asBoolean()) {
                problems.add(new FieldError(PARTNERS, "partenaire hors de portée de l'employeur du conseiller"
                        + " ce jour-là (sa région, ou un EPCI touchant son département)"));
            }
            if (!problems.isEmpty()) {
                errors.put(r.get("line").asInt(), problems);
            }
        });
        return errors;
    }

    @Override
    List<Written> write(QueryRunner tx, List<PlannedRow> rows) {
        var stored = stored(tx, rows);
        var written = new ArrayList<Written>(rows.size());
        var changed = new ArrayList<PlannedRow>();
        for (var row : rows) {
            var record = records.get(row.line());
            var existing = stored.get(row.key());
            var status = existing == null ? RowStatus.CREATED
                    : existing.state().equals(state(record)) ? RowStatus.UNCHANGED : RowStatus.UPDATED;
            if (status != RowStatus.UNCHANGED) {
                changed.add(row);
            }
            written.add(new Written(row.line(), status, existing == null ? record.id() : existing.id()));
        }
        inBatches(tx, ActivityStatements.UPSERT, changed, false);
        return written;
    }

    // Reading the columns

    private static <E extends Enum<E>> E choice(RowCheck check, String column, Vocabulary<E> vocabulary,
            boolean required, String accepted) {
        var value = check.row().get(column);
        if (value.isEmpty()) {
            if (required) {
                check.error(column, "obligatoire (" + accepted + ")");
            }
            return null;
        }
        var found = vocabulary.find(value);
        if (found.isEmpty()) {
            check.error(column, "valeur inconnue « " + value + " » (" + accepted + ")");
            return null;
        }
        return found.get();
    }

    /**
     * The themes of both theme columns, in the nomenclature's order, each once. A procedure (type « Démarche
     * administrative ») is an individual accompaniment whose themes say which procedure: it needs one.
     */
    private static List<MediationTheme> themes(RowCheck check, boolean procedure) {
        var themes = new TreeSet<MediationTheme>();
        for (var column : List.of(THEMES, PROCEDURE_THEMES)) {
            for (var value : values(check.row().get(column))) {
                if (GENERAL_PROCEDURE_THEME.contains(SearchText.fold(value))) {
                    check.note(column, "thème « " + value + " » sans équivalent dans Maillage, où les thèmes"
                            + " administratifs (Logement, Social - Santé...) disent la démarche : non repris");
                    continue;
                }
                MEDIATION_THEMES.find(value).ifPresentOrElse(themes::add, () -> check.error(column,
                        "thème inconnu « " + value + " » : un code du programme ("
                                + Arrays.stream(MediationTheme.values()).map(t -> t.code)
                                        .collect(Collectors.joining(", "))
                                + ") ou son libellé"));
            }
        }
        if (procedure && themes.stream().noneMatch(t -> t.administrative)) {
            check.error(THEMES, "une démarche administrative se déclare avec le thème de la démarche ("
                    + Arrays.stream(MediationTheme.values()).filter(t -> t.administrative).map(t -> t.label)
                            .collect(Collectors.joining(", "))
                    + ")");
        }
        return List.copyOf(themes);
    }

    private static List<ActivityPublic> publics(RowCheck check) {
        var publics = new TreeSet<ActivityPublic>();
        for (var value : values(check.row().get(PUBLICS))) {
            ACTIVITY_PUBLICS.find(value).ifPresentOrElse(publics::add, () -> check.error(PUBLICS, "public inconnu « "
                    + value + " » (" + Arrays.stream(ActivityPublic.values()).map(p -> p.label)
                            .collect(Collectors.joining(", ")) + ")"));
        }
        return List.copyOf(publics);
    }

    /**
     * The people reached. Left empty: one for an individual accompaniment, none for the kinds that meet
     * professionals or are not held; a held workshop or event day must say how many came.
     */
    private static Integer participants(RowCheck check, ActivityKind kind, ActivityStatus status) {
        var participants = check.integer(PARTICIPANTS, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (participants != null || check.has(PARTICIPANTS) || kind == null) {
            return participants;
        }
        if (kind == ActivityKind.INDIVIDUAL_ACCOMPANIMENT) {
            return 1;
        }
        if (status == ActivityStatus.HELD && ActivityKind.REACHING_PEOPLE.contains(kind)) {
            check.error(PARTICIPANTS, "obligatoire pour un atelier collectif ou une journée événementielle réalisés :"
                    + " le nombre de personnes présentes");
            return null;
        }
        return 0;
    }

    /**
     * The advisers who led it, each one the caller records for. One not found and one out of the caller's scope get
     * the same answer: a file does not tell whether an adviser it may not touch exists.
     */
    private List<String> leaders(RowCheck check, LocalDate date) {
        var leaders = new ArrayList<String>();
        for (var ref : ids(check.row().get(LEADERS))) {
            var id = adviser(ref);
            if (id == null || date != null && !recordable(List.of(new AdviserDay(id, date)))) {
                check.error(LEADERS, "aucun conseiller « " + ref + " » parmi ceux dont vous pouvez déclarer les"
                        + " activités (identifiant du programme ou de Maillage)");
            } else if (!leaders.contains(id)) {
                leaders.add(id);
            }
        }
        return leaders;
    }

    /**
     * Each adviser alone may be the caller's through a different role (an employer that is also a coordinator): one
     * role must cover them all, as for the API.
     */
    private void together(RowCheck check, List<String> leaders, List<String> met, LocalDate date) {
        var named = concat(leaders, met).stream().map(id -> new AdviserDay(id, date)).toList();
        if (check.ok() && named.size() > 1 && !recordable(named)) {
            check.error(LEADERS, "vous ne pouvez déclarer ensemble les activités de ces conseillers (aucun de vos rôles"
                    + " ne les couvre tous) : une ligne par conseiller");
        }
    }

    private boolean recordable(Collection<AdviserDay> named) {
        if (context.caller().national()) {
            return true;
        }
        return ActivityRules.recording(named.stream().map(scopes::get).toList()).allowedFor(context.caller());
    }

    /**
     * The advisers a meeting brought together, each one the caller records for, as the API asks (a coordinator
     * lists the advisers it coordinates); another one gets the answer of an unknown adviser, as for the leaders.
     */
    private List<String> met(RowCheck check, LocalDate date) {
        var found = new ArrayList<String>();
        for (var ref : ids(check.row().get(MET))) {
            var id = adviser(ref);
            if (id == null || date != null && !recordable(List.of(new AdviserDay(id, date)))) {
                check.error(MET, "aucun conseiller « " + ref + " » parmi ceux que vous pouvez désigner (identifiant"
                        + " du programme ou de Maillage)");
            } else if (!found.contains(id)) {
                found.add(id);
            }
        }
        return found;
    }

    private String adviser(String ref) {
        var id = advisersByProgrammeId.get(ref);
        return id != null ? id : advisersById.get(ref);
    }

    private List<String> partners(RowCheck check) {
        var found = new ArrayList<String>();
        for (var ref : ids(check.row().get(PARTNERS))) {
            var id = partners.get(partnerKey(ref));
            if (id == null) {
                check.error(PARTNERS, "partenaire « " + ref + " » inconnu (SIRET, clé ou identifiant d'un partenaire"
                        + " importé)");
            } else if (!found.contains(id)) {
                found.add(id);
            }
        }
        return found;
    }

    private KnownPlace place(RowCheck check) {
        if (!check.has(PLACE)) {
            return null;
        }
        var place = places.get(check.row().get(PLACE));
        if (place == null) {
            check.error(PLACE, "aucun lieu de clé ou d'identifiant « " + check.row().get(PLACE)
                    + " » dans la base : importez d'abord les lieux");
        }
        return place;
    }

    /** The row's commune by its columns (as for places), else its place's; both given, they must agree. */
    private String commune(RowCheck check, KnownPlace place) {
        if (!check.has(Communes.CODE_INSEE) && !check.has(Communes.POSTAL_CODE)) {
            if (place != null) {
                return place.communeCode();
            }
            if (!check.has(PLACE)) {
                check.error(Communes.CODE_INSEE, "obligatoire, ou à défaut code_postal et commune, ou " + PLACE);
            }
            return null;
        }
        var commune = communes.resolve(check);
        if (commune != null && place != null && !commune.code().equals(place.communeCode())) {
            check.error(PLACE, "le lieu « " + check.row().get(PLACE) + " » est à " + place.communeName() + " ("
                    + place.communeCode() + "), pas à " + commune.label() + " : corrigez le lieu ou la commune");
        }
        return commune == null ? null : commune.code();
    }

    /** The problems {@link ActivityRules#check} finds, each on its column; none again on a column already in error. */
    private void rules(RowCheck check, ActivityRecord record) {
        var inError = check.errors().stream().map(FieldError::field).collect(Collectors.toSet());
        List<InvalidInputException.Problem> problems;
        try {
            ActivityRules.check(new Validation(), "", record, context.today()).orThrow();
            return;
        } catch (InvalidInputException e) {
            problems = e.problems();
        }
        for (var problem : problems) {
            var column = COLUMN_OF_FIELD.getOrDefault(problem.field(), problem.field());
            if (!inError.contains(column) && !(column.equals(THEMES) && inError.contains(PROCEDURE_THEMES))) {
                check.error(column, problem.reason());
            }
        }
    }

    // The activities as they stand

    /** An activity already in the graph: its id, its leaders, and what a row is compared with. */
    private record Stored(String id, List<AdviserDay> named, Map<String, Object> state) {
    }

    private Map<String, Stored> stored(QueryRunner tx, List<PlannedRow> rows) {
        var stored = new HashMap<String, Stored>();
        if (rows.isEmpty()) {
            return stored;
        }
        tx.run(EXISTING, Map.of("keys", rows.stream().map(PlannedRow::key).toList())).forEachRemaining(r -> {
            var state = new HashMap<String, Object>();
            for (var field : List.of("source", "sourceId", "kind", "status", "date", "durationMinutes", "title",
                    "participants", "structures", "communeCode")) {
                state.put(field, r.get(field).isNull() ? null : r.get(field).asObject());
            }
            state.put("themes", strings(r.get("themes")));
            state.put("publics", strings(r.get("publics")));
            var placesOf = strings(r.get("places"));
            state.put("placeId", placesOf.isEmpty() ? null : placesOf.get(0));
            state.put("leaders", sorted(strings(r.get("leaders"))));
            state.put("met", sorted(strings(r.get("met"))));
            state.put("partners", sorted(strings(r.get("partners"))));
            var day = r.get("date").asLocalDate();
            var named = concat(strings(r.get("leaders")), strings(r.get("met"))).stream()
                    .map(id -> new AdviserDay(id, day)).toList();
            stored.put(r.get("key").asString(), new Stored(r.get("id").asString(), named, state));
        });
        return stored;
    }

    /** A record as {@link #stored} reads it back: numbers as longs, links as sorted ids. */
    private static Map<String, Object> state(ActivityRecord r) {
        var state = new HashMap<String, Object>();
        state.put("source", r.source());
        state.put("sourceId", r.sourceId());
        state.put("kind", r.kind().name());
        state.put("status", r.status().name());
        state.put("date", r.date());
        state.put("durationMinutes", r.durationMinutes() == null ? null : r.durationMinutes().longValue());
        state.put("title", r.title());
        state.put("participants", (long) r.participants());
        state.put("structures", r.structures() == null ? null : r.structures().longValue());
        state.put("communeCode", r.communeCode());
        state.put("themes", r.themes().stream().map(Enum::name).toList());
        state.put("publics", r.publics().stream().map(Enum::name).toList());
        state.put("placeId", r.placeId());
        state.put("leaders", sorted(r.leaderIds()));
        state.put("met", sorted(r.metAdviserIds()));
        state.put("partners", sorted(r.partnerIds()));
        return state;
    }

    // Values

    private static List<String> strings(Value value) {
        return value.isNull() ? List.of() : value.asList(Value::asString);
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    /** The day a date cell writes, for reading scopes ahead of the rows' checks; null when it writes none. */
    private static LocalDate day(String value) {
        try {
            return RowCheck.parseDate(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<String>(a);
        all.addAll(b);
        return all;
    }

    /** Ids separated by {@code |}, {@code ,} or {@code ;}, blanks and repeats dropped. */
    private static List<String> ids(String value) {
        return Stream.of(value.split("[|;,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    /**
     * Values of a list column: separated by {@code |}, {@code ,} or {@code ;}, or one per line (as the programme's
     * spreadsheet export writes them in a cell).
     */
    private static List<String> values(String value) {
        return Stream.of(value.split("[|;,\\r\\n]")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** A SIRET (spaces allowed) is looked up as the partner key "siret:<SIRET>"; any other reference as it is. */
    private static String partnerKey(String ref) {
        var digits = Siret.normalise(ref);
        return digits.matches("\\d{14}") ? "siret:" + digits : ref;
    }

    private static Vocabulary<MediationTheme> themes() {
        var vocabulary = Vocabulary.of(MediationTheme.class, t -> t.label);
        for (var theme : MediationTheme.values()) {
            vocabulary.with(theme.code, theme);
            // PrendreEnMainDuMateriel as the programme's API writes it: prendre_en_main_du_materiel
            vocabulary.with(theme.code.replaceAll("(?<=[a-z])(?=[A-Z])", "_"), theme);
        }
        return vocabulary;
    }
}
