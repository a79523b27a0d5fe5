package fr.maillage.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import fr.maillage.activities.ActivityKeys;
import fr.maillage.activities.ActivityRecord;
import fr.maillage.activities.ActivityRules;
import fr.maillage.activities.ActivityVocabulary.ActivityKind;
import fr.maillage.activities.ActivityVocabulary.ActivityStatus;
import fr.maillage.network.Siret;
import fr.maillage.validation.Validation;
import org.junit.jupiter.api.Test;

/** The generator alone, no database. */
class DemoNetworkTests {

    private static final LocalDate TODAY = DemoNetwork.REFERENCE_DATE;

    @Test
    void sameSeedAndScaleGiveEqualDatasetsAnotherSeedAnotherOne() {
        var first = DemoNetwork.generate(true, 42, 0.2, TODAY);
        var again = DemoNetwork.generate(true, 42, 0.2, TODAY);
        var otherSeed = DemoNetwork.generate(true, 43, 0.2, TODAY);

        assertThat(again.equals(first)).as("same seed and scale, equal datasets").isTrue();
        assertThat(again.activities()).isEqualTo(first.activities());
        assertThat(otherSeed.equals(first)).as("another seed, another dataset").isFalse();
        assertThat(otherSeed.employers().equals(first.employers())).isFalse();
        assertThat(otherSeed.activities().equals(first.activities())).isFalse();
    }

    @Test
    void everyActivityFollowsTheRulesOfActivitiesAndPointsAtTheDemosActors() {
        var data = DemoNetwork.generate(true, 42, 0.2, TODAY);
        var advisers = ids(data.advisers());
        var places = ids(data.places());
        var partners = ids(data.partners());
        var territories = DemoTerritories.get();

        var broken = data.activities().stream()
                .filter(a -> !ActivityRules.check(new Validation(), "", a, TODAY).ok()).map(ActivityRecord::key).toList();
        assertThat(broken).as("activities breaking ActivityRules").isEmpty();
        assertThat(data.activities()).allSatisfy(a -> {
            assertThat(a.source()).isEqualTo("demo");
            assertThat(a.key()).isEqualTo(ActivityKeys.sourceKey("demo", a.sourceId()));
            assertThat(a.id()).isEqualTo(ActivityKeys.id(a.key()));
            assertThat(territories.communes).containsKey(a.communeCode());
            assertThat(advisers).containsAll(a.leaderIds()).containsAll(a.metAdviserIds());
            assertThat(partners).containsAll(a.partnerIds());
            assertThat(a.placeId() == null || places.contains(a.placeId())).isTrue();
        });
        assertThat(data.activities().stream().map(ActivityRecord::key).distinct().count())
                .isEqualTo(data.activities().size());
    }

    @Test
    void nationalActivitiesAtScaleOneKeepTheCorsicaProportionsPerCoordinatorWithinTheirBudget() {
        var data = DemoNetwork.generate(true, 42, 1.0, TODAY);
        var corsica = DemoNetwork.corsica(TODAY);
        var national = data.activities().subList(corsica.activities().size(), data.activities().size());
        var coordinators = data.coordinators().stream().skip(2).map(c -> (String) c.get("id")).toList();
        var from = TODAY.minusYears(1);

        assertThat(data.activities().subList(0, corsica.activities().size())).isEqualTo(corsica.activities());
        assertThat(data.activities()).as("activities the demo gains at scale 1").hasSizeLessThanOrEqualTo(30_000);
        assertThat(national).allMatch(a -> a.date().isAfter(from) && !a.date().isAfter(TODAY));
        Map<String, List<ActivityRecord>> led = national.stream()
                .collect(Collectors.groupingBy(a -> a.leaderIds().get(0)));
        assertThat(coordinators).hasSize(500).allSatisfy(id -> {
            var own = led.get(id);
            assertThat(count(own, ActivityKind.COLLECTIVE_WORKSHOP, ActivityStatus.HELD)).isBetween(15L, 17L);
            assertThat(count(own, ActivityKind.EVENT_DAY, ActivityStatus.HELD)).isEqualTo(5);
            assertThat(count(own, ActivityKind.EVENT_DAY, ActivityStatus.PLANNED)).isBetween(3L, 4L);
            assertThat(count(own, ActivityKind.COORDINATION_MEETING, ActivityStatus.HELD)).isEqualTo(2);
            assertThat(own.stream().filter(a -> a.kind() == ActivityKind.WORKING_GROUP).map(ActivityRecord::title)
                    .distinct().count()).isEqualTo(2);
            assertThat(count(own, ActivityKind.DIGITAL_COMMON, ActivityStatus.HELD)).isEqualTo(3);
        });
        var coordinatorIds = Set.copyOf(coordinators);
        double people = national.stream().filter(a -> coordinatorIds.contains(a.leaderIds().get(0)))
                .filter(a -> a.status() == ActivityStatus.HELD && ActivityKind.REACHING_PEOPLE.contains(a.kind()))
                .mapToInt(ActivityRecord::participants).sum() / 500.0;
        assertThat(people).as("people helped per coordinator").isBetween(300.0, 400.0);
        double structures = national.stream().filter(a -> a.kind() == ActivityKind.STRUCTURE_MAPPING)
                .mapToInt(ActivityRecord::structures).sum() / 500.0;
        assertThat(structures).as("structures mapped per coordinator").isBetween(28.0, 36.0);
    }

    private static long count(List<ActivityRecord> activities, ActivityKind kind, ActivityStatus status) {
        return activities.stream().filter(a -> a.kind() == kind && a.status() == status).count();
    }

