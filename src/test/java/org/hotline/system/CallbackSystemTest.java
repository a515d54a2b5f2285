package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.hotline.media.AudioClip;
import org.hotline.store.CallOutcome;
import org.hotline.store.CallRecord;
import org.hotline.store.Store;
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
             AcdUnderTest acd = AcdUnderTest.start(callbacksThrough(trunk))) {
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

    /**
     * Rule R12 over a restart: the caller asks for a callback while no agent is logged in, and the
     * server stops; a new server on the same store puts the callback back in line, and once agent
     * 1001 logs in the trunk still receives the callback's INVITE; the callback's record ends
     * CALLBACK_SERVED and nothing stays pending.
     */
    @Test
    void aCallbackAskedForBeforeARestartIsPlacedByTheNextRun() throws Exception {
        Path dir = RunDirectory.create("callback-restart");
        AudioClip calleeTone = AgentTones.callerTone(Duration.ofSeconds(60));
        Path callee = TestAudio.writeUlawRaw(calleeTone, dir.resolve("callee.ulaw"));
        Path store = java.nio.file.Files.createTempDirectory("hotline-callback-store");
        try (Sipp.Running trunk = Sipp.scenario("uas-trunk.xml").file("callee.ulaw", callee)
                .defaultPause(Duration.ofMillis(500)).timeout(SIPP_LIMIT.multipliedBy(2)).start()) {
            Map<String, String> overrides = new java.util.LinkedHashMap<>(callbacksThrough(trunk));
            overrides.put("store.jdbcUrl", "jdbc:h2:file:" + store.resolve("hotline") + ";WRITE_DELAY=0");
            overrides.put("store.spoolDirectory", store.resolve("spool").toString());
            String callbackId;
            try (AcdUnderTest first = AcdUnderTest.start(overrides)) {
                Baresip caller = first.phone(new Baresip.Options(CALLER_NUMBER, Baresip.AnswerMode.MANUAL,
                        TestAudio.silence(Duration.ofSeconds(90)), "pcmu", Optional.empty()));
                first.callAndPressAgentKey(caller);
                caller.listenUntil(heard -> heard(heard, "callback.offer"), LISTEN_EVERY, MENU_TO_OFFER, "the callback offer");
                caller.pressKey('1');
                caller.listenUntil(heard -> heard(heard, "callback.other"), LISTEN_EVERY, PROMPT, "the number read back");
                caller.pressKey('1');
                assertTrue(caller.recording(PROMPT).closedByPeer(), "Hotline hangs up after the confirmation");
                Store kept = first.server().store();
                Await.until(() -> {
                    kept.flush().join();
                    return kept.callbacks().pending().size() == 1;
                }, PROMPT, () -> "the callback is in the store");
                callbackId = kept.callbacks().pending().getFirst().callbackId();
            }
            try (AcdUnderTest second = AcdUnderTest.start(overrides)) {
                Baresip agent = second.registeredAgent(AGENT, AgentTones.agentTone(Duration.ofSeconds(60)));
                second.logInOverHttp(AGENT);
                // Each server's test clock starts at the same 10:00, so the second one reaches the callback's
                // request time (its next attempt) only as long after its start as the request came after the first's.
                BaresipEvent offered = agent.awaitIncoming(MENU_TO_OFFER.plus(PROMPT).plus(OFFER));
                agent.awaitCallEvent(offered.callId(), "CALL_ESTABLISHED", OFFER);
                agent.listenUntil(heard -> AgentTones.contains(heard, calleeTone), LISTEN_EVERY, BRIDGED,
                        "the callee's tone at the agent");
                agent.hangup();
                SippResult result = trunk.await().assertPassed();

                assertEquals("sip:" + CALLER_NUMBER + "@trunk.example", logged(result, "request-uri "));
                assertEquals("<sip:4008001234@trunk.example>", logged(result, "pai "));
                Store kept = second.server().store();
                Await.until(() -> {
                    kept.flush().join();
                    return kept.calls().call(callbackId).map(CallRecord::outcome).orElse(null) == CallOutcome.CALLBACK_SERVED;
                }, PROMPT, () -> "the callback's record: " + kept.calls().call(callbackId));
                assertEquals(java.util.List.of(), kept.callbacks().pending(), "nothing stays pending");
                second.assertNothingLeft();
            }
        }
    }

    private static boolean heard(AudioClip heard, String prompt) {
        return AudioMatch.best(heard, HotlinePrompts.zhCn(prompt)).score() >= AudioMatch.DEFAULT_MIN_SCORE;
    }

    private static String logged(SippResult result, String prefix) {
        return result.logLines().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).strip())
                .findFirst().orElseThrow(() -> new AssertionError("no '" + prefix + "' in " + result.logLines()));
    }

    /** Queue general offers callbacks after 10 s, placed at once through {@code trunk} (digest-authenticated). */
    private static Map<String, String> callbacksThrough(Sipp.Running trunk) {
        return Map.of(
                "trunk.enabled", "true",
                "trunk.proxy.host", Sipp.LOOPBACK,
                "trunk.proxy.port", Integer.toString(trunk.sipPort()),
                "trunk.domain", "trunk.example",
                "trunk.auth.username", "hotline",
                "trunk.auth.password", "s3cret",
                "queues[0].callbackAfter", "10s",
                "callback.initialDelay", "0s");
    }
}
