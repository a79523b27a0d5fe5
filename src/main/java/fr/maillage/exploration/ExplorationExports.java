package fr.maillage.exploration;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.maillage.exploration.ExplorationRepository.ProspectRow;
import fr.maillage.exports.Column;
import fr.maillage.exports.ExportController;
import fr.maillage.exports.ExportParameters;
import fr.maillage.exports.Exports;
import fr.maillage.exports.Table;
import fr.maillage.exports.Table.Info;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.network.NetworkEnums.PartnerKind;
import fr.maillage.network.NetworkEnums.PartnerRole;
import fr.maillage.network.NetworkRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A coordinator's partners to approach as a spreadsheet: every row of {@code coordinatorPartners}, in its order
 * (prescribers nobody works with yet first), streamed from the database. Public like the query: partners are
 * structures, and the advisers they work with are named by identifier only.
 */
@ExportController
class ExplorationExports {

    /** The weight of {@code coordinatorPartners} in the schema. */
    static final long COST = 20;

    private final ExplorationRepository exploration;
    private final NetworkRepository network;
    private final Exports exports;
    private final Clock clock;

    ExplorationExports(ExplorationRepository exploration, NetworkRepository network, Exports exports, Clock clock) {
        this.exploration = exploration;
        this.network = network;
        this.exports = exports;
        this.clock = clock;
    }

    /** {@code GET /exports/coordinator-partners.csv|xlsx?coordinatorId=...&kinds=CAF,CCAS&onlyUnlinked=true}. */
    @GetMapping("/exports/coordinator-partners.{format}")
    void coordinatorPartners(@PathVariable String format, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var parameters = new ExportParameters(request, "coordinatorId", "kinds", "onlyUnlinked");
        var fileFormat = parameters.format(format);
        var coordinatorId = parameters.required("coordinatorId");
        var kinds = parameters.enumValues("kinds", PartnerKind.class);
        boolean onlyUnlinked = parameters.bool("onlyUnlinked", false);
        parameters.check();
        var coordinator = network.coordinator(coordinatorId);
        if (coordinator == null) {
            throw new InvalidInputException("coordinatorId", "aucun coordinateur d'identifiant " + coordinatorId);
        }
        var about = new ArrayList<Info>();
        about.add(new Info("Liste", "Partenaires situés dans le périmètre du coordinateur " + coordinatorId
                + " : prescripteurs avec lesquels personne ne travaille encore, puis les autres partenaires non liés,"
                + " puis ceux déjà liés au coordinateur ou à ses conseillers"));
        about.add(new Info("Périmètre", String.join(", ", coordinator.perimeter().stream()
                .map(t -> t.name() + " (" + t.ref() + ")").toList())));
        about.add(new Info("Filtres", (kinds.isEmpty() ? "toutes natures"
                : String.join(", ", kinds.stream().map(k -> k.label).toList()))
                + (onlyUnlinked ? " ; non liés seulement" : "")));
        var name = Exports.fileName("partenaires-a-demarcher", coordinatorId, LocalDate.now(clock));
        exports.table(request, response, fileFormat, name, new Table<>("Partenaires à démarcher", COLUMNS, about), COST,
                sink -> exploration.eachProspect(coordinatorId, kinds.isEmpty() ? null
                        : kinds.stream().map(Enum::name).toList(), onlyUnlinked, sink));
    }

    static final List<Column<ProspectRow>> COLUMNS = List.of(
            Column.text("Priorité", 30, p -> p.prospect().linked() ? "Déjà lié"
                    : p.prospect().partner().role() == PartnerRole.PRESCRIBER ? "Prescripteur à démarcher"
                    : "Partenaire à démarcher"),
            Column.code("Identifiant", 38, p -> p.prospect().partner().id()),
            Column.text("Nom", 36, p -> p.prospect().partner().name()),
            Column.text("Nature", 28, p -> p.prospect().partner().kindLabel()),
            Column.text("Rôle", 22, p -> p.prospect().partner().role().label),
            Column.yesNo("Déjà lié", 9, p -> p.prospect().linked()),
            Column.codes("Lié aux conseillers", 38, p -> p.prospect().linkedWith()),
            Column.code("SIRET", 16, p -> p.prospect().partner().siret()),
            Column.text("Adresse", 32, p -> p.prospect().partner().address()),
            Column.code("Code INSEE", 11, p -> p.prospect().partner().communeCode()),
            Column.text("Commune", 24, ProspectRow::communeName));
}
