package fr.maillage.exports;

import java.util.List;

import fr.maillage.graphql.GraphQlErrors;
import fr.maillage.validation.InvalidInputException;
import fr.maillage.security.Caller;
import fr.maillage.security.ForbiddenException;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The refusals of the exports, in French JSON: {@code {"status": 400, "error": "level : ...", "parameter": "level",
 * "problems": [{"parameter": ..., "reason": ...}]}}. Bad parameters 400, a territory that does not exist 404, a list
 * the caller may not read 401 (anonymous) or 403, the database away 503. Once bytes of the file have left, nothing
 * can be answered any more: the failure goes on to the server, which cuts the connection.
 */
@RestControllerAdvice(annotations = ExportController.class)
class ExportErrors {

    private static final Logger log = LoggerFactory.getLogger(ExportErrors.class);

    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<ExportProblem> invalid(InvalidInputException e, HttpServletResponse response) {
        unlessCommitted(e, response);
        var problems = e.problems().stream().map(p -> new ExportProblem.Problem(p.field(), p.reason())).toList();
        return answer(HttpStatus.BAD_REQUEST, e.getMessage(), e.field(), problems);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ExportProblem> notFound(NotFoundException e, HttpServletResponse response) {
        unlessCommitted(e, response);
        return answer(HttpStatus.NOT_FOUND, e.parameter() + " : " + e.getMessage(), e.parameter(), List.of());
    }

    @ExceptionHandler(ForbiddenException.class)
    ResponseEntity<ExportProblem> forbidden(ForbiddenException e, HttpServletResponse response) {
        unlessCommitted(e, response);
        if (Caller.current().anonymous()) {
            var body = body(HttpStatus.UNAUTHORIZED, "Authentification requise : cette liste n'est pas publique ;"
                    + " envoyez un jeton (Authorization: Bearer ...).", null, List.of());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                    .contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return answer(HttpStatus.FORBIDDEN, e.getMessage(), null, List.of());
    }

    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<ExportProblem> failed(RuntimeException e, HttpServletResponse response) {
        unlessCommitted(e, response);
        if (GraphQlErrors.isTimedOut(e)) {
            log.warn("Export stopped by the database's transaction timeout");
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "L'export a dépassé le temps alloué par la base de données :"
                    + " demandez un territoire plus petit.", null, List.of());
        }
        if (GraphQlErrors.isDatabaseUnavailable(e)) {
            log.warn("Database unavailable during an export: {}", e.getMessage());
            return answer(HttpStatus.SERVICE_UNAVAILABLE, "La base de données ne répond pas ; réessayez dans un instant.",
                    null, List.of());
        }
        throw e;
    }

    /** Once the file has started, an answer would be written into it: let the server cut the connection instead. */
    private static <E extends RuntimeException> void unlessCommitted(E e, HttpServletResponse response) {
        if (response.isCommitted()) {
            throw e;
        }
    }

    private static ResponseEntity<ExportProblem> answer(HttpStatus status, String message, String parameter,
            List<ExportProblem.Problem> problems) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(body(status, message, parameter, problems));
    }

    private static ExportProblem body(HttpStatus status, String message, String parameter,
            List<ExportProblem.Problem> problems) {
        return new ExportProblem(status.value(), message, parameter, problems);
    }
}
