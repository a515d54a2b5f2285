package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parses real SIPp 3.6.1 trace files, captured from a uac-greeting run against uas-answer. */
class SippTracesTest {

    @Test
    void readsEveryMessageOfTheCallInOrderWithItsDirection() throws IOException {
        List<SipTraceMessage> messages = SippTraces.parseMessages(fixture("uac-greeting-messages.log"), ZoneOffset.UTC);

        assertEquals(List.of("SENT INVITE", "RECEIVED 100", "RECEIVED 180", "RECEIVED 200", "SENT ACK", "SENT BYE", "RECEIVED 200"),
                messages.stream().map(m -> m.direction() + " " + m.statusCode().stream().mapToObj(Integer::toString)
                        .findFirst().orElse(m.method())).toList());
    }

    @Test
    void keepsSippsMicrosecondTimestampsInTheGivenZone() throws IOException {
        SipTraceMessage invite = SippTraces.parseMessages(fixture("uac-greeting-messages.log"), ZoneOffset.UTC).getFirst();

        assertEquals(LocalDateTime.of(2026, 11, 22, 10, 5, 19, 298_714_000).toInstant(ZoneOffset.UTC), invite.at());
    }

    @Test
    void measuresRingingToAnswerAndReadsHeaders() throws IOException {
        List<SipTraceMessage> messages = SippTraces.parseMessages(fixture("uac-greeting-messages.log"), ZoneOffset.UTC);
        SipTraceMessage ringing = messages.get(2);
        SipTraceMessage answer = messages.get(3);

        assertEquals("INVITE", answer.method());
        assertEquals("1 INVITE", answer.header("cseq").orElseThrow());
        assertEquals("4008001234", messages.getFirst().requestUriUser().orElseThrow());
        Duration ringTime = answer.since(ringing);
        assertTrue(ringTime.compareTo(Duration.ofMillis(1000)) >= 0 && ringTime.compareTo(Duration.ofMillis(1100)) < 0, ringTime.toString());
        assertTrue(answer.text().contains("m=audio"), "the body is kept");
    }

    @Test
    void readsTheCumulativeCountersFromTheLastStatisticsRow() throws IOException {
        Map<String, String> stats = SippTraces.parseLastStats(fixture("uac-greeting-stats.csv"));

        assertEquals("1", stats.get("SuccessfulCall(C)"));
        assertEquals("0", stats.get("FailedCall(C)"));
        assertEquals("00:00:01:008000", stats.get("ResponseTimering(C)"));
    }

    @Test
    void anEmptyStatisticsFileHasNoCounters() {
        assertEquals(Map.of(), SippTraces.parseLastStats(""));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = SippTracesTest.class.getResourceAsStream("/system/fixtures/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
