package org.hotline.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.hotline.call.EndReason;
import org.hotline.config.ConfigDefaults;
import org.hotline.config.HttpConfig;
import org.hotline.config.QaConfig;
import org.hotline.config.StoreConfig;
import org.hotline.event.CallEvent;
import org.hotline.qa.ApiPasswords;
import org.hotline.recording.RecordingInfo;
import org.hotline.store.Store;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store's and QA's HTTP API on a real server and an embedded store: credentials and roles
 * (401/403, audited), 404 for unknown recordings, 400 naming the field of a malformed score,
 * range requests on a recording, the event log resumed from a sequence number.
 */
class StoreApiTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Tuesday of 2026-W10, 10:00 in Shanghai. */
    private static final Instant CALL_TIME = Instant.parse("2026-03-03T02:00:00Z");
    /** The following Monday: 2026-W10 is over. */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-09T02:00:00Z"), ZoneOffset.UTC);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int ITERATIONS = 10_000;

    @TempDir
    Path temp;

    private Store store;
    private HttpApi http;
    private byte[] audio;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void start() throws Exception {
        store = Store.open(new StoreConfig("jdbc:h2:file:" + temp.resolve("hotline"), "hotline", "", 2, temp.resolve("spool"),
                Duration.ofSeconds(2), Duration.ofMillis(200)), CLOCK);
        QaConfig qa = new QaConfig(3, 7, ConfigDefaults.QA_SCORING_SHEET, List.of(
                user("qa1", "qa", "qa-pass"), user("sup1", "supervisor", "sup-pass"), user("adm1", "admin", "adm-pass")));
        http = HttpApi.start(new HttpConfig("127.0.0.1", 0), StoreRoutes.of(store, qa, SHANGHAI, CLOCK));
        audio = new byte[10_000];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (i * 31);
        }
        Path file = temp.resolve("rec-1.wav");
        Files.write(file, audio);
        servedCall("call-1", "1001", CALL_TIME);
        RecordingInfo recording = new RecordingInfo("rec-1", "call-1", file, CALL_TIME.plusSeconds(20),
                CALL_TIME.plusSeconds(80), Duration.ofSeconds(60), "b".repeat(64),
                List.of(new RecordingInfo.Segment("TALK", CALL_TIME.plusSeconds(20), CALL_TIME.plusSeconds(80), "1001")),
                "general", "1001", false);
        store.keeper().recordingFinished(recording);
        store.flush().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() {
        http.close();
        store.close();
    }

    private static QaConfig.User user(String name, String role, String password) {
        return new QaConfig.User(name, role, ApiPasswords.hash(password.toCharArray(), ITERATIONS));
    }

    private void servedCall(String callId, String agent, Instant start) {
        List<CallEvent> events = List.of(
                new CallEvent.Offered(callId, start, "13800138000", "4008001234", "sip"),
                new CallEvent.Answered(callId, start.plusSeconds(2)),
                new CallEvent.QueueRequested(callId, start.plusSeconds(8), "general", List.of("0")),
                new CallEvent.QueueEntered(callId, start.plusSeconds(9), "general", 0, 1),
                new CallEvent.AgentConnected(callId, start.plusSeconds(20), "general", agent, Duration.ofSeconds(11)),
                new CallEvent.AgentCallEnded(callId, start.plusSeconds(80), "general", agent, "AGENT", Duration.ofSeconds(60)),
                new CallEvent.QueueLeft(callId, start.plusSeconds(80), "general", "SERVED"),
                new CallEvent.Ended(callId, start.plusSeconds(85), EndReason.COMPLETED));
        events.forEach(store.keeper()::onEvent);
    }

    private HttpResponse<byte[]> send(String method, String path, String user, String password, String body, String range)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .timeout(TIMEOUT).method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        if (range != null) {
            request.header("Range", range);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpResponse<byte[]> get(String path, String user, String password) throws IOException, InterruptedException {
        return send("GET", path, user, password, null, null);
    }

    private JsonNode body(HttpResponse<byte[]> response) throws IOException {
        return json.readTree(response.body());
    }

    private JsonNode auditLines() throws Exception {
        store.flush().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        return body(get("/api/audit", "adm1", "adm-pass")).get("audit");
    }

    private static boolean audited(JsonNode lines, String user, String target, int status) {
        for (JsonNode line : lines) {
            if (line.get("user").asText().equals(user) && line.get("target").asText().equals(target)
                    && line.get("status").asInt() == status) {
                return true;
            }
        }
        return false;
    }

    @Test
    void refusesARequestWithoutACredentialWithAChallengeAndAnAuditLine() throws Exception {
        HttpResponse<byte[]> response = get("/api/recordings/rec-1/audio", null, null);
        assertEquals(401, response.statusCode());
        assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Basic realm="));
        assertTrue(audited(auditLines(), "null", "GET /api/recordings/rec-1/audio", 401));
    }

    @Test
    void refusesAWrongPasswordAsUnauthenticated() throws Exception {
        assertEquals(401, get("/api/qa/sample", "qa1", "guess").statusCode());
        assertEquals(401, get("/api/qa/sample", "nobody", "qa-pass").statusCode());
        assertTrue(audited(auditLines(), "qa1", "GET /api/qa/sample", 401));
    }

    @Test
    void refusesTheWrongRoleWithForbiddenAndAnAuditLine() throws Exception {
        HttpResponse<byte[]> calls = get("/api/calls", "qa1", "qa-pass");
        assertEquals(403, calls.statusCode());
        assertEquals(403, get("/api/audit", "sup1", "sup-pass").statusCode());
        assertTrue(audited(auditLines(), "qa1", "GET /api/calls", 403));
    }

    @Test
    void answersNotFoundForARecordingThatDoesNotExist() throws Exception {
        assertEquals(404, get("/api/recordings/no-such", "qa1", "qa-pass").statusCode());
        assertEquals(404, get("/api/recordings/no-such/audio", "qa1", "qa-pass").statusCode());
        assertEquals(404, send("POST", "/api/recordings/no-such/scores", "qa1", "qa-pass", fullRatings(4), null).statusCode());
    }

    @Test
    void answersGoneForTheAudioOfARecordingRetentionDeleted() throws Exception {
        assertTrue(store.retention().markDeleted("rec-1", CLOCK.instant())); // what the retention pass does (rule R15)

        assertEquals(410, get("/api/recordings/rec-1/audio", "qa1", "qa-pass").statusCode());
        assertEquals(410, send("POST", "/api/recordings/rec-1/scores", "qa1", "qa-pass", fullRatings(4), null).statusCode());
        HttpResponse<byte[]> metadata = get("/api/recordings/rec-1", "qa1", "qa-pass");
        assertEquals(200, metadata.statusCode());
        assertEquals("DELETED", body(metadata).get("recording").get("status").asText());
    }

    private static String fullRatings(int rating) {
        return "{\"ratings\": {\"greeting\": " + rating + ", \"identification\": " + rating + ", \"listening\": " + rating
                + ", \"forbidden-phrases\": " + rating + ", \"hold-etiquette\": " + rating + ", \"closing\": " + rating
                + "}, \"remarks\": \"clear and polite\"}";
    }

    @Test
    void rejectsAMalformedScoreNamingTheField() throws Exception {
        String path = "/api/recordings/rec-1/scores";
        JsonNode outOfRange = body(send("POST", path, "qa1", "qa-pass", fullRatings(4).replace("\"greeting\": 4", "\"greeting\": 9"), null));
        assertEquals("ratings.greeting", outOfRange.get("field").asText());
        JsonNode missing = body(send("POST", path, "qa1", "qa-pass", "{\"ratings\": {\"greeting\": 3}}", null));
        assertEquals("ratings.identification", missing.get("field").asText());
        JsonNode unknown = body(send("POST", path, "qa1", "qa-pass", fullRatings(4).replace("\"closing\"", "\"charm\""), null));
        assertEquals("ratings.charm", unknown.get("field").asText());
        JsonNode text = body(send("POST", path, "qa1", "qa-pass", fullRatings(4).replace("\"listening\": 4", "\"listening\": \"good\""), null));
        assertEquals("ratings.listening", text.get("field").asText());
        HttpResponse<byte[]> notJson = send("POST", path, "qa1", "qa-pass", "{ratings", null);
        assertEquals(400, notJson.statusCode());
        assertEquals("(body)", body(notJson).get("field").asText());
    }

    @Test
    void storesAScoreWithWhoScoredAndWhen() throws Exception {
        HttpResponse<byte[]> created = send("POST", "/api/recordings/rec-1/scores", "qa1", "qa-pass", fullRatings(4), null);
        assertEquals(201, created.statusCode(), new String(created.body(), StandardCharsets.UTF_8));
        assertEquals(80.0, body(created).get("total").asDouble(), 1e-9);
        JsonNode recording = body(get("/api/recordings/rec-1", "qa1", "qa-pass"));
        JsonNode score = recording.get("scores").get(0);
        assertEquals("qa1", score.get("scoredBy").asText());
        assertEquals(CLOCK.instant().toString(), score.get("scoredAt").asText());
        assertEquals("call-1", score.get("callId").asText());
        assertFalse(recording.toString().contains(temp.toString()), "the API never shows the file's path");
    }

    @Test
    void streamsARecordingWithRangeRequests() throws Exception {
        HttpResponse<byte[]> whole = get("/api/recordings/rec-1/audio", "qa1", "qa-pass");
        assertEquals(200, whole.statusCode());
        assertEquals("bytes", whole.headers().firstValue("Accept-Ranges").orElse(""));
        assertEquals("audio/wav", whole.headers().firstValue("Content-Type").orElse(""));
        assertArrayEquals(audio, whole.body());

        HttpResponse<byte[]> middle = send("GET", "/api/recordings/rec-1/audio", "qa1", "qa-pass", null, "bytes=100-199");
        assertEquals(206, middle.statusCode());
        assertEquals("bytes 100-199/10000", middle.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(audio, 100, 200), middle.body());

        HttpResponse<byte[]> tail = send("GET", "/api/recordings/rec-1/audio", "qa1", "qa-pass", null, "bytes=-500");
        assertArrayEquals(Arrays.copyOfRange(audio, 9500, 10_000), tail.body());
        HttpResponse<byte[]> beyond = send("GET", "/api/recordings/rec-1/audio", "qa1", "qa-pass", null, "bytes=20000-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */10000", beyond.headers().firstValue("Content-Range").orElse(""));

        HttpResponse<byte[]> download = get("/api/recordings/rec-1/audio?download=true", "sup1", "sup-pass");
        assertEquals("attachment; filename=\"rec-1.wav\"", download.headers().firstValue("Content-Disposition").orElse(""));
        assertTrue(audited(auditLines(), "qa1", "GET /api/recordings/rec-1/audio", 206), "every listen is audited");
    }

    @Test
    void servesTheEventLogFromASequenceNumber() throws Exception {
        JsonNode first = body(get("/api/events?after=0&limit=2", "sup1", "sup-pass"));
        assertEquals(2, first.get("events").size());
        assertEquals("QueueRequested", first.get("events").get(0).get("type").asText());
        long next = first.get("next").asLong();
        JsonNode rest = body(get("/api/events?after=" + next, "sup1", "sup-pass"));
        assertEquals(List.of("AgentConnected", "AgentCallEnded", "QueueLeft"),
                rest.get("events").findValuesAsText("type"));
        assertTrue(rest.get("events").get(0).get("seq").asLong() > next);
        assertEquals("after", body(get("/api/events?after=-1", "sup1", "sup-pass")).get("field").asText());
        assertEquals(5, body(get("/api/events?from=2026-03-03", "sup1", "sup-pass")).get("events").size(), "that day's replay");
        assertEquals(0, body(get("/api/events?from=2026-03-04", "sup1", "sup-pass")).get("events").size());
    }

    @Test
    void listsCallsOfADayAndFlagsAComplaintThatJoinsTheSample() throws Exception {
        JsonNode calls = body(get("/api/calls?from=2026-03-03&to=2026-03-04", "sup1", "sup-pass")).get("calls");
        assertEquals(1, calls.size());
        assertEquals("SERVED", calls.get(0).get("outcome").asText());
        assertEquals(11_000, calls.get(0).get("waitMs").asLong());
        assertEquals("rec-1", calls.get(0).get("recordingId").asText());
        assertEquals("from", body(get("/api/calls?from=yesterday", "sup1", "sup-pass")).get("field").asText());
        assertEquals(404, get("/api/calls/nope", "sup1", "sup-pass").statusCode());

        HttpResponse<byte[]> flagged = send("PUT", "/api/calls/call-1/complaint", "sup1", "sup-pass",
                "{\"complaint\": true, \"note\": \"caller escalated\"}", null);
        assertEquals(200, flagged.statusCode());
        assertEquals("sup1", body(flagged).get("complaint").get("flaggedBy").asText());
        assertEquals("complaint", body(send("PUT", "/api/calls/call-1/complaint", "sup1", "sup-pass", "{}", null)).get("field").asText());

        JsonNode sample = body(get("/api/qa/sample?week=2026-W10", "qa1", "qa-pass"));
        assertFalse(sample.get("provisional").asBoolean(), "the week is over: its sample is kept");
        JsonNode call = sample.get("calls").get(0);
        assertEquals("call-1", call.get("callId").asText());
        assertTrue(call.get("random").asBoolean() && call.get("complaint").asBoolean());
        assertEquals("week", body(get("/api/qa/sample?week=W10", "qa1", "qa-pass")).get("field").asText());
    }
}
