package fr.maillage.errors;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.server.ServerWebInputException;

/**
 * Every HTTP error that is not answered where it happened ends here (the servlet container forwards it): a JSON body
 * in French (see {@link ErrorBodies}), never an HTML page, a stack trace or the failure's own message. A failure the
 * caller caused but the framework did not classify (a multipart body that cannot be parsed) is a 4xx; anything else
 * of 5xx is an {@link Incident}, logged with the reference the caller is given. Replaces Spring Boot's
 * BasicErrorController.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorAnswers implements ErrorController {

    private final ErrorAttributes errorAttributes;

    ErrorAnswers(ErrorAttributes errorAttributes) {
        this.errorAttributes = errorAttributes;
    }

    @RequestMapping
    ResponseEntity<String> error(HttpServletRequest request) {
        var failure = errorAttributes.getError(new ServletWebRequest(request));
        var path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        int status = status(request, failure);
        String message;
        String reference = null;
        if (status >= 500) {
            var incident = Incident.record(request.getMethod() + " " + path + " " + status, failure);
            message = incident.message();
            reference = incident.reference();
        } else {
            message = message(path, status, failure);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(ErrorBodies.json(path, status, message, reference));
    }

    private static int status(HttpServletRequest request, Throwable failure) {
        if (cause(failure, MaxUploadSizeExceededException.class) != null) {
            return HttpStatus.CONTENT_TOO_LARGE.value();
        }
        if (cause(failure, MultipartException.class) != null) {
            return HttpStatus.BAD_REQUEST.value();
        }
        var code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        return code instanceof Integer status && status >= 400 ? status : HttpStatus.NOT_FOUND.value();
    }

    private static String message(String path, int status, Throwable failure) {
        if (status == 400 && cause(failure, MultipartException.class) != null) {
            return "Formulaire multipart illisible : envoyez un formulaire multipart/form-data complet (avec sa"
                    + " frontière, boundary) dont le champ file est le fichier, ou le fichier seul comme corps de la"
                    + " requête.";
        }
        if (status == 400 && (cause(failure, HttpMessageNotReadableException.class) != null
                || cause(failure, ServerWebInputException.class) != null)) {
            return (ErrorBodies.graphQl(path) ? "Requête GraphQL illisible" : "Corps de la requête illisible")
                    + " : JSON invalide, " + JsonProblem.describe(failure) + ".";
        }
        var mismatch = cause(failure, MethodArgumentTypeMismatchException.class);
        if (status == 400 && mismatch != null) {
            return "Requête invalide : valeur refusée pour le paramètre « " + mismatch.getName() + " ».";
        }
        return ErrorBodies.message(path, status);
    }

    private static <T extends Throwable> T cause(Throwable failure, Class<T> type) {
        for (var t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
