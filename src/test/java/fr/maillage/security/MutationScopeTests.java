package fr.maillage.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import fr.maillage.activities.ActivityRecord;
import graphql.schema.GraphQLInputObjectType;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * The scope of every mutation, argument by argument. For each mutation of the schema and each argument naming an
 * entity or a territory where the mutation puts something, one case: a caller in scope for everything else sends the
 * mutation once with an in-scope value (it succeeds) and once with an out-of-scope value (FORBIDDEN, and the graph,
 * read back, is exactly as before). Mutations reserved to ANCT are sent by ANCT (it succeeds) and by a territorial
 * caller (FORBIDDEN). {@link #everyMutationAndEveryScopedArgumentHasACase} reads the schema and fails when a mutation
 * or one of its scoped arguments has no case.
 */
class MutationScopeTests extends ScopeFixture {

    /**
     * One case: {@code argument} is the path of the argument changed (as the schema walk names it); {@code setup}
     * the state of the applications the case needs (null: none); variables starting with {@code @} name an
     * application of the setup ({@code @corse}, {@code @bastia}, {@code @paris}).
     */
    record Case(String mutation, String argument, Who caller, Who outOfScopeCaller, String document,
            Map<String, Object> inScope, Map<String, Object> outOfScope, String setup) {

        @Override
        public String toString() {
            return mutation + " " + argument + " by " + caller
                    + (outOfScopeCaller != caller ? " (out of scope: " + outOfScopeCaller + ")" : "");
        }
    }

    static final List<Case> CASES = new ArrayList<>();

    /** A case where the caller stays and one argument takes an out-of-scope value. */
    static void scoped(String mutation, String argument, Who caller, String document, Map<String, Object> inScope,
            Map<String, Object> outOfScope) {
        CASES.add(new Case(mutation, argument, caller, caller, document, inScope, outOfScope, null));
    }

    static void scoped(String mutation, String argument, Who caller, String document, Map<String, Object> inScope,
            Map<String, Object> outOfScope, String setup) {
        CASES.add(new Case(mutation, argument, caller, caller, document, inScope, outOfScope, setup));
    }

    /** A mutation reserved to ANCT: the same arguments by ANCT, then by a territorial caller. */
    static void national(String mutation, String document, Map<String, Object> variables, String setup) {
        CASES.add(new Case(mutation, "*", Who.ANCT, Who.PREFECTURE_2A, document, variables, variables, setup));
        CASES.add(new Case(mutation, "*", Who.ANCT, Who.HUB_94, document, variables, variables, setup));
    }

    static Map<String, Object> vars(Object... keysAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    static Map<String, Object> perimeter(String kind, String... levelsAndCodes) {
        var territories = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < levelsAndCodes.length; i += 2) {
            territories.add(Map.of("level", levelsAndCodes[i], "code", levelsAndCodes[i + 1]));
        }
        return Map.of("kind", kind, "territories", territories);
    }

    static {
        // Employers
        var register = """
                mutation($siret: String!, $commune: String!) { registerEmployer(input: {siret: $siret,
                  name: "Établissement", legalKind: TERRITORIAL_COLLECTIVITY, communeCode: $commune}) { id } }""";
        scoped("registerEmployer", "input.communeCode", Who.PREFECTURE_2A, register,
                vars("siret", SIRET_NEW, "commune", "2A041"), vars("siret", SIRET_NEW, "commune", "75056"));
        scoped("registerEmployer", "input.communeCode", Who.HUB_94, register,
                vars("siret", SIRET_NEW, "commune", "2B033"), vars("siret", SIRET_NEW, "commune", "75056"));
        scoped("registerEmployer", "input.siret", Who.EMPLOYER_CORSE_AND_NEW, register,
                vars("siret", SIRET_NEW, "commune", "2A041"), vars("siret", SIRET_OTHER, "commune", "2A041"));
        var updateEmployer = """
                mutation($id: ID!, $commune: String) { updateEmployer(id: $id, input: {name: "Nouveau nom",
                  communeCode: $commune}) { id } }""";
        scoped("updateEmployer", "id", Who.PREFECTURE_2A, updateEmployer, vars("id", "e-corse", "commune", null),
                vars("id", "e-paris", "commune", null));
        scoped("updateEmployer", "input.communeCode", Who.PREFECTURE_2A, updateEmployer,
                vars("id", "e-corse", "commune", "2A041"), vars("id", "e-corse", "commune", "75056"));
        scoped("updateEmployer", "input.communeCode", Who.HUB_94, updateEmployer,
                vars("id", "e-corse", "commune", "2B033"), vars("id", "e-corse", "commune", "75056"));
        scoped("updateEmployer", "input.communeCode", Who.EMPLOYER_CORSE, updateEmployer,
                vars("id", "e-corse", "commune", "2A041"), vars("id", "e-corse", "commune", "2B033"));

        // Advisers
        var hire = """
                mutation($e: ID!, $main: ID, $others: [ID!]) { hireAdviser(input: {employerId: $e, firstName: "N",
                  lastName: "Nouveau", contractType: CDI_PUBLIC, start: "2024-01-01", mainPlaceId: $main,
                  otherPlaceIds: $others}) { id } }""";
        scoped("hireAdviser", "input.employerId", Who.HUB_94, hire, vars("e", "e-corse", "main", null, "others", null),
                vars("e", "e-paris", "main", null, "others", null));
        scoped("hireAdviser", "input.mainPlaceId", Who.EMPLOYER_CORSE, hire,
                vars("e", "e-corse", "main", "p-bastia", "others", null),
                vars("e", "e-corse", "main", "p-paris", "others", null));
        scoped("hireAdviser", "input.mainPlaceId", Who.EMPLOYER_AVIGNON, hire,
                vars("e", "e-avignon", "main", "p-lesangles", "others", null),
                vars("e", "e-avignon", "main", "p-nimes", "others", null));
        scoped("hireAdviser", "input.otherPlaceIds", Who.HUB_93, hire,
                vars("e", "e-avignon", "main", "p-avignon", "others", List.of("p-marseille")),
                vars("e", "e-avignon", "main", "p-avignon", "others", List.of("p-lesangles")));
        scoped("updateAdviser", "id", Who.HUB_94,
                "mutation($id: ID!) { updateAdviser(id: $id, input: {phone: \"0699999999\"}) { id } }",
                vars("id", "a-x"), vars("id", "a-paris"));
        scoped("endContract", "adviserId", Who.EMPLOYER_CORSE,
                "mutation($id: ID!) { endContract(adviserId: $id, end: \"2025-12-31\") { id } }",
                vars("id", "a-x"), vars("id", "a-paris"));
        var places = """
                mutation($a: ID!, $main: ID, $others: [ID!]) { setAdviserPlaces(adviserId: $a, mainPlaceId: $main,
                  otherPlaceIds: $others) { id } }""";
        scoped("setAdviserPlaces", "adviserId", Who.HUB_94, places, vars("a", "a-x", "main", null, "others", null),
                vars("a", "a-paris", "main", null, "others", null));
        scoped("setAdviserPlaces", "mainPlaceId", Who.HUB_94, places,
                vars("a", "a-x", "main", "p-bastia", "others", null),
                vars("a", "a-x", "main", "p-paris", "others", null));
        scoped("setAdviserPlaces", "mainPlaceId", Who.EMPLOYER_AVIGNON, places,
                vars("a", "a-avignon", "main", "p-lesangles", "others", null),
                vars("a", "a-avignon", "main", "p-nimes", "others", null));
        scoped("setAdviserPlaces", "otherPlaceIds", Who.HUB_93, places,
                vars("a", "a-avignon", "main", "p-avignon", "others", List.of("p-marseille")),
                vars("a", "a-avignon", "main", "p-avignon", "others", List.of("p-lesangles")));
        scoped("setAdviserPlaces", "otherPlaceIds", Who.EMPLOYER_CORSE, places,
                vars("a", "a-y", "main", "p-ajaccio", "others", List.of("p-bastia")),
                vars("a", "a-y", "main", "p-ajaccio", "others", List.of("p-bastia", "p-nimes")));

        // Coordinators
        var grant = """
                mutation($a: ID!, $p: PerimeterInput!) { grantCoordinatorRole(adviserId: $a, perimeter: $p) { id } }""";
        scoped("grantCoordinatorRole", "adviserId", Who.PREFECTURE_2A, grant,
                vars("a", "a-y", "p", perimeter("DEPARTMENT", "DEPARTMENT", "2A")),
                vars("a", "a-paris", "p", perimeter("DEPARTMENT", "DEPARTMENT", "2A")));
        scoped("grantCoordinatorRole", "perimeter", Who.PREFECTURE_2A, grant,
                vars("a", "a-y", "p", perimeter("DEPARTMENT", "DEPARTMENT", "2A")),
                vars("a", "a-y", "p", perimeter("REGION", "REGION", "94")));
        scoped("grantCoordinatorRole", "perimeter", Who.HUB_94, grant,
                vars("a", "a-y", "p", perimeter("REGION", "REGION", "94")),
                vars("a", "a-y", "p", perimeter("REGION", "REGION", "11")));
        scoped("grantCoordinatorRole", "perimeter", Who.PREFECTURE_84, grant,
                vars("a", "a-avignon", "p", perimeter("INTERCOMMUNAL", "COMMUNE", "84007")),
                vars("a", "a-avignon", "p", perimeter("INTERCOMMUNAL", "EPCI", "248400251")));
        scoped("revokeCoordinatorRole", "adviserId", Who.PREFECTURE_2A,
                "mutation($a: ID!) { revokeCoordinatorRole(adviserId: $a) { id } }", vars("a", "a-coord"),
                vars("a", "a-paris-coord"));
        var setPerimeter = """
                mutation($c: ID!, $p: PerimeterInput!) { setPerimeter(coordinatorId: $c, perimeter: $p) { id } }""";
        scoped("setPerimeter", "coordinatorId", Who.HUB_94, setPerimeter,
                vars("c", "a-coord", "p", perimeter("REGION", "REGION", "94")),
                vars("c", "a-paris-coord", "p", perimeter("REGION", "REGION", "94")));
        scoped("setPerimeter", "perimeter", Who.PREFECTURE_2A, setPerimeter,
                vars("c", "a-coord", "p", perimeter("INTERCOMMUNAL", "COMMUNE", "2A004")),
                vars("c", "a-coord", "p", perimeter("REGION", "REGION", "94")));
        scoped("setPerimeter", "perimeter", Who.PREFECTURE_2A, setPerimeter,
                vars("c", "a-coord", "p", perimeter("INTERCOMMUNAL", "COMMUNE", "2A004", "COMMUNE", "2A041")),
                vars("c", "a-coord", "p", perimeter("INTERCOMMUNAL", "COMMUNE", "2A004", "COMMUNE", "2B033")));
        var attach = """
                mutation($c: ID!, $a: [ID!]!) { attachAdvisers(coordinatorId: $c, adviserIds: $a) { id } }""";
        scoped("attachAdvisers", "coordinatorId", Who.PREFECTURE_2A, attach, vars("c", "a-coord", "a", List.of("a-y")),
                vars("c", "a-paris-coord", "a", List.of("a-y")));
        scoped("attachAdvisers", "adviserIds", Who.PREFECTURE_2A, attach, vars("c", "a-coord", "a", List.of("a-y")),
                vars("c", "a-coord", "a", List.of("a-y", "a-paris")));
        scoped("attachAdvisers", "adviserIds", Who.HUB_94, attach, vars("c", "a-coord", "a", List.of("a-bastia")),
                vars("c", "a-coord", "a", List.of("a-paris")));
        scoped("attachAdvisers", "adviserIds", Who.COORDINATOR_C, attach, vars("c", "a-coord", "a", List.of("a-y")),
                vars("c", "a-coord", "a", List.of("a-paris")));
        scoped("attachAdvisers", "adviserIds", Who.COORDINATOR_C, attach, vars("c", "a-coord", "a", List.of("a-y")),
                vars("c", "a-coord", "a", List.of("a-bastia")));
        var detach = """
                mutation($c: ID!, $a: [ID!]!) { detachAdvisers(coordinatorId: $c, adviserIds: $a) { id } }""";
        scoped("detachAdvisers", "coordinatorId", Who.PREFECTURE_2A, detach, vars("c", "a-coord", "a", List.of("a-x")),
                vars("c", "a-paris-coord", "a", List.of("a-x")));
        scoped("detachAdvisers", "adviserIds", Who.PREFECTURE_2A, detach, vars("c", "a-coord", "a", List.of("a-x")),
                vars("c", "a-coord", "a", List.of("a-montmartre")));
        scoped("detachAdvisers", "adviserIds", Who.HUB_94, detach, vars("c", "a-coord", "a", List.of("a-x")),
                vars("c", "a-coord", "a", List.of("a-x", "a-montmartre")));

        // Hubs
        national("createHub", "mutation { createHub(input: {name: \"Hub de Corse\", regionCodes: [\"94\"]}) { id } }",
                vars(), null);
        var support = """
                mutation($h: ID!, $c: [ID!]!) { supportCoordinators(hubId: $h, coordinatorIds: $c) { id } }""";
        scoped("supportCoordinators", "hubId", Who.HUB_94, support, vars("h", "h-corse", "c", List.of("a-coord")),
                vars("h", "h-paca", "c", List.of("a-coord")));
        scoped("supportCoordinators", "coordinatorIds", Who.HUB_94, support,
                vars("h", "h-corse", "c", List.of("a-coord")), vars("h", "h-corse", "c", List.of("a-paris-coord")));

        // Places and partners
        var addPlace = """
                mutation($c: String!) { addPlace(input: {name: "Nouveau lieu", address: "2 rue", communeCode: $c}) {
                  id } }""";
        scoped("addPlace", "input.communeCode", Who.PREFECTURE_2A, addPlace, vars("c", "2A041"), vars("c", "75056"));
        scoped("addPlace", "input.communeCode", Who.HUB_94, addPlace, vars("c", "2B033"), vars("c", "75056"));
        var updatePlace = """
                mutation($p: ID!, $c: String!) { updatePlace(id: $p, input: {name: "Lieu rénové", address: "1 rue",
                  communeCode: $c}) { id } }""";
        scoped("updatePlace", "id", Who.PREFECTURE_2A, updatePlace, vars("p", "p-ajaccio", "c", "2A004"),
                vars("p", "p-paris", "c", "2A004"));
        scoped("updatePlace", "input.communeCode", Who.PREFECTURE_2A, updatePlace,
                vars("p", "p-ajaccio", "c", "2A041"), vars("p", "p-ajaccio", "c", "75056"));
        scoped("updatePlace", "input.communeCode", Who.HUB_94, updatePlace, vars("p", "p-ajaccio", "c", "2B033"),
                vars("p", "p-ajaccio", "c", "75056"));
        scoped("removePlace", "id", Who.PREFECTURE_2A, "mutation($p: ID!) { removePlace(id: $p) }",
                vars("p", "p-ajaccio"), vars("p", "p-paris"));
        scoped("addPartner", "input.communeCode", Who.HUB_94, """
                mutation($c: String!) { addPartner(input: {kind: CCAS, name: "CCAS", communeCode: $c}) { id } }""",
                vars("c", "2B033"), vars("c", "75056"));
        var link = """
                mutation($q: ID!, $a: ID!) { linkPartner(partnerId: $q, actorId: $a, nature: "ateliers") { id } }""";
        scoped("linkPartner", "partnerId", Who.PREFECTURE_2A, link, vars("q", "q-ajaccio", "a", "a-y"),
                vars("q", "q-paris", "a", "a-y"));
        scoped("linkPartner", "actorId", Who.PREFECTURE_2A, link, vars("q", "q-ajaccio", "a", "a-y"),
                vars("q", "q-ajaccio", "a", "a-montmartre"));
        scoped("linkPartner", "partnerId", Who.EMPLOYER_CORSE, link, vars("q", "q-ajaccio", "a", "a-y"),
                vars("q", "q-paris", "a", "a-y"));
        scoped("linkPartner", "partnerId", Who.EMPLOYER_AVIGNON, link, vars("q", "q-lesangles", "a", "e-avignon"),
                vars("q", "q-nimes", "a", "e-avignon"));
        scoped("linkPartner", "partnerId", Who.COORDINATOR_C, link, vars("q", "q-ajaccio", "a", "a-coord"),
                vars("q", "q-paris", "a", "a-coord"));
        scoped("linkPartner", "actorId", Who.EMPLOYER_CORSE, link, vars("q", "q-ajaccio", "a", "a-y"),
                vars("q", "q-ajaccio", "a", "a-paris"));
        var unlink = "mutation($q: ID!, $a: ID!) { unlinkPartner(partnerId: $q, actorId: $a) { id } }";
        scoped("unlinkPartner", "partnerId", Who.PREFECTURE_2A, unlink, vars("q", "q-ajaccio", "a", "a-x"),
                vars("q", "q-paris", "a", "a-x"));
        scoped("unlinkPartner", "actorId", Who.PREFECTURE_2A, unlink, vars("q", "q-ajaccio", "a", "a-x"),
                vars("q", "q-ajaccio", "a", "a-paris"));

        // Governance
        var governance = """
                mutation($d: String!, $m: [GovernanceMemberInput!]!) { setGovernance(input: {departmentCode: $d,
                  name: "Gouvernance", members: $m}) { id } }""";
        scoped("setGovernance", "input.departmentCode", Who.PREFECTURE_2A, governance, vars("d", "2A", "m", List.of()),
                vars("d", "2B", "m", List.of()));
        scoped("setGovernance", "input.members.actorId", Who.PREFECTURE_2A, governance,
                vars("d", "2A", "m", List.of(Map.of("actorId", "e-bastia"), Map.of("actorId", "h-corse"))),
                vars("d", "2A", "m", List.of(Map.of("actorId", "e-bastia"), Map.of("actorId", "e-paris"))));
        scoped("setGovernance", "input.members.actorId", Who.PREFECTURE_2A, governance,
                vars("d", "2A", "m", List.of(Map.of("actorId", "PREFECTURE:2B"))),
                vars("d", "2A", "m", List.of(Map.of("actorId", "PREFECTURE:75"))));

        // Personal data
        scoped("eraseAdviserPersonalData", "adviserId", Who.EMPLOYER_CORSE,
                "mutation($a: ID!) { eraseAdviserPersonalData(adviserId: $a) { id } }", vars("a", "a-y"),
                vars("a", "a-paris"));

        // Applications
        national("createCampaign", """
                mutation { createCampaign(input: {code: "AAC-TEST", name: "Test", opensOn: "2025-01-01",
                  closesOn: "2025-02-01", fundingRules: [{applicant: PRIVATE, contractTypes: [CDI_PRIVATE],
                  amountEur: 1000, periodMonths: 12}]}) { code } }""", vars(), null);
        var draft = """
                mutation($e: ID!, $case: ApplicationCase!, $p: PerimeterInput!, $holder: ID) {
                  draftCoordinatorApplication(input: {campaignCode: "AAC-COORD-2023", employerId: $e,
                    applicationCase: $case, contractType: CDI_PUBLIC, fullTime: true, perimeter: $p,
                    existingPostAdviserId: $holder}) { id } }""";
        var zone2A = perimeter("DEPARTMENT", "DEPARTMENT", "2A");
        scoped("draftCoordinatorApplication", "input.employerId", Who.EMPLOYER_CORSE, draft,
                vars("e", "e-corse", "case", "ADDITIONAL_POST", "p", zone2A, "holder", null),
                vars("e", "e-bastia", "case", "ADDITIONAL_POST", "p", zone2A, "holder", null));
        scoped("draftCoordinatorApplication", "input.perimeter", Who.EMPLOYER_CORSE, draft,
                vars("e", "e-corse", "case", "ADDITIONAL_POST", "p", perimeter("DEPARTMENT", "DEPARTMENT", "2B"),
                        "holder", null),
                vars("e", "e-corse", "case", "ADDITIONAL_POST", "p", perimeter("DEPARTMENT", "DEPARTMENT", "75"),
                        "holder", null));
        scoped("draftCoordinatorApplication", "input.perimeter", Who.EMPLOYER_AVIGNON, draft,
                vars("e", "e-avignon", "case", "ADDITIONAL_POST", "p", perimeter("INTERCOMMUNAL", "EPCI", "248400251"),
                        "holder", null),
                vars("e", "e-avignon", "case", "ADDITIONAL_POST", "p", perimeter("INTERCOMMUNAL", "COMMUNE", "30189"),
                        "holder", null));
        scoped("draftCoordinatorApplication", "input.existingPostAdviserId", Who.EMPLOYER_CORSE, draft,
                vars("e", "e-corse", "case", "CONVERT_ADVISER_POST", "p", zone2A, "holder", "a-y"),
                vars("e", "e-corse", "case", "CONVERT_ADVISER_POST", "p", zone2A, "holder", "a-paris"));
        var update = """
                mutation($id: ID!, $e: ID!, $case: ApplicationCase!, $p: PerimeterInput!, $holder: ID) {
                  updateCoordinatorApplication(id: $id, input: {campaignCode: "AAC-COORD-2023", employerId: $e,
                    applicationCase: $case, contractType: CDI_PUBLIC, fullTime: true, perimeter: $p,
                    existingPostAdviserId: $holder}) { id } }""";
        scoped("updateCoordinatorApplication", "id", Who.EMPLOYER_CORSE, update,
                vars("id", "@corse", "e", "e-corse", "case", "ADDITIONAL_POST", "p", zone2A, "holder", null),
                vars("id", "@bastia", "e", "e-corse", "case", "ADDITIONAL_POST", "p", zone2A, "holder", null), "DRAFT");
        scoped("updateCoordinatorApplication", "input.employerId", Who.EMPLOYER_CORSE, update,
                vars("id", "@corse", "e", "e-corse", "case", "ADDITIONAL_POST", "p", zone2A, "holder", null),
                vars("id", "@corse", "e", "e-bastia", "case", "ADDITIONAL_POST", "p", zone2A, "holder", null), "DRAFT");
        scoped("updateCoordinatorApplication", "input.perimeter", Who.EMPLOYER_CORSE, update,
                vars("id", "@corse", "e", "e-corse", "case", "ADDITIONAL_POST", "p", perimeter("REGION", "REGION", "94"),
                        "holder", null),
                vars("id", "@corse", "e", "e-corse", "case", "ADDITIONAL_POST", "p", perimeter("REGION", "REGION", "11"),
                        "holder", null), "DRAFT");
        scoped("updateCoordinatorApplication", "input.existingPostAdviserId", Who.EMPLOYER_CORSE, update,
                vars("id", "@corse", "e", "e-corse", "case", "CONVERT_ADVISER_POST", "p", zone2A, "holder", "a-y"),
                vars("id", "@corse", "e", "e-corse", "case", "CONVERT_ADVISER_POST", "p", zone2A, "holder", "a-paris"),
                "DRAFT");
        var consult = """
                mutation($id: ID!, $e: ID!) { recordConsultation(applicationId: $id, employerId: $e,
                  answer: FAVOURABLE) { id } }""";
        scoped("recordConsultation", "applicationId", Who.EMPLOYER_CORSE, consult, vars("id", "@corse", "e", "e-bastia"),
                vars("id", "@bastia", "e", "e-bastia"), "DRAFT");
        scoped("recordConsultation", "employerId", Who.EMPLOYER_CORSE, consult, vars("id", "@corse", "e", "e-bastia"),
                vars("id", "@corse", "e", "e-paris"), "DRAFT");
        scoped("submitCoordinatorApplication", "id", Who.EMPLOYER_CORSE,
                "mutation($id: ID!) { submitCoordinatorApplication(id: $id) { id } }", vars("id", "@corse"),
                vars("id", "@bastia"), "DRAFT");
        scoped("withdrawCoordinatorApplication", "id", Who.EMPLOYER_CORSE,
                "mutation($id: ID!) { withdrawCoordinatorApplication(id: $id) { id } }", vars("id", "@corse"),
                vars("id", "@bastia"), "SUBMITTED");
        var opinion = """
                mutation($id: ID!, $d: String!) { givePrefectureOpinion(id: $id, departmentCode: $d, favourable: true) {
                  id } }""";
        scoped("givePrefectureOpinion", "id", Who.PREFECTURE_2A, opinion, vars("id", "@corse", "d", "2A"),
                vars("id", "@paris", "d", "2A"), "SUBMITTED");
        scoped("givePrefectureOpinion", "departmentCode", Who.PREFECTURE_2A, opinion, vars("id", "@corse", "d", "2A"),
                vars("id", "@corse", "d", "2B"), "SUBMITTED");
        national("decideCoordinatorApplication",
                "mutation($id: ID!) { decideCoordinatorApplication(id: $id, decision: ACCEPTED) { id } }",
                vars("id", "@corse"), "REVIEWED");
        national("notifyCoordinatorApplication", "mutation($id: ID!) { notifyCoordinatorApplication(id: $id) { id } }",
                vars("id", "@corse"), "ACCEPTED");
        var recruit = """
                mutation($id: ID!, $a: ID!) { recordCoordinatorRecruitment(id: $id, adviserId: $a) { id } }""";
        scoped("recordCoordinatorRecruitment", "id", Who.EMPLOYER_CORSE, recruit, vars("id", "@corse", "a", "a-y"),
                vars("id", "@bastia", "a", "a-y"), "NOTIFIED");
        scoped("recordCoordinatorRecruitment", "adviserId", Who.EMPLOYER_CORSE, recruit,
                vars("id", "@corse", "a", "a-y"), vars("id", "@corse", "a", "a-paris"), "NOTIFIED");
        national("recordConventionSignature", "mutation($id: ID!) { recordConventionSignature(id: $id) { id } }",
                vars("id", "@corse"), "RECRUITED");
        national("recordSubsidyPayment", "mutation($id: ID!) { recordSubsidyPayment(id: $id) { id } }",
                vars("id", "@corse"), "CONVENTION_SIGNED");
    }

    /** An activity input: a workshop of a-x in Ajaccio on 1 March 2024, with {@code changes}. */
    static Map<String, Object> activity(Object... changes) {
        var input = vars("kind", "COLLECTIVE_WORKSHOP", "date", "2024-03-01", "participants", 5, "title",
                "Atelier modifié", "communeCode", "2A004", "leaderIds", List.of("a-x"));
        input.putAll(vars(changes));
        return input;
    }

    /** A coordination meeting of a-coord in Ajaccio meeting {@code met}. */
    static Map<String, Object> meeting(List<String> met) {
        return activity("kind", "COORDINATION_MEETING", "participants", null, "leaderIds", List.of("a-coord"),
                "metAdviserIds", met);
    }

    static {
        // Activities: who led them and whom they met, where, at which place, with which partners, as they were
        var record = "mutation($input: ActivityInput!) { recordActivity(input: $input) { id } }";
        var update = "mutation($id: ID!, $input: ActivityInput!) { updateActivity(id: $id, input: $input) { id } }";
        scoped("recordActivity", "input.leaderIds", Who.EMPLOYER_CORSE, record, vars("input", activity()),
                vars("input", activity("leaderIds", List.of("a-paris"))));
        scoped("recordActivity", "input.metAdviserIds", Who.COORDINATOR_C, record,
                vars("input", meeting(List.of("a-x"))), vars("input", meeting(List.of("a-y"))));
        scoped("recordActivity", "input.communeCode", Who.EMPLOYER_CORSE, record, vars("input", activity()),
                vars("input", activity("communeCode", "75056")));
        scoped("recordActivity", "input.placeId", Who.EMPLOYER_CORSE, record,
                vars("input", activity("communeCode", null, "placeId", "p-ajaccio")),
                vars("input", activity("communeCode", null, "placeId", "p-bastia")));
        scoped("recordActivity", "input.partnerIds", Who.EMPLOYER_CORSE, record,
                vars("input", activity("partnerIds", List.of("q-ajaccio"))),
                vars("input", activity("partnerIds", List.of("q-paris"))));
        scoped("updateActivity", "id", Who.EMPLOYER_CORSE, update, vars("id", "act-corse", "input", activity()),
                vars("id", "act-paris", "input", activity()), "ACTIVITIES");
        scoped("updateActivity", "input.leaderIds", Who.EMPLOYER_CORSE, update,
                vars("id", "act-corse", "input", activity()),
                vars("id", "act-corse", "input", activity("leaderIds", List.of("a-paris"))), "ACTIVITIES");
        scoped("updateActivity", "input.metAdviserIds", Who.COORDINATOR_C, update,
                vars("id", "act-meeting", "input", meeting(List.of("a-x"))),
                vars("id", "act-meeting", "input", meeting(List.of("a-x", "a-y"))), "ACTIVITIES");
        scoped("updateActivity", "input.communeCode", Who.EMPLOYER_CORSE, update,
                vars("id", "act-corse", "input", activity()),
                vars("id", "act-corse", "input", activity("communeCode", "75056")), "ACTIVITIES");
        scoped("updateActivity", "input.placeId", Who.EMPLOYER_CORSE, update,
                vars("id", "act-corse", "input", activity("communeCode", null, "placeId", "p-ajaccio")),
                vars("id", "act-corse", "input", activity("communeCode", null, "placeId", "p-paris")), "ACTIVITIES");
        scoped("updateActivity", "input.partnerIds", Who.EMPLOYER_CORSE, update,
                vars("id", "act-corse", "input", activity("partnerIds", List.of("q-ajaccio"))),
                vars("id", "act-corse", "input", activity("partnerIds", List.of("q-nimes"))), "ACTIVITIES");
        scoped("removeActivity", "id", Who.EMPLOYER_CORSE, "mutation($id: ID!) { removeActivity(id: $id) }",
                vars("id", "act-corse"), vars("id", "act-paris"), "ACTIVITIES");
    }

    static Stream<Case> cases() {
        return CASES.stream();
    }

    /** The applications of the setup, by name: {@code corse} (zone 2A), {@code bastia} (2B), {@code paris} (75). */
    final Map<String, String> applications = new HashMap<>();

    @BeforeEach
    void network() {
        buildNetwork();
        applications.clear();
    }

    @AfterEach
    void clear() {
        clearNetwork();
    }

    @ParameterizedTest(name = "{0}: the in-scope value is accepted")
    @MethodSource("cases")
    void theInScopeValueIsAccepted(Case c) {
        prepare(c);
        var before = graphState();
        send(c.caller(), c.document(), c.inScope()).errors().verify();
        assertThat(graphState()).isNotEqualTo(before);
    }

    @ParameterizedTest(name = "{0}: the out-of-scope value is FORBIDDEN and nothing is written")
    @MethodSource("cases")
    void theOutOfScopeValueIsForbiddenAndWritesNothing(Case c) {
        prepare(c);
        var before = graphState();
        var response = send(c.outOfScopeCaller(), c.document(), c.outOfScope());
        assertThat(forbidden(response)).as("FORBIDDEN").isTrue();
        assertThat(graphState()).isEqualTo(before);
    }

    @Autowired
    GraphQlSource graphQlSource;

    /** Names of input fields that put something at a territory. */
    static final Set<String> TERRITORIAL_FIELDS = Set.of("communeCode", "departmentCode", "regionCodes", "perimeter");

    @Test
    void everyMutationAndEveryScopedArgumentHasACase() {
        var expected = new TreeSet<String>();
        for (var field : graphQlSource.schema().getMutationType().getFieldDefinitions()) {
            var national = CASES.stream().anyMatch(c -> c.mutation().equals(field.getName()) && c.argument().equals("*"));
            expected.add(field.getName() + (national ? " *" : ""));
            if (!national) {
                for (var argument : field.getArguments()) {
                    scopedPaths(argument.getName(), argument.getType(), expected, field.getName());
                }
            }
        }
        var covered = CASES.stream().map(c -> c.mutation() + " " + c.argument()).collect(Collectors.toCollection(TreeSet::new));
        covered.addAll(CASES.stream().filter(c -> !c.argument().equals("*")).map(Case::mutation).toList());
        assertThat(covered).as("mutations and scoped arguments with a case").containsAll(expected);
        // and every case names a real mutation
        assertThat(CASES.stream().map(Case::mutation).distinct().toList()).allMatch(name -> graphQlSource.schema()
                .getMutationType().getFieldDefinition(name) != null);
    }

    /**
     * The paths of the arguments naming an entity (an ID, or a list of them) or a territory where something is put
     * ({@link #TERRITORIAL_FIELDS}), inside input objects too.
     */
    static void scopedPaths(String path, GraphQLType type, Set<String> found, String mutation) {
        var bare = unwrap(type);
        var name = path.substring(path.lastIndexOf('.') + 1);
        if (TERRITORIAL_FIELDS.contains(name)) {
            found.add(mutation + " " + path);
        } else if (bare instanceof GraphQLScalarType scalar && scalar.getName().equals("ID")) {
            found.add(mutation + " " + path);
        } else if (bare instanceof GraphQLInputObjectType input) {
            for (var field : input.getFieldDefinitions()) {
                scopedPaths(path + "." + field.getName(), field.getType(), found, mutation);
            }
        }
    }

    static GraphQLType unwrap(GraphQLType type) {
        var bare = type;
        while (bare instanceof GraphQLNonNull || bare instanceof GraphQLList) {
            bare = bare instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType()
                    : ((GraphQLList) bare).getWrappedType();
        }
        return bare;
    }

    // Running a case

    void prepare(Case c) {
        if (c.setup() == null) {
            return;
        }
        if (c.setup().equals("ACTIVITIES")) {
            activities();
            return;
        }
        // drafted by ANCT on the day of the campaign, then moved to the status the case starts from
        clock.today(LocalDate.of(2023, 10, 25));
        applications.put("corse", draft("e-corse", "2A"));
        applications.put("bastia", draft("e-bastia", "2B"));
        applications.put("paris", draft("e-paris", "75"));
        if (!c.setup().equals("DRAFT")) {
            write("""
                    MATCH (a:CoordinatorApplication)
                    SET a.status = $status, a.submittedOn = date('2023-11-01'), a.decision = 'ACCEPTED',
                        a.decidedOn = date('2023-12-15'), a.notifiedOn = date('2024-01-31'),
                        a.recruitedOn = date('2024-02-01'), a.conventionSignedOn = date('2024-03-15')""",
                    Map.of("status", c.setup()));
        }
        // filing is during the campaign; the later steps happen today
        clock.today(c.mutation().equals("submitCoordinatorApplication") ? LocalDate.of(2023, 11, 1) : LocalDate.now());
    }

    /** A workshop of a-x in Ajaccio, one of a-paris in Paris, a meeting of a-coord with a-x. */
    void activities() {
        var day = LocalDate.of(2024, 2, 1);
        var workshop = fr.maillage.activities.ActivityVocabulary.ActivityKind.COLLECTIVE_WORKSHOP;
        var held = fr.maillage.activities.ActivityVocabulary.ActivityStatus.HELD;
        write(fr.maillage.activities.ActivityStatements.UPSERT, Map.of("rows", Stream.of(
                new ActivityRecord("act-corse", "test:act-corse", "maillage", null, workshop, held, day, null, null, 4,
                        null, List.of(), List.of(), "2A004", null, List.of("a-x"), List.of(), List.of()),
                new ActivityRecord("act-paris", "test:act-paris", "maillage", null, workshop, held, day, null, null, 4,
                        null, List.of(), List.of(), "75056", null, List.of("a-paris"), List.of(), List.of()),
                new ActivityRecord("act-meeting", "test:act-meeting", "maillage", null,
                        fr.maillage.activities.ActivityVocabulary.ActivityKind.COORDINATION_MEETING, held, day, null,
                        null, 0, null, List.of(), List.of(), "2A004", null, List.of("a-coord"), List.of("a-x"),
                        List.of()))
                .map(ActivityRecord::row).toList()));
    }

    String draft(String employer, String department) {
        return asAnct().document(ScopeEscapeTests.DRAFT)
                .variable("input", ScopeEscapeTests.draftInput(employer, "DEPARTMENT", "DEPARTMENT", department))
                .execute().path("draftCoordinatorApplication.id").entity(String.class).get();
    }

    GraphQlTester.Response send(Who who, String document,
            Map<String, Object> variables) {
        var request = as(who).document(document);
        for (var variable : variables.entrySet()) {
            var value = variable.getValue();
            if (value instanceof String name && name.startsWith("@")) {
                value = applications.get(name.substring(1));
            }
            request = request.variable(variable.getKey(), value);
        }
        return request.execute();
    }
}
