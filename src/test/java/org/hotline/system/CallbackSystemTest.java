package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * Rule R12 end to end with real peers: a baresip caller (caller ID 13912345678) waits in queue
 * general with no agent logged in; after the queue's 10 s threshold it hears the callback offer,
 * presses 1, hears its number read back, confirms with 1, hears it confirmed and is hung up on.
 * Then agent 1001 logs in: Hotline rings the agent first, the agent hears who is called back
 * (callback.whisper and the number), and only then does a SIPp stand-in for the trunk receive the
 * INVITE, challenge it with 407, and get it again with valid credentials and the hotline's caller
 * ID 4008001234 in From and P-Asserted-Identity. The callee answers and streams a tone the agent
 * hears; the agent hangs up and Hotline sends the callee the closing and a BYE.
 */
class CallbackSystemTest {

    private static final String AGENT = "1001";
    private static final String CALLER_NUMBER = "13912345678";
    private static final Duration MENU_TO_OFFER = Duration.ofSeconds(40);
    private static final Duration PROMPT = Duration.ofSeconds(20);
    private static final Duration LISTEN_EVERY = Duration.ofMillis(250);
    private static final Duration OFFER = Duration.ofSeconds(20);
    /** The whisper with 11 digits, dialling, callback.intro, R8 and R3 to the callee, then the relay. */
    private static final Duration BRIDGED = Duration.ofSeconds(50);
    private static final Duration SIPP_LIMIT = Duration.ofSeconds(120);

    @Test
    void theAgentIsConnectedFirstThenTheCallerIsDialledThroughTheTrunkWithTheHotlinesCallerId() {
        Path dir = RunDirectory.create("callback");
        AudioClip calleeTone = AgentTones.callerTone(Duration.ofSeconds(60));
        Path callee = TestAudio.writeUlawRaw(calleeTone, dir.resolve("callee.ulaw"));
        try (Sipp.Running trunk = Sipp.scenario("uas-trunk.xml").file("callee.ulaw", callee)
                .defaultPause(Duration.ofMillis(500)).timeout(SIPP_LIMIT).start();
             AcdUnderTest acd = AcdUnderTest.start(Map.of(
                     "trunk.enabled", "true",
                     "trunk.proxy.host", Sipp.LOOPBACK,
                     "trunk.proxy.port", Integer.toString(trunk.sipPort()),
                     "trunk.domain", "trunk.example",
                     "trunk.auth.username", "hotline",
                     "trunk.auth.password", "s3cret",
                     "queues[0].callbackAfter", "10s",
                     "callback.initialDelay", "0s"))) {
            Baresip caller = acd.phone(new Baresip.Options(CALLER_NUMBER, Baresip.AnswerMode.MANUAL,
                    TestAudio.silence(Duration.ofSeconds(90)), "pcmu", Optional.empty()));
            acd.callAndPressAgentKey(caller);
            caller.listenUntil(heard -> heard(heard, "callback.offer"), LISTEN_EVERY, MENU_TO_OFFER, "the callback offer");
            caller.pressKey('1');
            caller.listenUntil(heard -> heard(heard, "callback.other"), LISTEN_EVERY, PROMPT, "the number read back");
            caller.pressKey('1');
            Baresip.CallRecording asked = caller.recording(PROMPT);

            Baresip agent = acd.registeredAgent(AGENT, AgentTones.agentTone(Duration.ofSeconds(60)));
            acd.logInOverHttp(AGENT);
            BaresipEvent offered = agent.awaitIncoming(OFFER);
            BaresipEvent established = agent.awaitCallEvent(offered.callId(), "CALL_ESTABLISHED", OFFER);
            agent.listenUntil(heard -> AgentTones.contains(heard, calleeTone), LISTEN_EVERY, BRIDGED, "the callee's tone at the agent");
            agent.hangup();
            Baresip.CallRecording atAgent = agent.recordingOf(offered.callId(), OFFER);
            SippResult result = trunk.await().assertPassed();

            AudioMatch.Match confirmed = AudioMatch.assertContains(asked.audio(), HotlinePrompts.zhCn("callback.confirmed"),
                    AudioMatch.DEFAULT_MIN_SCORE);
            AudioMatch.Match readBack = AudioMatch.assertContains(asked.audio(), HotlinePrompts.zhCn("callback.number.before"),
                    AudioMatch.DEFAULT_MIN_SCORE);
            assertTrue(readBack.end().compareTo(confirmed.offset()) <= 0, "read back " + readBack + ", then confirmed " + confirmed);
            assertTrue(asked.closedByPeer(), "Hotline hangs up after the confirmation: " + asked.closeReason());
            Instant firstInvite = result.firstReceivedRequest("INVITE").at();
            assertTrue(established.receivedAt().isBefore(firstInvite),
                    "the agent was connected (" + established.receivedAt() + ") before the trunk got the INVITE (" + firstInvite + ")");
            assertEquals("<sip:4008001234@trunk.example>", logged(result, "pai "));
            assertTrue(logged(result, "from ").contains("<sip:4008001234@trunk.example>"), logged(result, "from "));
            assertEquals("sip:" + CALLER_NUMBER + "@trunk.example", logged(result, "request-uri "));
            assertTrue(logged(result, "proxy-authorization ").contains("username=\"hotline\""), logged(result, "proxy-authorization "));
            AudioMatch.Match whisper = AudioMatch.assertContains(atAgent.audio(), HotlinePrompts.zhCn("callback.whisper"),
                    AudioMatch.DEFAULT_MIN_SCORE);
            AudioMatch.Match calleeVoice = AudioSequence.bestIn(atAgent.audio(), AgentTones.probe(calleeTone), whisper.end(),
                    atAgent.audio().duration());
            assertTrue(calleeVoice.score() >= AgentTones.MIN_SCORE, "the callee after the whisper: " + calleeVoice);
            acd.assertNothingLeft();
        }
    }

    private static boolean heard(AudioClip heard, String prompt) {
        return AudioMatch.best(heard, HotlinePrompts.zhCn(prompt)).score() >= AudioMatch.DEFAULT_MIN_SCORE;
    }

    private static String logged(SippResult result, String prefix) {
        return result.logLines().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .findFirst().orElseThrow(() -> new AssertionError("no '" + prefix + "' in " + result.logLines()));
    }
}
