package fr.maillage.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Local profile only: {@code GET /dev/tokens/HUB?regions=94} answers a signed token to paste in GraphiQL's headers.
 * Answers loopback callers only.
 */
@RestController
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnProperty(name = "maillage.security.dev-tokens", havingValue = "true")
class DevTokenController {

    private final DevTokens tokens;

    DevTokenController(DevTokens tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/dev/tokens/{role}")
    Map<String, String> token(@PathVariable Role role, @RequestParam(defaultValue = "") List<String> departments,
            @RequestParam(defaultValue = "") List<String> regions, @RequestParam(defaultValue = "") List<String> sirets,
            @RequestParam(required = false) String adviserId, @RequestParam(defaultValue = "dev-user") String subject,
            HttpServletRequest request) {
        if (!isLoopback(request.getRemoteAddr())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Jetons de développement : boucle locale seulement");
        }
        var token = tokens.issue(subject, role, departments, regions, sirets, adviserId, Duration.ofHours(8));
        return Map.of("token", token, "graphiqlHeaders", "{\"Authorization\": \"Bearer " + token + "\"}");
    }

    private static boolean isLoopback(String address) {
        return address.startsWith("127.") || address.equals("::1") || address.equals("0:0:0:0:0:0:0:1");
    }
}
