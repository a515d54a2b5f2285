package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Issue 4 end to end: a real SIPp call through the menu leaves a call record in the embedded
 * store, which a supervisor reads over the HTTP API with the demo credential.
 */
class CallRecordSystemTest {

    private static final Duration RUN_LIMIT = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Test
    void aCallThroughTheMenuLeavesARecordASupervisorCanRead() throws Exception {
        Duration pressAfterAck = HotlinePrompts.longestZhCn(HotlinePrompts.SALUTATIONS)
                .plus(HotlinePrompts.zhCn("greeting.welcome").duration())
                .plus(HotlinePrompts.zhCn("menu.main").duration()).plus(Duration.ofSeconds(1));
        try (InProcessHotline hotline = InProcessHotline.start(Map.of(), Clock.systemUTC())) {
            SippResult caller = Sipp.scenario("uac-greeting.xml").remote(Sipp.LOOPBACK, hotline.sipPort())
                    .mediaPort(FreePorts.block(4, 2)).service("4008001234").defaultPause(pressAfterAck).timeout(RUN_LIMIT)
                    .run();
            caller.assertPassed();
            hotline.server().store().flush().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);

            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + hotline.server().httpPort() + "/api/calls")).timeout(TIMEOUT)
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            "supervisor:demo-supervisor".getBytes(StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            JsonNode calls = new ObjectMapper().readTree(response.body()).get("calls");
            assertEquals(1, calls.size(), response.body());
            JsonNode call = calls.get(0);
            assertEquals("4008001234", call.get("dialledNumber").asText());
            assertNotNull(call.get("answeredAt").textValue(), "the IVR answered");
            assertNotNull(call.get("endedAt").textValue());
            assertEquals("1", call.get("menuPath").asText(), "key 1 opened the billing level");
            assertEquals("IVR", call.get("outcome").asText());
            assertEquals("CALLER_HANGUP", call.get("endReason").asText());
            assertTrue(hotline.server().store().writtenCount() > 0);
        }
    }
}
