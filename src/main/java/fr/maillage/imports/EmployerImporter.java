package fr.maillage.imports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.network.NetworkEnums.LegalKind;
import fr.maillage.network.NetworkEnums.Sector;
import fr.maillage.network.NetworkKeys;
import fr.maillage.network.Siret;

/** Employers ("structures accueillantes"): siret; nom; secteur; type_juridique; code_insee or code_postal + commune. */
final class EmployerImporter extends PlacedActorImporter {

    static final Vocabulary<Sector> SECTORS = Vocabulary.of(Sector.class, s -> s.label)
            .with("prive", Sector.PRIVATE).with("private", Sector.PRIVATE);

    static final Vocabulary<LegalKind> LEGAL_KINDS = Vocabulary.of(LegalKind.class, k -> k.label)
            .with("commune", LegalKind.TERRITORIAL_COLLECTIVITY)
            .with("departement", LegalKind.TERRITORIAL_COLLECTIVITY)
            .with("region", LegalKind.TERRITORIAL_COLLECTIVITY)
            .with("collectivite", LegalKind.TERRITORIAL_COLLECTIVITY)
            .with("collectivite territoriale unique", LegalKind.TERRITORIAL_COLLECTIVITY)
            .with("EPCI", LegalKind.COLLECTIVITY_GROUPING)
            .with("communaute de communes", LegalKind.COLLECTIVITY_GROUPING)
            .with("communaute d'agglomeration", LegalKind.COLLECTIVITY_GROUPING)
            .with("communaute urbaine", LegalKind.COLLECTIVITY_GROUPING)
            .with("metropole", LegalKind.COLLECTIVITY_GROUPING)
            .with("syndicat mixte", LegalKind.COLLECTIVITY_GROUPING)
            .with("CCAS", LegalKind.LOCAL_PUBLIC_BODY)
            .with("CIAS", LegalKind.LOCAL_PUBLIC_BODY)
            .with("hub", LegalKind.HUB)
            .with("GIP", LegalKind.PUBLIC_INTEREST_GROUPING)
            .with("ESS", LegalKind.SOCIAL_ECONOMY_COMPANY)
            .with("entreprise", LegalKind.PRIVATE_COMPANY)
            .with("etat", LegalKind.STATE_SERVICE);

    EmployerImporter() {
        super("Employer", "siret");
    }

    @Override
    List<String> requiredColumns() {
        return List.of("siret", "nom", "type_juridique", "code_insee|code_postal");
    }

    @Override
    PlannedRow plan(RowCheck check) {
        var siret = Siret.normalise(check.row().get("siret"));
        Siret.problem(check.row().get("siret")).ifPresent(problem -> check.error("siret", problem));
        var name = check.required("nom", 250);
        var legalKind = check.choice("type_juridique", LEGAL_KINDS, true);
        var sector = check.choice("secteur", SECTORS, false);
        var commune = commune(check);
        if (!check.ok()) {
            return null;
        }
        var properties = new LinkedHashMap<String, Object>();
        properties.put("siren", siret.substring(0, 9));
        properties.put("name", name);
        properties.put("legalKind", legalKind.name());
        properties.put("sector", (sector != null ? sector : legalKind.usualSector).name());
        return PlannedRow.of(check.line(), "siret", siret, NetworkKeys.employerId(siret), properties,
                Map.of("communeCode", commune.code()));
    }
}
