package fr.maillage.applications;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import fr.maillage.network.Siret;
import fr.maillage.security.Role;
import fr.maillage.support.IntegrationTest;
import org.springframework.graphql.test.tester.GraphQlTester;

/** Employers, advisers and applications for the application tests, small enough to check by hand. */
abstract class ApplicationFixture extends IntegrationTest {

    static final String CAMPAIGN = "AAC-COORD-2023";

    static final String APPLICATION_FIELDS = """
            id reference status applicationCase contractType fullTime
            funding { amountEur periodMonths startsOn endsOn notes rule { applicant } }
            perimeter { kind communes population departmentCodes territories { code } }
            consultationsMissing consultations { done answer employer { name } }
            opinions { given favourable prefecture { code } }
            submittedOn notificationDueOn decision decidedOn notifiedOn recruitmentDueOn recruitedOn
            conventionSignedOn paymentDueBy paidOn overdue
            coordinator { id } existingPost { id }
            history { action label toStatus on }""";

    private int sirets;

    /** An employer written straight into the graph, with a fresh valid SIRET. */
    String employer(String name, String legalKind, String sector, String communeCode) {
        var siret = Siret.withCheckDigit("9" + "%08d".formatted(++sirets) + "0001");
        var id = "employer-" + siret;
        write("""
                MATCH (c:Commune {code: $commune})
                CREATE (e:Employer {id: $id, siret: $siret, siren: substring($siret, 0, 9), name: $name,
                  sector: $sector, legalKind: $legalKind, communeCode: c.code, departmentCode: c.departmentCode,
                  regionCode: c.regionCode, epciCode: c.epciCode})-[:IN_COMMUNE]->(c)""",
                Map.of("id", id, "siret", siret, "name", name, "sector", sector, "legalKind", legalKind,
                        "commune", communeCode));
        return id;
    }

    String siretOf(String employerId) {
        return employerId.substring("employer-".length());
    }

    /** An active adviser employed since {@code start} (no end), optionally a coordinator, of a scheme. */
    String adviser(String id, String employerId, String scheme, LocalDate start, boolean coordinator) {
        write("""
                MATCH (e:Employer {id: $employer})
                CREATE (a:Adviser {id: $id, scheme: $scheme, status: 'ACTIVE', firstName: 'Lucia', lastName: $id})
                CREATE (a)-[:EMPLOYED_BY {contractType: 'CDI_PRIVATE', start: $start}]->(e)
                FOREACH (_ IN CASE WHEN $coordinator THEN [1] ELSE [] END |
                  SET a:Coordinator, a.perimeterKind = 'DEPARTMENT', a.coordinatorSince = $start)""",
                Map.of("id", id, "employer", employerId, "scheme", scheme, "start", start, "coordinator", coordinator));
        return id;
    }

    String employerToken(String employerId) {
        return token(Role.EMPLOYER, Map.of("sirets", java.util.List.of(siretOf(employerId))), null);
    }

    String prefectureToken(String department) {
        return token(Role.PREFECTURE, Map.of("departments", java.util.List.of(department)), null);
    }

    /** A draft by ANCT on behalf of the employer; the perimeter is one territory. */
    GraphQlTester.Response draft(String employerId, String applicationCase, String contract, String level,
            String code, String existingPost) {
        return asAnct().document("""
                mutation($input: CoordinatorApplicationInput!) { draftCoordinatorApplication(input: $input) { %s } }"""
                .formatted(APPLICATION_FIELDS))
                .variable("input", input(employerId, applicationCase, contract, level, code, existingPost)).execute();
    }

    static Map<String, Object> input(String employerId, String applicationCase, String contract, String level,
            String code, String existingPost) {
        var input = new java.util.HashMap<String, Object>(Map.of("campaignCode", CAMPAIGN, "employerId", employerId,
                "applicationCase", applicationCase, "contractType", contract, "fullTime", true,
                "perimeter", Map.of("kind", level.equals("DEPARTMENT") ? "DEPARTMENT" : level.equals("REGION")
                        ? "REGION" : "INTERCOMMUNAL", "territories", java.util.List.of(Map.of("level", level, "code", code)))));
        if (existingPost != null) {
            input.put("existingPostAdviserId", existingPost);
        }
        return input;
    }

    String draftId(String employerId, String applicationCase, String contract, String level, String code,
            String existingPost) {
        return draft(employerId, applicationCase, contract, level, code, existingPost)
                .path("draftCoordinatorApplication.id").entity(String.class).get();
    }

    /** A mutation on application {@code id} by the holder of {@code token}, with arguments after the id. */
    GraphQlTester.Response act(String token, String mutation, String id, String arguments) {
        return graphQl(token).document("mutation { %s(id: \"%s\"%s) { %s } }".formatted(mutation, id,
                arguments.isEmpty() ? "" : ", " + arguments, APPLICATION_FIELDS)).execute();
    }

    String status(String id) {
        try (var session = driver.session()) {
            return session.run("MATCH (a:CoordinatorApplication {id: $id}) RETURN a.status", Map.of("id", id)).single()
                    .get(0).asString();
        }
    }

    long events(String id) {
        return count("MATCH (:CoordinatorApplication {id: $id})-[:HAS_EVENT]->(e) RETURN count(e)", Map.of("id", id));
    }

    /** The EPCI of smallest code whose communes lie in two départements. */
    String epciOverTwoDepartments() {
        return String.valueOf(count("""
                MATCH (e:Epci) WHERE size(e.departmentCodes) = 2 AND e.code =~ '[0-9]+'
                RETURN toInteger(e.code) ORDER BY toInteger(e.code) LIMIT 1"""));
    }

    List<String> departmentsOf(String epci) {
        try (var session = driver.session()) {
            return session.run("MATCH (e:Epci {code: $code}) RETURN e.departmentCodes", Map.of("code", epci)).single()
                    .get(0).asList(v -> v.asString()).stream().sorted().toList();
        }
    }

    String communeOf(String epci) {
        try (var session = driver.session()) {
            return session.run("MATCH (m:Commune {epciCode: $code}) RETURN m.code ORDER BY m.code LIMIT 1",
                    Map.of("code", epci)).single().get(0).asString();
        }
    }

    /** Submitted on {@code submittedOn}, favourable opinion a week later, accepted, notified the week after. */
    void walkToNotified(String id, String employer, String department, LocalDate submittedOn) {
        clock.today(submittedOn);
        act(employerToken(employer), "submitCoordinatorApplication", id, "")
                .path("submitCoordinatorApplication.status").entity(String.class).isEqualTo("SUBMITTED");
        clock.today(submittedOn.plusDays(7));
        act(prefectureToken(department), "givePrefectureOpinion", id,
                "departmentCode: \"%s\", favourable: true".formatted(department));
        clock.today(submittedOn.plusDays(14));
        act(anct(), "decideCoordinatorApplication", id, "decision: ACCEPTED");
        clock.today(submittedOn.plusDays(21));
        act(anct(), "notifyCoordinatorApplication", id, "")
                .path("notifyCoordinatorApplication.status").entity(String.class).isEqualTo("NOTIFIED");
    }
}
