package fr.maillage.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Requests sent truly at the same time, to make races between writes likely: each call runs on its own thread, and
 * a barrier releases them all together. Bounds are generous and only guard against a hang: nothing here is timed.
 */
public final class AtOnce {

    private static final ObjectMapper JSON = new ObjectMapper();

    private AtOnce() {
    }

    /** Runs the calls at once and returns their results in the order of the calls. */
    @SafeVarargs
    public static <T> List<T> run(Callable<T>... calls) {
        var barrier = new CyclicBarrier(calls.length);
        var pool = Executors.newFixedThreadPool(calls.length);
        try {
            var futures = new ArrayList<java.util.concurrent.Future<T>>();
            for (var call : calls) {
                futures.add(pool.submit(() -> {
                    barrier.await(60, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            var results = new ArrayList<T>();
            for (var future : futures) {
                results.add(future.get(180, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new IllegalStateException("a concurrent call failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The answer of {@code /graphql} to {@code document} as parsed JSON, errors included (never thrown). */
    public static JsonNode graphQl(WebTestClient client, String document, Map<String, Object> variables) {
        var body = client.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", document, "variables", variables)).exchange()
                .expectBody(String.class).returnResult().getResponseBody();
        return json(body);
    }

    public static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new IllegalStateException(body, e);
        }
    }

    /** Whether a GraphQL answer is a success: no error at all. */
    public static boolean succeeded(JsonNode answer) {
        return answer.path("errors").isEmpty();
    }

    /** The classification of the first error, or "" for a success. */
    public static String errorType(JsonNode answer) {
        return answer.path("errors").path(0).path("extensions").path("classification").asText("");
    }
}
