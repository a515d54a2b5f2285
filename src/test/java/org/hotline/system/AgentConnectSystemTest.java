package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * Issue 3 end to end with real softphones: agent 1001's baresip registers with digest auth and logs
 * in with the feature code *1; a baresip caller dials the demo number and presses the agent key 0
 * (queue general). By audio: the caller hears rule R3's 工号 1 0 0 1 为您服务 and then the agent's
 * tone A, and no rule R8 thanks (it did not wait); the agent hears the whispered queue name and then
 * the caller's tone B. When the agent hangs up, the caller hears the survey (R11), 5 s later the
 * closing (R10, no key pressed), and is hung up on. Nothing is left on the server.
 */
class AgentConnectSystemTest {

    private static final String AGENT = "1001";
    private static final Duration OFFER = Duration.ofSeconds(15);
    private static final Duration HEAR = Duration.ofSeconds(15);
    private static final Duration LISTEN_EVERY = Duration.ofMillis(250);
    /** Survey (R11) 5 s, the closing, the hang-up, with margin. */
    private static final Duration GOODBYE = Duration.ofSeconds(25);
    /** Back-to-back prompts of one announcement follow within a frame or two. */
    private static final Duration PROMPT_GAP = Duration.ofMillis(300);
    private static final Duration SURVEY_WAIT = Duration.ofSeconds(5);
    private static final Duration TOLERANCE = Duration.ofMillis(500);

    @Test
    void callerHearsTheWorkNumberThenTheAgentTheAgentHearsTheCallerAndTheSurveyFollowsTheAgentsHangUp() {
        AudioClip toneA = AgentTones.agentTone(Duration.ofSeconds(110));
        AudioClip toneB = AgentTones.callerTone(Duration.ofSeconds(110));

        try (AcdUnderTest acd = AcdUnderTest.start()) {
            Baresip agent = acd.registeredAgent(AGENT, toneA);
            acd.logInWithFeatureCode(agent, AGENT);
            Baresip caller = acd.caller(toneB);
            acd.callAndPressAgentKey(caller);

            BaresipEvent offered = agent.awaitIncoming(OFFER);
            agent.awaitCallEvent(offered.callId(), "CALL_ESTABLISHED", OFFER);
            caller.listenUntil(heard -> AgentTones.contains(heard, toneA), LISTEN_EVERY, HEAR, "the agent's tone at the caller");
            agent.listenUntil(heard -> AgentTones.contains(heard, toneB), LISTEN_EVERY, HEAR, "the caller's tone at the agent");
            agent.hangup();
            Baresip.CallRecording atAgent = agent.recordingOf(offered.callId(), OFFER);
            Baresip.CallRecording atCaller = caller.recording(GOODBYE);

            AudioClip heard = atCaller.audio();
            AudioMatch.Match connecting = AudioMatch.assertContains(heard, HotlinePrompts.zhCn("transfer.connecting"),
                    AudioMatch.DEFAULT_MIN_SCORE); // rule R9
            List<AudioMatch.Match> introduction = AudioSequence.assertInOrder(heard, AcdUnderTest.workNumberAnnouncement(AGENT),
                    connecting.end(), PROMPT_GAP); // rule R3
            AudioMatch.assertAbsent(heard, HotlinePrompts.zhCn("wait.thanks"), AudioMatch.DEFAULT_MIN_SCORE); // rule R8: no wait
            AudioMatch.assertAbsent(heard, HotlinePrompts.zhCn("queue.name.general"), AudioMatch.DEFAULT_MIN_SCORE); // whisper: agent only
            AudioMatch.Match agentVoice = AudioSequence.bestIn(heard, AgentTones.probe(toneA), introduction.getLast().end(),
                    heard.duration());
            assertTrue(agentVoice.score() >= AgentTones.MIN_SCORE, "tone A after the work number: " + agentVoice + " " + introduction);
            // From where the agent's tone begins, not where its best-matching second ends: the agent hangs
            // up as soon as both sides heard a second of tone, so that second can end a frame into the survey.
            AudioMatch.Match survey = AudioSequence.bestIn(heard, HotlinePrompts.zhCn("survey.ask"), agentVoice.offset(), heard.duration());
            AudioMatch.Match closing = AudioSequence.bestIn(heard, AcdUnderTest.lastPrompt("closing.normal"), survey.end(), heard.duration());
            assertTrue(survey.score() >= AudioMatch.DEFAULT_MIN_SCORE && closing.score() >= AudioMatch.DEFAULT_MIN_SCORE,
                    "rules R11 and R10 after the agent hung up: " + survey + ", " + closing);
            Duration surveyWait = closing.offset().minus(survey.end());
            assertTrue(surveyWait.minus(SURVEY_WAIT).abs().compareTo(TOLERANCE) <= 0, "rule R11: the survey waits 5 s, waited " + surveyWait);
            assertTrue(atCaller.closedByPeer(), "Hotline hangs up after the closing: " + atCaller.closeReason());

            AudioMatch.Match whisper = AudioMatch.assertContains(atAgent.audio(), HotlinePrompts.zhCn("queue.name.general"),
                    AudioMatch.DEFAULT_MIN_SCORE);
            AudioMatch.Match callerVoice = AudioSequence.bestIn(atAgent.audio(), AgentTones.probe(toneB), whisper.end(),
                    atAgent.audio().duration());
            assertTrue(callerVoice.score() >= AgentTones.MIN_SCORE, "tone B after the whisper " + whisper + ": " + callerVoice);
            acd.assertNothingLeft();
        }
    }
}
