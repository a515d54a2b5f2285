package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.hotline.event.CallEvent;
import org.hotline.media.AudioClip;
import org.hotline.recording.CapturedRecordings;
import org.hotline.recording.RecordingInfo;
import org.hotline.recording.RecordingInfo.Segment;
import org.hotline.recording.StereoWav;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 4, recording (rule R14), with real softphones: a baresip caller (tone B, 1100 Hz) reaches
 * agent 1001 (baresip, tone A, 700 Hz), who holds and resumes; the caller hangs up. The call's one
 * recording is a stereo WAV whose length is the connected time (AgentConnected to Ended) within
 * 40 ms, with tone A in the right channel and tone B in the left and neither in the other, a HOLD
 * segment at the agent's hold, and the SHA-256 of the file.
 */
class RecordingSystemTest {

    private static final String AGENT = "1001";
    private static final Duration CONNECT = Duration.ofSeconds(20);
    private static final Duration LISTEN_EVERY = Duration.ofMillis(500);
    private static final Duration FINISHED = Duration.ofSeconds(15);
    private static final Duration LENGTH_TOLERANCE = Duration.ofMillis(40);

    private static final Logger log = LoggerFactory.getLogger(RecordingSystemTest.class);

    @TempDir
    Path recordings;

    @Test
    void theCallIsOneStereoWavOfTheConnectedTimeCallerLeftAgentRightWithTheHoldListed() throws Exception {
        AudioClip toneA = AgentTones.agentTone(Duration.ofSeconds(110));
        AudioClip toneB = AgentTones.callerTone(Duration.ofSeconds(115));
        CapturedCallEvents events = new CapturedCallEvents();
        CapturedRecordings recorded = new CapturedRecordings();

        try (AcdUnderTest acd = AcdUnderTest.start(Map.of("recording.directory", recordings.toString()), events, recorded)) {
            Baresip agent = acd.registeredAgent(AGENT, toneA);
            acd.logInOverHttp(AGENT);
            Baresip caller = acd.caller(toneB);
            acd.callAndPressAgentKey(caller);
            BaresipEvent offered = agent.awaitIncoming(CONNECT);
            agent.awaitCallEvent(offered.callId(), "CALL_ESTABLISHED", CONNECT);
            caller.listenUntil(heard -> AgentTones.contains(heard, toneA), LISTEN_EVERY, CONNECT, "the agent's tone");
            RecordingInfo started = recorded.awaitStarted(CONNECT);

            Duration heldAfter = caller.heardSoFar().duration();
            agent.hold();
            caller.listenUntil(heard -> AudioSequence.bestIn(heard, AcdUnderTest.musicOnHoldOpening(), heldAfter,
                    heard.duration()).score() >= AudioMatch.DEFAULT_MIN_SCORE, LISTEN_EVERY, CONNECT, "music on hold");
            Duration resumedAfter = caller.heardSoFar().duration();
            agent.resume();
            caller.listenUntil(heard -> AudioSequence.bestIn(heard, AgentTones.probe(toneA), resumedAfter, heard.duration())
                    .score() >= AgentTones.MIN_SCORE, LISTEN_EVERY, CONNECT, "the agent's tone after resuming");
            caller.hangup();
            RecordingInfo info = recorded.awaitFinished(FINISHED);

            CallEvent.AgentConnected connected = events.first(CallEvent.AgentConnected.class, FINISHED);
            CallEvent.Ended ended = events.first(CallEvent.Ended.class, FINISHED);
            CallEvent.HeldByAgent held = events.first(CallEvent.HeldByAgent.class, FINISHED);
            CallEvent.ResumedByAgent resumed = events.first(CallEvent.ResumedByAgent.class, FINISHED);
            assertEquals(started.id(), info.id());
            assertEquals(connected.callId(), info.callId());
            StereoWav wav = StereoWav.read(info.file());
            Duration connectedTime = Duration.between(connected.at(), ended.at());
            assertTrue(wav.length().minus(connectedTime).abs().compareTo(LENGTH_TOLERANCE) <= 0,
                    "WAV " + wav.length() + " vs connected " + connectedTime);
            assertEquals(info.length(), wav.length());
            log.atInfo().addKeyValue("wavLength", wav.length()).addKeyValue("connectedTime", connectedTime)
                    .log("measured: recording length");

            AudioMatch.Match agentRight = AudioMatch.best(wav.agent(), AgentTones.probe(toneA));
            AudioMatch.Match callerLeft = AudioMatch.best(wav.caller(), AgentTones.probe(toneB));
            AudioMatch.Match agentLeft = AudioMatch.best(wav.caller(), AgentTones.probe(toneA));
            AudioMatch.Match callerRight = AudioMatch.best(wav.agent(), AgentTones.probe(toneB));
            assertTrue(agentRight.score() >= AgentTones.MIN_SCORE, "the agent's tone on the right: " + agentRight);
            assertTrue(callerLeft.score() >= AgentTones.MIN_SCORE, "the caller's tone on the left: " + callerLeft);
            assertTrue(agentLeft.score() < AgentTones.MIN_SCORE, "not the agent on the left: " + agentLeft);
            assertTrue(callerRight.score() < AgentTones.MIN_SCORE, "not the caller on the right: " + callerRight);
            log.atInfo().addKeyValue("agentRight", agentRight).addKeyValue("callerLeft", callerLeft)
                    .addKeyValue("agentLeft", agentLeft).addKeyValue("callerRight", callerRight).log("measured: channel scores");

            List<Segment> segments = info.segments();
            assertEquals(List.of(Segment.TALK, Segment.HOLD, Segment.TALK), segments.stream().map(Segment::kind).toList());
            assertEquals(new Segment(Segment.HOLD, held.at(), resumed.at(), AGENT), segments.get(1));
            assertEquals(connected.at(), segments.getFirst().from());
            assertEquals(info.ended(), segments.getLast().to());
            assertFalse(info.repairedAfterCrash());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(info.file()))),
                    info.sha256());
            acd.assertNothingLeft();
            Await.until(() -> acd.server().activeRecordings() == 0, FINISHED, () -> "no recording left open");
        }
    }
}
