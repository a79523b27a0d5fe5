package fr.maillage.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.network.NetworkQueries;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The demo's activities once in the graph, counted with plain Cypher: the Corsica activity report of 1 July 2022 – 30
 * June 2023 of the two coordinators of the Collectivité de Corse, and the national part (scale 0.05, 25
 * coordinators) over the twelve months before the demo's "today". Loaded once for the class.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoActivitiesTests extends IntegrationTest {

    private static final double SCALE = 0.05;
    private static final LocalDate TODAY = DemoNetwork.REFERENCE_DATE;
    private static final Map<String, Object> CORSICA_YEAR = Map.of("from", LocalDate.of(2022, 7, 1),
            "to", LocalDate.of(2023, 6, 30), "today", TODAY);
    private static final Map<String, Object> LAST_YEAR = Map.of("from", TODAY.minusYears(1).plusDays(1), "to", TODAY,
            "today", TODAY);

    /** The held activities of the period that reach people. */
    private static final String HELPING = """
            x.status = 'HELD' AND x.kind IN ['INDIVIDUAL_ACCOMPANIMENT', 'COLLECTIVE_WORKSHOP', 'EVENT_DAY']
              AND $from <= x.date <= $to""";

    /** The activities of the period led by either coordinator of the Collectivité de Corse, each once. */
    private static final String CORSICA = """
            MATCH (c:Coordinator)-[:EMPLOYED_BY]->(:Employer {siret: '20007695800012'})
            MATCH (c)-[:LED]->(x:Activity) WHERE $from <= x.date <= $to
            WITH DISTINCT x
            """;

    /** The coordinators of the national part: all but the two of the Collectivité de Corse. */
    private static final String NATIONAL_COORDINATORS = """
            MATCH (c:Coordinator) WHERE NOT (c)-[:EMPLOYED_BY]->(:Employer {siret: '20007695800012'})
            """;

    @BeforeAll
    void load() {
        clear();
        assertThat(load(42).loaded()).isTrue();
    }

    @AfterAll
    void clear() {
        clearNetwork();
        write("MATCH (x:Activity) WHERE x.demo = true DETACH DELETE x", Map.of());
    }

    private DemoLoader.LoadReport load(long seed) {
        return DemoLoader.load(driver, DemoNetwork.version(true, seed, SCALE, TODAY),
                () -> DemoNetwork.generate(true, seed, SCALE, TODAY));
    }

    private long corsica(String cypher) {
        return count(CORSICA + cypher, CORSICA_YEAR);
    }

    @Test
    void corsicaThirtyTwoWorkshopsForPupilsParentsSeniorsAndProfessionalsAcrossTheIsland() {
        assertThat(corsica("WHERE x.kind = 'COLLECTIVE_WORKSHOP' AND x.status = 'HELD' RETURN count(x)"))
                .isEqualTo(32);
        assertThat(corsica("""
                WHERE x.kind = 'COLLECTIVE_WORKSHOP' RETURN count(DISTINCT x.departmentCode) * 1000
                  + count(DISTINCT x.communeCode)""")).isEqualTo(2 * 1000 + 25);
        assertThat(corsica("""
                MATCH (x {kind: 'COLLECTIVE_WORKSHOP'})
                UNWIND x.themes AS theme WITH theme WHERE theme IN ['DIGITAL_SAFETY', 'DEVICE_HANDLING', 'DIGITAL_CULTURE']
                RETURN count(DISTINCT theme)""")).isEqualTo(3);
        assertThat(corsica("""
                MATCH (x {kind: 'COLLECTIVE_WORKSHOP'})
                UNWIND x.publics AS public WITH public WHERE public IN ['PUPILS', 'PARENTS', 'OVER_60', 'PROFESSIONALS']
                RETURN count(DISTINCT public)""")).isEqualTo(4);
    }

    @Test
    void corsicaSeventeenDigitalFactoryInPaesiOnSaturdaysOneInEachOfSeventeenEpciTenHeld() {
        assertThat(corsica("WHERE x.kind = 'EVENT_DAY' AND x.status <> 'CANCELLED' RETURN count(x)")).isEqualTo(17);
        assertThat(corsica("WHERE x.kind = 'EVENT_DAY' AND x.status = 'HELD' RETURN count(x)")).isEqualTo(10);
        assertThat(corsica("""
                MATCH (x {kind: 'EVENT_DAY', title: 'Digital Factory in Paesi'})-[:IN_COMMUNE]->(:Commune)
                      -[:IN_EPCI]->(e:Epci)
                WHERE x.date.dayOfWeek = 6 AND e.code = x.epciCode
                RETURN count(DISTINCT e)""")).isEqualTo(17);
        // the planned ones come after the held ones
        assertThat(corsica("""
                WHERE x.kind = 'EVENT_DAY'
                WITH max(CASE WHEN x.status = 'HELD' THEN x.date END) AS lastHeld,
                     min(CASE WHEN x.status = 'PLANNED' THEN x.date END) AS firstPlanned
                RETURN CASE WHEN lastHeld < firstPlanned THEN 1 ELSE 0 END""")).isEqualTo(1);
    }

    @Test
    void corsicaSevenHundredPeopleHelped() {
        assertThat(corsica("WHERE " + HELPING + " RETURN sum(x.participants)")).isEqualTo(700);
    }

    @Test
    void corsicaFourCoordinationMeetingsMetAllTwentySixAdvisers() {
        assertThat(corsica("WHERE x.kind = 'COORDINATION_MEETING' AND x.status = 'HELD' RETURN count(x)"))
                .isEqualTo(4);
        assertThat(count("""
                MATCH (c:Coordinator)-[:EMPLOYED_BY]->(:Employer {siret: '20007695800012'})
                MATCH (c)-[:COORDINATES]->(a:Adviser)
                RETURN count(DISTINCT a)""")).isEqualTo(26);
        assertThat(count("""
                MATCH (c:Coordinator)-[:EMPLOYED_BY]->(:Employer {siret: '20007695800012'})
                MATCH (c)-[:COORDINATES]->(a:Adviser)
                WHERE EXISTS {
                  MATCH (k:Coordinator)-[:EMPLOYED_BY]->(:Employer {siret: '20007695800012'})
                  MATCH (k)-[:LED]->(x:Activity {kind: 'COORDINATION_MEETING', status: 'HELD'})-[:MET]->(a)
                  WHERE $from <= x.date <= $to }
                RETURN count(DISTINCT a)""", CORSICA_YEAR)).isEqualTo(26);
    }

    @Test
    void corsicaFourWorkingGroupsSixCommonsSixtyFiveStructuresMapped() {
        assertThat(corsica("WHERE x.kind = 'WORKING_GROUP' AND x.status = 'HELD' RETURN count(DISTINCT x.title)"))
                .isEqualTo(4);
        assertThat(corsica("WHERE x.kind = 'WORKING_GROUP' AND NOT (x)-[:MET]->(:Adviser) RETURN count(x)")).isZero();
        assertThat(corsica("""
                WHERE x.kind = 'DIGITAL_COMMON' AND x.status = 'HELD' AND x.title IS NOT NULL
                RETURN count(DISTINCT x.title)""")).isEqualTo(6);
        assertThat(corsica("WHERE x.kind = 'STRUCTURE_MAPPING' AND x.status = 'HELD' RETURN sum(x.structures)"))
                .isEqualTo(65);
    }

    @Test
    void corsicaMeetingsWithPartnersOfTheScenario() {
        assertThat(corsica("""
                WHERE x.kind = 'PARTNER_MEETING' AND x.status = 'HELD'
                  AND EXISTS { (x)-[:WITH_PARTNER]->(:Partner {regionCode: '94'}) }
                RETURN count(x)""")).isEqualTo(5);
        assertThat(corsica("""
                MATCH (x {kind: 'PARTNER_MEETING'})-[:WITH_PARTNER]->(p:Partner)
                WHERE p.kind IN ['FRANCE_TRAVAIL', 'UNIVERSITY', 'CAF', 'MISSION_LOCALE', 'FRANCE_SERVICES']
                RETURN count(DISTINCT p.kind)""")).isEqualTo(5);
    }

    @Test
    void corsicaTheTwentySixAdvisersHelpPeopleInEveryEpciThatYearAndLastYearBesideTheCoordinators() {
        for (var period : List.of(CORSICA_YEAR, LAST_YEAR)) {
            assertThat(count("""
                    MATCH (a:Adviser)-[:EMPLOYED_BY]->(:Employer {regionCode: '94'}) WHERE NOT a:Coordinator
                      AND EXISTS { (a)-[:LED]->(x:Activity) WHERE %s }
                    RETURN count(a)""".formatted(HELPING), period)).isEqualTo(26);
            assertThat(count("""
                    MATCH (x:Activity {regionCode: '94'}) WHERE %s AND x.participants > 0
                    RETURN count(DISTINCT x.epciCode)""".formatted(HELPING), period)).isEqualTo(19);
        }
        // theirs alone: no activity of an adviser is led by a coordinator
        assertThat(count("""
                MATCH (a:Adviser)-[:LED]->(x:Activity)<-[:LED]-(c:Coordinator)
                WHERE NOT a:Coordinator AND x.regionCode = '94' RETURN count(x)""")).isZero();
        assertThat(count("""
                MATCH (x:Activity {kind: 'INDIVIDUAL_ACCOMPANIMENT'}) WHERE x.participants <> 1
                RETURN count(x)""")).isZero();
    }

    @Test
    void nationalEveryCoordinatorMetAllTheAdvisersItCoordinatesAtWork() {
        var coordinated = """
                MATCH (c)-[:COORDINATES]->(a:Adviser) WHERE %s
                """.formatted(NetworkQueries.activeAdviser("a"));
        assertThat(count(NATIONAL_COORDINATORS + coordinated + "RETURN count(a)", LAST_YEAR)).isGreaterThan(25);
        assertThat(count(NATIONAL_COORDINATORS + coordinated + """
                  AND NOT EXISTS {
                    MATCH (c)-[:LED]->(x:Activity {kind: 'COORDINATION_MEETING', status: 'HELD'})-[:MET]->(a)
                    WHERE $from <= x.date <= $to }
                RETURN count(a)""", LAST_YEAR)).isZero();
    }

    @Test
    void nationalEachCoordinatorInTheProportionsOfCorsica() {
        var figures = row(NATIONAL_COORDINATORS + """
                CALL (c) {
                  MATCH (c)-[:LED]->(x:Activity) WHERE $from <= x.date <= $to
                  RETURN count(CASE WHEN x.kind = 'COLLECTIVE_WORKSHOP' AND x.status = 'HELD' THEN 1 END) AS workshops,
                         count(CASE WHEN x.kind = 'EVENT_DAY' AND x.status <> 'CANCELLED' THEN 1 END) AS planned,
                         count(CASE WHEN x.kind = 'EVENT_DAY' AND x.status = 'HELD' THEN 1 END) AS held,
                         sum(CASE WHEN %s THEN x.participants ELSE 0 END) AS people,
                         count(CASE WHEN x.kind = 'COORDINATION_MEETING' AND x.status = 'HELD' THEN 1 END) AS meetings,
                         count(DISTINCT CASE WHEN x.kind = 'WORKING_GROUP' THEN x.title END) AS groups,
                         count(CASE WHEN x.kind = 'DIGITAL_COMMON' AND x.status = 'HELD' THEN 1 END) AS commons,
                         sum(coalesce(x.structures, 0)) AS structures
                }
                RETURN count(c) AS coordinators, min(workshops) AS minWorkshops, max(workshops) AS maxWorkshops,
                       min(planned) AS minPlanned, max(planned) AS maxPlanned, min(held) AS minHeld,
                       max(held) AS maxHeld, avg(people) AS people, min(people) AS minPeople,
                       min(meetings) AS minMeetings, max(meetings) AS maxMeetings, min(groups) AS minGroups,
                       max(groups) AS maxGroups, min(commons) AS minCommons, max(commons) AS maxCommons,
                       avg(structures) AS structures""".formatted(HELPING), LAST_YEAR);

        assertThat(figures).containsEntry("coordinators", 25L).containsEntry("minHeld", 5L).containsEntry("maxHeld", 5L)
                .containsEntry("minMeetings", 2L).containsEntry("maxMeetings", 2L)
                .containsEntry("minGroups", 2L).containsEntry("maxGroups", 2L)
                .containsEntry("minCommons", 3L).containsEntry("maxCommons", 3L);
        assertThat(List.of(figures.get("minWorkshops"), figures.get("maxWorkshops"))).allSatisfy(
                workshops -> assertThat((Long) workshops).isBetween(15L, 17L));
        assertThat(List.of(figures.get("minPlanned"), figures.get("maxPlanned"))).allSatisfy(
                planned -> assertThat((Long) planned).isBetween(8L, 9L));
        assertThat((Double) figures.get("people")).as("people helped per coordinator").isBetween(300.0, 400.0);
        assertThat((Long) figures.get("minPeople")).isGreaterThan(200);
        assertThat((Double) figures.get("structures")).as("structures mapped per coordinator").isBetween(25.0, 40.0);
    }

    @Test
    void nationalPeopleHelpedLastYearInEveryDepartmentAndEveryEpciWhereAdvisersWork() {
        var served = "MATCH (a:Adviser) WHERE " + NetworkQueries.ACTIVE_ADVISER + "\n" + NetworkQueries.SERVED_COMMUNES;
        assertThat(count(served + "RETURN count(DISTINCT m.departmentCode)", LAST_YEAR)).isGreaterThan(50);
        assertThat(count(served + """
                WITH DISTINCT m.departmentCode AS code
                WHERE NOT EXISTS { MATCH (x:Activity {departmentCode: code}) WHERE %s AND x.participants > 0 }
                RETURN count(code)""".formatted(HELPING), LAST_YEAR)).isZero();
        assertThat(count(served + """
                WITH DISTINCT m.epciCode AS code WHERE code IS NOT NULL
                  AND NOT EXISTS { MATCH (x:Activity {epciCode: code}) WHERE %s AND x.participants > 0 }
                RETURN count(code)""".formatted(HELPING), LAST_YEAR)).isZero();
    }

    @Test
    void theSameSeedGivesTheSameActivitiesAndAReloadLeavesNoneOfTheFormerDemo() {
        var before = fingerprint();

        assertThat(load(43).loaded()).isTrue();
        var otherSeed = fingerprint();
        assertThat(load(42).loaded()).isTrue();

        assertThat(otherSeed).isNotEqualTo(before);
        assertThat(otherSeed.get("activities"))
                .isEqualTo((long) DemoNetwork.generate(true, 43, SCALE, TODAY).activities().size());
        assertThat(fingerprint()).isEqualTo(before);
        assertThat(count("""
                MATCH (x:Activity {source: 'demo'}) WHERE x.demo IS NULL OR NOT EXISTS { ()-[:LED]->(x) }
                RETURN count(x)""")).isZero();
    }

    private Map<String, Object> fingerprint() {
        return row("""
                MATCH (x:Activity {source: 'demo'})
                WITH x ORDER BY x.key
                RETURN count(x) AS activities, sum(x.participants) AS people,
                       collect(x.key + ' ' + toString(x.date) + ' ' + x.status + ' ' + x.communeCode + ' '
                         + toString(COUNT { (x)-[:MET]->() }) + ' ' + toString(COUNT { ()-[:LED]->(x) })) AS rows""",
                Map.of());
    }

    private Map<String, Object> row(String cypher, Map<String, Object> parameters) {
        try (var session = driver.session()) {
            return new HashMap<>(session.run(cypher, parameters).single().asMap());
        }
    }
}
