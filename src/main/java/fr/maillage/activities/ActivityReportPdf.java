package fr.maillage.activities;

import static fr.maillage.exports.PdfStyle.BODY;
import static fr.maillage.exports.PdfStyle.BOLD;
import static fr.maillage.exports.PdfStyle.CELL;
import static fr.maillage.exports.PdfStyle.LEFT;
import static fr.maillage.exports.PdfStyle.RIGHT;
import static fr.maillage.exports.PdfStyle.SMALL;
import static fr.maillage.exports.PdfStyle.SUBTITLE;
import static fr.maillage.exports.PdfStyle.TITLE;
import static fr.maillage.exports.PdfStyle.cell;
import static fr.maillage.exports.PdfStyle.integer;
import static fr.maillage.exports.PdfStyle.paragraph;
import static fr.maillage.exports.PdfStyle.percent;
import static fr.maillage.exports.PdfStyle.section;
import static fr.maillage.exports.PdfStyle.table;

import java.io.ByteArrayOutputStream;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.ListItem;
import fr.maillage.activities.ActivityModel.CoordinatorActivity;
import fr.maillage.exports.PdfStyle;
import fr.maillage.validation.FrenchDate;

/**
 * A coordinator's activity report over a period, in the shape of the reports coordinators write for their
 * collectivity: the figures of the mission with the public and of the coordination of advisers, the event days per
 * EPCI held against planned, the network met, the actions with partners, the themes and the digital commons, then how
 * each figure is counted. Made from {@link CoordinatorActivity} only: what the API answers, the PDF says.
 */
final class ActivityReportPdf {

    /** The figures, who they are of ("Prénom Nom", by the caller's right to read them), and when it was produced. */
    record Report(CoordinatorActivity activity, List<String> coordinatorNames, ZonedDateTime produced) {
    }

    private ActivityReportPdf() {
    }

    static byte[] render(Report report) {
        var a = report.activity();
        var period = "du " + FrenchDate.format(a.from()) + " au " + FrenchDate.format(a.to());
        var out = new ByteArrayOutputStream();
        var document = PdfStyle.a4(out, "Maillage · Bilan d'activité · " + period);
        document.addTitle("Bilan d'activité des coordinateurs " + period);
        document.addAuthor("Maillage");
        document.addCreator("Maillage");
        document.open();

        document.add(paragraph("Bilan d'activité", TITLE, 2));
        document.add(paragraph((report.coordinatorNames().size() > 1 ? "Coordinateurs : " : "Coordinateur : ")
                + String.join(", ", report.coordinatorNames()) + " · " + period, SUBTITLE, 2));
        document.add(paragraph("Produit le " + report.produced().format(DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH:mm"))
                + " à partir des activités enregistrées dans Maillage.", SMALL, 8));

        section(document, "Mission « accompagnement des citoyens »");
        bullets(document, List.of(
                integer(a.workshops()) + " ateliers animés auprès des citoyens",
                integer(a.eventDaysHeld()) + " journées événementielles organisées sur " + integer(a.eventDaysPlanned())
                        + " prévues",
                integer(a.peopleHelped()) + " personnes accompagnées vers l'autonomie numérique",
                integer(a.accompaniments()) + " accompagnements individuels"));

        section(document, "Mission « coordination des conseillers numériques »");
        bullets(document, List.of(
                percent(a.advisersMetShare()) + " des conseillers coordonnés rencontrés (" + integer(a.advisersMet())
                        + " sur " + integer(a.advisersCoordinated()) + ")",
                integer(a.digitalCommons()) + " communs numériques proposés à la communauté",
                integer(a.coordinationMeetings()) + " réunions de coordination organisées",
                integer(a.workingGroups()) + " groupes de travail créés et animés (" + integer(a.workingGroupSessions())
                        + " séances)",
                integer(a.structuresMapped()) + " structures d'e-inclusion cartographiées",
                integer(a.partnerMeetings()) + " rencontres avec des partenaires"));

        section(document, "Journées événementielles par EPCI");
        if (a.eventsByEpci().isEmpty()) {
            document.add(paragraph("Aucune journée prévue sur la période.", BODY, 4));
        } else {
            var events = table(List.of("EPCI", "Prévues", "Réalisées", "Personnes"), new float[] {6, 1.4f, 1.4f, 1.6f},
                    new int[] {LEFT, RIGHT, RIGHT, RIGHT});
            for (var epci : a.eventsByEpci()) {
                events.addCell(cell(epci.epciName(), CELL, LEFT));
                events.addCell(cell(integer(epci.planned()), CELL, RIGHT));
                events.addCell(cell(integer(epci.held()), CELL, RIGHT));
                events.addCell(cell(integer(epci.peopleHelped()), CELL, RIGHT));
            }
            document.add(events);
        }

        section(document, "Actions avec les partenaires");
        if (a.partners().isEmpty()) {
            document.add(paragraph("Aucun partenaire associé à une activité réalisée sur la période.", BODY, 4));
        } else {
            var partners = table(List.of("Partenaire", "Nature", "Activités"), new float[] {5, 4, 1.4f},
                    new int[] {LEFT, LEFT, RIGHT});
            for (var partner : a.partners()) {
                partners.addCell(cell(partner.name(), CELL, LEFT));
                partners.addCell(cell(partner.kindLabel(), CELL, LEFT));
                partners.addCell(cell(integer(partner.activities()), CELL, RIGHT));
            }
            document.add(partners);
        }

        section(document, "Thématiques abordées");
        if (a.topThemes().isEmpty()) {
            document.add(paragraph("Aucune thématique renseignée.", BODY, 4));
        } else {
            var themes = table(List.of("Thématique", "Activités"), new float[] {7, 1.4f}, new int[] {LEFT, RIGHT});
            for (var theme : a.topThemes()) {
                themes.addCell(cell(theme.label(), CELL, LEFT));
                themes.addCell(cell(integer(theme.activities()), CELL, RIGHT));
            }
            document.add(themes);
        }

        if (!a.digitalCommonTitles().isEmpty()) {
            section(document, "Communs numériques proposés");
            bullets(document, a.digitalCommonTitles());
        }

        section(document, "Comment ces chiffres sont comptés");
        document.add(paragraph("Seules les activités réalisées sur la période et menées par le ou les coordinateurs"
                + " comptent ; une activité menée à plusieurs compte une fois. Personnes accompagnées : participants"
                + " des accompagnements individuels, ateliers collectifs et journées événementielles. Journées prévues :"
                + " les journées de la période non annulées, réalisées ou encore à venir. Conseillers rencontrés : les"
                + " conseillers coordonnés, sous contrat pendant la période, réunis par une réunion de coordination ou"
                + " un groupe de travail, ou ayant mené une activité avec le coordinateur. Groupes de travail : titres"
                + " distincts. Aucune donnée personnelle des personnes accompagnées n'est enregistrée.", SMALL, 4));
        document.close();
        return out.toByteArray();
    }

    private static void bullets(Document document, List<String> lines) {
        var list = new com.lowagie.text.List(false, 10);
        list.setListSymbol("•");
        for (var line : lines) {
            var item = new ListItem(line, BODY);
            item.setLeading(BODY.getSize() * 1.45f);
            list.add(item);
        }
        document.add(list);
        document.add(paragraph(" ", BOLD, 0));
    }
}
