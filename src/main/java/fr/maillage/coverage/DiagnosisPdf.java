package fr.maillage.coverage;

import static fr.maillage.exports.PdfStyle.BODY;
import static fr.maillage.exports.PdfStyle.CELL;
import static fr.maillage.exports.PdfStyle.CELL_BOLD;
import static fr.maillage.exports.PdfStyle.LEFT;
import static fr.maillage.exports.PdfStyle.RIGHT;
import static fr.maillage.exports.PdfStyle.SMALL;
import static fr.maillage.exports.PdfStyle.SUBTITLE;
import static fr.maillage.exports.PdfStyle.TITLE;
import static fr.maillage.exports.PdfStyle.cell;
import static fr.maillage.exports.PdfStyle.decimal;
import static fr.maillage.exports.PdfStyle.integer;
import static fr.maillage.exports.PdfStyle.paragraph;
import static fr.maillage.exports.PdfStyle.percent;
import static fr.maillage.exports.PdfStyle.section;
import static fr.maillage.exports.PdfStyle.table;

import java.io.ByteArrayOutputStream;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import fr.maillage.activities.ActivityModel.TerritoryActivity;
import fr.maillage.coverage.CoverageModel.TerritoryCoverage;
import fr.maillage.coverage.DiagnosisService.Diagnosed;
import fr.maillage.exports.PdfStyle;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.validation.FrenchDate;

/**
 * The diagnosis of a territory as a PDF a prefecture can send (OpenPDF, A4, Helvetica: French accents in
 * Windows-1252): the figures beside the parent territory's and France's, the sub-territories lacking a coordinator or
 * an adviser, the contracts ending and the communes that would lose their last adviser, places, partners and
 * employers, definitions, and the sources with their licences. A page footer repeats territory and reference date.
 * The list sections are {@link DiagnosisPdfLists}'s, the look {@link PdfStyle}'s.
 */
final class DiagnosisPdf {

    /** What the report shows besides the diagnosis: names of territories, and the advisers the caller may name. */
    record Report(Diagnosed diagnosed, Territory parent, Map<TerritoryRef, Territory> names, int months,
            Map<String, String> adviserNames, TerritoryActivity activity, ZonedDateTime produced) {
    }

    private DiagnosisPdf() {
    }

    static byte[] render(Report report) {
        var diagnosed = report.diagnosed();
        var territory = diagnosed.territory();
        var diagnosis = diagnosed.diagnosis();
        var out = new ByteArrayOutputStream();
        var footer = "Maillage · Diagnostic territorial · " + territory.name() + " (" + levelWord(territory.level())
                + " " + territory.code() + ") · date de référence " + FrenchDate.format(diagnosis.referenceDate());
        var document = PdfStyle.a4(out, footer);
        document.addTitle("Diagnostic territorial : " + territory.name());
        document.addSubject("Couverture du réseau de l'inclusion numérique au " + FrenchDate.format(diagnosis.referenceDate()));
        document.addAuthor("Maillage");
        document.addCreator("Maillage");
        document.open();

        document.add(paragraph("Diagnostic territorial", SMALL, 0));
        document.add(paragraph(territory.name(), TITLE, 2));
        document.add(paragraph(describe(territory, report.parent()), SUBTITLE, 2));
        document.add(paragraph("Date de référence : " + FrenchDate.format(diagnosis.referenceDate()) + "   ·   Produit le "
                + FrenchDate.format(report.produced()) + " par Maillage", SMALL, 10));

        figures(document, report);
        DiagnosisPdfLists.gaps(document, "Sous-territoires sans coordinateur", diagnosis.subTerritoriesLackingCoordinator(), report,
                "aucun coordinateur actif ne couvre une partie de leur population",
                "chacun a au moins une partie de sa population couverte par un coordinateur actif", "Part couverte",
                t -> percent(t.coordinatorCoverage()));
        DiagnosisPdfLists.gaps(document, "Sous-territoires sans conseiller", diagnosis.subTerritoriesLackingAdviser(), report,
                "aucun conseiller actif ne dessert l'une de leurs communes",
                "chacun est desservi par au moins un conseiller actif", "Lieux", t -> integer(t.places()));
        DiagnosisPdfLists.ending(document, report);
        DiagnosisPdfActivity.activity(document, report.activity());
        DiagnosisPdfLists.counts(document, "Lieux de médiation numérique par service", "Service", "Lieux", diagnosis.placesByService(),
                diagnosis.places() + " lieux dans le territoire ; un lieu compte pour chacun de ses services.");
        DiagnosisPdfLists.counts(document, "Partenaires par nature", "Nature", "Partenaires", diagnosis.partnersByKind(), null);
        DiagnosisPdfLists.counts(document, "Employeurs par secteur", "Secteur", "Employeurs", diagnosis.employersBySector(), null);
        DiagnosisPdfLists.counts(document, "Employeurs par nature juridique", "Nature juridique", "Employeurs",
                diagnosis.employersByLegalKind(), null);
        sources(document);
        document.close();
        return out.toByteArray();
    }

