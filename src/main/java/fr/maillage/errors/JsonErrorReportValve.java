package fr.maillage.errors;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.servlet.RequestDispatcher;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

/**
 * Tomcat's last word, for errors Spring never sees (a URL the container rejects) or could not render: the same JSON
 * bodies as {@link ErrorAnswers} instead of Tomcat's HTML report (server version, exception names). Public, with its
 * default constructor: Tomcat instantiates the valve by its class name.
 */
public class JsonErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        var ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri
                : request.getDecodedRequestURI();
        String message;
        String reference = null;
        if (status >= 500) {
            var incident = Incident.record(request.getMethod() + " " + path + " " + status + " (container)", throwable);
            message = incident.message();
            reference = incident.reference();
        } else {
            message = ErrorBodies.message(path, status);
        }
        try {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            var writer = response.getReporter();
            if (writer != null) {
                writer.write(ErrorBodies.json(path, status, message, reference));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more to tell
        }
    }
}
