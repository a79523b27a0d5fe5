package fr.maillage.exports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.function.Consumer;

import fr.maillage.graphql.CallerCosts;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Streams a table to the response as its rows come from the database: the headers, then each row written and
 * forgotten. The caller is charged {@code cost} when the file starts, then one unit per row as they are written
 * ({@link CallerCosts}): a whole level costs what it weighs. Parameters are checked before this is called: a refusal
 * never leaves half a file. A failure once bytes have left aborts the connection, so that the client sees an
 * incomplete download rather than a short file that looks whole.
 */
@Component
public class Exports {

    /** Rows charged at once, as they are written. */
    static final int CHARGE_EVERY = 1_000;

    private final CallerCosts costs;
    private final Clock clock;

    Exports(CallerCosts costs, Clock clock) {
        this.costs = costs;
        this.clock = clock;
    }

    /** A source of rows: calls its sink once per row, in order. */
    @FunctionalInterface
    public interface Rows<T> {
        void forEach(Consumer<T> sink);
    }

    /** What was written: rows, and the sums of the columns marked {@code total}. */
    public record Written(long rows, long[] totals) {
    }

    public <T> Written table(HttpServletRequest request, HttpServletResponse response, ExportFormat format,
            String fileName, Table<T> table, long cost, Rows<T> rows) throws IOException {
        costs.charge(request, cost);
        response.setContentType(format.mediaType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName + "." + format.extension));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        var summed = table.columns().stream().filter(Column::total).toList();
        var totals = new long[summed.size()];
        var out = response.getOutputStream();
        TableWriter<T> writer = format == ExportFormat.CSV ? new CsvTableWriter<>(out, table)
                : new XlsxTableWriter<>(out, table, clock);
        long[] count = {0};
        try {
            rows.forEach(row -> {
                try {
                    writer.row(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                for (int i = 0; i < totals.length; i++) {
                    var value = summed.get(i).value().apply(row);
                    totals[i] += value == null ? 0 : ((Number) value).longValue();
                }
                if (++count[0] % CHARGE_EVERY == 0) {
                    costs.charge(request, CHARGE_EVERY);
                }
            });
            writer.finish(count[0], totals);
            costs.charge(request, count[0] % CHARGE_EVERY);
            out.flush();
        } catch (RuntimeException | IOException e) {
            costs.charge(request, count[0] % CHARGE_EVERY);
            if (!response.isCommitted()) {
                // nothing has left: the error handlers answer instead of the file
                response.reset();
            }
            throw e;
        }
        return new Written(count[0], totals);
    }

    /** Answers a file of bytes made in memory (a PDF report of a few pages). */
    public void file(HttpServletRequest request, HttpServletResponse response, String mediaType, String fileName,
            long cost, byte[] content) throws IOException {
        costs.charge(request, cost);
        response.setContentType(mediaType);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(fileName));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }

    /**
     * A file name from its parts joined by dashes, for example {@code lacunes-coordinateur-EPCI-63-2026-01-01}: letters
     * without accents, digits and dashes only.
     */
    public static String fileName(Object... parts) {
        var name = new StringBuilder();
        for (var part : parts) {
            if (part == null) {
                continue;
            }
            var text = java.text.Normalizer.normalize(part.toString(), java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").replaceAll("[^A-Za-z0-9]+", "-").replaceAll("^-|-$", "");
            if (!text.isEmpty()) {
                name.append(name.isEmpty() ? "" : "-").append(text);
            }
        }
        return name.toString();
    }

    /** A day as French users write it: dd/mm/yyyy. */
    public static String frenchDate(java.time.LocalDate date) {
        return TableWriter.frenchDate(date);
    }

    /** File names are made of codes and dates: plain ASCII. */
    static String attachment(String fileName) {
        return ContentDisposition.attachment().filename(fileName).build().toString();
    }
}
