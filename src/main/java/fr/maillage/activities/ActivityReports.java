package fr.maillage.activities;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import fr.maillage.exports.ExportController;
import fr.maillage.exports.ExportParameters;
import fr.maillage.exports.Exports;
import fr.maillage.network.NetworkMapper;
import fr.maillage.network.NetworkRepository;
import fr.maillage.security.Caller;
import fr.maillage.security.PersonalDataAudit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * A coordinator's activity report as a PDF, for who may read its figures (as {@code coordinatorActivity}):
 * {@code GET /exports/activity/coordinators.pdf?coordinatorIds=ID1,ID2&from=AAAA-MM-JJ&to=AAAA-MM-JJ}.
 */
@ExportController
class ActivityReports {

    static final long COST = 100;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final ActivityAccess access;
    private final ActivityFigures figures;
    private final NetworkRepository network;
    private final PersonalDataAudit audit;
    private final Exports exports;
    private final Clock clock;

    ActivityReports(ActivityAccess access, ActivityFigures figures, NetworkRepository network, PersonalDataAudit audit,
            Exports exports, Clock clock) {
        this.access = access;
        this.figures = figures;
        this.network = network;
        this.audit = audit;
        this.exports = exports;
        this.clock = clock;
    }

    @GetMapping("/exports/activity/coordinators.pdf")
    void report(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var parameters = new ExportParameters(request, "coordinatorIds", "from", "to");
        var text = parameters.required("coordinatorIds");
        var from = parameters.date("from");
        var to = parameters.date("to");
        parameters.check();
        var ids = List.copyOf(new LinkedHashSet<>(Stream.of(text.split(",")).map(String::strip)
                .filter(id -> !id.isEmpty()).toList()));
        var period = ActivityPeriods.of(from, to, LocalDate.now(clock));
        access.requireCoordinators(ids, period);
        var activity = figures.ofCoordinators(List.of(ids), period).get(0);
        var advisers = network.byIds("Adviser", ids, NetworkMapper::adviser);
        var names = new ArrayList<String>();
        for (var id : ids) {
            var adviser = advisers.get(id);
            var name = adviser == null ? "" : String.join(" ", Stream.of(adviser.firstName(), adviser.lastName())
                    .filter(Objects::nonNull).toList());
            names.add(name.isBlank() ? id : name);
        }
        var pdf = ActivityReportPdf.render(new ActivityReportPdf.Report(activity, names,
                clock.instant().atZone(PARIS)));
        var caller = Caller.current();
        audit.recordExport(caller, "activity-report.pdf", ids);
        exports.file(request, response, "application/pdf", Exports.fileName("bilan-activite", period.from(),
                period.to()) + ".pdf", COST, pdf);
    }
}
