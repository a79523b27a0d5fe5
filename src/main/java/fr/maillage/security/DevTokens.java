package fr.maillage.security;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Development tokens for the local profile: a key pair made at start (tokens die with the process) signs tokens
 * for any role and scope, and only that key is trusted.
 */
public final class DevTokens {

    private final RSAPublicKey publicKey;
    private final NimbusJwtEncoder encoder;
    private final String audience;

    DevTokens(String audience) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            this.publicKey = (RSAPublicKey) pair.getPublic();
            var jwk = new RSAKey.Builder(publicKey).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(jwk)));
            this.audience = audience;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    RSAPublicKey publicKey() {
        return publicKey;
    }

    /** A token for one caller, valid for {@code lifetime}. */
    public String issue(String subject, Role role, List<String> departments, List<String> regions,
            List<String> sirets, String adviserId, Duration lifetime) {
        return issue(subject, role, Map.of(Caller.DEPARTMENTS, departments, Caller.REGIONS, regions,
                Caller.SIRETS, sirets, Caller.ADVISER_ID, adviserId == null ? "" : adviserId),
                SecurityProperties.DEV_ISSUER, audience, Instant.now(), lifetime);
    }

    /** Full control of the claims, for tests of what is rejected (expired, other issuer, other audience). */
    public String issue(String subject, Role role, Map<String, Object> scope, String issuer, String audience,
            Instant issuedAt, Duration lifetime) {
        var claims = JwtClaimsSet.builder().subject(subject).issuer(issuer).audience(List.of(audience))
                .issuedAt(issuedAt).expiresAt(issuedAt.plus(lifetime))
                .claim(Caller.ROLES, role == null ? List.of() : List.of(role.name()));
        scope.forEach(claims::claim);
        var header = JwsHeader.with(SignatureAlgorithm.RS256).build();
        return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
    }
}
