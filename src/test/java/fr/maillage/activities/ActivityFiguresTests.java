package fr.maillage.activities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;

import fr.maillage.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.graphql.test.tester.GraphQlTester;

/** The figures of activities on {@link ActivityFixture}, every number worked out by hand there. */
class ActivityFiguresTests extends ActivityFixture {

    static final String FIGURES = "{ level code name population peopleHelped peopleHelpedPer10000 accompaniments"
            + " workshops eventDays activities hours }";
    static final String TERRITORY = "{ from to territory " + FIGURES + " parent " + FIGURES + " france " + FIGURES
            + " topThemes { theme label activities } subTerritories " + FIGURES + " }";
    static final String COORDINATOR = """
            { coordinatorIds from to workshops eventDaysHeld eventDaysPlanned
              eventsByEpci { epciCode epciName planned held peopleHelped } peopleHelped accompaniments
              coordinationMeetings workingGroups workingGroupSessions digitalCommons digitalCommonTitles
              structuresMapped partnerMeetings partners { partnerId name kind kindLabel activities }
              advisersCoordinated advisersMet advisersMetShare topThemes { theme activities } }""";

    // Populations of the territory file: Corse-du-Sud 168,306 (Corsica 355,486 less Haute-Corse 187,180).
    static final int CORSE_DU_SUD = 168_306;
    static final int CORSICA = 355_486;
    static final int FRANCE = 68_952_941;

    GraphQlTester.Response territory(String level, String code) {
        return graphQl().document("{ territoryActivity(level: " + level + ", code: \"" + code + "\", period: "
                + YEAR_2024 + ") " + TERRITORY + " }").execute();
    }

    @Test
    void aDepartmentBesideItsRegionAndFranceWithItsEpci() {
        // Held in 2A in 2024: W1 12, W2 8, I1 1, I2 1 people (22); 2 accompaniments, 2 workshops, no event day;
        // 12 activities (W1 W2 I1 I2 M1 M2 G1 G2 G3 K1 S1 S2), 120 + 90 + 60 + 60 minutes = 5.5 hours. X is of 2023,
        // D2 planned and D3 cancelled. Corsica adds 2B: I3 1, W3 10, D1 40 (73 people); France is Corsica.
        var response = territory("DEPARTMENT", "2A");
        response.path("territoryActivity.from").entity(String.class).isEqualTo("2024-01-01")
                .path("territoryActivity.territory.name").entity(String.class).isEqualTo("Corse-du-Sud")
                .path("territoryActivity.territory.population").entity(Integer.class).isEqualTo(CORSE_DU_SUD)
                .path("territoryActivity.territory.peopleHelped").entity(Integer.class).isEqualTo(22)
                .path("territoryActivity.territory.accompaniments").entity(Integer.class).isEqualTo(2)
                .path("territoryActivity.territory.workshops").entity(Integer.class).isEqualTo(2)
                .path("territoryActivity.territory.eventDays").entity(Integer.class).isEqualTo(0)
                .path("territoryActivity.territory.activities").entity(Integer.class).isEqualTo(12)
                .path("territoryActivity.territory.hours").entity(Double.class).isEqualTo(5.5)
                .path("territoryActivity.parent.code").entity(String.class).isEqualTo("94")
                .path("territoryActivity.parent.peopleHelped").entity(Integer.class).isEqualTo(73)
                .path("territoryActivity.parent.eventDays").entity(Integer.class).isEqualTo(1)
                .path("territoryActivity.france.name").entity(String.class).isEqualTo("France")
                .path("territoryActivity.france.code").valueIsNull()
                .path("territoryActivity.france.population").entity(Integer.class).isEqualTo(FRANCE)
                .path("territoryActivity.france.peopleHelped").entity(Integer.class).isEqualTo(73);
        close(response, "territoryActivity.territory.peopleHelpedPer10000", 22 * 10_000.0 / CORSE_DU_SUD);
        close(response, "territoryActivity.parent.peopleHelpedPer10000", 73 * 10_000.0 / CORSICA);
        close(response, "territoryActivity.france.peopleHelpedPer10000", 73 * 10_000.0 / FRANCE);

        // Themes of 2A: DIGITAL_SAFETY (W1, W2) and PROCEDURE_SOCIAL_HEALTH (I1, I2) twice, DEVICE_HANDLING once
        response.path("territoryActivity.topThemes[*].theme").entityList(String.class)
                .containsExactly("DIGITAL_SAFETY", "PROCEDURE_SOCIAL_HEALTH", "DEVICE_HANDLING")
                .path("territoryActivity.topThemes[*].activities").entityList(Integer.class).containsExactly(2, 2, 1)
                .path("territoryActivity.topThemes[0].label").entity(String.class)
                .isEqualTo("Prévention en sécurité numérique");

        // Every EPCI of 2A, the one of Ajaccio first with its 22 people; the others helped nobody
        long epcis = count("MATCH (e:Epci)-[:IN_DEPARTMENT]->(:Department {code: '2A'}) RETURN count(e)");
        response.path("territoryActivity.subTerritories[*].code").entityList(String.class)
                .hasSize((int) epcis)
                .path("territoryActivity.subTerritories[0].code").entity(String.class).isEqualTo("242010056")
                .path("territoryActivity.subTerritories[0].level").entity(String.class).isEqualTo("EPCI")
                .path("territoryActivity.subTerritories[0].peopleHelped").entity(Integer.class).isEqualTo(22)
                .path("territoryActivity.subTerritories[*].peopleHelped").entityList(Integer.class)
                .satisfies(people -> assertThat(people.stream().mapToInt(Integer::intValue).sum()).isEqualTo(22));
    }