    // Sections

    private static void figures(Document document, Report report) {
        var d = report.diagnosed();
        boolean withParent = report.parent() != null;
        section(document, "Chiffres clés");
        var headers = new ArrayList<String>(List.of("Indicateur", d.territory().name()));
        if (withParent) {
            headers.add(report.parent().name());
        }
        headers.add("France");
        var table = table(headers, withParent ? new float[] {3.3f, 1.6f, 1.6f, 1.6f} : new float[] {3.3f, 1.6f, 1.6f},
                withParent ? new int[] {LEFT, RIGHT, RIGHT, RIGHT} : new int[] {LEFT, RIGHT, RIGHT});
        var rows = List.<Figure>of(
                new Figure("Population", t -> integer(t.population())),
                new Figure("Communes", t -> integer(t.communes())),
                new Figure("EPCI", t -> integer(t.epcis())),
                new Figure("Conseillers actifs", t -> integer(t.advisers())),
                new Figure("Conseillers pour 10 000 habitants", t -> decimal(t.advisersPer10000(), 2)),
                new Figure("Coordinateurs actifs", t -> integer(t.coordinators())),
                new Figure("Part des conseillers coordonnés", t -> percent(t.coordinatedShare())),
                new Figure("Population couverte par un coordinateur", t -> integer(t.coveredPopulation())),
                new Figure("Couverture par les coordinateurs", t -> percent(t.coordinatorCoverage())),
                new Figure("Lieux de médiation", t -> integer(t.places())));
        for (var row : rows) {
            table.addCell(cell(row.label(), CELL_BOLD, Element.ALIGN_LEFT));
            table.addCell(cell(row.value().apply(d.own()), CELL, Element.ALIGN_RIGHT));
            if (withParent) {
                table.addCell(cell(row.value().apply(d.parent()), CELL, Element.ALIGN_RIGHT));
            }
            table.addCell(cell(row.value().apply(d.france()), CELL, Element.ALIGN_RIGHT));
        }
        document.add(table);
        var diagnosis = d.diagnosis();
        document.add(paragraph("Couverture du territoire par les coordinateurs : " + status(diagnosis.status())
                + ". Conseillers sans coordinateur : " + integer(diagnosis.uncoordinatedAdvisers()) + ".", BODY, 4));
    }

    private record Figure(String label, Function<TerritoryCoverage, String> value) {
    }

    private static void sources(Document document) {
        section(document, "Définitions");
        document.add(paragraph(CoverageExports.DEFINITIONS + " Territoire de comparaison : le département d'une"
                + " commune ou d'un EPCI (son premier département), la région d'un département ; une région est"
                + " comparée à la France.", BODY, 2));
        section(document, "Sources et licences");
        document.add(paragraph("Territoires et populations : Code officiel géographique de l'INSEE, populations"
                + " municipales ; données de l'INSEE sous Licence Ouverte (Etalab). Découpage publié par le paquet npm"
                + " @etalab/decoupage-administratif 6.0.0, licence MIT, © 2018-2019 Etalab.", BODY, 2));
        document.add(paragraph("Réseau (conseillers, coordinateurs, contrats, employeurs, lieux, partenaires) : données"
                + " enregistrées ou importées dans Maillage par les acteurs du dispositif ; lieux au format du schéma de"
                + " données des lieux de médiation numérique. Chiffres agrégés, sans donnée personnelle sauf mention.",
                BODY, 2));
    }

    // French wording and numbers

    static String describe(Territory territory, Territory parent) {
        var text = switch (territory.level()) {
            case REGION -> "Région " + territory.code();
            case DEPARTMENT -> "Département " + territory.code();
            case EPCI -> "EPCI " + territory.code() + " (SIREN)";
            case COMMUNE -> "Commune " + territory.code() + " (code INSEE)";
        };
        return text + "   ·   Comparaison : " + (parent == null ? "France"
                : parent.name() + " (" + levelWord(parent.level()) + " " + parent.code() + ") et France");
    }

    static String levelWord(TerritoryLevel level) {
        return switch (level) {
            case REGION -> "région";
            case DEPARTMENT -> "département";
            case EPCI -> "EPCI";
            case COMMUNE -> "commune";
        };
    }

    static String levelPlural(TerritoryLevel level) {
        return switch (level) {
            case REGION -> "régions";
            case DEPARTMENT -> "départements";
            case EPCI -> "EPCI";
            case COMMUNE -> "communes";
        };
    }

    private static String status(CoverageModel.CoverageStatus status) {
        return switch (status) {
            case COVERED -> "complète";
            case PARTLY_COVERED -> "partielle";
            case NOT_COVERED -> "aucune";
        };
    }
}
