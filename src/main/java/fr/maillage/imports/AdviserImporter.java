package fr.maillage.imports;

import fr.maillage.validation.FrenchDate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import fr.maillage.database.CypherResource;
import fr.maillage.network.ErasedAdvisers;
import fr.maillage.network.NetworkEnums.AdviserStatus;
import fr.maillage.network.NetworkEnums.ContractType;
import fr.maillage.network.NetworkEnums.PerimeterKind;
import fr.maillage.network.NetworkEnums.Scheme;
import fr.maillage.network.NetworkKeys;
import fr.maillage.network.NetworkQueries;
import fr.maillage.network.Siret;
import org.neo4j.driver.QueryRunner;

/**
 * Advisers, one row each with its current contract, and the coordinator role when it has one. The employer and the
 * main place must already be in the graph; coordinated advisers must be in the graph or accepted in the same file.
 * A row that names the programme id of an adviser whose personal data was erased is rejected ({@link ErasedAdvisers}).
 */
final class AdviserImporter extends RowImporter {

    /**
     * The latest contract of each adviser a file names (the network's rule), with its end and its employer's SIRET: a
     * row gives the adviser's current contract, which cannot start before it, and ends it when open.
     */
    static final String LATEST_CONTRACTS = """
            UNWIND $ids AS id
            MATCH (a:Adviser {externalId: id})
            WITH id, %s AS latest
            WHERE latest IS NOT NULL
            MATCH (e:Employer {id: latest.employerId})
            RETURN id, latest.r.start AS start, latest.r.end AS end, e.siret AS siret""".formatted(
            NetworkQueries.LATEST_CONTRACT);

    static final Vocabulary<Scheme> SCHEMES = Vocabulary.of(Scheme.class, s -> s.label)
            .with("CNFS", Scheme.CONSEILLER_NUMERIQUE).with("conseiller numerique France services", Scheme.CONSEILLER_NUMERIQUE)
            .with("hors dispositif", Scheme.OTHER).with("mediateur numerique", Scheme.OTHER).with("autre", Scheme.OTHER);
    static final Vocabulary<ContractType> CONTRACTS = Vocabulary.of(ContractType.class, c -> c.label)
            .with("titulaire", ContractType.CIVIL_SERVANT).with("fonctionnaire", ContractType.CIVIL_SERVANT)
            .with("CDI droit public", ContractType.CDI_PUBLIC).with("CDD droit public", ContractType.CDD_PUBLIC)
            .with("CDI droit prive", ContractType.CDI_PRIVATE).with("CDD droit prive", ContractType.CDD_PRIVATE);
    static final Vocabulary<PerimeterKind> PERIMETERS = Vocabulary.of(PerimeterKind.class, p -> p.label)
            .with("intercommunal", PerimeterKind.INTERCOMMUNAL).with("bassin de vie", PerimeterKind.INTERCOMMUNAL)
            .with("EPCI", PerimeterKind.INTERCOMMUNAL).with("departemental", PerimeterKind.DEPARTMENT)
            .with("regional", PerimeterKind.REGION);
    static final Vocabulary<AdviserStatus> STATUSES = Vocabulary.of(AdviserStatus.class, s -> s.label)
            .with("actif", AdviserStatus.ACTIVE);

    private static final Pattern EPCI = Pattern.compile("\\d{9}");
    private static final Pattern COMMUNE = Pattern.compile("(\\d{2}|2[AB])\\d{3}");
    private static final Pattern DEPARTMENT = Pattern.compile("\\d{2}|2[AB]|97\\d");
    private static final Pattern REGION = Pattern.compile("\\d{2,3}");

    /** Existing nodes and territories the file refers to, as "KIND:code". */
    private final Set<String> existing = new HashSet<>();
    private final Map<Integer, List<String>> coordinatedByLine = new HashMap<>();
    /** Programme ids the file names whose adviser had its personal data erased, with the day of erasure. */
    private Map<String, LocalDate> erased = Map.of();
    /** The latest contract already recorded for each adviser the file names, by programme id. */

