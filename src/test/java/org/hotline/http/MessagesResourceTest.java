package org.hotline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.hotline.config.HttpConfig;
import org.hotline.config.QaConfig;
import org.hotline.message.MessageBox;
import org.hotline.qa.ApiPasswords;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The messages API for supervisors: listed, assigned to an agent, closed to others and audited (rule R15). */
class MessagesResourceTest {

    private static final Instant T0 = Instant.parse("2026-03-10T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final int ITERATIONS = 10_000;

    @TempDir
    Path temp;

    private final List<String> audit = new ArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private HttpApi http;

    @BeforeEach
    void start() {
        MessageBox box = MessageBox.open(temp);
        org.hotline.message.MessageBoxAccess.put(box, "m1", T0.minusSeconds(60));
        ApiAccess access = new ApiAccess(List.of(user("sup1", "supervisor", "sup-pass"), user("qa1", "qa", "qa-pass")),
                (user, action, target, status, remote) -> audit.add(user + " " + action + " " + status), CLOCK);
        http = HttpApi.start(new HttpConfig("127.0.0.1", 0),
                new MessagesResource(box, access, Set.of("1001", "1002"), CLOCK).routes());
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void aSupervisorListsTheMessagesAndAssignsOneToAnAgent() throws Exception {
        HttpResponse<String> list = send("GET", "/api/messages", null, "sup1:sup-pass");
        HttpResponse<String> assigned = send("PUT", "/api/messages/m1/assignee", "{\"agent\": \"1002\"}", "sup1:sup-pass");

        assertEquals(200, list.statusCode(), list.body());
        JsonNode message = json.readTree(list.body()).path("messages").get(0);
        assertEquals("m1", message.path("id").asText());
        assertEquals("NOT_SERVED", message.path("reason").asText());
        assertTrue(message.path("file").isMissingNode(), "where the WAV is stays private: " + message);
        assertEquals(200, assigned.statusCode(), assigned.body());
        assertEquals("1002", json.readTree(assigned.body()).path("assignee").asText());
        assertEquals(T0.toString(), json.readTree(assigned.body()).path("assignedAt").asText());
    }

    @Test
    void othersAreRefusedAndEveryRequestIsAudited() throws Exception {
        assertEquals(401, send("GET", "/api/messages", null, null).statusCode());
        assertEquals(403, send("GET", "/api/messages", null, "qa1:qa-pass").statusCode());
        assertEquals(List.of("null read-messages 401", "qa1 read-messages 403"), audit);
    }

    @Test
    void anUnknownAgentOrMessageIs404AndAMissingAgent400() throws Exception {
        assertEquals(404, send("PUT", "/api/messages/m1/assignee", "{\"agent\": \"9999\"}", "sup1:sup-pass").statusCode());
        assertEquals(404, send("PUT", "/api/messages/nope/assignee", "{\"agent\": \"1001\"}", "sup1:sup-pass").statusCode());
        assertEquals(400, send("PUT", "/api/messages/m1/assignee", "{}", "sup1:sup-pass").statusCode());
    }

    @Test
    void aSupervisorMarksAMessageHandledAndTheListingSaysWhetherItsAudioIsKept() throws Exception {
        assertEquals("RECORDING", json.readTree(send("GET", "/api/messages", null, "sup1:sup-pass").body())
                .path("messages").get(0).path("audio").asText());

        HttpResponse<String> handled = send("PUT", "/api/messages/m1/handled", null, "sup1:sup-pass");

        assertEquals(200, handled.statusCode(), handled.body());
        JsonNode message = json.readTree(handled.body());
        assertEquals("sup1", message.path("handledBy").asText());
        assertEquals(T0.toString(), message.path("handledAt").asText());
        assertEquals(404, send("PUT", "/api/messages/nope/handled", null, "sup1:sup-pass").statusCode());
        assertEquals(403, send("PUT", "/api/messages/m1/handled", null, "qa1:qa-pass").statusCode());
    }

    private HttpResponse<String> send(String method, String path, String body, String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static QaConfig.User user(String name, String role, String password) {
        return new QaConfig.User(name, role, ApiPasswords.hash(password.toCharArray(), ITERATIONS));
    }
}
