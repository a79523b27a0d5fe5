package fr.maillage.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.network.NetworkEnums.PartnerKind;
import fr.maillage.network.NetworkKeys;
import fr.maillage.network.Siret;

/** Partners: type; nom; siret (optional); adresse; code_insee or code_postal + commune. */
final class PartnerImporter extends PlacedActorImporter {

    static final Vocabulary<PartnerKind> KINDS = Vocabulary.of(PartnerKind.class, k -> k.label)
            .with("Pôle emploi", PartnerKind.FRANCE_TRAVAIL)
            .with("agence France Travail", PartnerKind.FRANCE_TRAVAIL)
            .with("CAF", PartnerKind.CAF)
            .with("Maison France services", PartnerKind.FRANCE_SERVICES)
            .with("Bibliothèque", PartnerKind.LIBRARY)
            .with("Médiathèque", PartnerKind.LIBRARY)
            .with("Établissement d'hébergement pour personnes âgées dépendantes", PartnerKind.EHPAD)
            .with("Autre partenaire", PartnerKind.OTHER);

    PartnerImporter() {
        super("Partner", "key");
    }

    @Override
    List<String> requiredColumns() {
        return List.of("type", "nom", "code_insee|code_postal");
    }

    @Override
    PlannedRow plan(RowCheck check) {
        var kind = check.choice("type", KINDS, true);
        var name = check.required("nom", 250);
        String siret = null;
        if (check.has("siret")) {
            siret = Siret.normalise(check.row().get("siret"));
            Siret.problem(check.row().get("siret")).ifPresent(problem -> check.error("siret", problem));
        }
        var address = check.text("adresse", 500);
        var commune = commune(check);
        if (!check.ok()) {
            return null;
        }
        var key = NetworkKeys.partnerKey(kind, name, commune.code(), siret);
        var properties = new LinkedHashMap<String, Object>();
        properties.put("kind", kind.name());
        properties.put("name", name);
        properties.put("siret", siret);
        properties.put("address", address);
        return PlannedRow.of(check.line(), siret != null ? "siret" : "nom", key, NetworkKeys.partnerId(key), properties,
                Map.of("communeCode", commune.code()));
    }
}
