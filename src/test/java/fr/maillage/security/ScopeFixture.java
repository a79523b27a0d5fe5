package fr.maillage.security;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import fr.maillage.network.Siret;
import fr.maillage.support.IntegrationTest;
import org.neo4j.driver.Value;
import org.springframework.graphql.test.tester.GraphQlTester;

/**
 * A small network on both sides of every border the write rules care about, written straight into the graph so
 * that each test starts from it afresh:
 * <ul>
 * <li>Corse (region 94): the Collectivité de Corse in Ajaccio (2A) employs the coordinator {@code a-coord} (perimeter
 * DEPARTMENT 2A, coordinating {@code a-x} and, attached by ANCT, the Parisian {@code a-montmartre}), {@code a-x} and
 * {@code a-y}, all three working at the place of Ajaccio; the Commune de Bastia (2B) employs {@code a-bastia}, with
 * no place; the hub {@code h-corse} covers region 94.</li>
 * <li>Paris (75, region 11): the Ville de Paris employs {@code a-paris}, {@code a-montmartre} and the coordinator
 * {@code a-paris-coord} (perimeter DEPARTMENT 75, coordinating {@code a-paris} and, attached by ANCT, {@code a-x}),
 * all working at the place of Paris.</li>
 * <li>Avignon (84, region 93), whose agglomeration (EPCI 248400251, CA du Grand Avignon) reaches across the Rhône into
 * Les Angles (30, region 76): the Ville d'Avignon employs {@code a-avignon}, working at the place of Avignon; places in
 * Marseille (13, region 93), Les Angles and Nîmes (30, region 76, another EPCI); the hub {@code h-paca} covers 93.</li>
 * <li>Partners in Ajaccio, Paris, Les Angles and Nîmes; ANCT linked the one of Ajaccio to {@code a-x} and to
 * {@code a-paris}, and the one of Paris to {@code a-x}.</li>
 * </ul>
 */
abstract class ScopeFixture extends IntegrationTest {

    static final String SIRET_CORSE = "20007695800012";
    static final String SIRET_BASTIA = "21200330500019";
    static final String SIRET_PARIS = Siret.withCheckDigit("2175000160001");
    static final String SIRET_AVIGNON = Siret.withCheckDigit("2184000750001");
    /** Valid SIRETs nobody has registered. */
    static final String SIRET_NEW = Siret.withCheckDigit("2000769580002");
    static final String SIRET_OTHER = Siret.withCheckDigit("9000000010001");

    /** The callers of the tests, each with its scope. */
    enum Who {
        ANCT, PREFECTURE_2A, PREFECTURE_2A_2B, PREFECTURE_84, PREFECTURE_84_30, HUB_94, HUB_93, COORDINATOR_C,
        EMPLOYER_CORSE, EMPLOYER_CORSE_AND_NEW, EMPLOYER_AVIGNON
    }

    GraphQlTester as(Who who) {
        return switch (who) {
            case ANCT -> asAnct();
            case PREFECTURE_2A -> graphQl(token(Role.PREFECTURE, Map.of("departments", List.of("2A")), null));
            case PREFECTURE_2A_2B -> graphQl(token(Role.PREFECTURE, Map.of("departments", List.of("2A", "2B")), null));
            case PREFECTURE_84 -> graphQl(token(Role.PREFECTURE, Map.of("departments", List.of("84")), null));
            case PREFECTURE_84_30 -> graphQl(token(Role.PREFECTURE, Map.of("departments", List.of("84", "30")), null));
            case HUB_94 -> graphQl(token(Role.HUB, Map.of("regions", List.of("94")), null));
            case HUB_93 -> graphQl(token(Role.HUB, Map.of("regions", List.of("93")), null));
            case COORDINATOR_C -> graphQl(token(Role.COORDINATOR, Map.of(), "a-coord"));
            case EMPLOYER_CORSE -> graphQl(token(Role.EMPLOYER, Map.of("sirets", List.of(SIRET_CORSE)), null));
            case EMPLOYER_CORSE_AND_NEW -> graphQl(token(Role.EMPLOYER,
                    Map.of("sirets", List.of(SIRET_CORSE, SIRET_NEW)), null));
            case EMPLOYER_AVIGNON -> graphQl(token(Role.EMPLOYER, Map.of("sirets", List.of(SIRET_AVIGNON)), null));
        };
    }

