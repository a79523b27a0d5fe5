package fr.maillage.graphql;

import java.io.IOException;

import fr.maillage.errors.ErrorBodies;

import jakarta.servlet.ServletException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webmvc.GraphQlHttpHandler;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * {@code POST /graphql}: Spring for GraphQL's handler, behind a check that the JSON body is an object, as GraphQL over
 * HTTP requires ({@code {"query": ..., "variables": ..., "operationName": ...}}). A body such as {@code null}, an
 * array, a number or nothing is answered 400 with a GraphQL error in French; Spring's handler fails on {@code null}
 * with a NullPointerException, a 500.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class GraphQlHttpConfiguration {

    /** Replaces the handler Spring Boot would create, which is the same without the check. */
    @Bean
    GraphQlHttpHandler graphQlHttpHandler(WebGraphQlHandler webGraphQlHandler) {
        return new CheckedGraphQlHttpHandler(webGraphQlHandler);
    }

    static final class CheckedGraphQlHttpHandler extends GraphQlHttpHandler {

        CheckedGraphQlHttpHandler(WebGraphQlHandler webGraphQlHandler) {
            super(webGraphQlHandler);
        }

        @Override
        public ServerResponse handleRequest(ServerRequest request) throws ServletException {
            if (!HttpMethod.POST.equals(request.method()) || !json(request)) {
                return super.handleRequest(request);
            }
            byte[] body;
            try {
                body = request.servletRequest().getInputStream().readAllBytes();
            } catch (IOException e) {
                throw new ServletException("GraphQL request body unreadable", e);
            }
            if (!jsonObject(body)) {
                var path = request.path();
                return ServerResponse.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                        .body(ErrorBodies.json(path, 400, "Requête GraphQL invalide : le corps doit être un objet JSON"
                                + " {\"query\": \"...\", \"variables\": {...}} (reçu : " + (body.length == 0 ? "rien"
                                        : "autre chose qu'un objet") + ").", null));
            }
            return super.handleRequest(ServerRequest.from(request).body(body).build());
        }

        /** No Content-Type is read as JSON, as Spring's handler does. */
        private static boolean json(ServerRequest request) {
            var type = request.headers().contentType();
            return type.isEmpty() || MediaType.APPLICATION_JSON.isCompatibleWith(type.get())
                    || "json".equals(type.get().getSubtypeSuffix());
        }

        /** The first character after white space (and a UTF-8 byte order mark) opens an object. */
        private static boolean jsonObject(byte[] body) {
            int i = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF
                    ? 3 : 0;
            while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
                i++;
            }
            return i < body.length && body[i] == '{';
        }
    }
}