    private static Set<Object> ids(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> row.get("id")).collect(Collectors.toSet());
    }

    @Test
    void corsicaAloneIsTheSeedsNetwork() {
        var corsica = DemoNetwork.corsica(TODAY);

        assertThat(corsica.advisers()).hasSize(28);
        assertThat(corsica.coordinators()).extracting(c -> c.get("departments"))
                .containsExactly(List.of("2A"), List.of("2B"));
        assertThat(corsica.coordinations()).hasSize(26);
        assertThat(corsica.places()).hasSize(32);
        assertThat(corsica.partners()).hasSize(40);
        assertThat(corsica.employers()).extracting(e -> (String) e.get("siret")).allMatch(Siret::isValid);
        assertThat(corsica.employers().get(0)).containsEntry("siret", "20007695800012")
                .containsEntry("legalKind", "TERRITORIAL_COLLECTIVITY").containsEntry("sector", "PUBLIC");
        var territories = DemoTerritories.get();
        var epcis = corsica.employers().stream()
                .map(e -> territories.commune((String) e.get("communeCode")).epciCode()).collect(Collectors.toSet());
        assertThat(epcis).hasSize(19);
    }

    @Test
    void nationalScaleOneHasTheProgrammesProportionsAndLeavesCorsicaAlone() {
        var data = DemoNetwork.generate(true, 42, 1.0, TODAY);
        var corsica = DemoNetwork.corsica(TODAY);

        assertThat(data.advisers()).hasSize(4_000 + 28);
        assertThat(data.coordinators()).hasSize(500 + 2);
        assertThat(data.employers()).hasSize(2_500 + corsica.employers().size());
        assertThat(data.places()).hasSize(12_000 + 32);
        assertThat(data.partners()).hasSize(20_000 + 40);
        var territories = DemoTerritories.get();
        long outsideScenarioInCorsica = data.employers().stream().skip(corsica.employers().size())
                .filter(e -> territories.commune((String) e.get("communeCode")).regionCode().equals("94")).count();
        assertThat(outsideScenarioInCorsica).isZero();
        Map<Object, Long> perimeters = data.coordinators().stream()
                .collect(Collectors.groupingBy(c -> c.get("perimeterKind"), Collectors.counting()));
        assertThat(perimeters.get("INTERCOMMUNAL")).isBetween(300L, 400L);
        assertThat(perimeters.get("DEPARTMENT")).isBetween(100L, 160L);
        assertThat(perimeters.get("REGION")).isBetween(10L, 45L);
    }

    @Test
    void nationalScaleOneHasTheGapsAPrefectureLooksFor() {
        var data = DemoNetwork.generate(true, 42, 1.0, TODAY);
        var territories = DemoTerritories.get();
        var communeOfEmployer = data.employers().stream()
                .collect(Collectors.toMap(e -> e.get("id"), e -> territories.commune((String) e.get("communeCode"))));
        var communeOfAdviser = data.contracts().stream()
                .collect(Collectors.toMap(c -> c.get("adviserId"), c -> communeOfEmployer.get(c.get("employerId"))));
        var perimeterOf = data.coordinators().stream().collect(Collectors.toMap(c -> c.get("id"), c -> c));

        long plainAdvisers = data.advisers().size() - data.coordinators().size();
        long uncoordinated = plainAdvisers - data.coordinations().size();
        assertThat(uncoordinated * 1000 / plainAdvisers).as("per mille uncoordinated").isBetween(80L, 140L);
        long inside = data.coordinations().stream().filter(link -> {
            var perimeter = perimeterOf.get(link.get("coordinatorId"));
            var commune = communeOfAdviser.get(link.get("adviserId"));
            return ((List<?>) perimeter.get("communes")).contains(commune.code())
                    || commune.epciCode() != null && ((List<?>) perimeter.get("epcis")).contains(commune.epciCode())
                    || ((List<?>) perimeter.get("departments")).contains(commune.departmentCode())
                    || ((List<?>) perimeter.get("regions")).contains(commune.regionCode());
        }).count();
        assertThat(inside * 100 / data.coordinations().size()).as("% coordinated inside the perimeter").isGreaterThanOrEqualTo(95);
        long endingSoon = data.contracts().stream().map(c -> (LocalDate) c.get("end"))
                .filter(end -> end != null && end.isAfter(TODAY) && !end.isAfter(TODAY.plusMonths(3))).count();
        assertThat(endingSoon).as("contracts ending within 3 months").isBetween(150L, 260L);
        long withoutAdviser = territories.departments.keySet().stream().filter(code -> !List.of("2A", "2B").contains(code))
                .filter(code -> communeOfEmployer.values().stream().noneMatch(c -> c.departmentCode().equals(code)))
                .count();
        assertThat(withoutAdviser).as("départements without any employer").isBetween(3L, 10L);
    }

    @Test
    void tenTimesGeneratesFortyThousandAdvisersBesideCorsica() {
        // how long it takes is measured by DemoGenerationBenchmark (-Pbenchmark), never asserted here
        var data = DemoNetwork.generate(true, 42, 10.0, TODAY);
        assertThat(data.advisers()).hasSize(40_000 + 28);
    }

    @Test
    void versionNamesTheSettings() {
        assertThat(DemoNetwork.version(true, 42, 1.0, TODAY)).isEqualTo("corsica-3+national-seed42-scale1.0");
        assertThat(DemoNetwork.version(false, 42, 1.0, TODAY)).isEqualTo("corsica-3");
    }
}