    @Test
    void aRegionListsItsDepartmentsAndIsComparedWithFranceOnly() {
        territory("REGION", "94")
                .path("territoryActivity.territory.peopleHelped").entity(Integer.class).isEqualTo(73)
                .path("territoryActivity.parent").valueIsNull()
                .path("territoryActivity.subTerritories[*].code").entityList(String.class).containsExactly("2B", "2A")
                .path("territoryActivity.subTerritories[*].peopleHelped").entityList(Integer.class)
                .containsExactly(51, 22);
    }

    @Test
    void aCommuneHasNoSubTerritoriesAndAnUnknownTerritoryNoAnswer() {
        territory("COMMUNE", "2B096")
                .path("territoryActivity.territory.peopleHelped").entity(Integer.class).isEqualTo(40)
                .path("territoryActivity.territory.eventDays").entity(Integer.class).isEqualTo(1)
                .path("territoryActivity.parent.code").entity(String.class).isEqualTo("2B")
                .path("territoryActivity.subTerritories").entityList(Object.class).hasSize(0);
        territory("DEPARTMENT", "2C").path("territoryActivity").valueIsNull();
    }

    @Test
    void theDiagnosisCarriesTheActivityOfTheTwelveMonthsBeforeItsReferenceDate() {
        // 2024-01-16 .. 2025-01-15: the same activities as 2024 in 2A (none between 2024-01-01 and 2024-01-15)
        graphQl().document("{ diagnosis(level: DEPARTMENT, code: \"2A\", referenceDate: \"2025-01-15\") {"
                        + " activity { from to territory { peopleHelped } subTerritories { code peopleHelped } } } }")
                .execute()
                .path("diagnosis.activity.from").entity(String.class).isEqualTo("2024-01-16")
                .path("diagnosis.activity.to").entity(String.class).isEqualTo("2025-01-15")
                .path("diagnosis.activity.territory.peopleHelped").entity(Integer.class).isEqualTo(22)
                .path("diagnosis.activity.subTerritories[0].peopleHelped").entity(Integer.class).isEqualTo(22);
    }

    @Test
    void aCoordinatorsYear() {
        // C1 led in 2024 (held): W1, W3 (2 workshops), D1 (1 event day held; D2 planned too, D3 cancelled: 2 planned),
        // M1, M2 (2 meetings), G1, G2 "Inclusion des seniors" and G3 "Cartographie" (2 groups, 3 sessions), K1,
        // S1 + S2 = 35 structures, P with F1. People: W1 12 + W3 10 + D1 40 = 62.
        // Its network in 2024: A1, A2, A4 (A3's contract ended in 2023): met A1 (M1, M2), A2 (led W3 with C1); A3
        // met at G2 is not of 2024's network; A4 not met: 2 of 3.
        var response = asAnct().document("{ coordinatorActivity(coordinatorIds: [\"C1\"], period: " + YEAR_2024 + ") "
                + COORDINATOR + " }").execute();
        response.path("coordinatorActivity.workshops").entity(Integer.class).isEqualTo(2)
                .path("coordinatorActivity.eventDaysHeld").entity(Integer.class).isEqualTo(1)
                .path("coordinatorActivity.eventDaysPlanned").entity(Integer.class).isEqualTo(2)
                .path("coordinatorActivity.eventsByEpci[*].epciCode").entityList(String.class)
                .containsExactly("242020071", "200040764")
                .path("coordinatorActivity.eventsByEpci[0].epciName").entity(String.class)
                .isEqualTo("CC du Centre Corse")
                .path("coordinatorActivity.eventsByEpci[*].held").entityList(Integer.class).containsExactly(1, 0)
                .path("coordinatorActivity.eventsByEpci[*].planned").entityList(Integer.class).containsExactly(1, 1)
                .path("coordinatorActivity.eventsByEpci[*].peopleHelped").entityList(Integer.class)
                .containsExactly(40, 0)
                .path("coordinatorActivity.peopleHelped").entity(Integer.class).isEqualTo(62)
                .path("coordinatorActivity.accompaniments").entity(Integer.class).isEqualTo(0)
                .path("coordinatorActivity.coordinationMeetings").entity(Integer.class).isEqualTo(2)
                .path("coordinatorActivity.workingGroups").entity(Integer.class).isEqualTo(2)
                .path("coordinatorActivity.workingGroupSessions").entity(Integer.class).isEqualTo(3)
                .path("coordinatorActivity.digitalCommons").entity(Integer.class).isEqualTo(1)
                .path("coordinatorActivity.digitalCommonTitles").entityList(String.class)
                .containsExactly("Kit fake news")
                .path("coordinatorActivity.structuresMapped").entity(Integer.class).isEqualTo(35)
                .path("coordinatorActivity.partnerMeetings").entity(Integer.class).isEqualTo(1)
                .path("coordinatorActivity.partners[0].name").entity(String.class).isEqualTo("France Travail Bastia")
                .path("coordinatorActivity.partners[0].kindLabel").entity(String.class)
                .isEqualTo("France Travail (ex-Pôle emploi)")
                .path("coordinatorActivity.advisersCoordinated").entity(Integer.class).isEqualTo(3)
                .path("coordinatorActivity.advisersMet").entity(Integer.class).isEqualTo(2)
                .path("coordinatorActivity.topThemes[*].theme").entityList(String.class)
                .containsExactly("DIGITAL_SAFETY", "CREATING", "DEVICE_HANDLING");
        close(response, "coordinatorActivity.advisersMetShare", 2.0 / 3);
    }

