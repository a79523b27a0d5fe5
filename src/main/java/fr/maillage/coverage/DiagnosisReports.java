package fr.maillage.coverage;

import java.io.IOException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;

import fr.maillage.activities.ActivityFigures;
import fr.maillage.activities.ActivityPeriods;
import fr.maillage.coverage.CoverageModel.EndingContract;
import fr.maillage.coverage.CoverageModel.TerritoryCoverage;
import fr.maillage.exports.ExportController;
import fr.maillage.exports.ExportParameters;
import fr.maillage.exports.Exports;
import fr.maillage.exports.NotFoundException;
import fr.maillage.network.NetworkMapper;
import fr.maillage.network.NetworkRepository;
import fr.maillage.security.Access;
import fr.maillage.security.Caller;
import fr.maillage.security.PersonalDataAudit;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.territories.TerritoryRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /exports/diagnosis/{level}/{code}.pdf?referenceDate=2026-01-01&contractsEndingWithinMonths=3}: the
 * diagnosis of one territory as a PDF report, computed as the GraphQL field {@code diagnosis} computes it
 * ({@link DiagnosisService}). Public like the diagnosis; the advisers whose contracts end are named only for a caller
 * who may read their personal data (and that reading is audited), by their identifier otherwise.
 */
@ExportController
class DiagnosisReports {

    /** The weight of {@code diagnosis} in the schema. */
    static final long COST = 250;
    /** The report says when it was produced as read in France, whatever the zone of the server. */
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final DiagnosisService diagnoses;
    private final TerritoryRepository territories;
    private final NetworkRepository network;
    private final PersonalDataAudit audit;
    private final Exports exports;
    private final ActivityFigures activities;
    private final Clock clock;

    DiagnosisReports(DiagnosisService diagnoses, TerritoryRepository territories, NetworkRepository network,
            PersonalDataAudit audit, Exports exports, ActivityFigures activities, Clock clock) {
        this.diagnoses = diagnoses;
        this.territories = territories;
        this.network = network;
        this.audit = audit;
        this.exports = exports;
        this.activities = activities;
        this.clock = clock;
    }

    @GetMapping("/exports/diagnosis/{level}/{code}.pdf")
    void report(@PathVariable String level, @PathVariable String code, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        var parameters = new ExportParameters(request, "referenceDate", "contractsEndingWithinMonths");
        var territoryLevel = CoverageExports.pathLevel(parameters, level);
        var referenceDate = parameters.date("referenceDate");
        int months = parameters.integer("contractsEndingWithinMonths", 3);
        parameters.check();
        var ref = new TerritoryRef(territoryLevel, code);
        var diagnosed = diagnoses.diagnose(ref, referenceDate, months);
        if (diagnosed == null) {
            throw new NotFoundException("code", "aucun territoire " + ref);
        }
        var diagnosis = diagnosed.diagnosis();
        // the names shown: parent, sub-territories of the lists, communes losing their last adviser (one statement)
        var refs = new ArrayList<TerritoryRef>();
        if (diagnosis.parentRef() != null) {
            refs.add(diagnosis.parentRef());
        }
        diagnosis.subTerritoriesLackingCoordinator().top().stream().map(TerritoryCoverage::ref).forEach(refs::add);
        diagnosis.subTerritoriesLackingAdviser().top().stream().map(TerritoryCoverage::ref).forEach(refs::add);
        diagnosis.endingContracts().losingCommuneCodes().forEach(c -> refs.add(new TerritoryRef(TerritoryLevel.COMMUNE, c)));
        var names = refs.isEmpty() ? Map.<TerritoryRef, fr.maillage.territories.Territory>of() : territories.findAll(refs);
        var caller = Caller.current();
        var adviserNames = adviserNames(caller, diagnosis.endingContracts().contracts().stream()
                .map(EndingContract::adviserId).toList());
        var parent = diagnosis.parentRef() == null ? null : names.get(diagnosis.parentRef());
        // the activity of the twelve months ending on the reference date
        var activity = activities.ofTerritory(diagnosed.territory(), parent,
                ActivityPeriods.of(null, diagnosis.referenceDate()));
        var pdf = DiagnosisPdf.render(new DiagnosisPdf.Report(diagnosed, parent, names, months, adviserNames, activity,
                clock.instant().atZone(PARIS)));
        // recorded before the file leaves: once its last byte is sent the client may act on it
        audit.recordExport(caller, "diagnosis.pdf", adviserNames.keySet());
        exports.file(request, response, "application/pdf", Exports.fileName("diagnostic", diagnosed.territory().level(),
                diagnosed.territory().code(), diagnosis.referenceDate()) + ".pdf", COST, pdf);
    }

    /** "Prénom Nom" of the advisers whose personal data the caller may read, by id; none for an anonymous caller. */
    private Map<String, String> adviserNames(Caller caller, java.util.List<String> ids) {
        var names = new HashMap<String, String>();
        if (caller.anonymous() || ids.isEmpty()) {
            return names;
        }
        var scopes = network.adviserScopes(new LinkedHashSet<>(ids));
        var readable = ids.stream().distinct().filter(id -> scopes.get(id) != null
                && Access.seesPersonalData(caller, scopes.get(id))).toList();
        if (readable.isEmpty()) {
            return names;
        }
        network.byIds("Adviser", readable, NetworkMapper::adviser).forEach((id, adviser) -> {
            var name = String.join(" ", java.util.stream.Stream.of(adviser.firstName(), adviser.lastName())
                    .filter(java.util.Objects::nonNull).toList());
            names.put(id, name.isBlank() ? id + " (anonymisé)" : name);
        });
        return names;
    }
}
