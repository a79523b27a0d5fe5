package fr.maillage.exports;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The look of the reports (the diagnosis, a coordinator's activity report) (OpenPDF, Helvetica: French accents in Windows-1252): colours, fonts, sections,
 * paragraphs and tables, and numbers written the French way.
 */
public final class PdfStyle {

    public static final Color INK = new Color(0x1E, 0x29, 0x3B);
    public static final Color BLUE = new Color(0x00, 0x00, 0x91);
    public static final Color GREY = new Color(0x66, 0x6E, 0x7A);
    public static final Color HEADER = new Color(0xE3, 0xE8, 0xF4);
    public static final Color RULE = new Color(0xC8, 0xCE, 0xDA);
    public static final Font TITLE = new Font(Font.HELVETICA, 19, Font.BOLD, BLUE);
    public static final Font SUBTITLE = new Font(Font.HELVETICA, 10.5f, Font.NORMAL, INK);
    public static final Font SECTION = new Font(Font.HELVETICA, 12.5f, Font.BOLD, BLUE);
    public static final Font BODY = new Font(Font.HELVETICA, 9.5f, Font.NORMAL, INK);
    public static final Font BOLD = new Font(Font.HELVETICA, 9.5f, Font.BOLD, INK);
    public static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, GREY);
    public static final Font CELL = new Font(Font.HELVETICA, 9, Font.NORMAL, INK);
    public static final Font CELL_BOLD = new Font(Font.HELVETICA, 9, Font.BOLD, INK);
    /** A no-break space: Helvetica in Windows-1252 has no narrow one (U+202F), which Java's French format uses. */
    public static final char NBSP = '\u00A0';
    public static final int LEFT = Element.ALIGN_LEFT;
    public static final int RIGHT = Element.ALIGN_RIGHT;


    private PdfStyle() {
    }

    /**
     * An A4 document writing into {@code out}, {@code footer} and the page number at the foot of each page; the
     * caller opens and closes it.
     */
    public static Document a4(ByteArrayOutputStream out, String footer) {
        var document = new Document(PageSize.A4, 42, 42, 46, 52);
        var writer = PdfWriter.getInstance(document, out);
        writer.setPageEvent(new PdfPageEventHelper() {
            @Override
            public void onEndPage(PdfWriter pdf, Document page) {
                ColumnText.showTextAligned(pdf.getDirectContent(), Element.ALIGN_LEFT, new Phrase(footer, SMALL),
                        page.left(), page.bottom() - 24, 0);
                ColumnText.showTextAligned(pdf.getDirectContent(), Element.ALIGN_RIGHT,
                        new Phrase("page " + pdf.getPageNumber(), SMALL), page.right(), page.bottom() - 24, 0);
            }
        });
        return document;
    }

    public static void section(Document document, String title) {
        var paragraph = paragraph(title, SECTION, 0);
        paragraph.setSpacingBefore(9);
        paragraph.setSpacingAfter(4);
        paragraph.setKeepTogether(true);
        document.add(paragraph);
    }

    public static Paragraph paragraph(String text, Font font, float after) {
        var paragraph = new Paragraph(text, font);
        paragraph.setSpacingAfter(after);
        paragraph.setLeading(font.getSize() * 1.3f);
        return paragraph;
    }

    public static PdfPTable table(List<String> headers, float[] widths, int[] alignments) {
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

    public static PdfPCell cell(String text, Font font, int alignment) {
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

    // Numbers

    public static String integer(long value) {
        return format("#,##0", value);
    }

    public static String decimal(Double value, int decimals) {
        return value == null ? "–" : format("#,##0." + "0".repeat(decimals), value);
    }

    public static String percent(Double share) {
        return share == null ? "–" : format("#,##0.0", share * 100) + NBSP + "%";
    }

    private static String format(String pattern, Number value) {
        var symbols = DecimalFormatSymbols.getInstance(Locale.FRANCE);
        symbols.setGroupingSeparator(NBSP);
        symbols.setDecimalSeparator(',');
        return new DecimalFormat(pattern, symbols).format(value);
    }
}
