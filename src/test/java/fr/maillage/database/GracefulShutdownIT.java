package fr.maillage.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import fr.maillage.support.ChildProcess;
import fr.maillage.support.DatabaseServerProcess;
import fr.maillage.support.PackagedJar;
import fr.maillage.support.ServiceProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.GraphDatabase;

/**
 * SIGTERM on the packaged jar ({@code java -jar}, in-process Neo4j on a store of its own): the request in flight is
 * answered, new connections are refused, the driver and the database close, and the next start on the same store
 * needs no recovery. Neo4j writes "Recovery required" in its debug.log when a start finds transactions the store did
 * not take in: the control run (kill -9 after a write) shows it does, so its absence after a SIGTERM means something.
 * Run by failsafe after {@code package}; the first start loads every territory of France.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GracefulShutdownIT {

    private static final String RECOVERY = "Recovery required";
    private static final Duration STOP = Duration.ofMinutes(2);

    @TempDir
    static Path directory;

    private static Service service;

    @AfterAll
    static void stop() {
        if (service != null) {
            service.process().close();
        }
    }

    @Test
    @Order(1)
    void aSigtermLetsTheRequestInFlightFinishRefusesNewOnesAndClosesTheStore() throws Exception {
        service = Service.start(directory);
        service.write("CREATE (:ShutdownProbe {step: 'before SIGTERM'})");

        // a request whose body is still coming when the signal arrives: in flight for the web server
        var body = "{\"query\":\"{ __typename }\"}".getBytes(StandardCharsets.UTF_8);
        try (var inFlight = new Socket("127.0.0.1", service.process().port())) {
            inFlight.setSoTimeout((int) STOP.toMillis());
            OutputStream out = inFlight.getOutputStream();
            out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, 0, 5);
            out.flush();
            Thread.sleep(3_000); // the server has read the headers and waits for the rest of the body

            service.process().signalTerm();
            assertThat(refusedWithin(service.process().port(), STOP)).as("new connections refused once the shutdown began")
                    .isTrue();
            assertThat(service.process().isAlive()).as("still waiting for the request in flight").isTrue();

            out.write(body, 5, body.length - 5);
            out.flush();
            var answer = readResponse(inFlight.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 200").contains("{\"data\":{\"__typename\":\"Query\"}}");
        }
        // 143 is 128 + SIGTERM: the JVM ran its shutdown hooks and ended as the signal asks
        assertThat(service.process().awaitEnd(STOP)).isIn(0, 143);
        assertThat(service.process().output()).contains("Commencing graceful shutdown", "Graceful shutdown complete")
                // the service's own start: the database started beside Spring's, taken and then closed by the context
                .contains("In-process Neo4j started beside Spring's own start")
                .doesNotContain("did not shut down cleanly", "Exception in thread");
    }

    @Test
    @Order(2)
    void theNextStartNeedsNoRecoveryWhileOneAfterAKillDoes() throws Exception {
        var log = debugLog();

        long before = Files.size(log);
        service = Service.start(directory);
        assertThat(tail(log, before)).as("debug.log of the start after SIGTERM").doesNotContain(RECOVERY);
        assertThat(service.count("MATCH (p:ShutdownProbe) RETURN count(p)")).isEqualTo(1);

        // control: a write, then kill -9; the next start replays the transaction log
        service.write("CREATE (:ShutdownProbe {step: 'before kill -9'})");
        service.process().killHard();
        before = Files.size(log);
        service = Service.start(directory);
        assertThat(tail(log, before)).as("debug.log of the start after kill -9").contains(RECOVERY);
        assertThat(service.count("MATCH (p:ShutdownProbe) RETURN count(p)")).as("committed before the kill").isEqualTo(2);

        service.process().signalTerm();
        assertThat(service.process().awaitEnd(STOP)).isIn(0, 143);
    }

    @Test
    @Order(3)
    void aStartThatFailsAfterTheDatabaseStartedClosesTheStoreAndExits() throws Exception {
        long before = Files.size(debugLog());
        // the web server's port is taken: the start fails at its very end, the database long started
        try (var taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(0));
            try (var failed = startingJar(taken.getLocalPort(), "failed-")) {
                assertThat(failed.awaitEnd(STOP)).as("exit status of a start that failed").isNotZero();
                assertThat(failed.output()).contains("In-process Neo4j started beside Spring's own start")
                        .contains("APPLICATION FAILED TO START");
            }
        }
        assertTheNextStartNeedsNoRecovery(before, "after a failed one");
    }

    @Test
    @Order(4)
    void aSigtermWhileTheDatabaseIsStillStartingLeavesTheStoreClean() throws Exception {
        long before = Files.size(debugLog());
        try (var starting = startingJar(0, "stopped-")) {
            // Spring's context is built while Neo4j is still starting on its own thread (on 2 cores, for seconds):
            // the signal lands while the main thread waits for the database or soon after
            starting.awaitLine("Root WebApplicationContext: initialization completed", STOP);
            starting.signalTerm();
            assertThat(starting.awaitEnd(STOP)).as("exit status of a start stopped by SIGTERM").isNotZero();
        }
        assertTheNextStartNeedsNoRecovery(before, "after one stopped while starting");
    }

    private static Path debugLog() {
        return directory.resolve("neo4j").resolve("logs").resolve("debug.log");
    }

    /** The packaged jar on the test's store, not waited for: a start the test stops or sees fail. */
    private static ChildProcess startingJar(int port, String logPrefix) throws IOException {
        return ChildProcess.java(List.of("-Xmx1g", "-jar", PackagedJar.jar().toString(), "--server.port=" + port),
                Service.environment(directory), Files.createTempFile(directory, logPrefix, ".log"));
    }

    /** Starts the service again on the store: Neo4j's log since {@code before} shows no recovery; then stops it. */
    private static void assertTheNextStartNeedsNoRecovery(long before, String after) throws IOException {
        service = Service.start(directory);
        assertThat(tail(debugLog(), before)).as("debug.log of the start " + after).doesNotContain(RECOVERY);
        service.process().signalTerm();
        assertThat(service.process().awaitEnd(STOP)).isIn(0, 143);
    }

    /** The packaged jar on the store under {@code directory}, its Bolt connector on a free port for the checks. */
    record Service(ServiceProcess process, int boltPort) {

        static Service start(Path directory) throws IOException {
            int boltPort = DatabaseServerProcess.freeLoopbackPort();
            var environment = environment(directory);
            environment.put("MAILLAGE_EMBEDDED_BOLT_PORT", String.valueOf(boltPort));
            return new Service(ServiceProcess.start(PackagedJar.jar(), environment,
                    Files.createTempFile(directory, "service-", ".log")), boltPort);
        }

        /** The documented defaults on the test's store, without the demo. */
        static Map<String, String> environment(Path directory) {
            var environment = PackagedJar.environment(directory.resolve("neo4j"));
            environment.put("MAILLAGE_DEMO_ENABLED", "false");
            return environment;
        }

        /** A write straight over the in-process Bolt connector, committed before this returns. */
        void write(String cypher) {
            try (var driver = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.none());
                    var session = driver.session()) {
                session.executeWrite(tx -> tx.run(cypher).consume());
            }
        }

        long count(String cypher) {
            try (var driver = GraphDatabase.driver("bolt://127.0.0.1:" + boltPort, AuthTokens.none());
                    var session = driver.session()) {
                return session.executeRead(tx -> tx.run(cypher).single().get(0).asLong());
            }
        }
    }

    private static boolean refusedWithin(int port, Duration bound) throws InterruptedException {
        long until = System.nanoTime() + bound.toNanos();
        while (System.nanoTime() < until) {
            try (var probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            } catch (ConnectException refused) {
                return true;
            } catch (IOException other) {
                // a timeout under load: try again
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** The whole of one HTTP/1.1 response: status line, headers, body (the request asked to close after it). */
    private static String readResponse(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String tail(Path file, long from) throws IOException {
        var bytes = Files.readAllBytes(file);
        return new String(bytes, (int) Math.min(from, bytes.length), (int) Math.max(0, bytes.length - from),
                StandardCharsets.UTF_8);
    }
}
