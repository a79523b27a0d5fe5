package fr.maillage.applications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.database.CypherStatementCounter;
import fr.maillage.security.Role;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The form of a new application asks the service, as it is filled in, what recording the draft would say: the same
 * checks as {@code draftCoordinatorApplication}, the same problems and the same funding, nothing written, and refused
 * to whoever may not draft for that employer.
 */
class ApplicationPreviewTests extends ApplicationFixture {

    private static final String PREVIEW = """
            query($input: ApplicationPreviewInput!) { previewCoordinatorApplication(input: $input) {
              eligible eligibilityProblem inProgramme carriesCoordination
              cases { applicationCase label fits problems }
              fundingRule { applicant amountEur periodMonths requiresBranchAgreement }
              funding { amountEur periodMonths startsOn notes }
              valid problems { field reason } } }""";

    @Autowired
    CypherStatementCounter counter;

    @BeforeEach
    @AfterEach
    void bareReferential() {
        clearNetwork();
    }

    @Test
    void aFormJustOpenedShowsTheCasesThatFitAndWhatIsLeftToFill() {
        var commune = employer("Commune de Bastia", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "2B033");
        var answer = preview(employerToken(commune), Map.of("employerId", commune, "campaignCode", CAMPAIGN));

        answer.path("previewCoordinatorApplication.eligible").entity(Boolean.class).isEqualTo(true)
                .path("previewCoordinatorApplication.inProgramme").entity(Boolean.class).isEqualTo(false)
                .path("previewCoordinatorApplication.carriesCoordination").entity(Boolean.class).isEqualTo(false)
                // a structure new to the programme, with no coordinator: case 4 only
                .path("previewCoordinatorApplication.cases[?(@.fits == true)].applicationCase").entityList(String.class)
                .containsExactly("CREATE_POST")
                .path("previewCoordinatorApplication.cases[?(@.applicationCase == 'ADDITIONAL_POST')].problems[*]")
                .entityList(String.class).satisfies(reasons -> assertThat(reasons).singleElement().asString()
                        .contains("déjà dans le dispositif"))
                .path("previewCoordinatorApplication.fundingRule").valueIsNull()
                .path("previewCoordinatorApplication.funding").valueIsNull()
                .path("previewCoordinatorApplication.valid").entity(Boolean.class).isEqualTo(false)
                .path("previewCoordinatorApplication.problems[*].field").entityList(String.class)
                .contains("input.applicationCase", "input.contractType", "input.fullTime");
    }

    @Test
    void theAmountComesWithTheContractAndEqualsWhatTheDraftRecords() {
        var commune = employer("Commune de Saint-Denis", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "97411");
        var input = new HashMap<String, Object>(Map.of("employerId", commune, "campaignCode", CAMPAIGN,
                "contractType", "CDD_PUBLIC"));
        // the line of the table before the case: overseas collectivities get the raised amount
        preview(employerToken(commune), input)
                .path("previewCoordinatorApplication.fundingRule.amountEur").entity(Integer.class).isEqualTo(67_500)
                .path("previewCoordinatorApplication.fundingRule.periodMonths").entity(Integer.class).isEqualTo(24)
                .path("previewCoordinatorApplication.funding").valueIsNull();

        var whole = input(commune, "CREATE_POST", "CDD_PUBLIC", "COMMUNE", "97411", null);
        long before = count("MATCH (n) RETURN count(n)");
        long sent = counter.sent();
        preview(employerToken(commune), whole)
                .path("previewCoordinatorApplication.valid").entity(Boolean.class).isEqualTo(true)
                .path("previewCoordinatorApplication.problems").entityList(Object.class).hasSize(0)
                .path("previewCoordinatorApplication.funding.amountEur").entity(Integer.class).isEqualTo(67_500)
                .path("previewCoordinatorApplication.funding.startsOn").valueIsNull();
        // a fixed handful of statements, and nothing written
        assertThat(counter.sent() - sent).isLessThanOrEqualTo(8);
        assertThat(count("MATCH (n) RETURN count(n)")).isEqualTo(before);
        assertThat(count("MATCH (a:CoordinatorApplication) RETURN count(a)")).isZero();

        draft(commune, "CREATE_POST", "CDD_PUBLIC", "COMMUNE", "97411", null)
                .path("draftCoordinatorApplication.funding.amountEur").entity(Integer.class).isEqualTo(67_500);
    }

