package fr.maillage.network;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

import fr.maillage.territories.SearchText;

/**
 * Identifiers and natural keys of actors. An actor that has a public natural key (SIRET, name, place key) gets an id
 * derived from it, so that the same file imported twice, or the same demo generated twice, names the same nodes. An
 * adviser does not: its programme id is personal data, and an id derived from it would give it back to anyone who
 * tries the likely programme ids ("CN-12345"). An adviser's id is random, its node found again by its programme id.
 */
public final class NetworkKeys {

    /** A programme id as the programme writes them ("CN-12345"): letters, digits and . _ : / -, 64 at most. */
    private static final Pattern PROGRAMME_ID = Pattern.compile("[\\p{L}\\p{N}._:/-]{1,64}");

    private NetworkKeys() {
    }

    /** The rule of the imports and of {@code hireAdviser}; anything else (a formula, spaces, markup) is refused. */
    public static boolean isProgrammeId(String value) {
        return value != null && PROGRAMME_ID.matcher(value).matches();
    }

    public static String employerId(String siret) {
        return derived("employer", siret);
    }

    /**
     * The id advisers got from their programme id before ids were random: still theirs, and an erased adviser's only
     * link to the programme id it had (see {@link ErasedAdvisers}).
     */
    static String formerAdviserId(String externalId) {
        return derived("adviser", externalId);
    }

    /**
     * What an erased adviser keeps of its programme id, never shown: a digest that an import naming that id again
     * finds, so that the erasure stays final.
     */
    static String programmeIdDigest(String externalId) {
        try {
            var digest = MessageDigest.getInstance("SHA-256")
                    .digest(("adviser:" + externalId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static String hubId(String name) {
        return derived("hub", SearchText.fold(name));
    }

    public static String placeId(String placeKey) {
        return derived("place", placeKey);
    }

    public static String partnerId(String partnerKey) {
        return derived("partner", partnerKey);
    }

    public static String governanceId(String departmentCode) {
        return derived("governance", departmentCode);
    }

    /** The national standard's id when the file has one; otherwise name, commune and address, folded. */
    public static String placeKey(String standardId, String name, String communeCode, String address) {
        if (standardId != null && !standardId.isBlank()) {
            return standardId.trim();
        }
        return SearchText.fold(name) + "|" + communeCode + "|" + SearchText.fold(address);
    }

    /** The SIRET when known (one per establishment); otherwise kind, name and commune, folded. */
    public static String partnerKey(NetworkEnums.PartnerKind kind, String name, String communeCode, String siret) {
        if (siret != null && !siret.isBlank()) {
            return "siret:" + Siret.normalise(siret);
        }
        return kind + "|" + SearchText.fold(name) + "|" + communeCode;
    }

    public static String randomId() {
        return UUID.randomUUID().toString();
    }

    private static String derived(String kind, String naturalKey) {
        return UUID.nameUUIDFromBytes((kind + ":" + naturalKey).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
