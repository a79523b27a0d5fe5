package fr.maillage.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged service ({@code java -jar maillage.jar}) in a child JVM on a free port, spoken to over HTTP as a
 * client would; it can be killed ({@code kill -9}) like the database.
 */
public final class ServiceProcess implements AutoCloseable {

    /** The first start on an empty store loads every territory of France: minutes on a loaded machine. */
    private static final Duration STARTED_WITHIN = Duration.ofMinutes(10);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ChildProcess process;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();

    private ServiceProcess(ChildProcess process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts the jar with these environment variables and arguments, and waits until it serves. */
    public static ServiceProcess start(Path jar, Map<String, String> environment, Path log, String... arguments) {
        return start(List.of("-Xmx1g"), jar, environment, log, arguments);
    }

    /** {@link #start(Path, Map, Path, String...)} with these JVM options before {@code -jar}. */
    public static ServiceProcess start(List<String> jvmOptions, Path jar, Map<String, String> environment, Path log,
            String... arguments) {
        int port = DatabaseServerProcess.freeLoopbackPort();
        var command = new ArrayList<>(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(List.of(arguments));
        var service = new ServiceProcess(ChildProcess.java(command, environment, log), port);
        service.process.awaitLine("Started MaillageApplication", STARTED_WITHIN);
        return service;
    }

    public int port() {
        return port;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGTERM without waiting (the service stops gracefully); {@link #awaitEnd} waits for its exit status. */
    public void signalTerm() {
        process.signalTerm();
    }

    public int awaitEnd(Duration within) {
        return process.awaitEnd(within);
    }

    public long pid() {
        return process.pid();
    }

    public String output() {
        return process.output();
    }

    /** {@code kill -9}: no shutdown hook, no graceful end of requests in flight. */
    public void killHard() {
        process.killHard();
    }

    public HttpResponse<String> get(String path, String bearer) {
        return send(request(path, bearer).GET());
    }

    /** A GraphQL request, its answer read as JSON (an error comes back with HTTP 200 and {@code errors}). */
    public JsonNode graphQl(String document, Map<String, Object> variables, String bearer) {
        var body = JSON.writeValueAsString(Map.of("query", document, "variables", variables));
        var response = send(request("/graphql", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder request(String path, String bearer) {
        var builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofMinutes(2));
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        process.close();
    }
}
