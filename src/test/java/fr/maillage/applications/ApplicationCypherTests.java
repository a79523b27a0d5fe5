package fr.maillage.applications;

import java.util.Locale;

import fr.maillage.applications.ApplicationReader.Queue;
import fr.maillage.support.GoldenCypher;
import fr.maillage.territories.TerritoryLevel;
import org.junit.jupiter.api.Test;

/** The statements of the applications module assembled from fragments, as they run (docs/cypher/applications). */
class ApplicationCypherTests {

    @Test
    void statementsBuiltWithTheNetworkRules() {
        GoldenCypher.assertStatement("applications/consultations", ApplicationDetailsReader.CONSULTATIONS);
        GoldenCypher.assertStatement("applications/coordinators-in-zone", ApplicationDetailsReader.OVERLAPS);
        GoldenCypher.assertStatement("applications/required-consultations", ZoneReader.REQUIRED_CONSULTATIONS);
        GoldenCypher.assertStatement("applications/zone-within-reach", ZoneReader.WITHIN_REACH);
        GoldenCypher.assertStatement("applications/applicant-situation", ApplicantReader.SITUATION);
        GoldenCypher.assertStatement("applications/employed-on", ApplicantReader.EMPLOYED_ON);
        GoldenCypher.assertStatement("applications/existing-post", ApplicantReader.EXISTING_POST);
    }

    @Test
    void statementsBuiltWithTheZoneWalk() {
        GoldenCypher.assertStatement("applications/zone", ZoneReader.ZONE);
    }

    @Test
    void subsidiesByEachLevel() {
        GoldenCypher.assertStatement("applications/subsidies-by-region",
                CampaignReader.subsidiesStatement(TerritoryLevel.REGION));
        GoldenCypher.assertStatement("applications/subsidies-by-department",
                CampaignReader.subsidiesStatement(TerritoryLevel.DEPARTMENT));
    }

    @Test
    void pagesAndQueuesRestrictedToWhatTheCallerSees() {
        GoldenCypher.assertStatement("applications/visible", ApplicationReader.IS_VISIBLE);
        GoldenCypher.assertStatement("applications/page-filtered", ApplicationReader.pageStatement(
                ApplicationReader.FILTERED));
        GoldenCypher.assertStatement("applications/page-awaiting-opinion", ApplicationReader.pageStatement(
                ApplicationReader.AWAITING_OPINION));
        for (var queue : Queue.values()) {
            var name = queue.name().toLowerCase(Locale.ROOT).replace('_', '-');
            GoldenCypher.assertStatement("applications/queue-page-" + name, ApplicationReader.pageStatement(
                    queue.match()));
            GoldenCypher.assertStatement("applications/queue-rows-" + name, ApplicationReader.queueRowsStatement(queue));
        }
    }
}