    private final Map<String, RecordedContract> latestContracts = new HashMap<>();

    /** A contract in the graph: its start, its end (null while open-ended) and its employer's SIRET. */
    private record RecordedContract(LocalDate start, LocalDate end, String siret) {
    }

    /** An adviser's id is random (never derived from its programme id): a dry run's would not be the real one. */
    @Override
    boolean dryRunIdsHold() {
        return false;
    }

    @Override
    List<String> requiredColumns() {
        return List.of("id_conseiller", "nom", "prenom", "siret_employeur", "type_contrat", "date_debut");
    }

    @Override
    void prepare(QueryRunner tx, SourceTable table) {
        var references = Map.<String, Set<String>>of("sirets", new TreeSet<>(), "places", new TreeSet<>(),
                "advisers", new TreeSet<>(), "epcis", new TreeSet<>(), "communes", new TreeSet<>(),
                "departments", new TreeSet<>(), "regions", new TreeSet<>());
        for (var row : table.rows()) {
            references.get("sirets").add(Siret.normalise(row.get("siret_employeur")));
            references.get("places").add(row.get("lieu_principal"));
            references.get("advisers").addAll(ids(row.get("conseillers_coordonnes")));
            for (var code : codes(row.get("perimetre_codes"))) {
                for (var level : List.of("epcis", "communes", "departments", "regions")) {
                    references.get(level).add(code);
                }
            }
        }
        var parameters = new HashMap<String, Object>();
        references.forEach((name, values) -> parameters.put(name, List.copyOf(values)));
        tx.run(CypherResource.read(DIR + "adviser-references.cypher"), parameters)
                .forEachRemaining(r -> existing.add(r.get("kind").asString() + ":" + r.get("code").asString()));
        var named = new TreeSet<>(references.get("advisers"));
        table.rows().forEach(row -> named.add(row.get("id_conseiller")));
        erased = ErasedAdvisers.erasedOn(tx, named);
        var ids = table.rows().stream().map(row -> row.get("id_conseiller")).filter(id -> !id.isBlank()).distinct()
                .toList();
        tx.run(LATEST_CONTRACTS, Map.of("ids", ids))
                .forEachRemaining(r -> latestContracts.put(r.get("id").asString(),
                        new RecordedContract(r.get("start").asLocalDate(), r.get("end").asLocalDate(null),
                                r.get("siret").asString())));
    }

    @Override
    PlannedRow plan(RowCheck check) {
        var externalId = check.required("id_conseiller", 64);
        if (externalId != null && !NetworkKeys.isProgrammeId(externalId)) {
            check.error("id_conseiller", "lettres, chiffres et . _ : / - seulement (reçu « " + externalId + " »)");
        } else if (externalId != null && erased.containsKey(externalId)) {
            check.error("id_conseiller", ErasedAdvisers.reason(erased.get(externalId)));
        }
        var properties = new LinkedHashMap<String, Object>();
        properties.put("firstName", check.required("prenom", 100));
        properties.put("lastName", check.required("nom", 100));
        properties.put("email", check.email("email"));
        properties.put("phone", check.phone("telephone"));
        var scheme = check.choice("dispositif", SCHEMES, false);
        properties.put("scheme", (scheme == null ? Scheme.CONSEILLER_NUMERIQUE : scheme).name());
        var status = check.choice("statut", STATUSES, false);
        properties.put("status", (status == null ? AdviserStatus.ACTIVE : status).name());

        var links = new HashMap<String, Object>();
        var siret = Siret.normalise(check.row().get("siret_employeur"));
        // the problem quotes the value as typed, not as normalised
        Siret.problem(check.row().get("siret_employeur")).ifPresentOrElse(problem -> check.error("siret_employeur",
                problem), () -> {
            if (!existing.contains("EMPLOYER:" + siret)) {
                check.error("siret_employeur", "aucun employeur de SIRET " + siret
                        + " dans la base : importez d'abord les employeurs");
            }
        });
        links.put("employerSiret", siret);
        var contract = contract(check);
        links.put("contractType", contract.type() == null ? null : contract.type().name());
        links.put("contractStart", contract.start());
        links.put("contractEnd", contract.end());
        current(check, latestContracts.get(externalId), siret, contract.start());
        var mainPlace = check.text("lieu_principal", 500);
        if (mainPlace != null && !existing.contains("PLACE:" + mainPlace)) {
            check.error("lieu_principal", "aucun lieu de clé « " + mainPlace + " » dans la base : importez d'abord les lieux");
        }
        links.put("mainPlace", mainPlace);
        coordination(check, externalId, contract.start(), links);
        if (!check.ok()) {
            return null;
        }
        return PlannedRow.of(check.line(), "id_conseiller", externalId, NetworkKeys.randomId(), properties,
                links);
    }

