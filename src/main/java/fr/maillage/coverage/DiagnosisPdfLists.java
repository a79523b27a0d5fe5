package fr.maillage.coverage;

import static fr.maillage.exports.PdfStyle.BODY;
import static fr.maillage.exports.PdfStyle.BOLD;
import static fr.maillage.exports.PdfStyle.CELL;
import static fr.maillage.exports.PdfStyle.LEFT;
import static fr.maillage.exports.PdfStyle.RIGHT;
import static fr.maillage.exports.PdfStyle.SMALL;
import static fr.maillage.exports.PdfStyle.cell;
import static fr.maillage.exports.PdfStyle.integer;
import static fr.maillage.exports.PdfStyle.paragraph;
import static fr.maillage.exports.PdfStyle.section;
import static fr.maillage.exports.PdfStyle.table;

import java.util.List;
import java.util.function.Function;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import fr.maillage.coverage.CoverageModel.CoverageGapSummary;
import fr.maillage.coverage.CoverageModel.LabelCount;
import fr.maillage.coverage.CoverageModel.TerritoryCoverage;
import fr.maillage.coverage.DiagnosisPdf.Report;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;
import fr.maillage.validation.FrenchDate;

/**
 * The list sections of the diagnosis report: sub-territories lacking a coordinator or an adviser, contracts ending
 * and the communes losing their last adviser, counts of places, partners and employers.
 */
final class DiagnosisPdfLists {

    private DiagnosisPdfLists() {
    }

    static void gaps(Document document, String title, CoverageGapSummary summary, Report report,
            String meaning, String none, String lastHeader, Function<TerritoryCoverage, String> last) {
        section(document, title);
        if (summary.level() == null) {
            document.add(paragraph("Une commune n'a pas de sous-territoires.", BODY, 4));
            return;
        }
        var plural = DiagnosisPdf.levelPlural(summary.level());
        if (summary.totalCount() == 0) {
            document.add(paragraph("Aucun : " + none + ".", BODY, 4));
            return;
        }
        document.add(paragraph(integer(summary.totalCount()) + " " + (summary.totalCount() == 1
                ? DiagnosisPdf.levelWord(summary.level()) : plural) + " (" + integer(summary.totalPopulation())
                + " habitants) : " + meaning + "." + (summary.totalCount() > summary.top().size()
                ? " Les " + summary.top().size() + " plus peuplés :" : ""), BODY, 4));
        var table = table(List.of(summary.level() == TerritoryLevel.EPCI ? "SIREN" : "Code INSEE", "Nom", "Population",
                lastHeader), new float[] {1.3f, 4f, 1.4f, 1.3f}, new int[] {LEFT, LEFT, RIGHT, RIGHT});
        for (var t : summary.top()) {
            var named = report.names().get(t.ref());
            table.addCell(cell(t.ref().code(), CELL, Element.ALIGN_LEFT));
            table.addCell(cell(named == null ? "" : named.name(), CELL, Element.ALIGN_LEFT));
            table.addCell(cell(integer(t.population()), CELL, Element.ALIGN_RIGHT));
            table.addCell(cell(last.apply(t), CELL, Element.ALIGN_RIGHT));
        }
        document.add(table);
    }

    static void ending(Document document, Report report) {
        var diagnosis = report.diagnosed().diagnosis();
        var ending = diagnosis.endingContracts();
        var horizon = diagnosis.referenceDate().plusMonths(report.months());
        section(document, "Contrats finissant d'ici le " + FrenchDate.format(horizon));
        if (ending.count() == 0) {
            document.add(paragraph("Aucun contrat de conseiller desservant le territoire ne finit d'ici là ("
                    + report.months() + " mois).", BODY, 4));
        } else {
            document.add(paragraph((ending.count() == 1 ? "1 contrat en cours finit" : integer(ending.count())
                    + " contrats en cours finissent") + " dans les " + report.months() + " mois"
                    + (ending.count() > ending.contracts().size() ? " ; les " + ending.contracts().size()
                    + " premiers :" : " :"), BODY, 4));
            var table = table(List.of("Conseiller", "Fin du contrat", "Employeur"), new float[] {3f, 1.3f, 3.2f},
                    new int[] {LEFT, RIGHT, LEFT});
            for (var contract : ending.contracts()) {
                var name = report.adviserNames().get(contract.adviserId());
                table.addCell(cell(name == null ? contract.adviserId() : name, CELL, Element.ALIGN_LEFT));
                table.addCell(cell(FrenchDate.format(contract.end()), CELL, Element.ALIGN_RIGHT));
                table.addCell(cell(contract.employerName(), CELL, Element.ALIGN_LEFT));
            }
            document.add(table);
            document.add(paragraph(report.adviserNames().isEmpty()
                    ? "Les conseillers sont désignés par leur identifiant : leurs noms ne sont montrés qu'aux"
                            + " personnes habilitées à les lire."
                    : "Noms montrés pour les conseillers de votre périmètre ; cette lecture est consignée.", SMALL, 2));
        }
        var losing = ending.losingCommuneCodes();
        var text = new Paragraph();
        text.setSpacingBefore(6);
        text.add(new Chunk("Communes qui perdraient leur dernier conseiller : ", BOLD));
        if (losing.isEmpty()) {
            text.add(new Chunk("aucune.", BODY));
        } else {
            var names = losing.stream().map(code -> {
                var commune = report.names().get(new TerritoryRef(TerritoryLevel.COMMUNE, code));
                return (commune == null ? code : commune.name() + " (" + code + ")");
            }).toList();
            text.add(new Chunk(String.join(", ", names) + ".", BODY));
        }
        document.add(text);
    }

    static void counts(Document document, String title, String header, String countHeader,
            List<LabelCount> counts, String note) {
        section(document, title);
        if (counts.isEmpty()) {
            document.add(paragraph("Aucun dans le territoire.", BODY, 4));
            return;
        }
        var table = table(List.of(header, countHeader), new float[] {5f, 1.2f}, new int[] {LEFT, RIGHT});
        for (var count : counts) {
            table.addCell(cell(count.label(), CELL, Element.ALIGN_LEFT));
            table.addCell(cell(integer(count.count()), CELL, Element.ALIGN_RIGHT));
        }
        document.add(table);
        if (note != null) {
            document.add(paragraph(note, SMALL, 2));
        }
    }
}
