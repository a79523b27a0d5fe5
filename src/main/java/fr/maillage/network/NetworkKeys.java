package fr.maillage.network;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import fr.maillage.territories.SearchText;

/**
 * Identifiers and natural keys of actors. An actor that has a natural key gets an id derived from it, so that the
 * same file imported twice, or the same demo generated twice, names the same nodes.
 */
public final class NetworkKeys {

    private NetworkKeys() {
    }

    public static String employerId(String siret) {
        return derived("employer", siret);
    }

    public static String adviserId(String externalId) {
        return derived("adviser", externalId);
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
