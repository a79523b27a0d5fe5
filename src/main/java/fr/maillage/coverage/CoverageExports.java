package fr.maillage.coverage;

import fr.maillage.validation.FrenchDate;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import fr.maillage.coverage.CoverageModel.CoverageStatus;
import fr.maillage.coverage.CoverageModel.Lacking;
import fr.maillage.coverage.CoverageModel.TerritoryCoverage;
import fr.maillage.exports.Column;
import fr.maillage.exports.ExportController;
import fr.maillage.exports.ExportParameters;
import fr.maillage.exports.Exports;
import fr.maillage.exports.NotFoundException;
import fr.maillage.exports.Table;
import fr.maillage.exports.Table.Info;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.territories.Commune;
import fr.maillage.territories.Department;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.territories.TerritoryRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Coverage as spreadsheets: the territories lacking something ({@code coverageGaps}), and the sub-territories of a
 * diagnosis. The rows are the API's (one aggregate statement, the figures of every territory concerned, as
 * {@code coverageGaps} computes them before paging), written in order; the names of the territories are read by
 * chunks of {@value #CHUNK} as the rows are written. Public, like every aggregate.
 */
@ExportController
class CoverageExports {

    static final int CHUNK = 1_000;
    /** The weights of {@code coverageGaps} in the schema: inside a territory, and over the whole country. */
    static final long COST = 50;
    static final long COUNTRY_WIDE_COST = 1_500;

    private final CoverageRepository coverage;
    private final TerritoryRepository territories;
    private final Exports exports;
    private final Clock clock;

    CoverageExports(CoverageRepository coverage, TerritoryRepository territories, Exports exports, Clock clock) {
        this.coverage = coverage;
        this.territories = territories;
        this.exports = exports;
        this.clock = clock;
    }

    /** A row: the figures of a territory and the territory itself (name, where it lies). */
    record Row(TerritoryCoverage figures, Territory territory) {
    }

    /**
     * {@code GET /exports/coverage-gaps.csv|xlsx?level=EPCI&within=DEPARTMENT:63&lacking=COORDINATOR
     * &includePartlyCovered=false&referenceDate=2026-01-01}: the arguments of {@code coverageGaps}.
     */
    @GetMapping("/exports/coverage-gaps.{format}")
    void coverageGaps(@PathVariable String format, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var parameters = new ExportParameters(request, "level", "within", "lacking", "includePartlyCovered",
                "referenceDate");
        var fileFormat = parameters.format(format);
        var level = parameters.enumValue("level", TerritoryLevel.class, true);
        var within = parameters.territory("within");
        var lacking = parameters.enumValue("lacking", Lacking.class, true);
        boolean partly = parameters.bool("includePartlyCovered", false);
        var referenceDate = parameters.date("referenceDate");
        parameters.check();
        Territory inside = null;
        if (within != null) {
            inside = territories.find(within);
            if (inside == null) {
                throw new InvalidInputException("within", "aucun territoire " + within);
            }
        }
        var today = referenceDate == null ? LocalDate.now(clock) : referenceDate;
        var rows = coverage.allGaps(level, within, lacking, partly, today);
        var about = new ArrayList<Info>();
        about.add(new Info("Liste", "Territoires " + without(lacking) + (partly && lacking == Lacking.COORDINATOR
                ? ", ou couverts en partie seulement" : "")));
        about.add(new Info("Niveau", levelName(level)));
        about.add(new Info("Dans", inside == null ? "France entière" : inside.name() + " (" + within + ")"));
        about.add(new Info("Date de référence", day(today)));
        about.add(new Info("Définitions", DEFINITIONS));
        var table = new Table<>("Lacunes " + lackingWord(lacking), columns(level), about);
        var name = Exports.fileName("lacunes", lackingWord(lacking), partly && lacking == Lacking.COORDINATOR
                ? "partielles" : null, level, within == null ? "France" : within.code(), today);
        exports.table(request, response, fileFormat, name, table, within == null ? COUNTRY_WIDE_COST : COST,
                sink -> named(rows, sink));
    }

    /**
     * {@code GET /exports/diagnosis/{level}/{code}/sub-territories.csv|xlsx?referenceDate=...&lacking=...}: every
     * sub-territory of the diagnosis of a territory (région → départements, département → EPCI, EPCI → communes)
     * with its figures, or with {@code lacking} those lacking it (the diagnosis's {@code subTerritoriesLacking...}
     * lists in full).
     */
    @GetMapping("/exports/diagnosis/{level}/{code}/sub-territories.{format}")
    void subTerritories(@PathVariable String level, @PathVariable String code, @PathVariable String format,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        var parameters = new ExportParameters(request, "referenceDate", "lacking");
        var fileFormat = parameters.format(format);
        var territoryLevel = pathLevel(parameters, level);
        var lacking = parameters.enumValue("lacking", Lacking.class, false);
        var referenceDate = parameters.date("referenceDate");
        if (territoryLevel == TerritoryLevel.COMMUNE) {
            parameters.problem("level", "une commune n'a pas de sous-territoires : REGION, DEPARTMENT ou EPCI");
        }
        parameters.check();
        var ref = new TerritoryRef(territoryLevel, code);
        var territory = territories.find(ref);
        if (territory == null) {
            throw new NotFoundException("code", "aucun territoire " + ref);
        }
        var today = referenceDate == null ? LocalDate.now(clock) : referenceDate;
        var subLevel = DiagnosisService.subLevel(territoryLevel);
        var rows = lacking == null ? coverage.figures(List.of(), subLevel, territory.ref(), false, today).subTerritories()
                : coverage.allGaps(subLevel, territory.ref(), lacking, false, today);
        var about = new ArrayList<Info>();
        about.add(new Info("Liste", levelName(subLevel) + " ayant une commune dans " + territory.name() + " ("
                + territory.ref() + ")" + (lacking == null ? "" : ", " + without(lacking))));
        about.add(new Info("Date de référence", day(today)));
        about.add(new Info("Définitions", DEFINITIONS));
        var table = new Table<>("Sous-territoires", columns(subLevel), about);
        var name = Exports.fileName("sous-territoires", lacking == null ? null : "sans-" + lackingWord(lacking),
                territoryLevel, territory.code(), today);
        exports.table(request, response, fileFormat, name, table, COST, sink -> named(rows, sink));
    }

    /** A level named in the path, or a problem naming {@code level}. */
    static TerritoryLevel pathLevel(ExportParameters parameters, String level) {
        try {
            return TerritoryLevel.valueOf(level.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            parameters.problem("level", "niveau inconnu « " + level + " » ; valeurs possibles : REGION, DEPARTMENT,"
                    + " EPCI, COMMUNE");
            return null;
        }
    }

    /** The rows with their territories, read by chunks as they are written. */
    private void named(List<TerritoryCoverage> rows, Consumer<Row> sink) {
        for (int from = 0; from < rows.size(); from += CHUNK) {
            var chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
            var found = territories.findAll(chunk.stream().map(TerritoryCoverage::ref).toList());
            for (var figures : chunk) {
                sink.accept(new Row(figures, found.get(figures.ref())));
            }
        }
    }

    static final String DEFINITIONS = "Un conseiller compte s'il est actif avec un contrat en cours à la date de"
            + " référence ; il dessert les communes de ses lieux, ou sans lieu celle de son employeur. Un coordinateur"
            + " actif couvre les communes de son périmètre. Part couverte : part de la population vivant dans une"
            + " commune couverte par un coordinateur. Un territoire est jugé en entier (un EPCI avec toutes ses"
            + " communes).";

    /** The columns of a table of territories of a level with their coverage figures. */
    static List<Column<Row>> columns(TerritoryLevel level) {
        var columns = new ArrayList<Column<Row>>();
        columns.add(Column.code(level == TerritoryLevel.EPCI ? "SIREN" : "Code INSEE", 12, r -> r.figures().ref().code()));
        columns.add(Column.text("Nom", 40, r -> r.territory() == null ? null : r.territory().name()));
        switch (level) {
            case COMMUNE -> {
                columns.add(Column.code("Département", 12, r -> r.territory() instanceof Commune c ? c.departmentCode() : null));
                columns.add(Column.code("EPCI (SIREN)", 13, r -> r.territory() instanceof Commune c ? c.epciCode() : null));
            }
            case EPCI -> columns.add(Column.codes("Départements", 13,
                    r -> r.territory() == null ? null : r.territory().departmentCodes()));
            case DEPARTMENT -> columns.add(Column.code("Région", 9,
                    r -> r.territory() instanceof Department d ? d.regionCode() : null));
            case REGION -> {
            }
        }
        columns.add(Column.summed("Population", 13, r -> r.figures().population()));
        columns.add(Column.integer("Communes", 11, r -> r.figures().communes()));
        columns.add(Column.integer("Conseillers", 12, r -> r.figures().advisers()));
        columns.add(Column.integer("Coordinateurs", 14, r -> r.figures().coordinators()));
        columns.add(Column.integer("Lieux", 9, r -> r.figures().places()));
        columns.add(Column.summed("Population couverte", 13, r -> r.figures().coveredPopulation()));
        columns.add(Column.share("Part couverte", 11, r -> r.figures().coordinatorCoverage()));
        columns.add(Column.text("Couverture par un coordinateur", 16, r -> status(r.figures().status())));
        return columns;
    }

    static String status(CoverageStatus status) {
        return switch (status) {
            case COVERED -> "Complète";
            case PARTLY_COVERED -> "Partielle";
            case NOT_COVERED -> "Aucune";
        };
    }

    static String levelName(TerritoryLevel level) {
        return switch (level) {
            case REGION -> "Régions";
            case DEPARTMENT -> "Départements";
            case EPCI -> "EPCI";
            case COMMUNE -> "Communes";
        };
    }

    static String lackingWord(Lacking lacking) {
        return switch (lacking) {
            case COORDINATOR -> "coordinateur";
            case ADVISER -> "conseiller";
            case PLACE -> "lieu";
        };
    }

    static String without(Lacking lacking) {
        return switch (lacking) {
            case COORDINATOR -> "à qui il manque un coordinateur (aucune population couverte)";
            case ADVISER -> "à qui il manque un conseiller (aucun conseiller actif)";
            case PLACE -> "à qui il manque un lieu de médiation";
        };
    }

    static String day(LocalDate date) {
        return FrenchDate.format(date);
    }
}
