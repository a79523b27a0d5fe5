package fr.maillage.applications;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import fr.maillage.applications.ApplicationModel.SubsidyTotal;
import fr.maillage.applications.ApplicationReader.Queue;
import fr.maillage.applications.ApplicationReader.QueuedApplication;
import fr.maillage.applications.ApplicationRules.ApplicationDecision;
import fr.maillage.exports.Column;
import fr.maillage.exports.ExportController;
import fr.maillage.exports.ExportParameters;
import fr.maillage.exports.Exports;
import fr.maillage.exports.Table;
import fr.maillage.exports.Table.Info;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.security.Caller;
import fr.maillage.security.ForbiddenException;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.territories.TerritoryRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The applications queue and the subsidies of a campaign as spreadsheets, with the roles of their GraphQL queries:
 * the queue for ANCT only (every application of each list, not a page), the subsidies for anyone (public aggregates).
 */
@ExportController
class ApplicationExports {

    /** The weights of {@code applicationQueue} and {@code subsidies} in the schema. */
    static final long COST = 50;

    private final ApplicationReader applications;
    private final CampaignReader campaigns;
    private final TerritoryRepository territories;
    private final Exports exports;
    private final Clock clock;

    ApplicationExports(ApplicationReader applications, CampaignReader campaigns, TerritoryRepository territories,
            Exports exports, Clock clock) {
        this.applications = applications;
        this.campaigns = campaigns;
        this.territories = territories;
        this.exports = exports;
        this.clock = clock;
    }

    /** A line of the queue: the list it is in, and the application (one line per list it is in). */
    record QueueLine(Queue queue, QueuedApplication entry, LocalDate today) {
    }

    /** {@code GET /exports/application-queue.csv|xlsx?campaignCode=AAC-COORD-2023}: ANCT only. */
    @GetMapping("/exports/application-queue.{format}")
    void applicationQueue(@PathVariable String format, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var parameters = new ExportParameters(request, "campaignCode");
        var fileFormat = parameters.format(format);
        var code = parameters.text("campaignCode");
        parameters.check();
        var caller = Caller.current();
        if (!caller.national()) {
            throw new ForbiddenException();
        }
        var campaignCode = code == null ? null : campaign(code);
        var today = LocalDate.now(clock);
        var about = new ArrayList<Info>();
        about.add(new Info("Liste", "La file de l'ANCT : candidatures attendant une action, échéances dépassées (une"
                + " ligne par file où se trouve une candidature)"));
        about.add(new Info("Campagne", campaignCode == null ? "toutes" : campaignCode));
        about.add(new Info("Date", Exports.frenchDate(today)));
        exports.table(request, response, fileFormat, Exports.fileName("file-candidatures", campaignCode, today),
                new Table<>("File des candidatures", QUEUE, about), COST, sink -> {
                    for (var queue : Queue.values()) {
                        applications.eachInQueue(queue, campaignCode, today, caller,
                                entry -> sink.accept(new QueueLine(queue, entry, today)));
                    }
                });
    }

    /** {@code GET /exports/subsidies.csv|xlsx?campaignCode=AAC-COORD-2023&groupBy=REGION}: public aggregates. */
    @GetMapping("/exports/subsidies.{format}")
    void subsidies(@PathVariable String format, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var parameters = new ExportParameters(request, "campaignCode", "groupBy");
        var fileFormat = parameters.format(format);
        var code = parameters.required("campaignCode");
        var groupBy = parameters.enumValue("groupBy", TerritoryLevel.class, false);
        if (groupBy != null && groupBy != TerritoryLevel.REGION && groupBy != TerritoryLevel.DEPARTMENT) {
            parameters.problem("groupBy", "REGION ou DEPARTMENT (les subventions vont à la structure porteuse)");
        }
        parameters.check();
        var campaignCode = campaign(code);
        var level = groupBy == null ? TerritoryLevel.REGION : groupBy;
        var summary = campaigns.subsidies(campaignCode, level);
        var named = territories.findAll(summary.byTerritory().stream().map(SubsidyTotal::territory)
                .filter(t -> t.code() != null).toList());
        var about = new ArrayList<Info>();
        about.add(new Info("Liste", "Subventions engagées (candidatures acceptées) et versées, par "
                + (level == TerritoryLevel.REGION ? "région" : "département") + " de la structure porteuse"));
        about.add(new Info("Campagne", campaignCode));
        about.add(new Info("Date", Exports.frenchDate(LocalDate.now(clock))));
        exports.table(request, response, fileFormat, Exports.fileName("subventions", campaignCode, level,
                LocalDate.now(clock)), new Table<>("Subventions", subsidyColumns(named), about), COST,
                sink -> summary.byTerritory().forEach(sink));
    }

    /** A campaign code that exists, or a 400 naming {@code campaignCode}. */
    private String campaign(String code) {
        var campaignCode = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (campaigns.campaign(campaignCode) == null) {
            throw new InvalidInputException("campaignCode", "aucune campagne de code " + campaignCode);
        }
        return campaignCode;
    }

    static final List<Column<QueueLine>> QUEUE = List.of(
            Column.text("File", 28, l -> l.queue().label),
            Column.code("Référence", 20, l -> l.entry().application().reference()),
            Column.code("Campagne", 16, l -> l.entry().application().campaignCode()),
            Column.text("Structure", 36, l -> l.entry().employerName()),
            Column.code("SIRET", 16, l -> l.entry().application().employerSiret()),
            Column.text("Cas", 40, l -> l.entry().application().caseLabel()),
            Column.text("Type de contrat", 22, l -> l.entry().application().contractType().label),
            Column.text("Statut", 30, l -> l.entry().application().statusLabel()),
            Column.codes("Départements de la zone", 12, l -> l.entry().application().perimeter().departmentCodes()),
            Column.integer("Population de la zone", 13, l -> l.entry().application().perimeter().population()),
            Column.integer("Montant (€)", 11, l -> l.entry().application().funding().amountEur()),
            Column.date("Déposée le", l -> l.entry().application().submittedOn()),
            Column.date("Notification due le", l -> l.entry().application().notificationDueOn()),
            Column.text("Décision", 10, l -> decision(l.entry().application().decision())),
            Column.date("Décidée le", l -> l.entry().application().decidedOn()),
            Column.date("Notifiée le", l -> l.entry().application().notifiedOn()),
            Column.date("Recrutement dû le", l -> l.entry().application().recruitmentDueOn()),
            Column.date("Recruté le", l -> l.entry().application().recruitedOn()),
            Column.date("Convention signée le", l -> l.entry().application().conventionSignedOn()),
            Column.date("Versement dû le", l -> l.entry().application().paymentDueBy()),
            Column.date("Versée le", l -> l.entry().application().paidOn()),
            Column.list("Retards", 40, l -> l.entry().application().overdueOn(l.today())));

    static List<Column<SubsidyTotal>> subsidyColumns(Map<TerritoryRef, Territory> named) {
        return List.of(
                Column.code("Code INSEE", 11, t -> t.territory().code()),
                Column.text("Nom", 32, t -> named.containsKey(t.territory()) ? named.get(t.territory()).name() : null),
                Column.summed("Candidatures", 13, SubsidyTotal::applications),
                Column.summed("Montant engagé (€)", 16, SubsidyTotal::engagedEur),
                Column.summed("Montant versé (€)", 16, SubsidyTotal::paidEur));
    }

    private static String decision(ApplicationDecision decision) {
        return decision == null ? null : decision == ApplicationDecision.ACCEPTED ? "Acceptée" : "Refusée";
    }
}
