package fr.maillage.imports;

import static org.assertj.core.api.Assertions.assertThat;

import fr.maillage.network.NetworkEnums.PartnerKind;
import fr.maillage.network.NetworkKeys;
import org.junit.jupiter.api.Test;

/** Partners from a JSON array: kinds by name or French label, keyed by SIRET when known. */
class PartnerImportTests extends ImportIntegrationTest {

    @Test
    void importsPartnersAndRejectsUnknownKindsAndBadSirets() {
        var report = importFixture("partners", "partners.json", false);

        assertThat(report.counts()).containsEntry(RowStatus.CREATED, 3).containsEntry(RowStatus.REJECTED, 2);
        assertThat(row(report, 2).key()).isEqualTo("siret:13000548100010");
        var missionLocale = NetworkKeys.partnerKey(PartnerKind.MISSION_LOCALE, "Mission locale de Bastia", "2B033", null);
        assertThat(row(report, 3).key()).isEqualTo(missionLocale);
        assertThat(row(report, 3).id()).isEqualTo(NetworkKeys.partnerId(missionLocale));
        assertThat(count("""
                MATCH (p:Partner {key: 'siret:13000548100010', kind: 'FRANCE_TRAVAIL', siret: '13000548100010',
                                  address: 'Avenue du Mont Thabor', communeCode: '2A004', departmentCode: '2A',
                                  regionCode: '94'})-[:IN_COMMUNE]->(c:Commune {code: '2A004'})
                WHERE p.epciCode = c.epciCode AND c.epciCode IS NOT NULL
                RETURN count(p)""")).isEqualTo(1);
        assertThat(count("MATCH (p:Partner {kind: 'EHPAD', communeCode: '2A247'}) WHERE p.siret IS NULL RETURN count(p)"))
                .isEqualTo(1);
        assertRejected(report, 5, "type", "valeur inconnue « Banque »");
        assertRejected(report, 6, "siret", "Luhn");
        assertThat(count("MATCH (p:Partner) RETURN count(p)")).isEqualTo(3);

        assertReimportChangesNothing("partners", "partners.json", 3);
    }
}
