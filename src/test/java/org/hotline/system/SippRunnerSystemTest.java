package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * Proves the SIPp runner and the issue-2 caller scenarios against a SIPp answerer standing in for the
 * server: the traces give the 180/200 order and timing (rule R1), the digit leaves as RFC 4733 events,
 * the silent caller sends nothing and waits for the BYE (rule R5).
 */
class SippRunnerSystemTest {

    private static final String DEMO_NUMBER = "4008001234";
    private static final int TELEPHONE_EVENT = 101;
    private static final Duration RUN_LIMIT = Duration.ofSeconds(30);

    @Test
    void greetingCallerSeesRingingThenAnswerAndPressesOneAsRfc4733Events() {
        Path dir = RunDirectory.create("sipp-runner-greeting");
        Path prompt = TestAudio.writeUlawRaw(TestAudio.tone("prompt", 1000, Duration.ofSeconds(2), 0.3), dir.resolve("prompt.ulaw"));
        Sipp answererScenario = Sipp.scenario("uas-answer.xml").defaultPause(Duration.ofMillis(1000))
                .file("prompt.ulaw", prompt).timeout(RUN_LIMIT);

        try (Sipp.Running answerer = answererScenario.start();
             RtpCapture toAnswerer = RtpCapture.start(answerer.mediaPort(), dir)) {
            SippResult caller = Sipp.scenario("uac-greeting.xml").remote(Sipp.LOOPBACK, answerer.sipPort())
                    .service(DEMO_NUMBER).defaultPause(Duration.ofSeconds(2)).timeout(RUN_LIMIT).run();
            SippResult answered = answerer.await();
            RtpCapture.Captured atAnswerer = toAnswerer.stop();
            List<RtpPacket> heardByAnswerer = atAnswerer.received();

            caller.assertPassed();
            answered.assertPassed();
            SipTraceMessage ringing = caller.firstReceivedResponse(180, "INVITE");
            SipTraceMessage answer = caller.firstReceivedResponse(200, "INVITE");
            Duration ringTime = answer.since(ringing);
            assertTrue(ringTime.compareTo(Duration.ofMillis(900)) > 0 && ringTime.compareTo(Duration.ofMillis(1500)) < 0,
                    "the answerer rings 1 s; the trace says " + ringTime);
            assertTrue(caller.responseTime("ring").minus(ringTime).abs().compareTo(Duration.ofMillis(20)) < 0,
                    "rtd 'ring' " + caller.responseTime("ring") + " agrees with the trace " + ringTime);
            assertEquals(DEMO_NUMBER, answered.firstReceivedRequest("INVITE").requestUriUser().orElseThrow());

            List<RtpAudio.KeyPress> keys = RtpAudio.keyPresses(heardByAnswerer, TELEPHONE_EVENT);
            assertEquals(List.of('1'), keys.stream().map(RtpAudio.KeyPress::key).toList(), "key presses " + keys);
            assertTrue(keys.getFirst().ended(), "the end packet of the key press arrived");
            Duration ackToKey = Duration.between(caller.firstSentRequest("ACK").at(), keys.getFirst().at());
            assertTrue(ackToKey.compareTo(Duration.ofMillis(1900)) > 0 && ackToKey.compareTo(Duration.ofMillis(2500)) < 0,
                    "the key is pressed after the 2 s default pause, was " + ackToKey);
            AudioClip callerAudio = RtpAudio.decode("caller", heardByAnswerer, RtpAudio.PCMU).audio();
            AudioMatch.assertContains(callerAudio, TestAudio.tone("caller-audio", 400, Duration.ofMillis(500), 0.09), 0.95);
            AudioClip answererAudio = RtpAudio.decode("answerer", atAnswerer.sent(), RtpAudio.PCMU).audio();
            AudioMatch.assertContains(answererAudio, TestAudio.tone("prompt", 1000, Duration.ofMillis(500), 0.3), 0.95);
        }
    }

    @Test
    void greetingCallerFailsWhenTheAnswerTakesLongerThanThreeRings() {
        Path dir = RunDirectory.create("sipp-runner-slow");
        Path prompt = TestAudio.writeUlawRaw(TestAudio.silence(Duration.ofSeconds(1)), dir.resolve("prompt.ulaw"));
        Sipp slowAnswerer = Sipp.scenario("uas-answer.xml").defaultPause(Duration.ofMillis(10_800))
                .file("prompt.ulaw", prompt).timeout(RUN_LIMIT);

        try (Sipp.Running answerer = slowAnswerer.start()) {
            SippResult caller = Sipp.scenario("uac-greeting.xml").remote(Sipp.LOOPBACK, answerer.sipPort())
                    .service(DEMO_NUMBER).defaultPause(Duration.ofSeconds(1)).timeout(RUN_LIMIT).run();

            assertFalse(caller.passed(), "a 10.8 s ring must fail rule R1\n" + caller.describe());
            assertEquals(1, caller.counter("FailedTimeoutOnRecv(C)"), caller.describe());
            assertEquals(1, caller.exitCode());
        }
    }

    @Test
    void silentCallerSendsNothingAndWaitsForTheBye() {
        Path dir = RunDirectory.create("sipp-runner-silent");
        Path prompt = TestAudio.writeUlawRaw(TestAudio.tone("prompt", 1000, Duration.ofSeconds(1), 0.3), dir.resolve("prompt.ulaw"));
        Sipp hangingUp = Sipp.scenario("uas-play-then-bye.xml").defaultPause(Duration.ofMillis(3000))
                .file("prompt.ulaw", prompt).timeout(RUN_LIMIT);

        try (Sipp.Running answerer = hangingUp.start();
             RtpCapture toAnswerer = RtpCapture.start(answerer.mediaPort(), dir)) {
            SippResult caller = Sipp.scenario("uac-silent.xml").remote(Sipp.LOOPBACK, answerer.sipPort())
                    .service(DEMO_NUMBER).timeout(RUN_LIMIT).run();
            answerer.await().assertPassed();

            caller.assertPassed();
            Duration ackToBye = caller.firstReceivedRequest("BYE").since(caller.firstSentRequest("ACK"));
            assertTrue(ackToBye.compareTo(Duration.ofMillis(2900)) > 0 && ackToBye.compareTo(Duration.ofMillis(3300)) < 0,
                    "the answerer hangs up 3 s after the ACK; the trace says " + ackToBye);
            assertTrue(caller.logLines().stream().anyMatch(line -> line.contains("received BYE at")), "action log " + caller.logLines());
            assertEquals(List.of(), toAnswerer.stop().received(), "the silent caller sends no RTP");
        }
    }
}