    /** The row's contract as checked; a part the check rejected is null. */
    private record Contract(ContractType type, LocalDate start, LocalDate end) {
    }

    private static Contract contract(RowCheck check) {
        var type = check.choice("type_contrat", CONTRACTS, true);
        var start = check.date("date_debut", true);
        var end = check.date("date_fin", false);
        if (type != null && type.fixedTerm() && !check.has("date_fin")) {
            check.error("date_fin", "obligatoire pour un contrat à durée déterminée (" + type.label + ")");
        }
        if (start != null && end != null && !end.isAfter(start)) {
            check.error("date_fin", "doit être postérieure à date_debut (" + start + ")");
        }
        return new Contract(type, start, end);
    }

    /**
     * The row gives the adviser's current contract: a later start than its latest recorded contract (whose open
     * contracts then end the day before, advisers.cypher), or that very contract (same start, same employer) again.
     * An older contract would become the current one while a later one runs: the row is rejected. The message names
     * no employer: a file's rows say nothing of another structure's contracts.
     */
    private static void current(RowCheck check, RecordedContract latest, String siret, LocalDate start) {
        if (latest == null || start == null) {
            return;
        }
        if (start.isBefore(latest.start())) {
            check.error("date_debut", "le dernier contrat enregistré de ce conseiller commence le "
                    + FrenchDate.format(latest.start())
                    + " : la ligne donne son contrat en cours, qui ne peut commencer avant (un contrat passé ne"
                    + " s'importe pas)");
        } else if (start.equals(latest.start()) && !latest.siret().equals(siret)) {
            check.error("date_debut", "un contrat avec une autre structure commence déjà le "
                    + FrenchDate.format(start)
                    + " : le nouveau contrat commence après lui, qui se termine la veille");
        } else if (start.isAfter(latest.start()) && (latest.end() == null || !latest.end().isBefore(start))) {
            // said in the report, so that whoever imports sees the history it writes
            check.note("date_debut", "le contrat commencé le " + FrenchDate.format(latest.start())
                    + (latest.siret().equals(siret) ? "" : " avec une autre structure employeuse")
                    + " se termine le " + FrenchDate.format(start.minusDays(1)) + ", veille de celui-ci");
        }
    }

    private void coordination(RowCheck check, String externalId, LocalDate contractStart,
            Map<String, Object> links) {
        boolean coordinator = check.yesNo("coordinateur", false);
        var kind = check.choice("perimetre_type", PERIMETERS, coordinator);
        var codes = codes(check.row().get("perimetre_codes"));
        var coordinated = ids(check.row().get("conseillers_coordonnes"));
        LocalDate since = check.date("coordinateur_depuis", false);
        if (!coordinator) {
            for (var field : List.of("perimetre_type", "perimetre_codes", "conseillers_coordonnes", "coordinateur_depuis")) {
                if (check.has(field)) {
                    check.error(field, "renseigné alors que coordinateur vaut « non »");
                }
            }
        } else if (codes.isEmpty()) {
            check.error("perimetre_codes", "obligatoire pour un coordinateur");
        }
        var covers = new ArrayList<Map<String, Object>>();
        if (coordinator && kind != null) {
            perimeter(check, kind, codes, covers);
        }
        if (externalId != null && coordinated.contains(externalId)) {
            check.error("conseillers_coordonnes", "un conseiller ne se coordonne pas lui-même (" + externalId + ")");
        }
        for (var id : coordinated) {
            if (erased.containsKey(id)) {
                check.error("conseillers_coordonnes", "« " + id + " » : " + ErasedAdvisers.reason(erased.get(id))
                        + " (retirez-le de la liste)");
            }
        }
        coordinatedByLine.put(check.line(), coordinated);
        links.put("coordinator", coordinator);
        links.put("perimeterKind", coordinator && kind != null ? kind.name() : null);
        links.put("covers", covers);
        links.put("coordinated", coordinator ? coordinated : List.of());
        links.put("coordinatorSince", coordinator ? (since != null ? since : contractStart) : null);
    }

