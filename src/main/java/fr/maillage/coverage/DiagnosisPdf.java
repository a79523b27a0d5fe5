package fr.maillage.coverage;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import fr.maillage.coverage.CoverageModel.CoverageGapSummary;
import fr.maillage.coverage.CoverageModel.LabelCount;
import fr.maillage.coverage.CoverageModel.TerritoryCoverage;
import fr.maillage.coverage.DiagnosisService.Diagnosed;
import fr.maillage.territories.Territory;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.territories.TerritoryRef;

/**
 * The diagnosis of a territory as a PDF a prefecture can send (OpenPDF, A4, Helvetica: French accents in
 * Windows-1252): the figures beside the parent territory's and France's, the sub-territories lacking a coordinator or
 * an adviser, the contracts ending and the communes that would lose their last adviser, places, partners and
 * employers, definitions, and the sources with their licences. A page footer repeats territory and reference date.
 */
final class DiagnosisPdf {

    /** What the report shows besides the diagnosis: names of territories, and the advisers the caller may name. */
    record Report(Diagnosed diagnosed, Territory parent, Map<TerritoryRef, Territory> names, int months,
            Map<String, String> adviserNames) {
    }

    private static final Color INK = new Color(0x1E, 0x29, 0x3B);
    private static final Color BLUE = new Color(0x00, 0x00, 0x91);
    private static final Color GREY = new Color(0x66, 0x6E, 0x7A);
    private static final Color HEADER = new Color(0xE3, 0xE8, 0xF4);
    private static final Color RULE = new Color(0xC8, 0xCE, 0xDA);
    private static final Font TITLE = new Font(Font.HELVETICA, 19, Font.BOLD, BLUE);
    private static final Font SUBTITLE = new Font(Font.HELVETICA, 10.5f, Font.NORMAL, INK);
    private static final Font SECTION = new Font(Font.HELVETICA, 12.5f, Font.BOLD, BLUE);
    private static final Font BODY = new Font(Font.HELVETICA, 9.5f, Font.NORMAL, INK);
    private static final Font BOLD = new Font(Font.HELVETICA, 9.5f, Font.BOLD, INK);
    private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, GREY);
    private static final Font CELL = new Font(Font.HELVETICA, 9, Font.NORMAL, INK);
    private static final Font CELL_BOLD = new Font(Font.HELVETICA, 9, Font.BOLD, INK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** A no-break space: Helvetica in Windows-1252 has no narrow one (U+202F), which Java's French format uses. */
    private static final char NBSP = '\u00A0';
    private static final int LEFT = Element.ALIGN_LEFT;
    private static final int RIGHT = Element.ALIGN_RIGHT;

    private DiagnosisPdf() {
    }

    static byte[] render(Report report) {
        var diagnosed = report.diagnosed();
        var territory = diagnosed.territory();
        var diagnosis = diagnosed.diagnosis();
        var out = new ByteArrayOutputStream();
        var document = new Document(PageSize.A4, 42, 42, 46, 52);
        var writer = PdfWriter.getInstance(document, out);
        var footer = "Maillage · Diagnostic territorial · " + territory.name() + " (" + levelWord(territory.level())
                + " " + territory.code() + ") · date de référence " + DAY.format(diagnosis.referenceDate());
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter pdf, Document page) {
                ColumnText.showTextAligned(pdf.getDirectContent(), Element.ALIGN_LEFT, new Phrase(footer, SMALL),
                        page.left(), page.bottom() - 24, 0);
                ColumnText.showTextAligned(pdf.getDirectContent(), Element.ALIGN_RIGHT,
                        new Phrase("page " + pdf.getPageNumber(), SMALL), page.right(), page.bottom() - 24, 0);
            }
        });
        document.addTitle("Diagnostic territorial : " + territory.name());
        document.addSubject("Couverture du réseau de l'inclusion numérique au " + DAY.format(diagnosis.referenceDate()));
        document.addAuthor("Maillage");
        document.addCreator("Maillage");
        document.open();

        document.add(paragraph("Diagnostic territorial", SMALL, 0));
        document.add(paragraph(territory.name(), TITLE, 2));
        document.add(paragraph(describe(territory, report.parent()), SUBTITLE, 2));
        document.add(paragraph("Date de référence : " + DAY.format(diagnosis.referenceDate()) + "   ·   Produit le "
                + DAY.format(ZonedDateTime.now(ZoneId.of("Europe/Paris"))) + " par Maillage", SMALL, 10));

        figures(document, report);
        gaps(document, "Sous-territoires sans coordinateur", diagnosis.subTerritoriesLackingCoordinator(), report,
                "aucun coordinateur actif ne couvre une partie de leur population",
                "chacun a au moins une partie de sa population couverte par un coordinateur actif", "Part couverte",
                t -> percent(t.coordinatorCoverage()));
        gaps(document, "Sous-territoires sans conseiller", diagnosis.subTerritoriesLackingAdviser(), report,
                "aucun conseiller actif ne dessert l'une de leurs communes",
                "chacun est desservi par au moins un conseiller actif", "Lieux", t -> integer(t.places()));
        ending(document, report);
        counts(document, "Lieux de médiation numérique par service", "Service", "Lieux", diagnosis.placesByService(),
                diagnosis.places() + " lieux dans le territoire ; un lieu compte pour chacun de ses services.");
        counts(document, "Partenaires par nature", "Nature", "Partenaires", diagnosis.partnersByKind(), null);
        counts(document, "Employeurs par secteur", "Secteur", "Employeurs", diagnosis.employersBySector(), null);
        counts(document, "Employeurs par nature juridique", "Nature juridique", "Employeurs",
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

    private static void gaps(Document document, String title, CoverageGapSummary summary, Report report,
            String meaning, String none, String lastHeader, Function<TerritoryCoverage, String> last) {
        section(document, title);
        if (summary.level() == null) {
            document.add(paragraph("Une commune n'a pas de sous-territoires.", BODY, 4));
            return;
        }
        var plural = levelPlural(summary.level());
        if (summary.totalCount() == 0) {
            document.add(paragraph("Aucun : " + none + ".", BODY, 4));
            return;
        }
        document.add(paragraph(integer(summary.totalCount()) + " " + (summary.totalCount() == 1
                ? levelWord(summary.level()) : plural) + " (" + integer(summary.totalPopulation())
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

    private static void ending(Document document, Report report) {
        var diagnosis = report.diagnosed().diagnosis();
        var ending = diagnosis.endingContracts();
        var horizon = diagnosis.referenceDate().plusMonths(report.months());
        section(document, "Contrats finissant d'ici le " + DAY.format(horizon));
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
                table.addCell(cell(DAY.format(contract.end()), CELL, Element.ALIGN_RIGHT));
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

    private static void counts(Document document, String title, String header, String countHeader,
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

    // Building blocks

    private static void section(Document document, String title) {
        var paragraph = paragraph(title, SECTION, 0);
        paragraph.setSpacingBefore(9);
        paragraph.setSpacingAfter(4);
        paragraph.setKeepTogether(true);
        document.add(paragraph);
    }

    private static Paragraph paragraph(String text, Font font, float after) {
        var paragraph = new Paragraph(text, font);
        paragraph.setSpacingAfter(after);
        paragraph.setLeading(font.getSize() * 1.3f);
        return paragraph;
    }

    private static PdfPTable table(List<String> headers, float[] widths, int[] alignments) {
        var table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        table.setSpacingBefore(2);
        table.setSpacingAfter(4);
        for (int i = 0; i < headers.size(); i++) {
            var cell = cell(headers.get(i), CELL_BOLD, alignments[i]);
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        }
        return table;
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        var cell = new PdfPCell(new Phrase(text == null ? "" : text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setPaddingTop(3);
        cell.setPaddingBottom(4);
        cell.setPaddingLeft(4);
        cell.setPaddingRight(4);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        return cell;
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

    private static String levelWord(TerritoryLevel level) {
        return switch (level) {
            case REGION -> "région";
            case DEPARTMENT -> "département";
            case EPCI -> "EPCI";
            case COMMUNE -> "commune";
        };
    }

    private static String levelPlural(TerritoryLevel level) {
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

    static String integer(long value) {
        return format("#,##0", value);
    }

    static String decimal(Double value, int decimals) {
        return value == null ? "–" : format("#,##0." + "0".repeat(decimals), value);
    }

    static String percent(Double share) {
        return share == null ? "–" : format("#,##0.0", share * 100) + NBSP + "%";
    }

    private static String format(String pattern, Number value) {
        var symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setGroupingSeparator(NBSP);
        symbols.setDecimalSeparator(',');
        return new DecimalFormat(pattern, symbols).format(value);
    }

    static String day(LocalDate date) {
        return DAY.format(date);
    }
}