    @Test
    void twoCoordinatorsTogetherCountAnActivityTheyLedTogetherOnce() {
        // C1 and C2: W3, led by both, counts once (2 workshops, not 3); their network is still A1, A2, A4
        asAnct().document("{ coordinatorActivity(coordinatorIds: [\"C1\", \"C2\"], period: " + YEAR_2024 + ") "
                        + COORDINATOR + " }").execute()
                .path("coordinatorActivity.workshops").entity(Integer.class).isEqualTo(2)
                .path("coordinatorActivity.peopleHelped").entity(Integer.class).isEqualTo(62)
                .path("coordinatorActivity.advisersCoordinated").entity(Integer.class).isEqualTo(3);
    }

    @Test
    void theHubOfCorsicaSeesItsRegionAndEachOfItsCoordinators() {
        var hub = territorial(Role.HUB, "regions", "94");
        graphQl(hub).document("{ hubActivity(regionCode: \"94\", period: " + YEAR_2024 + ") { regionCode"
                        + " region { territory { peopleHelped } } coordinators { coordinatorIds workshops } } }")
                .execute()
                .path("hubActivity.region.territory.peopleHelped").entity(Integer.class).isEqualTo(73)
                .path("hubActivity.coordinators[*].coordinatorIds[0]").entityList(String.class)
                .containsExactly("C1", "C2")
                // C2 led W3 with C1 and A2: one workshop in its own figures
                .path("hubActivity.coordinators[*].workshops").entityList(Integer.class).containsExactly(2, 1);
    }

    @Test
    void aFixedNumberOfStatementsWhateverTheSize() {
        // the territory and its parent (2), the figures (1)
        assertThat(statementsOf(() -> territory("DEPARTMENT", "2A").path("territoryActivity").hasValue()))
                .isEqualTo(3);
        // ANCT sees everyone: coordinators checked, figures, and the audit trail of the personal data read
        assertThat(statementsOf(() -> asAnct().document("{ coordinatorActivity(coordinatorIds: [\"C1\", \"C2\"]) {"
                + " workshops } }").execute().path("coordinatorActivity").hasValue())).isEqualTo(3);
        // a hub: their scopes (1) too
        assertThat(statementsOf(() -> graphQl(token(Role.HUB, Map.of("regions", List.of("94")), null))
                .document("{ coordinatorActivity(coordinatorIds: [\"C1\", \"C2\"]) { workshops } }").execute()
                .path("coordinatorActivity").hasValue())).isEqualTo(4);
        // region (1) and its figures (1), its coordinators (1), theirs (1) however many, the audit trail (1)
        assertThat(statementsOf(() -> asAnct().document("{ hubActivity(regionCode: \"94\") { coordinators {"
                + " workshops } } }").execute().path("hubActivity").hasValue())).isEqualTo(5);
        // for a hub, the scopes of the coordinators (1) to keep those it reads
        assertThat(statementsOf(() -> graphQl(token(Role.HUB, Map.of("regions", List.of("94")), null))
                .document("{ hubActivity(regionCode: \"94\") { coordinators { workshops } } }").execute()
                .path("hubActivity").hasValue())).isEqualTo(6);
    }

    static void close(GraphQlTester.Response response, String path, double expected) {
        response.path(path).entity(Double.class).satisfies(v -> assertThat(v).isCloseTo(expected, within(1e-9)));
    }
}
