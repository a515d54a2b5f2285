package org.hotline.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hotline.system.Await;
import org.hotline.system.FreePorts;
import org.hotline.system.InProcessHotline;
import org.hotline.system.Sipp;
import org.hotline.system.SippResult;
import org.hotline.system.SipTraceMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule R20 with the whole server: Hotline keeps its call records in a real PostgreSQL; a first call
 * is recorded; the database is stopped mid-run; a second SIPp call still completes normally (its
 * record goes to the disk spool); once the database is back, the second call's record appears
 * with its outcome, replayed from the spool.
 */
@ExtendWith(PostgresExtension.class)
class StoreOutageCallsSystemTest {

    private static final Duration RECORDED = Duration.ofSeconds(30);
    private static final Pattern CALL_ID = Pattern.compile("(?im)^Call-ID:\\s*(\\S+)");
    private static final String SUPERVISOR = "Basic " + Base64.getEncoder()
            .encodeToString("supervisor:demo-supervisor".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path temp;

    @Test
    void callsCompleteWhileTheDatabaseIsDownAndTheirRecordsAppearWhenItReturns(PostgresCluster cluster) {
        int httpPort = FreePorts.tcpPort();
        try (InProcessHotline hotline = InProcessHotline.start(Map.of(
                "store.jdbcUrl", cluster.createDatabase(),
                "store.user", PostgresCluster.USER,
                "store.spoolDirectory", temp.resolve("spool").toString(),
                "store.retryInterval", "1s",
                "messages.directory", temp.resolve("messages").toString(),
                "recording.directory", temp.resolve("recordings").toString(),
                "http.bindAddress", Sipp.LOOPBACK,
                "http.port", Integer.toString(httpPort)), Clock.systemUTC())) {
            String before = call(hotline);
            Await.until(() -> outcome(httpPort, before).isPresent(), RECORDED, () -> "the first call's record");

            cluster.stopServer();
            String during;
            try {
                during = call(hotline);
            } finally {
                cluster.startServer();
            }

            Await.until(() -> outcome(httpPort, during).isPresent(), RECORDED,
                    () -> "the record of the call made while the database was down");
            assertEquals("IVR", outcome(httpPort, during).orElseThrow().path("outcome").asText());
            assertEquals("CALLER_HANGUP", outcome(httpPort, during).orElseThrow().path("endReason").asText());
        }
    }

    /** A short SIPp call that must pass; returns its Call-ID. */
    private static String call(InProcessHotline hotline) {
        SippResult result = Sipp.scenario("uac-short.xml").remote(Sipp.LOOPBACK, hotline.sipPort()).service("4008001234")
                .defaultPause(Duration.ofSeconds(3)).timeout(Duration.ofSeconds(30)).run().assertPassed();
        SipTraceMessage invite = result.first(m -> m.direction() == SipTraceMessage.Direction.SENT
                && "INVITE".equals(m.method()), "our INVITE");
        Matcher callId = CALL_ID.matcher(invite.text());
        if (!callId.find()) {
            throw new AssertionError("no Call-ID in " + invite.text());
        }
        return callId.group(1);
    }

    /** The call's record from {@code GET /api/calls/{callId}} once it has ended; empty before (or while the store is down). */
    private static java.util.Optional<JsonNode> outcome(int httpPort, String callId) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://" + Sipp.LOOPBACK + ":" + httpPort + "/api/calls/" + callId))
                    .header("Authorization", SUPERVISOR).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return java.util.Optional.empty();
            }
            JsonNode call = new ObjectMapper().readTree(response.body());
            return call.path("endedAt").isTextual() ? java.util.Optional.of(call) : java.util.Optional.empty();
        } catch (IOException e) {
            return java.util.Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
