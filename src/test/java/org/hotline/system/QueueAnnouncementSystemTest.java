package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * Rule R7 in queue, as the caller hears it: with agent 1001 registered but logged out, a caller who
 * presses the agent key waits in queue general with music on hold, and hears queue.please-hold 45 s
 * ± 0.5 s after joining the queue (alone in it: no position). Then 1001 logs in over the HTTP API
 * and the caller, who waited, hears rule R8's thanks before rule R3's work number, then the agent.
 *
 * <p>Queue entry on the caller's timeline: the flow says transfer.connecting (rule R9), and only when
 * it has played to its end does the caller join the queue and the music start. So entry = the end of
 * the matched transfer.connecting file (its trailing 150 ms of silence included), and the music's
 * opening is found there too; the announcement's start is where the queue.please-hold file starts.
 */
class QueueAnnouncementSystemTest {

    private static final String AGENT = "1001";
    private static final Duration R7_FIRST = Duration.ofSeconds(45);
    private static final Duration TOLERANCE = Duration.ofMillis(500);
    /** Where the music's opening may sit around queue entry: a frame or two of scheduling. */
    private static final Duration MUSIC_AT_ENTRY = Duration.ofMillis(300);
    private static final Duration PROMPT_GAP = Duration.ofMillis(300);
    private static final Duration LISTEN_EVERY = Duration.ofSeconds(1);
    /** From the key press: transfer.connecting, 45 s of waiting, the announcement, with margin. */
    private static final Duration ANNOUNCEMENT = Duration.ofSeconds(65);
    private static final Duration CONNECT = Duration.ofSeconds(20);

    @Test
    void announcesPleaseHoldFortyFiveSecondsAfterQueueEntryAndThanksTheCallerWhoWaited() {
        AudioClip toneA = AgentTones.agentTone(Duration.ofSeconds(110));
        AudioClip pleaseHold = HotlinePrompts.zhCn("queue.please-hold");

        try (AcdUnderTest acd = AcdUnderTest.start()) {
            Baresip agent = acd.registeredAgent(AGENT, toneA);
            acd.api().awaitAgent(AGENT, HotlineApi.has("status", "LOGGED_OUT"), Duration.ofSeconds(5), "registered but logged out");
            Baresip caller = acd.caller(AgentTones.callerTone(Duration.ofSeconds(115)));
            acd.callAndPressAgentKey(caller);
            caller.listenUntil(heard -> AudioMatch.best(heard, pleaseHold).score() >= AudioMatch.DEFAULT_MIN_SCORE, LISTEN_EVERY,
                    ANNOUNCEMENT, "rule R7's queue.please-hold");
            acd.logInOverHttp(AGENT);
            BaresipEvent offered = agent.awaitIncoming(CONNECT);
            agent.awaitCallEvent(offered.callId(), "CALL_ESTABLISHED", CONNECT);
            caller.listenUntil(heard -> AgentTones.contains(heard, toneA), LISTEN_EVERY, CONNECT, "the agent's tone after the wait");
            caller.hangup();
            AudioClip heard = caller.recording(CONNECT).audio();

            AudioMatch.Match connecting = AudioMatch.assertContains(heard, HotlinePrompts.zhCn("transfer.connecting"),
                    AudioMatch.DEFAULT_MIN_SCORE);
            Duration queueEntry = connecting.end();
            AudioMatch.Match music = AudioSequence.bestIn(heard, AcdUnderTest.musicOnHoldOpening(), queueEntry.minus(MUSIC_AT_ENTRY),
                    queueEntry.plus(MUSIC_AT_ENTRY));
            assertTrue(music.score() >= AudioMatch.DEFAULT_MIN_SCORE, "music on hold from queue entry at " + queueEntry + ": " + music);
            AudioMatch.Match announcement = AudioSequence.bestIn(heard, pleaseHold, queueEntry, heard.duration());
            assertTrue(announcement.score() >= AudioMatch.DEFAULT_MIN_SCORE, "queue.please-hold after queue entry: " + announcement);
            Duration inQueue = announcement.offset().minus(queueEntry);
            assertTrue(inQueue.minus(R7_FIRST).abs().compareTo(TOLERANCE) <= 0,
                    "rule R7: queue.please-hold " + inQueue + " after queue entry (" + connecting + ", " + announcement + ")");
            Duration musicLoop = AcdUnderTest.musicOnHold().duration();
            AudioMatch.Match loop = AudioSequence.bestIn(heard, AcdUnderTest.musicOnHoldOpening(), music.offset().plus(musicLoop).minus(MUSIC_AT_ENTRY),
                    music.offset().plus(musicLoop).plus(MUSIC_AT_ENTRY));
            assertTrue(loop.score() >= AudioMatch.DEFAULT_MIN_SCORE, "the music loops while waiting: " + loop);
            AudioMatch.assertAbsent(heard, HotlinePrompts.zhCn("queue.position.before"), AudioMatch.DEFAULT_MIN_SCORE);

            List<AudioClip> thanksThenWorkNumber = new ArrayList<>(List.of(HotlinePrompts.zhCn("wait.thanks")));
            thanksThenWorkNumber.addAll(AcdUnderTest.workNumberAnnouncement(AGENT));
            List<AudioMatch.Match> introduction = AudioSequence.assertInOrder(heard, thanksThenWorkNumber, announcement.end(), PROMPT_GAP);
            AudioMatch.Match agentVoice = AudioSequence.bestIn(heard, AgentTones.probe(toneA), introduction.getLast().end(), heard.duration());
            assertTrue(agentVoice.score() >= AgentTones.MIN_SCORE, "tone A after rules R8 and R3: " + agentVoice);
            acd.assertNothingLeft();
        }
    }
}
