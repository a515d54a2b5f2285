package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * A missed offer (issue 3 item 4, rule R1's three rings): agents 1001 (whose softphone never
 * answers) and 1002 (answers at once) are both available, 1001 logged in first so it is the longest
 * idle. The caller is offered to 1001, whose phone rings for 10 s ± 0.5 s (ringTimeout) until the
 * offer is cancelled; 1001 is then NOT_READY with reason "no answer", and the caller, keeping their
 * place, reaches 1002 and hears 工号 1 0 0 2 为您服务 and 1002's tone.
 */
class NoAnswerSystemTest {

    private static final Duration RING_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TOLERANCE = Duration.ofMillis(500);
    private static final Duration OFFER = Duration.ofSeconds(15);
    private static final Duration LISTEN_EVERY = Duration.ofMillis(500);
    private static final Duration PROMPT_GAP = Duration.ofMillis(300);

    @Test
    void nonAnsweringAgentIsSkippedAfterTenSecondsSetNotReadyAndTheCallerReachesTheNext() {
        AudioClip toneA = AgentTones.agentTone(Duration.ofSeconds(110));

        try (AcdUnderTest acd = AcdUnderTest.start()) {
            Baresip silent = acd.registeredAgentNotAnswering("1001", toneA);
            Baresip answering = acd.registeredAgent("1002", toneA);
            acd.logInOverHttp("1001");
            acd.logInOverHttp("1002");
            Baresip caller = acd.caller(AgentTones.callerTone(Duration.ofSeconds(110)));
            acd.callAndPressAgentKey(caller);

            BaresipEvent ringing = silent.awaitEvent("CALL_INCOMING", OFFER);
            BaresipEvent cancelled = silent.awaitCallEvent(ringing.callId(), "CALL_CLOSED", RING_TIMEOUT.plus(OFFER));
            BaresipEvent offeredNext = answering.awaitIncoming(OFFER);
            answering.awaitCallEvent(offeredNext.callId(), "CALL_ESTABLISHED", OFFER);
            JsonNode skipped = acd.api().awaitAgent("1001", HotlineApi.has("status", "NOT_READY"), Duration.ofSeconds(5),
                    "NOT_READY after the missed offer");
            caller.listenUntil(heard -> AgentTones.contains(heard, toneA), LISTEN_EVERY, OFFER, "agent 1002's tone");
            caller.hangup();
            AudioClip heard = caller.recording(OFFER).audio();

            Duration rang = Duration.between(ringing.receivedAt(), cancelled.receivedAt());
            assertTrue(rang.minus(RING_TIMEOUT).abs().compareTo(TOLERANCE) <= 0, "rule R1: 1001 rang for " + rang);
            assertTrue(silent.events().stream().noneMatch(e -> e.type().equals("CALL_ESTABLISHED")), "1001 never answered");
            assertFalse(offeredNext.receivedAt().isBefore(ringing.receivedAt().plus(RING_TIMEOUT).minus(TOLERANCE)),
                    "1002 is offered the call only after 1001's offer ran out: " + offeredNext + " vs " + ringing);
            assertEquals("no answer", skipped.path("statusReason").asText(), skipped.toString());
            AudioMatch.Match connecting = AudioMatch.assertContains(heard, HotlinePrompts.zhCn("transfer.connecting"),
                    AudioMatch.DEFAULT_MIN_SCORE);
            AudioSequence.assertInOrder(heard, AcdUnderTest.workNumberAnnouncement("1002"), connecting.end(), PROMPT_GAP);
            acd.assertNothingLeft();
        }
    }
}
