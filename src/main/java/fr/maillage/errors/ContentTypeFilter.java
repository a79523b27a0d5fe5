package fr.maillage.errors;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A request body's {@code Content-Type} must be a media type, not a pattern: {@code *}{@code /*}, {@code application/*}
 * or a value that does not parse is answered 415 (Unsupported Media Type, as GraphQL over HTTP says for a media type
 * the server cannot read) before anything else runs. Spring MVC fails on such a header while it looks for the
 * handler, and again while it renders the error, which left the container's HTML page with a 500.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ContentTypeFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        var header = request.getHeader("Content-Type");
        if (header != null && !concrete(header)) {
            var path = request.getRequestURI();
            response.setStatus(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ErrorBodies.json(path, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "Type de contenu « " + abbreviate(header) + " » : ce n'est pas un type précis ; "
                            + ErrorBodies.message(path, 415).replace("Type de contenu non pris en charge : ", ""),
                    null));
            return;
        }
        chain.doFilter(request, response);
    }

    static boolean concrete(String header) {
        try {
            var type = MediaType.parseMediaType(header);
            return !type.isWildcardType() && !type.isWildcardSubtype();
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static String abbreviate(String header) {
        return header.length() <= 80 ? header : header.substring(0, 80) + "…";
    }
}
