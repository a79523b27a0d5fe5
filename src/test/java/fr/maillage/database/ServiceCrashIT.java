package fr.maillage.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import fr.maillage.support.ChildProcess;
import fr.maillage.support.DatabaseServerProcess;
import fr.maillage.support.PackagedJar;
import fr.maillage.support.ServiceProcess;
import fr.maillage.support.TestSirets;
import fr.maillage.support.Waits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged service, with its in-process database, killed with {@code kill -9} while mutations and application
 * steps stream in, then started again on the same store: every transaction is in the graph entirely or not at all
 * (an adviser comes with its contract, an application's history matches its status), every answered one survived,
 * and the service serves again. Development tokens of the local profile sign the requests (refused against a
 * server); the kill lands at a random moment (fixed seed, printed).
 */
class ServiceCrashIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int ROUNDS = 2;

    @TempDir
    static Path directory;

    private final int boltPort = DatabaseServerProcess.freeLoopbackPort();
    private final Random random = new Random(Long.getLong("crash.seed", 20261201L));
    private final AtomicInteger sirets = new AtomicInteger();

    /** Every mutation the service answered: the graph must hold it after any crash. */
    private final Set<String> hired = ConcurrentHashMap.newKeySet();
    private final Set<String> ended = ConcurrentHashMap.newKeySet();
    private final Set<String> drafted = ConcurrentHashMap.newKeySet();
    private final Set<String> withdrawn = ConcurrentHashMap.newKeySet();
    /** A mutation refused while the service ran: the test's own mistake, told at once. */
    private final AtomicReference<AssertionError> refused = new AtomicReference<>();

    @Test
    void aServiceKilledDuringWritesLeavesEachTransactionWholeOrAbsent() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            try (var service = start(round)) {
                var anct = token(service);
                var employer = registerEmployer(service, anct, "Employeur des recrutements " + round);
                var stop = new AtomicBoolean();
                var hires = new Thread(() -> hireAndEndContracts(service, anct, employer, stop), "hires");
                var steps = new Thread(() -> draftAndWithdrawApplications(service, anct, stop), "steps");
                hires.start();
                steps.start();
                int answeredBefore = hired.size() + drafted.size();
                Waits.await(() -> {
                    if (refused.get() != null) {
                        throw refused.get();
                    }
                    return hired.size() + drafted.size() >= answeredBefore + 4;
                }, Duration.ofMinutes(5), "a few mutations answered");
                long delay = random.nextInt(3_000);
                System.out.println("ServiceCrashIT round " + round + ": kill -9 in " + delay + " ms");
                ChildProcess.pause(Duration.ofMillis(delay));
                service.killHard();
                stop.set(true);
                hires.join(Duration.ofMinutes(3).toMillis());
                steps.join(Duration.ofMinutes(3).toMillis());
                assertThat(refused.get()).as("a mutation refused before the kill").isNull();
            }
            try (var service = start(round + 100)) {
                checkInvariants();
                // the service writes again after the crash
                var anct = token(service);
                assertThat(registerEmployer(service, anct, "Employeur après l'arrêt " + round)).isNotBlank();
            }
        }
        assertThat(hired).as("hires answered across the rounds").isNotEmpty();
        assertThat(drafted).as("drafts answered across the rounds").isNotEmpty();
    }

    private void checkInvariants() {
        try (var driver = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.none());
                var session = driver.session()) {
            var advisers = session.run("""
                    MATCH (a:Adviser) WHERE a.firstName = 'Crash'
                    RETURN a.id AS id, COUNT { (a)-[:EMPLOYED_BY]->() } AS contracts,
                      COUNT { (a)-[c:EMPLOYED_BY]->() WHERE c.end IS NULL OR c.end >= date() } AS running""")
                    .list(r -> Map.of("id", r.get("id").asString(), "contracts", r.get("contracts").asLong(),
                            "running", r.get("running").asLong()));
            var ids = advisers.stream().map(a -> (String) a.get("id")).toList();
            assertThat(ids).as("every answered hire survived the crash").containsAll(hired);
            assertThat(advisers).as("a hired adviser comes with exactly one contract")
                    .allMatch(a -> (long) a.get("contracts") == 1);
            var running = advisers.stream().filter(a -> (long) a.get("running") == 1)
                    .map(a -> (String) a.get("id")).toList();
            assertThat(running).as("every answered end of contract survived").doesNotContainAnyElementsOf(ended);
            assertThat(advisers).as("at most one running contract").allMatch(a -> (long) a.get("running") <= 1);

            var applications = session.run("""
                    MATCH (a:CoordinatorApplication)
                    OPTIONAL MATCH (a)-[:HAS_EVENT]->(e:ApplicationEvent)
                    WITH a, e ORDER BY e.seq
                    RETURN a.id AS id, a.status AS status, collect(e.seq) AS seqs, collect(e.toStatus) AS statuses""")
                    .list(r -> Map.of("id", r.get("id").asString(), "status", r.get("status").asString(),
                            "seqs", r.get("seqs").asList(v -> v.asLong()),
                            "statuses", r.get("statuses").asList(v -> v.asString())));
            assertThat(applications.stream().map(a -> (String) a.get("id")).toList())
                    .as("every answered draft survived").containsAll(drafted);
            for (var application : applications) {
                @SuppressWarnings("unchecked")
                var seqs = (List<Long>) application.get("seqs");
                @SuppressWarnings("unchecked")
                var statuses = (List<String>) application.get("statuses");
                assertThat(seqs).as("history numbered without gap: %s", application)
                        .isEqualTo(java.util.stream.LongStream.rangeClosed(1, seqs.size()).boxed().toList());
                assertThat(statuses).as("history ends on the status: %s", application).isNotEmpty()
                        .last().isEqualTo(application.get("status"));
                if (withdrawn.contains((String) application.get("id"))) {
                    assertThat(application.get("status")).isEqualTo("WITHDRAWN");
                }
            }
            // no node left half-written by a transaction cut short: every actor is placed or attached
            assertThat(session.run("MATCH (e:Employer) WHERE NOT (e)-[:IN_COMMUNE]->() RETURN count(e)").single()
                    .get(0).asLong()).isZero();
            assertThat(session.run("""
                    MATCH (a:CoordinatorApplication) WHERE NOT (a)-[:SUBMITTED_BY]->(:Employer)
                    RETURN count(a)""").single().get(0).asLong()).isZero();
        }
    }

    /** Hires an adviser, ends the contract, and again, until the service stops answering. */
    private void hireAndEndContracts(ServiceProcess service, String anct, String employer, AtomicBoolean stop) {
        try {
            for (int i = 0; !stop.get(); i++) {
                var adviser = data(service.graphQl("""
                        mutation($input: HireAdviserInput!) { hireAdviser(input: $input) { id } }""",
                        Map.of("input", Map.of("employerId", employer, "firstName", "Crash", "lastName",
                                "Conseiller " + i, "contractType", "CDI_PUBLIC", "start", "2025-01-06")), anct))
                        .path("hireAdviser").path("id").asString();
                hired.add(adviser);
                data(service.graphQl("mutation($id: ID!) { endContract(adviserId: $id, end: \"2026-01-30\") { id } }",
                        Map.of("id", adviser), anct));
                ended.add(adviser);
            }
        } catch (RuntimeException e) {
            // the service was killed: the request in flight has no answer
        } catch (AssertionError e) {
            refused.set(e);
        }
    }

    /** Drafts an application for a new employer, withdraws it, and again, until the service stops answering. */
    private void draftAndWithdrawApplications(ServiceProcess service, String anct,
            AtomicBoolean stop) {
        try {
            while (!stop.get()) {
                var employer = registerEmployer(service, anct, "Commune candidate");
                var input = Map.of("campaignCode", "AAC-COORD-2023", "employerId", employer,
                        "applicationCase", "CREATE_POST", "contractType", "CDI_PUBLIC", "fullTime", true,
                        "perimeter", Map.of("kind", "DEPARTMENT", "territories",
                                List.of(Map.of("level", "DEPARTMENT", "code", "48"))));
                var application = data(service.graphQl("""
                        mutation($input: CoordinatorApplicationInput!) {
                          draftCoordinatorApplication(input: $input) { id } }""", Map.of("input", input), anct))
                        .path("draftCoordinatorApplication").path("id").asString();
                drafted.add(application);
                data(service.graphQl("""
                        mutation($id: ID!) { withdrawCoordinatorApplication(id: $id, reason: "Essai") { id } }""",
                        Map.of("id", application), anct));
                withdrawn.add(application);
            }
        } catch (RuntimeException e) {
            // the service was killed: the request in flight has no answer
        } catch (AssertionError e) {
            refused.set(e);
        }
    }

    private String registerEmployer(ServiceProcess service, String anct, String name) {
        var siret = TestSirets.valid('7', sirets.incrementAndGet());
        return data(service.graphQl("""
                mutation($input: EmployerInput!) { registerEmployer(input: $input) { id } }""",
                Map.of("input", Map.of("siret", siret, "name", name + " " + siret, "legalKind",
                        "TERRITORIAL_COLLECTIVITY", "communeCode", "48095")), anct))
                .path("registerEmployer").path("id").asString();
    }

    /** The answer's data; an answer with errors fails the test (every mutation here is valid). */
    private static JsonNode data(JsonNode answer) {
        if (!answer.path("errors").isEmpty()) {
            throw new AssertionError("refused: " + answer);
        }
        return answer.path("data");
    }

    private static String token(ServiceProcess service) {
        var response = service.get("/dev/tokens/ANCT", null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("token").asString();
    }

    /** The service on its in-process store, the same one at every start, demo off, the budgets out of the way. */
    private ServiceProcess start(int run) {
        var environment = new HashMap<String, String>();
        environment.put("NEO4J_URI", null);
        environment.put("SPRING_PROFILES_ACTIVE", "local");
        environment.put("MAILLAGE_DATA_DIR", directory.resolve("neo4j").toString());
        environment.put("MAILLAGE_EMBEDDED_BOLT_PORT", String.valueOf(boltPort));
        environment.put("MAILLAGE_DATABASE_STARTUP_TIMEOUT", "300s");
        return ServiceProcess.start(PackagedJar.jar(), environment, directory.resolve("service-" + run + ".log"),
                "--maillage.demo.enabled=false", "--maillage.api.per-caller.requests-per-minute=1000000",
                "--maillage.api.per-caller.cost-per-minute=1000000000");
    }
}
