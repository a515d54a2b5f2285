package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * Proves the baresip caller driver against real peers: it records what a SIPp answerer streams, on
 * a timeline precise enough for rule R5's ±0.5 s (the offset of a known clip and the BYE instant
 * agree with what the answerer did to within 0.2 s), and its key presses leave as RFC 4733 events.
 */
class BaresipSystemTest {

    private static final Duration CALL_SETUP = Duration.ofSeconds(10);
    private static final Duration TIMELINE_TOLERANCE = Duration.ofMillis(200);
    private static final int TELEPHONE_EVENT = 101;

    @Test
    void recordsWhatTheAnswererStreamsOnTheCallsTimeline() {
        Path dir = RunDirectory.create("baresip-records");
        AudioClip speech = TestAudio.speech("Thank you for calling the demo hotline", "en-us", dir);
        Duration speechAt = Duration.ofSeconds(2);
        AudioClip stream = TestAudio.mixAt(TestAudio.noise(Duration.ofSeconds(8), 0.002, 7), speech, speechAt);
        Path prompt = TestAudio.writeUlawRaw(stream, dir.resolve("prompt.ulaw"));
        Duration byeAfterAck = Duration.ofSeconds(6);
        Sipp answererScenario = Sipp.scenario("uas-play-then-bye.xml").defaultPause(byeAfterAck)
                .file("prompt.ulaw", prompt).timeout(Duration.ofSeconds(30));

        try (Sipp.Running answerer = answererScenario.start();
             Baresip caller = Baresip.start(Baresip.Options.caller())) {
            caller.dial("sip:4008001234@" + Sipp.LOOPBACK + ":" + answerer.sipPort());
            AudioClip soFar = caller.listenUntil(h -> AudioMatch.best(h, speech).score() > 0.9, Duration.ofMillis(250),
                    CALL_SETUP, "the speech, while the call goes on");
            assertTrue(soFar.duration().compareTo(byeAfterAck) < 0, "heard before the BYE: " + soFar.duration());
            Baresip.CallRecording heard = caller.recording(byeAfterAck.plus(CALL_SETUP));
            answerer.await().assertPassed();

            AudioMatch.Match match = AudioMatch.assertContains(heard.audio(), speech, 0.9);
            assertWithin(speechAt, match.offset(), "the speech starts 2 s into the stream");
            assertWithin(byeAfterAck, heard.offsetOf(heard.closed()), "the BYE comes 6 s after the stream started");
            assertWithin(byeAfterAck, heard.audio().duration(), "the recording runs until the BYE");
            assertTrue(heard.closedByPeer(), "the answerer hung up: " + heard.closeReason());
        }
    }

    @Test
    void pressedKeysReachTheAnswererAsRfc4733Events() {
        Path dir = RunDirectory.create("baresip-keys");
        Path prompt = TestAudio.writeUlawRaw(TestAudio.silence(Duration.ofSeconds(10)), dir.resolve("prompt.ulaw"));
        Sipp answererScenario = Sipp.scenario("uas-answer.xml").defaultPause(Duration.ofMillis(500))
                .file("prompt.ulaw", prompt).timeout(Duration.ofSeconds(30));

        try (Sipp.Running answerer = answererScenario.start();
             RtpCapture toAnswerer = RtpCapture.start(answerer.mediaPort(), dir);
             Baresip caller = Baresip.start(Baresip.Options.caller())) {
            caller.dial("sip:4008001234@" + Sipp.LOOPBACK + ":" + answerer.sipPort());
            caller.awaitEvent("CALL_RTPESTAB", CALL_SETUP);
            caller.pressKey('1');
            Await.until(() -> RtpAudio.keyPresses(toAnswerer.snapshot().received(), TELEPHONE_EVENT).size() == 1,
                    Duration.ofSeconds(2), () -> "the first key press on the wire");
            caller.pressKey('#');
            Await.until(() -> RtpAudio.keyPresses(toAnswerer.snapshot().received(), TELEPHONE_EVENT).size() == 2,
                    Duration.ofSeconds(2), () -> "the second key press on the wire");
            caller.hangup();
            caller.recording(CALL_SETUP);
            answerer.await().assertPassed();

            List<RtpAudio.KeyPress> keys = RtpAudio.keyPresses(toAnswerer.stop().received(), TELEPHONE_EVENT);
            assertEquals(List.of('1', '#'), keys.stream().map(RtpAudio.KeyPress::key).toList(), "key presses " + keys);
            assertTrue(keys.stream().allMatch(RtpAudio.KeyPress::ended), "every key press ended " + keys);
        }
    }

    @Test
    void recordsAToneAnotherBaresipPlaysAndTellsItTheKeys() {
        AudioClip tone = TestAudio.tone("tone-697Hz", 697, Duration.ofSeconds(4), 0.3);
        try (Baresip peer = Baresip.start(Baresip.Options.answering(tone));
             Baresip caller = Baresip.start(Baresip.Options.caller())) {
            caller.dial(peer.uri());
            caller.awaitEvent("CALL_RTPESTAB", CALL_SETUP);
            caller.pressKey('5');
            BaresipEvent key = peer.awaitEvent("CALL_DTMF_START", Duration.ofSeconds(3));
            Baresip.CallRecording heard = caller.recording(Duration.ofSeconds(10));

            assertEquals("5", key.param());
            AudioMatch.assertContains(heard.audio(), TestAudio.tone("tone-697Hz", 697, Duration.ofSeconds(1), 0.3), 0.95);
        }
    }

    private static void assertWithin(Duration expected, Duration actual, String what) {
        assertTrue(actual.minus(expected).abs().compareTo(TIMELINE_TOLERANCE) <= 0,
                what + ": expected " + expected + " ± " + TIMELINE_TOLERANCE + ", measured " + actual);
    }
}
