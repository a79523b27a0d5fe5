package fr.maillage.graphql;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import fr.maillage.errors.ErrorBodies;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code POST /graphql} with a JSON body: the body must be a JSON object, as GraphQL over HTTP says
 * ({@code {"query": ..., "variables": ..., "operationName": ...}}). A body such as {@code null}, an array, a number
 * or nothing is answered 400 with a GraphQL error in French before Spring for GraphQL reads it: its handlers (plain
 * and server-sent events) fail on {@code null} with a NullPointerException, a 500.
 */
class GraphQlBodyFilter extends OncePerRequestFilter {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Registration {

        /** Right after the check of the Content-Type, which makes it parseable here. */
        @Bean
        FilterRegistrationBean<GraphQlBodyFilter> graphQlBodyFilter() {
            var registration = new FilterRegistrationBean<>(new GraphQlBodyFilter());
            registration.addUrlPatterns("/graphql");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
            return registration;
        }
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !json(request.getContentType());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var body = request.getInputStream().readAllBytes();
        if (!jsonObject(body)) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ErrorBodies.json(request.getRequestURI(), 400, "Requête GraphQL invalide : le"
                    + " corps doit être un objet JSON {\"query\": \"...\", \"variables\": {...}} (reçu : "
                    + (body.length == 0 ? "rien" : "autre chose qu'un objet") + ").", null));
            return;
        }
        chain.doFilter(new ReadBody(request, body), response);
    }

    /** No Content-Type is read as JSON, as Spring for GraphQL does. */
    private static boolean json(String contentType) {
        if (contentType == null) {
            return true;
        }
        try {
            var type = MediaType.parseMediaType(contentType);
            return MediaType.APPLICATION_JSON.isCompatibleWith(type) || "json".equals(type.getSubtypeSuffix());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The first character after white space (and a UTF-8 byte order mark) opens an object. */
    static boolean jsonObject(byte[] body) {
        int i = body.length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF
                ? 3 : 0;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t' || body[i] == '\r' || body[i] == '\n')) {
            i++;
        }
        return i < body.length && body[i] == '{';
    }

    /** The request with its body already read. */
    private static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            var in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body was read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            var charset = StandardCharsets.UTF_8;
            try {
                if (getCharacterEncoding() != null) {
                    charset = Charset.forName(getCharacterEncoding());
                }
            } catch (IllegalArgumentException e) {
                // an unknown charset in the Content-Type: JSON is UTF-8
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