    @Test
    void itReportsTheDraftsOwnProblemsWithTheSameFieldsAndMessages() {
        var company = employer("SAS Numérique", "PRIVATE_COMPANY", "PRIVATE", "75056");
        var input = input(company, "CREATE_POST", "CDI_PRIVATE", "COMMUNE", "75056", null);
        input.put("fullTime", false);
        var refused = asAnct().document("""
                mutation($input: CoordinatorApplicationInput!) { draftCoordinatorApplication(input: $input) { id } }""")
                .variable("input", input).execute();
        var problems = new HashMap<String, String>();
        refused.errors().satisfy(errors -> errors.forEach(e -> problems.put((String) e.getExtensions().get("field"),
                (String) e.getExtensions().get("reason"))));
        assertThat(problems).containsOnlyKeys("input.employerId", "input.fullTime");

        var preview = preview(anct(), input);
        preview.path("previewCoordinatorApplication.eligible").entity(Boolean.class).isEqualTo(false)
                .path("previewCoordinatorApplication.eligibilityProblem").entity(String.class)
                .isEqualTo(problems.get("input.employerId"));
        for (var problem : problems.entrySet()) {
            preview.path("previewCoordinatorApplication.problems[?(@.field == '%s')].reason".formatted(problem.getKey()))
                    .entityList(String.class).containsExactly(problem.getValue());
        }
    }

    @Test
    void aCaseOfAnExistingPostIsFundedFromTheEndOfItsInitialPeriod() {
        var agglomeration = employer("Communauté d'agglomération du Pays Ajaccien", "COLLECTIVITY_GROUPING", "PUBLIC",
                "2A004");
        var adviser = adviser("cn-ajaccio", agglomeration, "CONSEILLER_NUMERIQUE", ApplicationWorkflowTests.LONG_AGO,
                false);
        preview(employerToken(agglomeration), input(agglomeration, "CONVERT_ADVISER_POST", "CDI_PUBLIC", "EPCI",
                "242010056", adviser))
                .path("previewCoordinatorApplication.inProgramme").entity(Boolean.class).isEqualTo(true)
                .path("previewCoordinatorApplication.cases[?(@.fits == true)].applicationCase").entityList(String.class)
                .containsExactly("CONVERT_ADVISER_POST", "ADDITIONAL_POST")
                .path("previewCoordinatorApplication.valid").entity(Boolean.class).isEqualTo(true)
                .path("previewCoordinatorApplication.funding.startsOn").entity(String.class)
                .isEqualTo(ApplicationWorkflowTests.LONG_AGO.plusMonths(24).toString());
    }

