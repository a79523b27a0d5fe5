package fr.maillage.graphql;

import fr.maillage.validation.InvalidInputException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals the keys of pagination cursors: AES-GCM under a key of the service, so that a cursor reads as noise and a
 * cursor the service did not write is refused. A forged cursor can thus neither show a sort key nor serve as an
 * oracle on hidden values (probing a name by bisection). The nonce is derived from the key and the content, so the
 * same position always gives the same cursor.
 * <p>
 * The key comes from {@code maillage.api.cursor-secret}; without it, a random key is drawn at start, and cursors
 * stop working when the service restarts (a client then starts its list again). Instances behind one balancer
 * share the secret.
 */
final class CursorCodec {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String UNKNOWN = "curseur inconnu ; utilisez la valeur endCursor d'une page précédente";

    private static volatile CursorCodec current = new CursorCodec(randomSecret());

    private final SecretKeySpec encryption;
    private final SecretKeySpec nonces;

    CursorCodec(byte[] secret) {
        var material = sha256(secret);
        this.encryption = new SecretKeySpec(material, "AES");
        this.nonces = new SecretKeySpec(sha256(concat("nonce:".getBytes(StandardCharsets.US_ASCII), material)),
                "HmacSHA256");
    }

    /** The codec of this service; set once at start from the configuration. */
    static CursorCodec current() {
        return current;
    }

    static void configure(String secret) {
        current = new CursorCodec(secret == null || secret.isBlank() ? randomSecret()
                : secret.getBytes(StandardCharsets.UTF_8));
    }

    String seal(String key) {
        try {
            var plain = key.getBytes(StandardCharsets.UTF_8);
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(nonces);
            var nonce = Arrays.copyOf(mac.doFinal(plain), NONCE_BYTES);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, nonce));
            var sealed = cipher.doFinal(plain);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The key inside a cursor this service wrote; anything else is refused with the same message. */
    String open(String cursor) {
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("after", UNKNOWN);
        }
        if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new InvalidInputException("after", UNKNOWN);
        }
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryption, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            // a forged, altered or expired (other key) cursor
            throw new InvalidInputException("after", UNKNOWN);
        }
    }

    private static byte[] randomSecret() {
        var secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return ByteBuffer.allocate(a.length + b.length).put(a).put(b).array();
    }
}
