package org.hotline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.hotline.acd.AcdEventListener;
import org.hotline.acd.AcdSetup;
import org.hotline.acd.AgentProfile;
import org.hotline.acd.QueuePolicy;
import org.hotline.acd.runtime.AcdDriver;
import org.hotline.acd.runtime.SingleThreadSerialExecutor;
import org.hotline.config.HttpConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Round trips over 127.0.0.1 on a free port, against the ACD on its real executor. */
class AcdResourceTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final SingleThreadSerialExecutor executor = new SingleThreadSerialExecutor();
    private final AcdDriver acd = new AcdDriver(new AcdSetup(List.of(QueuePolicy.builder("general").build()),
            List.of(agent("1001"), agent("1002"), agent("1003"), agent("1004")), ZoneId.of("Asia/Shanghai")),
            Clock.systemUTC(), executor, AcdEventListener.NONE);
    private final HttpApi api = HttpApi.start(new HttpConfig("127.0.0.1", 0), new AcdResource(acd, Clock.systemUTC()).routes());
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    @AfterEach
    void stop() {
        api.close();
        acd.close();
    }

    @Test
    void listsAgentsWithStatusStateAndSince() throws Exception {
        Answer answer = send("GET", "/api/agents", null);

        assertEquals(200, answer.status());
        JsonNode first = answer.body().get("agents").get(0);
        assertEquals("1001", first.get("workNumber").asText());
        assertEquals("LOGGED_OUT", first.get("status").asText());
        assertEquals("IDLE", first.get("state").asText());
        assertEquals(4, answer.body().get("agents").size());
        assertEquals(true, first.get("statusSince").asText().endsWith("Z"));
    }

    @Test
    void changesStatusAndAnswersTheNewOne() throws Exception {
        assertEquals(new Answer(200, json.readTree("{\"workNumber\":\"1001\",\"status\":\"AVAILABLE\"}")),
                send("PUT", "/api/agents/1001/status", "{\"status\": \"AVAILABLE\"}"));
        assertEquals(200, send("PUT", "/api/agents/1001/status", "{\"status\": \"NOT_READY\", \"reason\": \"training\"}").status());

        JsonNode agent = send("GET", "/api/agents", null).body().get("agents").get(0);
        assertEquals("NOT_READY", agent.get("status").asText());
        assertEquals("training", agent.get("statusReason").asText());
    }

    @Test
    void refusedChangeIsAConflictNamingTheRefusal() throws Exception {
        for (String agent : List.of("1001", "1002", "1003", "1004")) {
            send("PUT", "/api/agents/" + agent + "/status", "{\"status\": \"AVAILABLE\"}");
        }
        for (String agent : List.of("1001", "1002", "1003")) {
            assertEquals(200, send("PUT", "/api/agents/" + agent + "/status", "{\"status\": \"ON_BREAK\"}").status());
        }

        Answer answer = send("PUT", "/api/agents/1004/status", "{\"status\": \"ON_BREAK\"}");

        assertEquals(409, answer.status());
        assertEquals("CONCURRENT_BREAKS_REACHED", answer.body().get("refusal").asText()); // rule R17
    }

    @Test
    void unknownAgentIsNotFound() throws Exception {
        assertEquals(404, send("PUT", "/api/agents/9999/status", "{\"status\": \"AVAILABLE\"}").status());
    }

    @Test
    void malformedRequestsNameTheField() throws Exception {
        assertEquals("status", send("PUT", "/api/agents/1001/status", "{\"status\": \"SLEEPING\"}").body().get("field").asText());
        assertEquals("status", send("PUT", "/api/agents/1001/status", "{}").body().get("field").asText());
        assertEquals("reason", send("PUT", "/api/agents/1001/status", "{\"status\": \"NOT_READY\"}").body().get("field").asText());
        assertEquals("reason", send("PUT", "/api/agents/1001/status", "{\"status\": \"NOT_READY\", \"reason\": 5}").body().get("field").asText());
        Answer notJson = send("PUT", "/api/agents/1001/status", "status=AVAILABLE");
        assertEquals(400, notJson.status());
        assertEquals("(body)", notJson.body().get("field").asText());
    }

    @Test
    void listsQueuesWithWaitingCallersAndAgents() throws Exception {
        send("PUT", "/api/agents/1002/status", "{\"status\": \"AVAILABLE\"}");

        JsonNode queue = send("GET", "/api/queues", null).body().get("queues").get(0);

        assertEquals("general", queue.get("name").asText());
        assertEquals(0, queue.get("waiting").size());
        assertEquals(4, queue.get("agents").size());
        assertEquals("AVAILABLE", queue.get("agents").get(1).get("status").asText());
        assertEquals("IDLE", queue.get("agents").get(1).get("state").asText());
    }

    @Test
    void unknownPathIsNotFoundAndWrongMethodIsNotAllowed() throws Exception {
        assertEquals(404, send("GET", "/api/nothing", null).status());
        HttpResponse<String> response = client.send(request("DELETE", "/api/agents", null), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode());
        assertEquals(Optional.of("GET"), response.headers().firstValue("Allow"));
    }

    private record Answer(int status, JsonNode body) {}

    private Answer send(String method, String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(request(method, path, body), HttpResponse.BodyHandlers.ofString());
        assertEquals(Optional.of("application/json; charset=utf-8"), response.headers().firstValue("Content-Type"));
        return new Answer(response.statusCode(), json.readTree(response.body()));
    }

    private HttpRequest request(String method, String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
    }

    private static AgentProfile agent(String workNumber) {
        return AgentProfile.of(workNumber, "Agent " + workNumber, "general");
    }
}
