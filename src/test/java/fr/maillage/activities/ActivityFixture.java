package fr.maillage.activities;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import fr.maillage.activities.ActivityVocabulary.ActivityKind;
import fr.maillage.activities.ActivityVocabulary.ActivityStatus;
import fr.maillage.activities.ActivityVocabulary.MediationTheme;
import fr.maillage.database.CypherStatementCounter;
import fr.maillage.security.Role;
import fr.maillage.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A small hand-made network of Corsica and its activities in 2024, every figure of the tests worked out from it.
 *
 * <pre>
 * Employers  E1 Collectivité de Corse 2A004 Ajaccio     E2 Association Bastia 2B033 Bastia
 * Advisers   C1 coordinator (E1) COVERS region 94, COORDINATES A1, A2, A3, A4
 *            C2 coordinator (E2) COVERS département 2B, COORDINATES A2
 *            A1 (E1, place P1 in Ajaccio)  A2 (E2)  A4 (E2)  A3 (E2, contract ended 2023-06-30: not in 2024's network)
 * Partner    F1 France Travail Bastia 2B033
 * Activities (held unless said; people = participants of accompaniments, workshops and event days)
 *   in 2A004 Ajaccio (CA du Pays Ajaccien 242010056, 2A)
 *     W1 workshop      C1     2024-03-10  12 people  120 min  [DIGITAL_SAFETY, DEVICE_HANDLING]
 *     W2 workshop      A1     2024-05-02   8 people   90 min  [DIGITAL_SAFETY]   at place P1
 *     I1, I2 individual A1    2024-06-01   1 person each 60 min [PROCEDURE_SOCIAL_HEALTH]
 *     M1, M2 coordination meetings C1  2024-02-01, 2024-09-01  MET A1
 *     G1, G2 working group "Inclusion des seniors" C1 (2 sessions; G2 MET A3)   G3 "Cartographie" C1
 *     K1 digital common "Kit fake news" C1    S1, S2 mappings C1: 20 and 15 structures
 *     X  workshop      C1     2023-12-31 100 people: outside 2024
 *   in 2B033 Bastia (2B)
 *     I3 individual    A2     2024-06-03   1 person   [EMAIL]
 *     W3 workshop      C1+C2+A2 2024-07-01 10 people  [DIGITAL_SAFETY]
 *     P  partner meeting C1 with F1  2024-05-15
 *   D1 event day C1 2B096 Corte (CC du Centre Corse 242020071) 2024-04-13 held, 40 people [CREATING]
 *   D2 event day C1 2A247 Porto-Vecchio (CC du Sud Corse 200040764) 2024-10-12 planned
 *   D3 event day C1 2A247 2024-11-09 cancelled
 * </pre>
 */
abstract class ActivityFixture extends IntegrationTest {

    static final String YEAR_2024 = "{ from: \"2024-01-01\", to: \"2024-12-31\" }";
    static final String TODAY = "2025-01-15";

    @Autowired
    CypherStatementCounter statements;

    @BeforeEach
    void network() {
        clearNetwork();
        clock.today(LocalDate.parse(TODAY));
        write("""
                MATCH (a:Commune {code: '2A004'}), (b:Commune {code: '2B033'})
                CREATE (e1:Employer {id: 'E1', siret: '20007695800012', name: 'Collectivité de Corse',
                  communeCode: '2A004', epciCode: a.epciCode, departmentCode: '2A',
                  regionCode: '94'})-[:IN_COMMUNE]->(a)
                CREATE (e2:Employer {id: 'E2', siret: '11111111111111', name: 'Association Bastia',
                  communeCode: '2B033', epciCode: b.epciCode, departmentCode: '2B',
                  regionCode: '94'})-[:IN_COMMUNE]->(b)
                CREATE (p1:Place {id: 'P1', key: 'P1', name: 'Lieu P1', communeCode: '2A004', epciCode: a.epciCode,
                  departmentCode: '2A', regionCode: '94'})-[:IN_COMMUNE]->(a)
                CREATE (f1:Partner {id: 'F1', key: 'F1', kind: 'FRANCE_TRAVAIL', name: 'France Travail Bastia',
                  communeCode: '2B033', epciCode: b.epciCode, departmentCode: '2B',
                  regionCode: '94'})-[:IN_COMMUNE]->(b)
                WITH e1, e2, p1
                UNWIND [['C1', e1, null], ['A1', e1, null], ['C2', e2, null], ['A2', e2, null], ['A4', e2, null],
                  ['A3', e2, date('2023-06-30')]] AS spec
                WITH spec[0] AS id, spec[1] AS employer, spec[2] AS end, p1
                CREATE (x:Adviser {id: id, scheme: 'CONSEILLER_NUMERIQUE', status: 'ACTIVE', firstName: 'Prénom',
                  lastName: 'Nom ' + id})-[:EMPLOYED_BY {contractType: 'PROJECT_CONTRACT', start: date('2022-07-01'),
                  end: end}]->(employer)
                FOREACH (place IN CASE WHEN id = 'A1' THEN [p1] ELSE [] END | CREATE (x)-[:WORKS_AT {main: true}]->(place))
                """, Map.of());
        write("""
                MATCH (c1:Adviser {id: 'C1'}), (c2:Adviser {id: 'C2'}), (r:Region {code: '94'}),
                  (d:Department {code: '2B'})
                SET c1:Coordinator, c2:Coordinator
                CREATE (c1)-[:COVERS]->(r), (c2)-[:COVERS]->(d)
                WITH c1, c2
                MATCH (a:Adviser) WHERE a.id IN ['A1', 'A2', 'A3', 'A4']
                CREATE (c1)-[:COORDINATES {since: date('2023-01-01')}]->(a)
                WITH c2, a WHERE a.id = 'A2'
                CREATE (c2)-[:COORDINATES {since: date('2023-01-01')}]->(a)""", Map.of());
        var workshop = ActivityKind.COLLECTIVE_WORKSHOP;
        var individual = ActivityKind.INDIVIDUAL_ACCOMPANIMENT;
        var held = ActivityStatus.HELD;
        activity("W1", workshop, held, "2024-03-10", 120, null, 12, null, "2A004", null, List.of("C1"), List.of(),
                List.of(), MediationTheme.DIGITAL_SAFETY, MediationTheme.DEVICE_HANDLING);
        activity("W2", workshop, held, "2024-05-02", 90, null, 8, null, "2A004", "P1", List.of("A1"), List.of(),
                List.of(), MediationTheme.DIGITAL_SAFETY);
        for (var id : List.of("I1", "I2")) {
            activity(id, individual, held, "2024-06-01", 60, null, 1, null, "2A004", null, List.of("A1"), List.of(),
                    List.of(), MediationTheme.PROCEDURE_SOCIAL_HEALTH);
        }
        activity("M1", ActivityKind.COORDINATION_MEETING, held, "2024-02-01", null, null, 0, null, "2A004", null,
                List.of("C1"), List.of("A1"), List.of());
        activity("M2", ActivityKind.COORDINATION_MEETING, held, "2024-09-01", null, null, 0, null, "2A004", null,
                List.of("C1"), List.of("A1"), List.of());
        activity("G1", ActivityKind.WORKING_GROUP, held, "2024-03-01", null, "Inclusion des seniors", 0, null, "2A004",
                null, List.of("C1"), List.of(), List.of());
        activity("G2", ActivityKind.WORKING_GROUP, held, "2024-04-01", null, "Inclusion des Seniors ", 0, null, "2A004",
                null, List.of("C1"), List.of("A3"), List.of());
        activity("G3", ActivityKind.WORKING_GROUP, held, "2024-04-02", null, "Cartographie", 0, null, "2A004", null,
                List.of("C1"), List.of(), List.of());
        activity("K1", ActivityKind.DIGITAL_COMMON, held, "2024-05-20", null, "Kit fake news", 0, null, "2A004", null,
                List.of("C1"), List.of(), List.of());
        activity("S1", ActivityKind.STRUCTURE_MAPPING, held, "2024-06-20", null, null, 0, 20, "2A004", null,
                List.of("C1"), List.of(), List.of());
        activity("S2", ActivityKind.STRUCTURE_MAPPING, held, "2024-07-20", null, null, 0, 15, "2A004", null,
                List.of("C1"), List.of(), List.of());
        activity("X", workshop, held, "2023-12-31", null, null, 100, null, "2A004", null, List.of("C1"), List.of(),
                List.of());
        activity("I3", individual, held, "2024-06-03", null, null, 1, null, "2B033", null, List.of("A2"), List.of(),
                List.of(), MediationTheme.EMAIL);
        activity("W3", workshop, held, "2024-07-01", null, null, 10, null, "2B033", null, List.of("C1", "C2", "A2"),
                List.of(), List.of(), MediationTheme.DIGITAL_SAFETY);
        activity("P", ActivityKind.PARTNER_MEETING, held, "2024-05-15", null, null, 0, null, "2B033", null,
                List.of("C1"), List.of(), List.of("F1"));
        activity("D1", ActivityKind.EVENT_DAY, held, "2024-04-13", null, "Digital Factory", 40, null, "2B096", null,
                List.of("C1"), List.of(), List.of(), MediationTheme.CREATING);
        activity("D2", ActivityKind.EVENT_DAY, ActivityStatus.PLANNED, "2024-10-12", null, "Digital Factory", 0, null,
                "2A247", null, List.of("C1"), List.of(), List.of());
        activity("D3", ActivityKind.EVENT_DAY, ActivityStatus.CANCELLED, "2024-11-09", null, "Digital Factory", 0,
                null, "2A247", null, List.of("C1"), List.of(), List.of());
    }

    @AfterEach
    void bareReferential() {
        clearNetwork();
    }

    /** Writes an activity with the statement the service uses; its id and key are the fixture's name. */
    void activity(String id, ActivityKind kind, ActivityStatus status, String date, Integer minutes, String title,
            int participants, Integer structures, String communeCode, String placeId, List<String> leaders,
            List<String> met, List<String> partners, MediationTheme... themes) {
        var record = new ActivityRecord(id, "fixture:" + id, "maillage", null, kind, status, LocalDate.parse(date),
                minutes, title, participants, structures, List.of(themes), List.of(), communeCode, placeId, leaders,
                met, partners);
        write(ActivityStatements.UPSERT, Map.of("rows", List.of(record.row())));
    }

    String employer(String siret) {
        return token(Role.EMPLOYER, Map.of("sirets", List.of(siret)), null);
    }

    String coordinator(String adviserId) {
        return token(Role.COORDINATOR, Map.of(), adviserId);
    }

    String territorial(Role role, String key, String code) {
        return token(role, Map.of(key, List.of(code)), null);
    }

    long statementsOf(Runnable request) {
        long before = statements.sent();
        request.run();
        return statements.sent() - before;
    }

    static Map<String, Object> map(Object... keysAndValues) {
        var map = new HashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
