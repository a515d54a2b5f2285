package org.hotline.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A client of Hotline's HTTP API on 127.0.0.1 (issue 3: {@code GET /api/agents},
 * {@code PUT /api/agents/{workNumber}/status} with {@code {"status": "AVAILABLE|NOT_READY|ON_BREAK|LOGGED_OUT", "reason": ...}},
 * {@code GET /api/queues}), as an ACD system test reads and changes agents. Every request is bounded
 * by {@link #REQUEST_TIMEOUT}. Immutable; any thread.
 */
public final class HotlineApi {

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final URI base;

    /** A response: its status code and JSON body (a missing node when the body is empty). */
    public record Reply(int status, JsonNode body) {

        public Reply requireStatus(int expected) {
            if (status != expected) {
                throw new AssertionError("expected HTTP " + expected + ", got " + status + " " + body);
            }
            return this;
        }
    }

    private HotlineApi(HttpClient client, URI base) {
        this.client = client;
        this.base = base;
    }

    public static HotlineApi at(int port) {
        return new HotlineApi(HttpClient.newBuilder().connectTimeout(REQUEST_TIMEOUT).build(),
                URI.create("http://" + Sipp.LOOPBACK + ":" + port));
    }

    /** {@code PUT /api/agents/{workNumber}/status}; {@code reason} may be empty (NOT_READY needs one). */
    public Reply setStatus(String workNumber, String status, String reason) {
        ObjectNode body = JSON.createObjectNode().put("status", status);
        if (!reason.isEmpty()) {
            body.put("reason", reason);
        }
        return send(HttpRequest.newBuilder(base.resolve("/api/agents/" + workNumber + "/status"))
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())).header("Content-Type", "application/json"));
    }

    /** The demo supervisor's HTTP Basic credential (config/hotline.yaml's qa.users; demo only). */
    public static final String DEMO_SUPERVISOR = "Basic " + java.util.Base64.getEncoder()
            .encodeToString("supervisor:demo-supervisor".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    /** {@code GET /api/messages} as the demo supervisor: the messages callers left, newest first (issue 8). */
    public List<JsonNode> messages() {
        Reply reply = send(HttpRequest.newBuilder(base.resolve("/api/messages")).GET()
                .header("Authorization", DEMO_SUPERVISOR)).requireStatus(200);
        List<JsonNode> messages = new ArrayList<>();
        reply.body().path("messages").forEach(messages::add);
        return messages;
    }

    /** {@code GET path} as the demo supervisor (the store's routes: calls, recordings). */
    public Reply getAsSupervisor(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET().header("Authorization", DEMO_SUPERVISOR));
    }

    /** {@code PUT /api/messages/{id}/assignee}: makes the message the agent's callback task. */
    public Reply assignMessage(String id, String agent) {
        return send(HttpRequest.newBuilder(base.resolve("/api/messages/" + id + "/assignee"))
                .PUT(HttpRequest.BodyPublishers.ofString(JSON.createObjectNode().put("agent", agent).toString()))
                .header("Content-Type", "application/json").header("Authorization", DEMO_SUPERVISOR));
    }

    /** {@code GET /api/agents}: each agent's workNumber, status, statusReason, state, ... */
    public List<JsonNode> agents() {
        Reply reply = send(HttpRequest.newBuilder(base.resolve("/api/agents")).GET()).requireStatus(200);
        List<JsonNode> agents = new ArrayList<>();
        reply.body().path("agents").forEach(agents::add);
        return agents;
    }

    public Optional<JsonNode> agent(String workNumber) {
        return agents().stream().filter(a -> a.path("workNumber").asText().equals(workNumber)).findFirst();
    }

    /** {@code GET /api/queues}. */
    public JsonNode queues() {
        return send(HttpRequest.newBuilder(base.resolve("/api/queues")).GET()).requireStatus(200).body();
    }

    /** {@code GET /api/runtime}: calls, SIP stack, RTP totals and the JVM (issue 7's load bench). */
    public JsonNode runtime() {
        return send(HttpRequest.newBuilder(base.resolve("/api/runtime")).GET()).requireStatus(200).body();
    }

    /** Waits until the agent's JSON satisfies {@code condition} (e.g. status AVAILABLE); returns it. */
    public JsonNode awaitAgent(String workNumber, Predicate<JsonNode> condition, Duration timeout, String what) {
        Await.until(() -> agent(workNumber).filter(condition).isPresent(), timeout, POLL,
                () -> "agent " + workNumber + " " + what + "; now " + agent(workNumber).map(JsonNode::toString).orElse("(absent)"));
        return agent(workNumber).orElseThrow();
    }

    /** A predicate on an agent's JSON: {@code field} has {@code value} (e.g. status, AVAILABLE). */
    public static Predicate<JsonNode> has(String field, String value) {
        return agent -> agent.path(field).asText().equals(value);
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Reply(response.statusCode(), body.isBlank() ? JSON.missingNode() : JSON.readTree(body));
        } catch (IOException e) {
            throw new UncheckedIOException("HTTP request to " + base + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during an HTTP request to " + base, e);
        }
    }
}
