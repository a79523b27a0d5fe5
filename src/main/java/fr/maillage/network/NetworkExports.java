package fr.maillage.network;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import fr.maillage.exports.Column;
import fr.maillage.exports.ExportController;
import fr.maillage.exports.ExportParameters;
import fr.maillage.exports.Exports;
import fr.maillage.exports.Table;
import fr.maillage.exports.Table.Info;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.network.NetworkEnums.LegalKind;
import fr.maillage.network.NetworkEnums.PartnerKind;
import fr.maillage.network.NetworkEnums.Scheme;
import fr.maillage.network.NetworkEnums.Sector;
import fr.maillage.network.NetworkModel.Employer;
import fr.maillage.network.NetworkModel.Partner;
import fr.maillage.network.NetworkModel.Place;
import fr.maillage.network.ListReader.AdviserRow;
import fr.maillage.network.ListReader.Located;
import fr.maillage.security.Access;
import fr.maillage.security.Caller;
import fr.maillage.security.PersonalDataAudit;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.territories.TerritoryRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The lists of a territory as spreadsheets: employers, advisers, places, partners, with the arguments of the GraphQL
 * lists of the same names and all their rows, streamed from the database in the order of their pages. Public like
 * the lists; the personal columns of advisers (programme id, first and last name, e-mail, phone) are there only for
 * an authenticated caller, and filled only for the advisers whose personal data it may read (the rule of the API,
 * {@link Access#seesPersonalData}); such a file leaves one audit event naming them.
 */
@ExportController
class NetworkExports {

    /** The weights of the lists in the schema: inside a territory, and over the whole country. */
    static final long COST = 5;
    static final long COUNTRY_WIDE_COST = 50;

    private final ListReader network;
    private final TerritoryRepository territories;
    private final Exports exports;
    private final PersonalDataAudit audit;
    private final Clock clock;

    NetworkExports(ListReader network, TerritoryRepository territories, Exports exports, PersonalDataAudit audit,
            Clock clock) {
        this.network = network;
        this.territories = territories;
        this.exports = exports;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@code GET /exports/employers.csv|xlsx?within=DEPARTMENT:2A&sector=PUBLIC&legalKind=ASSOCIATION}. */
    @GetMapping("/exports/employers.{format}")
    void employers(@PathVariable String format, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var parameters = new ExportParameters(request, "within", "sector", "legalKind");
        var fileFormat = parameters.format(format);
        var within = parameters.territory("within");
        var sector = parameters.enumValue("sector", Sector.class, false);
        var legalKind = parameters.enumValue("legalKind", LegalKind.class, false);
        parameters.check();
        var inside = inside(within);
        var about = about("Employeurs", inside, within);
        about.add(new Info("Filtres", filters("secteur", sector == null ? null : sector.label, "nature juridique",
                legalKind == null ? null : legalKind.label)));
        exports.table(request, response, fileFormat, name("employeurs", within), new Table<>("Employeurs",
                EMPLOYERS, about), cost(within),
                sink -> network.eachEmployer(within, name(sector), name(legalKind), sink));
    }

    /**
     * {@code GET /exports/advisers.csv|xlsx?within=DEPARTMENT:2A&scheme=CONSEILLER_NUMERIQUE&coordinatorsOnly=false
     * &activeOnly=true}, in the order of their identifiers (never by name).
     */
    @GetMapping("/exports/advisers.{format}")
    void advisers(@PathVariable String format, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var parameters = new ExportParameters(request, "within", "scheme", "coordinatorsOnly", "activeOnly");
        var fileFormat = parameters.format(format);
        var within = parameters.territory("within");
        var scheme = parameters.enumValue("scheme", Scheme.class, false);
        boolean coordinatorsOnly = parameters.bool("coordinatorsOnly", false);
        boolean activeOnly = parameters.bool("activeOnly", true);
        parameters.check();
        var inside = inside(within);
        var caller = Caller.current();
        var columns = new ArrayList<>(ADVISERS);
        if (!caller.anonymous()) {
            columns.addAll(PERSONAL);
        }
        var about = about("Conseillers", inside, within);
        about.add(new Info("Filtres", filters("dispositif", scheme == null ? null : scheme.label, "coordinateurs",
                coordinatorsOnly ? "seulement" : null, "contrat", activeOnly ? "en cours aujourd'hui" : "tous")));
        about.add(new Info("Données personnelles", caller.anonymous() ? "aucune (appel anonyme)"
                : "pour les seuls conseillers de votre périmètre ; cet export est consigné au journal d'audit"));
        var readable = new LinkedHashSet<String>();
        try {
            exports.table(request, response, fileFormat, name("conseillers", within),
                    new Table<>("Conseillers", columns, about), cost(within),
                    sink -> network.eachAdviser(within, name(scheme), coordinatorsOnly, activeOnly, LocalDate.now(clock),
                            row -> {
                                boolean personal = !caller.anonymous() && Access.seesPersonalData(caller, row.scope());
                                if (personal) {
                                    readable.add(row.adviser().id());
                                }
                                sink.accept(new AdviserLine(row, personal));
                            }));
        } finally {
            audit.recordExport(caller, "advisers." + fileFormat.extension, readable);
        }
    }

    /** {@code GET /exports/places.csv|xlsx?within=REGION:94&service=smartphone}. */
    @GetMapping("/exports/places.{format}")
    void places(@PathVariable String format, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var parameters = new ExportParameters(request, "within", "service");
        var fileFormat = parameters.format(format);
        var within = parameters.territory("within");
        var service = parameters.text("service");
        parameters.check();
        var inside = inside(within);
        var about = about("Lieux de médiation numérique", inside, within);
        about.add(new Info("Filtres", filters("service contenant", service)));
        exports.table(request, response, fileFormat, name("lieux", within), new Table<>("Lieux", PLACES, about),
                cost(within), sink -> network.eachPlace(within, service, sink));
    }

    /** {@code GET /exports/partners.csv|xlsx?within=DEPARTMENT:2B&kinds=FRANCE_TRAVAIL,MISSION_LOCALE}. */
    @GetMapping("/exports/partners.{format}")
    void partners(@PathVariable String format, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var parameters = new ExportParameters(request, "within", "kinds");
        var fileFormat = parameters.format(format);
        var within = parameters.territory("within");
        var kinds = parameters.enumValues("kinds", PartnerKind.class);
        parameters.check();
        var inside = inside(within);
        var about = about("Partenaires", inside, within);
        about.add(new Info("Filtres", filters("natures", kinds.isEmpty() ? null
                : String.join(", ", kinds.stream().map(k -> k.label).toList()))));
        exports.table(request, response, fileFormat, name("partenaires", within),
                new Table<>("Partenaires", PARTNERS, about), cost(within), sink -> network.eachPartner(within,
                        kinds.isEmpty() ? null : kinds.stream().map(Enum::name).toList(), sink));
    }

    // Columns

    /** An adviser of an export, and whether its personal columns may be filled for the caller. */
    record AdviserLine(AdviserRow row, boolean personal) {
    }

    static final List<Column<Located<Employer>>> EMPLOYERS = List.of(
            Column.code("Identifiant", 38, e -> e.actor().id()),
            Column.code("SIRET", 16, e -> e.actor().siret()),
            Column.code("SIREN", 11, e -> e.actor().siret().length() < 9 ? null : e.actor().siren()),
            Column.text("Nom", 40, e -> e.actor().name()),
            Column.text("Secteur", 9, e -> e.actor().sector().label),
            Column.text("Nature juridique", 36, e -> e.actor().legalKindLabel()),
            Column.yesNo("Éligible à un poste de coordinateur", 14, e -> e.actor().eligibleForCoordination()),
            Column.code("Code INSEE", 11, e -> e.actor().communeCode()),
            Column.text("Commune", 28, Located::communeName),
            Column.code("Département", 12, Located::departmentCode));

    static final List<Column<AdviserLine>> ADVISERS = List.of(
            Column.code("Identifiant", 38, l -> l.row().adviser().id()),
            Column.text("Dispositif", 22, l -> l.row().adviser().scheme().label),
            Column.text("Statut", 9, l -> l.row().adviser().status().label),
            Column.yesNo("Coordinateur", 13, l -> l.row().adviser().coordinator()),
            Column.date("Coordinateur depuis", l -> l.row().adviser().coordinatorSince()),
            Column.text("Type de contrat", 22, l -> l.row().contract() == null ? null : l.row().contract().typeLabel()),
            Column.date("Début du contrat", l -> l.row().contract() == null ? null : l.row().contract().start()),
            Column.date("Fin du contrat", l -> l.row().contract() == null ? null : l.row().contract().end()),
            Column.text("Employeur", 36, l -> l.row().employerName()),
            Column.code("SIRET de l'employeur", 16, l -> l.row().employerSiret()),
            Column.text("Lieu principal", 32, l -> l.row().places().isEmpty() ? null
                    : l.row().places().get(0).place().name()),
            Column.code("Code INSEE du lieu", 11, l -> l.row().places().isEmpty() ? null
                    : l.row().places().get(0).place().communeCode()),
            Column.text("Commune du lieu", 24, l -> l.row().placeCommuneName()),
            Column.list("Autres lieux", 32, l -> l.row().places().stream().skip(1).map(p -> p.place().name()).toList()));

    /** Personal data: only in a file for an authenticated caller, filled only where it may read them. */
    static final List<Column<AdviserLine>> PERSONAL = List.of(
            Column.code("Identifiant dispositif", 16, l -> l.personal() ? l.row().adviser().externalId() : null),
            Column.text("Prénom", 16, l -> l.personal() ? l.row().adviser().firstName() : null),
            Column.text("Nom", 20, l -> l.personal() ? l.row().adviser().lastName() : null),
            Column.text("Courriel", 30, l -> l.personal() ? l.row().adviser().email() : null),
            Column.text("Téléphone", 16, l -> l.personal() ? l.row().adviser().phone() : null));

    static final List<Column<Located<Place>>> PLACES = List.of(
            Column.code("Identifiant", 38, p -> p.actor().id()),
            Column.text("Nom", 36, p -> p.actor().name()),
            Column.code("SIRET ou RNA", 16, p -> p.actor().pivot()),
            Column.text("Adresse", 32, p -> p.actor().address()),
            Column.code("Code postal", 9, p -> p.actor().postalCode()),
            Column.code("Code INSEE", 11, p -> p.actor().communeCode()),
            Column.text("Commune", 24, Located::communeName),
            Column.code("Département", 12, Located::departmentCode),
            Column.list("Services", 40, p -> p.actor().services()),
            Column.list("Publics", 24, p -> p.actor().publics()),
            Column.list("Modalités d'accès", 24, p -> p.actor().accessModes()),
            Column.list("Frais", 16, p -> p.actor().fees()),
            Column.text("Horaires", 24, p -> p.actor().hours()),
            Column.text("Téléphone du lieu", 16, p -> p.actor().phone()),
            Column.list("Courriels du lieu", 28, p -> p.actor().emails()),
            Column.list("Sites web", 28, p -> p.actor().websites()),
            Column.decimal("Latitude", 11, p -> p.actor().latitude()),
            Column.decimal("Longitude", 11, p -> p.actor().longitude()),
            Column.text("Source", 16, p -> p.actor().source()),
            Column.date("Mis à jour le", p -> p.actor().updatedOn()));

    static final List<Column<Located<Partner>>> PARTNERS = List.of(
            Column.code("Identifiant", 38, p -> p.actor().id()),
            Column.text("Nom", 36, p -> p.actor().name()),
            Column.text("Nature", 28, p -> p.actor().kindLabel()),
            Column.text("Rôle", 22, p -> p.actor().role().label),
            Column.code("SIRET", 16, p -> p.actor().siret()),
            Column.text("Adresse", 32, p -> p.actor().address()),
            Column.code("Code INSEE", 11, p -> p.actor().communeCode()),
            Column.text("Commune", 24, Located::communeName),
            Column.code("Département", 12, Located::departmentCode));

    // Helpers

    /** The territory of {@code within}, or null for all of France; a 400 naming it when it does not exist. */
    private Territory inside(TerritoryRef within) {
        if (within == null) {
            return null;
        }
        var territory = territories.find(within);
        if (territory == null) {
            throw new InvalidInputException("within", "aucun territoire " + within);
        }
        return territory;
    }

    private ArrayList<Info> about(String list, Territory inside, TerritoryRef within) {
        var about = new ArrayList<Info>();
        about.add(new Info("Liste", list));
        about.add(new Info("Dans", inside == null ? "France entière" : inside.name() + " (" + within + ")"));
        about.add(new Info("Date", LocalDate.now(clock).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))));
        return about;
    }

    /** "secteur : Public ; nature juridique : Association", or "aucun". */
    private static String filters(String... namesAndValues) {
        var parts = new ArrayList<String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                parts.add(namesAndValues[i] + " : " + namesAndValues[i + 1]);
            }
        }
        return parts.isEmpty() ? "aucun" : String.join(" ; ", parts);
    }

    private String name(String list, TerritoryRef within) {
        return Exports.fileName(list, within == null ? "France" : within.level(), within == null ? null : within.code(),
                LocalDate.now(clock));
    }

    private static long cost(TerritoryRef within) {
        return within == null ? COUNTRY_WIDE_COST : COST;
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
