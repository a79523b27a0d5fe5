package fr.maillage.imports;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import fr.maillage.security.Caller;
import fr.maillage.security.PersonalDataAudit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.ContentDisposition;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code POST /api/imports/{kind}?dryRun=true|false&atomic=true|false}: the body is the file (text/csv or
 * application/json), or a multipart form whose field {@code file} is. Answers the report; 409 when the write failed and
 * nothing was written; 422 when an atomic import wrote nothing because some rows were rejected;
 * 400 (413 when too large) with {@code {"error": ...}} when the file cannot be read. The file may be CSV, JSON or XLSX.
 * {@code GET /api/imports/templates/{kind}.csv} and {@code .xlsx}: a template per kind ({@link ImportTemplates}).
 * Kept under /api/imports so that the authorisation restricts it as a whole; the service also refuses (403) a caller
 * none of whose roles imports the kind ({@link ImportKind#importers}).
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("/api/imports")
class ImportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final ImportService imports;
    private final PersonalDataAudit audit;

    ImportController(ImportService imports, PersonalDataAudit audit) {
        this.imports = imports;
        this.audit = audit;
    }

    @PostMapping(path = "/{kind}", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<ImportReport> upload(@PathVariable String kind, @RequestPart("file") MultipartFile file,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean atomic)
            throws IOException {
        var format = SourceReader.Format.fromContentType(file.getContentType(), file.getOriginalFilename());
        return answer(imports.run(kind(kind), read(file.getInputStream()), format, dryRun, atomic, Caller.current()));
    }

    @PostMapping(path = "/{kind}")
    ResponseEntity<ImportReport> body(@PathVariable String kind, HttpServletRequest request,
            @RequestParam(defaultValue = "false") boolean dryRun, @RequestParam(defaultValue = "false") boolean atomic)
            throws IOException {
        var importKind = kind(kind);
        var format = SourceReader.Format.fromContentType(request.getContentType(), null);
        return answer(imports.run(importKind, read(request.getInputStream()), format, dryRun, atomic,
                Caller.current()));
    }

    @GetMapping("/templates/{kind}.{extension}")
    ResponseEntity<byte[]> template(@PathVariable String kind, @PathVariable String extension) {
        var importKind = kind(kind);
        var name = "maillage-import-" + importKind.pathName() + "." + extension;
        var builder = ResponseEntity.ok().header("Content-Disposition",
                ContentDisposition.attachment().filename(name).build().toString());
        return switch (extension) {
            case "csv" -> builder.contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                    .body(ImportTemplates.csv(importKind));
            case "xlsx" -> builder.contentType(XLSX).body(ImportTemplates.xlsx(importKind));
            default -> throw new ImportException(404, "modèle « " + extension + " » inconnu (csv ou xlsx)");
        };
    }

    @ExceptionHandler(ImportException.class)
    ResponseEntity<Refusal> refused(ImportException e) {
        return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON)
                .body(new Refusal(e.status(), e.getMessage()));
    }

    /** The body of a refused file: the HTTP status again, and why in French. */
    @JsonPropertyOrder({ "status", "error" })
    record Refusal(int status, String error) {
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Refusal> tooLarge(MaxUploadSizeExceededException e) {
        long max = e.getMaxUploadSize();
        return refused(ImportException.tooLarge("le fichier envoyé en formulaire dépasse la taille maximale acceptée"
                + (max > 0 ? " (" + max / 1024 + " Kio)" : "")
                + " : envoyez-le comme corps de la requête (text/csv ou application/json) ou découpez-le"));
    }

    private ResponseEntity<ImportReport> answer(ImportReport report) {
        if (report.committed()) {
            var changedAdvisers = "advisers".equals(report.kind()) ? report.rows().stream()
                    .filter(row -> row.status() == RowStatus.CREATED || row.status() == RowStatus.UPDATED)
                    .map(ImportReport.Row::id).toList() : List.<String>of();
            audit.recordImport(Caller.current(), report.kind(), changedAdvisers);
        }
        var status = report.failure() == null ? HttpStatus.OK
                : report.refusedAsAtomic() ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.CONFLICT;
        return ResponseEntity.status(status).body(report);
    }

    private static ImportKind kind(String kind) {
        return ImportKind.fromPath(kind).orElseThrow(() -> new ImportException(404, "type d'import inconnu « " + kind
                + " » (" + ImportKind.names() + ")"));
    }

    /** Reads at most one byte more than allowed, to refuse a larger body without holding it. */
    private byte[] read(InputStream in) throws IOException {
        long max = imports.limits().maxBytes();
        var bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        if (bytes.length > max) {
            throw imports.limits().fileTooLarge();
        }
        return bytes;
    }
}
