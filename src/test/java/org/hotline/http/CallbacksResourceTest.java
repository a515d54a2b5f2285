package org.hotline.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hotline.acd.CallbackEntry;
import org.hotline.acd.CallbackStatus;
import org.hotline.config.HttpConfig;
import org.hotline.config.QaConfig;
import org.hotline.qa.ApiPasswords;
import org.hotline.store.StoreUnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pending callbacks (rule R12) for supervisors: listed in turn, read-only, closed to others, 503 while the store is away. */
class CallbacksResourceTest {

    private static final Instant T0 = Instant.parse("2026-03-10T02:00:00Z");
    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);
    private static final CallbackEntry PENDING = new CallbackEntry("callback-c1", "c1", "general", "13800138000", "zh-CN",
            0, T0.minusSeconds(120), T0.minusSeconds(60), 1, T0.plusSeconds(60), CallbackStatus.PENDING, null, T0);

    private final List<String> audit = new ArrayList<>();
    private final AtomicBoolean databaseAway = new AtomicBoolean();
    private final HttpClient client = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private HttpApi http;

    @BeforeEach
    void start() {
        ApiAccess access = new ApiAccess(List.of(user("sup1", "supervisor", "sup-pass"), user("qa1", "qa", "qa-pass")),
                (user, action, target, status, remote) -> audit.add(user + " " + action + " " + status), CLOCK);
        http = HttpApi.start(new HttpConfig("127.0.0.1", 0), new CallbacksResource(() -> {
            if (databaseAway.get()) {
                throw new StoreUnavailableException("away", null);
            }
            return List.of(PENDING);
        }, access).routes());
    }

    @AfterEach
    void stop() {
        http.close();
    }

    @Test
    void aSupervisorSeesThePendingCallbacksWithTheirPlaceAndAttempts() throws Exception {
        HttpResponse<String> list = get("sup1:sup-pass");

        assertEquals(200, list.statusCode(), list.body());
        JsonNode callback = json.readTree(list.body()).path("callbacks").get(0);
        assertEquals("callback-c1", callback.path("callbackId").asText());
        assertEquals("13800138000", callback.path("number").asText());
        assertEquals(T0.minusSeconds(120).toString(), callback.path("placeAt").asText());
        assertEquals(1, callback.path("attempts").asInt());
        assertEquals(T0.plusSeconds(60).toString(), callback.path("nextAttemptAt").asText());
        assertEquals(List.of("sup1 read-callbacks 200"), audit);
    }

    @Test
    void othersAreRefusedAndAnAbsentDatabaseIsA503() throws Exception {
        assertEquals(401, get(null).statusCode());
        assertEquals(403, get("qa1:qa-pass").statusCode());
        databaseAway.set(true);
        HttpResponse<String> away = get("sup1:sup-pass");
        assertEquals(503, away.statusCode(), away.body());
        assertEquals("5", away.headers().firstValue("Retry-After").orElseThrow());
    }

    private HttpResponse<String> get(String credentials) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/api/callbacks"))
                .timeout(Duration.ofSeconds(10)).GET();
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static QaConfig.User user(String name, String role, String password) {
        return new QaConfig.User(name, role, ApiPasswords.hash(password.toCharArray(), 10_000));
    }
}
