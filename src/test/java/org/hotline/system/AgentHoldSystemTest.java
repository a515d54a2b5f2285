package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * Rule R7 on hold (issue 3 item 6): agent 1001 is talking to a caller (tone A reaches the caller)
 * and puts the call on hold from baresip (a re-INVITE with a=sendonly). The caller then hears music
 * on hold instead of the agent, and hold.still-checking 45 s ± 0.5 s after the hold began; when the
 * agent resumes, tone A comes back.
 *
 * <p>Hold start on the caller's timeline: Hotline stops relaying and starts the music when the
 * re-INVITE arrives, so the hold begins where the music's opening is found after the agent's tone;
 * the announcement's start is where the hold.still-checking file starts.
 */
class AgentHoldSystemTest {

    private static final String AGENT = "1001";
    private static final Duration R7_ON_HOLD = Duration.ofSeconds(45);
    private static final Duration TOLERANCE = Duration.ofMillis(500);
    /** Music and the agent's tone may overlap by this much where the hold starts (jitter buffer, frames). */
    private static final Duration SWITCH_OVER = Duration.ofMillis(500);
    private static final Duration LISTEN_EVERY = Duration.ofSeconds(1);
    private static final Duration CONNECT = Duration.ofSeconds(20);
    private static final Duration ANNOUNCEMENT = Duration.ofSeconds(55);

    @Test
    void heldCallerHearsMusicAndStillCheckingAfterFortyFiveSecondsThenTheAgentAgain() {
        AudioClip toneA = AgentTones.agentTone(Duration.ofSeconds(110));
        AudioClip stillChecking = HotlinePrompts.zhCn("hold.still-checking");

        try (AcdUnderTest acd = AcdUnderTest.start()) {
            Baresip agent = acd.registeredAgent(AGENT, toneA);
            acd.logInOverHttp(AGENT);
            Baresip caller = acd.caller(AgentTones.callerTone(Duration.ofSeconds(115)));
            acd.callAndPressAgentKey(caller);
            BaresipEvent offered = agent.awaitIncoming(CONNECT);
            agent.awaitCallEvent(offered.callId(), "CALL_ESTABLISHED", CONNECT);
            caller.listenUntil(heard -> AgentTones.contains(heard, toneA), LISTEN_EVERY, CONNECT, "the agent's tone");
            Duration heldAfter = caller.heardSoFar().duration();

            agent.hold();
            caller.listenUntil(heard -> AudioSequence.bestIn(heard, stillChecking, heldAfter, heard.duration()).score()
                    >= AudioMatch.DEFAULT_MIN_SCORE, LISTEN_EVERY, ANNOUNCEMENT, "rule R7's hold.still-checking");
            Duration resumedAfter = caller.heardSoFar().duration();
            agent.resume();
            caller.listenUntil(heard -> AudioSequence.bestIn(heard, AgentTones.probe(toneA), resumedAfter, heard.duration()).score()
                    >= AgentTones.MIN_SCORE, LISTEN_EVERY, CONNECT, "the agent's tone after resuming");
            caller.hangup();
            AudioClip heard = caller.recording(CONNECT).audio();

            AudioMatch.Match music = AudioSequence.firstIn(heard, AcdUnderTest.musicOnHoldOpening(), heldAfter.minus(SWITCH_OVER),
                    resumedAfter, AudioMatch.DEFAULT_MIN_SCORE); // the first loop: where the hold began
            assertTrue(music.score() >= AudioMatch.DEFAULT_MIN_SCORE, "music on hold after the agent held the call: " + music);
            AudioMatch.Match announcement = AudioSequence.bestIn(heard, stillChecking, music.offset(), heard.duration());
            Duration onHold = announcement.offset().minus(music.offset());
            assertTrue(onHold.minus(R7_ON_HOLD).abs().compareTo(TOLERANCE) <= 0,
                    "rule R7 on hold: hold.still-checking " + onHold + " after the hold began (" + music + ", " + announcement + ")");
            AudioMatch.Match agentWhileHeld = AudioSequence.bestIn(heard, AgentTones.probe(toneA), music.offset().plus(SWITCH_OVER),
                    announcement.offset());
            assertTrue(agentWhileHeld.score() < AgentTones.MIN_SCORE, "the held caller does not hear the agent: " + agentWhileHeld);
            AudioMatch.Match agentAgain = AudioSequence.bestIn(heard, AgentTones.probe(toneA), announcement.end(), heard.duration());
            assertTrue(agentAgain.score() >= AgentTones.MIN_SCORE, "tone A after resuming: " + agentAgain);
            acd.assertNothingLeft();
        }
    }
}