    /** EPCI SIRENs or commune codes for an intercommunal area; one département or one region code otherwise. */
    private void perimeter(RowCheck check, PerimeterKind kind, List<String> codes, List<Map<String, Object>> covers) {
        if (kind != PerimeterKind.INTERCOMMUNAL && codes.size() > 1) {
            check.error("perimetre_codes", "un seul code pour un périmètre " + kind.label.toLowerCase(java.util.Locale.ROOT));
            return;
        }
        for (var code : codes) {
            String level;
            if (kind == PerimeterKind.DEPARTMENT) {
                level = DEPARTMENT.matcher(code).matches() ? "DEPARTMENT" : null;
            } else if (kind == PerimeterKind.REGION) {
                level = REGION.matcher(code).matches() ? "REGION" : null;
            } else {
                level = EPCI.matcher(code).matches() ? "EPCI" : COMMUNE.matcher(code).matches() ? "COMMUNE" : null;
            }
            if (level == null) {
                check.error("perimetre_codes", "code « " + code + " » invalide pour un périmètre " + kind.name()
                        + (kind == PerimeterKind.INTERCOMMUNAL ? " (SIREN d'EPCI à 9 chiffres ou code INSEE de commune)" : ""));
            } else if (!existing.contains(level + ":" + code)) {
                check.error("perimetre_codes", "aucun territoire " + level + " de code « " + code + " »");
            } else {
                covers.add(Map.of("level", level, "code", code));
            }
        }
    }

    /** Coordinated advisers must exist in the graph or be accepted in this file; rejecting one may reject others. */
    @Override
    Map<Integer, List<FieldError>> crossCheck(QueryRunner tx, List<PlannedRow> accepted) {
        var errors = new HashMap<Integer, List<FieldError>>();
        var known = new HashSet<String>();
        accepted.forEach(row -> known.add(row.key()));
        for (var row : accepted) {
            for (var id : coordinatedByLine.getOrDefault(row.line(), List.of())) {
                if (!known.contains(id) && !existing.contains("ADVISER:" + id)) {
                    errors.computeIfAbsent(row.line(), k -> new ArrayList<>()).add(new FieldError(
                            "conseillers_coordonnes", "conseiller « " + id
                                    + " » inconnu : ni dans la base, ni accepté dans ce fichier"));
                }
            }
        }
        return errors;
    }

    @Override
    List<Written> write(QueryRunner tx, List<PlannedRow> rows) {
        var written = inBatches(tx, "advisers.cypher", rows);
        var changedLines = new HashSet<Integer>();
        written.stream().filter(w -> w.status() != RowStatus.UNCHANGED).forEach(w -> changedLines.add(w.line()));
        var changed = rows.stream().filter(row -> changedLines.contains(row.line())).toList();
        inBatches(tx, CypherResource.read(DIR + "advisers-coordination.cypher"), changed, false);
        return written;
    }

    private static List<String> ids(String value) {
        return value.isBlank() ? List.of()
                : List.of(value.split("[|;,]")).stream().map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
    }

    private static List<String> codes(String value) {
        return ids(value).stream().map(s -> s.toUpperCase(java.util.Locale.ROOT)).toList();
    }
}