    void buildNetwork() {
        clearNetwork();
        write("""
                UNWIND $rows AS x
                MATCH (c:Commune {code: x.commune})
                CREATE (e:Employer {id: x.id, siret: x.siret, siren: substring(x.siret, 0, 9), name: x.name,
                  sector: 'PUBLIC', legalKind: 'TERRITORIAL_COLLECTIVITY', communeCode: c.code,
                  departmentCode: c.departmentCode, regionCode: c.regionCode,
                  epciCode: c.epciCode})-[:IN_COMMUNE]->(c)""",
                Map.of("rows", List.of(
                        row("id", "e-corse", "siret", SIRET_CORSE, "name", "Collectivité de Corse", "commune", "2A004"),
                        row("id", "e-bastia", "siret", SIRET_BASTIA, "name", "Commune de Bastia", "commune", "2B033"),
                        row("id", "e-paris", "siret", SIRET_PARIS, "name", "Ville de Paris", "commune", "75056"),
                        row("id", "e-avignon", "siret", SIRET_AVIGNON, "name", "Ville d'Avignon", "commune", "84007"))));
        located("Place", List.of(row("id", "p-ajaccio", "commune", "2A004"), row("id", "p-bastia", "commune", "2B033"),
                row("id", "p-paris", "commune", "75056"), row("id", "p-avignon", "commune", "84007"),
                row("id", "p-marseille", "commune", "13055"), row("id", "p-lesangles", "commune", "30011"),
                row("id", "p-nimes", "commune", "30189")));
        located("Partner", List.of(row("id", "q-ajaccio", "commune", "2A004", "kind", "CCAS"),
                row("id", "q-paris", "commune", "75056", "kind", "CCAS"),
                row("id", "q-lesangles", "commune", "30011", "kind", "CCAS"),
                row("id", "q-nimes", "commune", "30189", "kind", "CCAS")));
        write("""
                UNWIND $rows AS x
                MATCH (e:Employer {id: x.employer})
                CREATE (a:Adviser {id: x.id, scheme: 'CONSEILLER_NUMERIQUE', status: 'ACTIVE', firstName: 'Prénom',
                  lastName: x.id, email: x.id + '@example.org', phone: '0612345678'})
                CREATE (a)-[:EMPLOYED_BY {contractType: 'CDI_PUBLIC', start: date('2022-01-01')}]->(e)
                WITH a, x
                OPTIONAL MATCH (p:Place {id: x.place})
                FOREACH (_ IN CASE WHEN p IS NULL THEN [] ELSE [1] END | CREATE (a)-[:WORKS_AT {main: true}]->(p))""",
                Map.of("rows", List.of(row("id", "a-coord", "employer", "e-corse", "place", "p-ajaccio"),
                        row("id", "a-x", "employer", "e-corse", "place", "p-ajaccio"),
                        row("id", "a-y", "employer", "e-corse", "place", "p-ajaccio"),
                        row("id", "a-bastia", "employer", "e-bastia", "place", "none"),
                        row("id", "a-paris", "employer", "e-paris", "place", "p-paris"),
                        row("id", "a-montmartre", "employer", "e-paris", "place", "p-paris"),
                        row("id", "a-paris-coord", "employer", "e-paris", "place", "p-paris"),
                        row("id", "a-avignon", "employer", "e-avignon", "place", "p-avignon"))));
        write("""
                UNWIND $rows AS x
                MATCH (c:Adviser {id: x.id}), (d:Department {code: x.department})
                SET c:Coordinator, c.coordinatorSince = date('2023-01-01'), c.perimeterKind = 'DEPARTMENT'
                CREATE (c)-[:COVERS]->(d)
                WITH c, x
                UNWIND x.coordinates AS adviserId
                MATCH (a:Adviser {id: adviserId})
                CREATE (c)-[:COORDINATES {since: date('2023-01-01')}]->(a)""",
                Map.of("rows", List.of(
                        row("id", "a-coord", "department", "2A", "coordinates", List.of("a-x", "a-montmartre")),
                        row("id", "a-paris-coord", "department", "75", "coordinates", List.of("a-paris", "a-x")))));
        write("""
                UNWIND $rows AS x
                MATCH (r:Region {code: x.region})
                CREATE (h:Hub {id: x.id, name: x.id, legalKind: 'ASSOCIATION'})-[:COVERS]->(r)""",
                Map.of("rows", List.of(row("id", "h-corse", "region", "94"), row("id", "h-paca", "region", "93"))));
        write("""
                UNWIND $rows AS x
                MATCH (q:Partner {id: x.partner}), (a:Adviser {id: x.adviser})
                CREATE (q)-[:PARTNERS_WITH {since: date('2023-01-01'), nature: 'ateliers'}]->(a)""",
                Map.of("rows", List.of(row("partner", "q-ajaccio", "adviser", "a-x"),
                        row("partner", "q-ajaccio", "adviser", "a-paris"), row("partner", "q-paris", "adviser", "a-x"))));
    }

    private void located(String label, List<Map<String, Object>> rows) {
        write("""
                UNWIND $rows AS x
                MATCH (c:Commune {code: x.commune})
                CREATE (n:%s {id: x.id, key: x.id, name: x.id, address: '1 rue', communeCode: c.code,
                  departmentCode: c.departmentCode, regionCode: c.regionCode,
                  epciCode: c.epciCode})-[:IN_COMMUNE]->(c)
                SET n.kind = x.kind""".formatted(label), Map.of("rows", rows));
    }

    static Map<String, Object> row(Object... keysAndValues) {
        var map = new TreeMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /**
     * Everything a write could change, in a canonical text: every node of the network and of the applications (with
     * its labels and all its properties) and every relationship touching one (type, other end, properties), and the
     * campaigns. Audit events are left out: a refused request may leave one.
     */
    String graphState() {
        try (var session = driver.session()) {
            return session.run("""
                    MATCH (n) WHERE n:Employer OR n:Adviser OR n:Place OR n:Governance OR n:Hub OR n:Partner
                      OR n:CoordinatorApplication OR n:ApplicationEvent OR n:Campaign OR n:Activity
                    RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS properties,
                      COLLECT { MATCH (n)-[r]-(x) RETURN {type: type(r), out: startNode(r) = n, other: elementId(x),
                        properties: properties(r)} } AS links
                    ORDER BY id""").list(record -> record.get("id").asString() + " "
                    + record.get("labels").asList(Value::asString).stream().sorted().toList() + " "
                    + new TreeMap<>(record.get("properties").asMap()) + " "
                    + record.get("links").asList(link -> link.get("type").asString() + (link.get("out").asBoolean()
                            ? ">" : "<") + link.get("other").asString() + new TreeMap<>(link.get("properties").asMap()))
                            .stream().sorted().toList())
                    .stream().collect(Collectors.joining("\n"));
        }
    }

    static boolean forbidden(GraphQlTester.Response response) {
        var errors = new java.util.ArrayList<String>();
        response.errors().satisfy(list -> list.forEach(e -> errors.add(e.getErrorType().toString())));
        return errors.equals(List.of("FORBIDDEN"));
    }
}
