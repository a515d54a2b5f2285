package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * Rule R19 through the trunk: outside the office hours a baresip caller hears we are closed, the
 * on-call phrase and rule R9's transfer phrase; Hotline then dials the on-call number (a {@code tel:}
 * forward URI) through a SIPp stand-in for the trunk, answering its 407 and carrying the hotline's
 * caller ID, and bridges the caller with it: the caller hears the on-call party's tone. When the
 * caller hangs up, the on-call leg gets a BYE; nothing is left on the server.
 */
class AfterHoursTrunkSystemTest {

    private static final String ON_CALL = "13800138000";
    private static final Duration HEAR = Duration.ofSeconds(45);
    private static final Duration LISTEN_EVERY = Duration.ofMillis(250);
    private static final Duration SIPP_LIMIT = Duration.ofSeconds(90);

    @Test
    void anAfterHoursCallerIsBridgedWithTheOnCallNumberDialledThroughTheTrunk() {
        Path dir = RunDirectory.create("after-hours-trunk");
        AudioClip onCallTone = AgentTones.agentTone(Duration.ofSeconds(60));
        Path callee = TestAudio.writeUlawRaw(onCallTone, dir.resolve("callee.ulaw"));
        try (Sipp.Running trunk = Sipp.scenario("uas-trunk.xml").file("callee.ulaw", callee)
                .defaultPause(Duration.ofMillis(500)).timeout(SIPP_LIMIT).start();
             AcdUnderTest acd = AcdUnderTest.start(Map.of(
                     "trunk.enabled", "true",
                     "trunk.proxy.host", Sipp.LOOPBACK,
                     "trunk.proxy.port", Integer.toString(trunk.sipPort()),
                     "trunk.domain", "trunk.example",
                     "trunk.auth.username", "hotline",
                     "trunk.auth.password", "s3cret",
                     "hours.alwaysOpen", "false",
                     "hours.weekly", "[{days: [MONDAY], from: \"08:00\", to: \"09:00\"}]", // closed on the test's Tuesday
                     "hours.afterHours.action", "FORWARD",
                     "hours.afterHours.forwardUri", "tel:" + ON_CALL))) {
            Baresip caller = acd.caller(TestAudio.silence(Duration.ofSeconds(90)));
            caller.dial(acd.uri(AcdUnderTest.DEMO_NUMBER));
            caller.listenUntil(heard -> AgentTones.contains(heard, onCallTone), LISTEN_EVERY, HEAR, "the on-call party's tone");
            caller.hangup();
            Baresip.CallRecording call = caller.recording(HEAR);
            SippResult result = trunk.await().assertPassed();

            AudioMatch.Match connecting = AudioSequence.assertInOrder(call.audio(), java.util.List.of(
                    HotlinePrompts.zhCn("after-hours.closed"), HotlinePrompts.zhCn("after-hours.oncall"),
                    HotlinePrompts.zhCn("transfer.connecting")), Duration.ZERO, Duration.ofMillis(300)).getLast();
            AudioMatch.Match onCall = AudioSequence.bestIn(call.audio(), AgentTones.probe(onCallTone), connecting.end(),
                    call.audio().duration());
            assertTrue(onCall.score() >= AgentTones.MIN_SCORE, "the on-call party after rule R9's phrase: " + onCall);
            assertEquals("<sip:4008001234@trunk.example>", logged(result, "pai "));
            assertEquals("sip:" + ON_CALL + "@trunk.example", logged(result, "request-uri "));
            assertTrue(result.logLines().contains("hotline hung up"), result.logLines().toString());
            acd.assertNothingLeft();
        }
    }

    private static String logged(SippResult result, String prefix) {
        return result.logLines().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .findFirst().orElseThrow(() -> new AssertionError("no '" + prefix + "' in " + result.logLines()));
    }
}
