package fr.maillage.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.network.NetworkKeys;

/**
 * Places in the national standard "schéma de données des lieux de médiation numérique": one row per place, list fields
 * separated by {@code |}. Columns of the standard not listed here are ignored.
 */
final class PlaceImporter extends PlacedActorImporter {

    /** List fields of the standard and the node property each becomes. */
    private static final Map<String, String> LISTS = ordered(
            "services", "services",
            "publics_specifiquement_adresses", "publics",
            "prise_en_charge_specifique", "specificSupport",
            "frais_a_charge", "fees",
            "itinerance", "itinerance",
            "modalites_acces", "accessModes",
            "modalites_accompagnement", "supportModes",
            "typologie", "typologies",
            "site_web", "websites",
            "formations_labels", "trainingLabels",
            "autres_formations_labels", "otherTrainingLabels",
            "dispositif_programmes_nationaux", "nationalProgrammes");

    /** Free-text fields of the standard, the node property and the longest value accepted. */
    private static final Map<String, String> TEXTS = ordered(
            "pivot", "pivot",
            "complement_adresse", "addressComplement",
            "horaires", "hours",
            "source", "source",
            "structure_parente", "parentStructure",
            "presentation_resume", "summary",
            "presentation_detail", "description",
            "prise_rdv", "appointmentUrl",
            "fiche_acces_libre", "accessibilityUrl");

    PlaceImporter() {
        super("Place", "key");
    }

    @Override
    List<String> requiredColumns() {
        return List.of("nom", "adresse", "code_insee|code_postal");
    }

    @Override
    PlannedRow plan(RowCheck check) {
        var properties = new LinkedHashMap<String, Object>();
        var standardId = check.text("id", 200);
        var name = check.required("nom", 250);
        var address = check.required("adresse", 500);
        properties.put("externalId", standardId);
        properties.put("name", name);
        properties.put("address", address);
        TEXTS.forEach((column, property) -> properties.put(property, check.text(column, 5_000)));
        LISTS.forEach((column, property) -> properties.put(property, check.list(column, 5_000)));
        properties.put("latitude", check.decimal("latitude", -90, 90));
        properties.put("longitude", check.decimal("longitude", -180, 180));
        if (check.has("latitude") != check.has("longitude")) {
            check.error(check.has("latitude") ? "longitude" : "latitude", "obligatoire quand l'autre coordonnée est donnée");
        }
        properties.put("phone", check.phone("telephone"));
        properties.put("emails", check.emails("courriels"));
        properties.put("updatedOn", check.date("date_maj", false));
        var commune = commune(check);
        if (!check.ok()) {
            return null;
        }
        // checked with the commune (one error per problem), its leading zero restored
        properties.put("postalCode", postalCode(check));
        var key = NetworkKeys.placeKey(standardId, name, commune.code(), address);
        return PlannedRow.of(check.line(), standardId != null ? "id" : "nom", key, NetworkKeys.placeId(key), properties,
                Map.of("communeCode", commune.code()));
    }

    private static Map<String, String> ordered(String... pairs) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