    @Test
    void onlyWhoMayDraftForTheEmployerGetsAPreviewAndAnUnknownEmployerLooksTheSame() {
        var commune = employer("Commune de Mende", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
        var other = employer("Commune de Marvejols", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48092");
        var adviserOfOther = adviser("cn-marvejols", other, "CONSEILLER_NUMERIQUE", ApplicationWorkflowTests.LONG_AGO,
                false);
        var input = Map.<String, Object>of("employerId", commune, "campaignCode", CAMPAIGN);
        for (var token : List.of(employerToken(other), prefectureToken("48"),
                token(Role.HUB, Map.of("regions", List.of("76")), null))) {
            assertThat(errorTypeOf(preview(token, input))).isEqualTo("FORBIDDEN");
            assertThat(errorTypeOf(preview(token, Map.of("employerId", "employer-nobody")))).isEqualTo("FORBIDDEN");
        }
        assertThat(errorTypeOf(preview(null, input))).isIn("UNAUTHORIZED", "FORBIDDEN");
        // the holder of an existing post must be the applicant's own adviser, as for a draft
        var withOthersAdviser = new HashMap<String, Object>(input);
        withOthersAdviser.put("applicationCase", "CONVERT_ADVISER_POST");
        withOthersAdviser.put("existingPostAdviserId", adviserOfOther);
        assertThat(errorTypeOf(preview(employerToken(commune), withOthersAdviser))).isEqualTo("FORBIDDEN");
    }

    @Test
    void aHugeZoneCostsAFewStatementsWhoeverAsks() {
        var commune = employer("Commune de Mende", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
        var huge = new HashMap<String, Object>(Map.of("employerId", commune, "campaignCode", CAMPAIGN,
                "perimeter", Map.of("kind", "INTERCOMMUNAL", "territories", java.util.stream.IntStream.range(0, 2_000)
                        .mapToObj(i -> Map.of("level", "COMMUNE", "code", "%05d".formatted(i))).toList())));
        // refused before the zone is read: to the anonymous caller and to another employer
        for (var token : java.util.Arrays.asList(null, employerToken(employer("Commune de Marvejols",
                "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48092")))) {
            long sent = counter.sent();
            assertThat(errorTypeOf(preview(token, huge))).isIn("UNAUTHORIZED", "FORBIDDEN");
            assertThat(counter.sent() - sent).as("statements").isLessThanOrEqualTo(1);
        }
        // to the employer itself: one problem, said before the graph is read
        long sent = counter.sent();
        preview(employerToken(commune), huge).errors().satisfy(errors -> {
            assertThat(errors).singleElement().satisfies(error -> {
                assertThat(error.getExtensions()).containsEntry("field", "input.perimeter.territories");
                assertThat(error.getMessage()).contains("au plus 500 territoires (reçu 2000)");
            });
        });
        assertThat(counter.sent() - sent).as("statements").isLessThanOrEqualTo(1);
    }

    @Test
    void aZoneOfManyTerritoriesIsCheckedInOneStatement() {
        var commune = employer("Commune de Mende", "TERRITORIAL_COLLECTIVITY", "PUBLIC", "48095");
        var territories = new java.util.ArrayList<Map<String, Object>>();
        try (var session = driver.session()) {
            session.run("MATCH (c:Commune {departmentCode: '48'}) RETURN c.code AS code ORDER BY code LIMIT 150")
                    .forEachRemaining(row -> territories.add(Map.of("level", "COMMUNE", "code", row.get("code").asString())));
        }
        territories.add(Map.of("level", "COMMUNE", "code", "48999"));
        var input = new HashMap<String, Object>(Map.of("employerId", commune, "campaignCode", CAMPAIGN,
                "perimeter", Map.of("kind", "INTERCOMMUNAL", "territories", territories)));
        long sent = counter.sent();
        preview(employerToken(commune), input)
                .path("previewCoordinatorApplication.problems[?(@.field =~ /input.perimeter.*/)].reason")
                .entityList(String.class).containsExactly("aucun territoire COMMUNE:48999");
        long manyTerritories = counter.sent() - sent;
        input.put("perimeter", Map.of("kind", "INTERCOMMUNAL", "territories", territories.subList(0, 2)));
        sent = counter.sent();
        preview(employerToken(commune), input).errors().verify();
        assertThat(manyTerritories).as("statements for 151 territories as for 2").isEqualTo(counter.sent() - sent);
    }

    private GraphQlTester.Response preview(String token, Map<String, Object> input) {
        return (token == null ? graphQl() : graphQl(token)).document(PREVIEW).variable("input", input).execute();
    }

    private static String errorTypeOf(GraphQlTester.Response response) {
        var type = new String[1];
        response.errors().satisfy(errors -> {
            assertThat(errors).isNotEmpty();
            type[0] = String.valueOf(errors.get(0).getExtensions().get("classification"));
        });
        return type[0];
    }
}
