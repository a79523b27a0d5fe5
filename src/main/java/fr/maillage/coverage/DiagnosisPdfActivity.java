package fr.maillage.coverage;

import static fr.maillage.exports.PdfStyle.BODY;
import static fr.maillage.exports.PdfStyle.CELL;
import static fr.maillage.exports.PdfStyle.CELL_BOLD;
import static fr.maillage.exports.PdfStyle.LEFT;
import static fr.maillage.exports.PdfStyle.RIGHT;
import static fr.maillage.exports.PdfStyle.cell;
import static fr.maillage.exports.PdfStyle.decimal;
import static fr.maillage.exports.PdfStyle.integer;
import static fr.maillage.exports.PdfStyle.paragraph;
import static fr.maillage.exports.PdfStyle.section;
import static fr.maillage.exports.PdfStyle.table;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.lowagie.text.Document;
import fr.maillage.activities.ActivityModel.Figures;
import fr.maillage.activities.ActivityModel.TerritoryActivity;
import fr.maillage.territories.TerritoryLevel;
import fr.maillage.validation.FrenchDate;

/**
 * The activity section of the diagnosis report: people helped, accompaniments, workshops and event days beside the
 * parent and France, the themes, and each sub-territory (EPCI of a département...), the most people helped first.
 */
final class DiagnosisPdfActivity {

    static final int TOP = 20;

    private DiagnosisPdfActivity() {
    }

    static void activity(Document document, TerritoryActivity activity) {
        section(document, "Activité du réseau du " + FrenchDate.format(activity.from()) + " au "
                + FrenchDate.format(activity.to()));
        var own = activity.territory();
        var parent = activity.parent();
        var headers = new ArrayList<String>(List.of("Indicateur", own.name()));
        if (parent != null) {
            headers.add(parent.name());
        }
        headers.add("France");
        var table = table(headers, parent != null ? new float[] {3.3f, 1.6f, 1.6f, 1.6f} : new float[] {3.3f, 1.6f, 1.6f},
                parent != null ? new int[] {LEFT, RIGHT, RIGHT, RIGHT} : new int[] {LEFT, RIGHT, RIGHT});
        var rows = List.<Row>of(
                new Row("Personnes accompagnées", f -> integer(f.peopleHelped())),
                new Row("Personnes accompagnées pour 10 000 habitants", f -> decimal(f.peopleHelpedPer10000(), 1)),
                new Row("Accompagnements individuels", f -> integer(f.accompaniments())),
                new Row("Ateliers collectifs", f -> integer(f.workshops())),
                new Row("Journées événementielles", f -> integer(f.eventDays())));
        for (var row : rows) {
            table.addCell(cell(row.label(), CELL_BOLD, LEFT));
            table.addCell(cell(row.value().apply(own), CELL, RIGHT));
            if (parent != null) {
                table.addCell(cell(row.value().apply(parent), CELL, RIGHT));
            }
            table.addCell(cell(row.value().apply(activity.france()), CELL, RIGHT));
        }
        document.add(table);
        if (!activity.topThemes().isEmpty()) {
            document.add(paragraph("Thématiques les plus abordées : " + String.join(", ", activity.topThemes().stream()
                    .limit(5).map(t -> t.label() + " (" + integer(t.activities()) + ")").toList()) + ".", BODY, 4));
        }
        var subs = activity.subTerritories();
        if (subs.isEmpty()) {
            return;
        }
        var level = subs.get(0).level();
        long without = subs.stream().filter(f -> f.peopleHelped() == 0).count();
        document.add(paragraph("Par " + (level == TerritoryLevel.EPCI ? "EPCI" : DiagnosisPdf.levelWord(level)) + " : "
                + integer(without) + " sur " + integer(subs.size()) + " sans personne accompagnée sur la période."
                + (subs.size() > TOP ? " Les " + TOP + " qui en ont accompagné le plus :" : ""), BODY, 4));
        var bySub = table(List.of(level == TerritoryLevel.EPCI ? "SIREN" : "Code INSEE", "Nom", "Personnes",
                "Pour 10 000 hab.", "Ateliers"), new float[] {1.3f, 4f, 1.3f, 1.5f, 1.1f},
                new int[] {LEFT, LEFT, RIGHT, RIGHT, RIGHT});
        for (var sub : subs.stream().limit(TOP).toList()) {
            bySub.addCell(cell(sub.code(), CELL, LEFT));
            bySub.addCell(cell(sub.name(), CELL, LEFT));
            bySub.addCell(cell(integer(sub.peopleHelped()), CELL, RIGHT));
            bySub.addCell(cell(decimal(sub.peopleHelpedPer10000(), 1), CELL, RIGHT));
            bySub.addCell(cell(integer(sub.workshops()), CELL, RIGHT));
        }
        document.add(bySub);
    }

    private record Row(String label, Function<Figures, String> value) {
    }
}
