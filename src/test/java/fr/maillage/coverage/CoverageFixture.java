package fr.maillage.coverage;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import fr.maillage.database.CypherStatementCounter;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * A small hand-made network on real territories, judged at {@link #REFERENCE_DATE}. Populations are the INSEE
 * figures of the territory file (src/main/resources/territories/territories.tsv.gz).
 *
 * <pre>
 * Employers
 *   E1 Collectivité de Corse         2A004 Ajaccio (2A, region 94)      PUBLIC  TERRITORIAL_COLLECTIVITY
 *   E2 Association Lozère Numérique  48198 Villefort (48, CC Mont Lozère) PRIVATE ASSOCIATION
 *   E3 Commune de L'Île-d'Yeu        85113 L'Île-d'Yeu (85, no EPCI)     PUBLIC  TERRITORIAL_COLLECTIVITY
 *   E4 Bastia Inclusion              2B033 Bastia (2B)                   PRIVATE ASSOCIATION (no adviser)
 *   E5 Département des Côtes-d'Armor 22278 Saint-Brieuc (22)             PUBLIC  TERRITORIAL_COLLECTIVITY
 * Places (services S = "Prendre en main un smartphone ou une tablette", D = "Réaliser des démarches administratives")
 *   P1 Ajaccio 2A004 [S, D] publics [Seniors]     P2 Bastia 2B033 [S] publics [Jeunes, Seniors]
 *   P3 Calvi 2B050 [D]                            P4 Malons-et-Elze 30153 (Gard part of CC Mont Lozère) [S]
 *   P5 L'Île-d'Yeu 85113 [S]                      P6 Île-de-Bréhat 22016 (no EPCI) [D]
 * Advisers (contracts)
 *   C1 coordinator  E1 2022-06-01..2026-05-31  works at P1  COVERS Region 94 (Corsica)  COORDINATES A1
 *   A1              E1 2022-07-01..2025-03-31  works at P2  (ends within 3 months: Bastia loses its only adviser)
 *   A2              E1 2023-01-01..(none)      no place: serves its employer's commune, Ajaccio
 *   A3              E1 2022-07-01..2024-12-31  works at P3  contract ended: does not count, Calvi has no adviser
 *   C2 coordinator  E2 2023-03-01..(none)      no place: serves Villefort  COVERS Department 48  COORDINATES A4
 *   A4              E2 2023-03-01..2025-02-28 then 2025-03-01..2027-02-28 (renewed)  works at P4
 *   C3 coordinator  E3 2024-01-01..(none)      works at P5  COVERS Commune 85113
 *   C4 coordinator  E5 2022-01-01..(none)      status INACTIVE  works at P6  COVERS Department 22: does not count
 * Partners: FRANCE_SERVICES in 2B033 and 2B050, MISSION_LOCALE in 2B050.
 *
 * Active at the reference date: C1, A1, A2, C2, A4, C3 (6 advisers, 3 coordinators); coordinated: A1, A4.
 * Covered communes: the 360 of Corsica (355,486 inhabitants), the communes of Lozère (76,486), L'Île-d'Yeu (4,883).
 * </pre>
 */
public abstract class CoverageFixture extends IntegrationTest {

    public static final String REFERENCE_DATE = "2025-01-15";
    public static final String SMARTPHONE = "Prendre en main un smartphone ou une tablette";
    public static final String PROCEDURES = "Réaliser des démarches administratives";

    @Autowired
    CypherStatementCounter statements;

    @BeforeEach
    protected void network() {
        clearNetwork();
        employer("E1", "Collectivité de Corse", "2A004", "PUBLIC", "TERRITORIAL_COLLECTIVITY");
        employer("E2", "Association Lozère Numérique", "48198", "PRIVATE", "ASSOCIATION");
        employer("E3", "Commune de L'Île-d'Yeu", "85113", "PUBLIC", "TERRITORIAL_COLLECTIVITY");
        employer("E4", "Bastia Inclusion", "2B033", "PRIVATE", "ASSOCIATION");
        employer("E5", "Département des Côtes-d'Armor", "22278", "PUBLIC", "TERRITORIAL_COLLECTIVITY");
        place("P1", "2A004", List.of(SMARTPHONE, PROCEDURES), List.of("Seniors"));
        place("P2", "2B033", List.of(SMARTPHONE), List.of("Jeunes", "Seniors"));
        place("P3", "2B050", List.of(PROCEDURES), List.of());
        place("P4", "30153", List.of(SMARTPHONE), List.of());
        place("P5", "85113", List.of(SMARTPHONE), List.of());
        place("P6", "22016", List.of(PROCEDURES), List.of());
        adviser("C1", "ACTIVE", "E1", "2022-06-01", "2026-05-31", "P1");
        adviser("A1", "ACTIVE", "E1", "2022-07-01", "2025-03-31", "P2");
        adviser("A2", "ACTIVE", "E1", "2023-01-01", null, null);
        adviser("A3", "ACTIVE", "E1", "2022-07-01", "2024-12-31", "P3");
        adviser("C2", "ACTIVE", "E2", "2023-03-01", null, null);
        adviser("A4", "ACTIVE", "E2", "2023-03-01", "2025-02-28", "P4");
        contract("A4", "E2", "2025-03-01", "2027-02-28");
        adviser("C3", "ACTIVE", "E3", "2024-01-01", null, "P5");
        adviser("C4", "INACTIVE", "E5", "2022-01-01", null, "P6");
        coordinator("C1", "Region", "94", List.of("A1"));
        coordinator("C2", "Department", "48", List.of("A4"));
        coordinator("C3", "Commune", "85113", List.of());
        coordinator("C4", "Department", "22", List.of());
        partner("F1", "FRANCE_SERVICES", "2B033");
        partner("F2", "FRANCE_SERVICES", "2B050");
        partner("M1", "MISSION_LOCALE", "2B050");
    }

    @AfterEach
    protected void bareReferential() {
        clearNetwork();
    }

    /** Statements sent while running {@code request}. */
    protected long statementsOf(Runnable request) {
        long before = statements.sent();
        request.run();
        return statements.sent() - before;
    }

    private void employer(String id, String name, String commune, String sector, String legalKind) {
        write("""
                MATCH (c:Commune {code: $commune})
                CREATE (e:Employer {id: $id, siret: $id, name: $name, sector: $sector, legalKind: $legalKind,
                  communeCode: c.code, epciCode: c.epciCode, departmentCode: c.departmentCode,
                  regionCode: c.regionCode})-[:IN_COMMUNE]->(c)""",
                Map.of("id", id, "name", name, "commune", commune, "sector", sector, "legalKind", legalKind));
    }

    private void place(String id, String commune, List<String> services, List<String> publics) {
        write("""
                MATCH (c:Commune {code: $commune})
                CREATE (p:Place {id: $id, key: $id, name: 'Lieu ' + $id, services: $services, publics: $publics,
                  communeCode: c.code, epciCode: c.epciCode, departmentCode: c.departmentCode,
                  regionCode: c.regionCode})-[:IN_COMMUNE]->(c)""",
                Map.of("id", id, "commune", commune, "services", services, "publics", publics));
    }

    private void adviser(String id, String status, String employer, String start, String end, String place) {
        var params = new HashMap<String, Object>(Map.of("id", id, "status", status, "employer", employer));
        params.put("place", place);
        write("""
                MATCH (e:Employer {id: $employer})
                CREATE (a:Adviser {id: $id, scheme: 'CONSEILLER_NUMERIQUE', status: $status, firstName: 'Prénom',
                  lastName: 'Nom ' + $id, email: toLower($id) + '@example.org'})
                WITH a
                OPTIONAL MATCH (p:Place {id: $place})
                FOREACH (x IN CASE WHEN p IS NULL THEN [] ELSE [p] END | CREATE (a)-[:WORKS_AT {main: true}]->(x))""",
                params);
        contract(id, employer, start, end);
    }

    private void contract(String adviser, String employer, String start, String end) {
        var params = new HashMap<String, Object>(Map.of("id", adviser, "employer", employer, "start", start));
        params.put("end", end);
        write("""
                MATCH (a:Adviser {id: $id}), (e:Employer {id: $employer})
                CREATE (a)-[:EMPLOYED_BY {contractType: 'PROJECT_CONTRACT', start: date($start), end: date($end)}]->(e)""",
                params);
    }

    private void coordinator(String id, String label, String code, List<String> coordinated) {
        write("""
                MATCH (a:Adviser {id: $id}), (t:%s {code: $code})
                SET a:Coordinator, a.coordinatorSince = date('2024-06-01'), a.perimeterKind = 'DEPARTMENT'
                CREATE (a)-[:COVERS]->(t)
                WITH a
                UNWIND $coordinated AS other
                MATCH (o:Adviser {id: other})
                CREATE (a)-[:COORDINATES {since: date('2024-06-01')}]->(o)""".formatted(label),
                Map.of("id", id, "code", code, "coordinated", coordinated));
    }

    private void partner(String id, String kind, String commune) {
        write("""
                MATCH (c:Commune {code: $commune})
                CREATE (p:Partner {id: $id, key: $id, kind: $kind, name: 'Partenaire ' + $id,
                  communeCode: c.code, epciCode: c.epciCode, departmentCode: c.departmentCode,
                  regionCode: c.regionCode})-[:IN_COMMUNE]->(c)""",
                Map.of("id", id, "kind", kind, "commune", commune));
    }

    /**
     * One random write on this network (seeded by {@code random}; {@code step} names what it creates): a hire, a
     * contract's end (or, refused, an adviser made inactive straight in Cypher), a coordinator's perimeter, a place
     * imported from a CSV file, an adviser's personal data erased, or a place deleted straight in Cypher. Returns what
     * it did.
     */
    protected String randomWrite(Random random, int step) {
        var adviser = List.of("C1", "A1", "A2", "A3", "C2", "A4", "C3").get(random.nextInt(7));
        return switch (random.nextInt(6)) {
            case 0 -> {
                var employer = List.of("E1", "E2", "E3", "E4").get(random.nextInt(4));
                var start = List.of("2024-01-01", "2025-02-01").get(random.nextInt(2));
                asAnct().document("""
                        mutation($employer: ID!, $start: Date!) { hireAdviser(input: {employerId: $employer,
                          firstName: "Lucia", lastName: "Recrue", contractType: PROJECT_CONTRACT, start: $start,
                          end: "2026-12-31"}) { id } }""")
                        .variable("employer", employer).variable("start", start).execute().errors().verify();
                yield "hire at " + employer + " from " + start;
            }
            case 1 -> {
                var end = List.of("2025-01-10", "2025-03-01").get(random.nextInt(2));
                var refused = asAnct().document("mutation($id: ID!, $end: Date!) { endContract(adviserId: $id, end: $end) { id } }")
                        .variable("id", adviser).variable("end", end).execute().returnResponse().getErrors();
                if (!refused.isEmpty()) {
                    // refused (no running contract, or an end before its start): a write straight in Cypher instead
                    write("MATCH (a:Adviser {id: $id}) SET a.status = 'INACTIVE'", Map.of("id", adviser));
                    yield "Cypher: " + adviser + " inactive";
                }
                yield "contract of " + adviser + " ends " + end;
            }
            case 2 -> {
                var coordinator = List.of("C1", "C2", "C3").get(random.nextInt(3));
                var perimeter = List.of("{kind: REGION, territories: [{level: REGION, code: \"94\"}]}",
                        "{kind: DEPARTMENT, territories: [{level: DEPARTMENT, code: \"2B\"}]}",
                        "{kind: DEPARTMENT, territories: [{level: DEPARTMENT, code: \"85\"}]}",
                        "{kind: INTERCOMMUNAL, territories: [{level: COMMUNE, code: \"2B033\"}]}")
                        .get(random.nextInt(4));
                asAnct().document("mutation($id: ID!) { setPerimeter(coordinatorId: $id, perimeter: " + perimeter
                        + ") { id } }").variable("id", coordinator).execute().errors().verify();
                yield "perimeter of " + coordinator + ": " + perimeter;
            }
            case 3 -> {
                var commune = List.of("2B033", "2A004", "48198", "2B050").get(random.nextInt(4));
                var csv = "id;nom;adresse;code_insee;services\nlieu-importe-%d;Lieu importé %d;1 place de la Mairie;%s;%s\n"
                        .formatted(step, step, commune, "Aide aux démarches administratives");
                http(anct()).post().uri("/api/imports/places?dryRun=false").contentType(new MediaType("text", "csv",
                        StandardCharsets.UTF_8)).bodyValue(csv.getBytes(StandardCharsets.UTF_8)).exchange()
                        .expectStatus().isOk();
                yield "import of a place in " + commune;
            }
            case 4 -> {
                asAnct().document("mutation($id: ID!) { eraseAdviserPersonalData(adviserId: $id) { id } }")
                        .variable("id", adviser).execute();
                yield "erasure of " + adviser;
            }
            default -> {
                // outside the service: a place removed or an adviser's place moved, straight in Cypher
                write("MATCH (p:Place) WITH p ORDER BY p.id LIMIT 1 DETACH DELETE p", Map.of());
                yield "Cypher: a place removed";
            }
        };
    }
}
