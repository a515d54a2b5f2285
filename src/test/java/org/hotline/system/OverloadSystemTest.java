package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hotline.call.BusyLine;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * Rule R20 under overload, with real peers: past {@code overload.maxCalls} a new caller is either
 * answered with busy.all-lines and hung up on, or refused with 503 and the configured Retry-After,
 * while the callers already admitted go on through the menu untouched; once an admitted caller
 * hangs up, the next call is admitted again.
 */
class OverloadSystemTest {

    private static final Duration MENU = Duration.ofSeconds(30);
    private static final Duration BUSY = Duration.ofSeconds(20);
    private static final Duration LISTEN_EVERY = Duration.ofMillis(250);

    @Test
    void pastTheLimitCallersHearAllLinesBusyWhileTheAdmittedGoOn() {
        try (AcdUnderTest acd = AcdUnderTest.start(Map.of("overload.maxCalls", "2", "overload.treatment", "message"))) {
            List<Baresip> admitted = List.of(acd.caller(TestAudio.silence(Duration.ofSeconds(90))),
                    acd.caller(TestAudio.silence(Duration.ofSeconds(90))));
            for (Baresip caller : admitted) {
                caller.dial(acd.uri(AcdUnderTest.DEMO_NUMBER));
                caller.listenUntil(heard -> heard(heard, "menu.main"), LISTEN_EVERY, MENU, "the menu");
            }

            Baresip excess = acd.caller(TestAudio.silence(Duration.ofSeconds(60)));
            excess.dial(acd.uri(AcdUnderTest.DEMO_NUMBER));
            Baresip.CallRecording refused = excess.recording(BUSY);

            AudioMatch.assertContains(refused.audio(), AcdUnderTest.lastPrompt(BusyLine.BUSY_ALL_LINES), AudioMatch.DEFAULT_MIN_SCORE);
            AudioMatch.assertAbsent(refused.audio(), HotlinePrompts.zhCn("greeting.welcome"), AudioMatch.DEFAULT_MIN_SCORE);
            assertTrue(refused.closedByPeer(), "Hotline hangs up after the busy message: " + refused.closeReason());

            Baresip first = admitted.getFirst();
            int mark = first.heardSoFar().samples().length;
            first.pressKey('0'); // the admitted caller goes on: the agent key leads to the queue (rule R9's phrase)
            first.listenUntil(heard -> AudioMatch.best(tail(heard, mark), HotlinePrompts.zhCn("transfer.connecting")).score()
                    >= AudioMatch.DEFAULT_MIN_SCORE, LISTEN_EVERY, MENU, "rule R9's phrase after the agent key");
            first.hangup();
            Await.until(() -> acd.server().activeCalls() == 1, BUSY, () -> "one admitted call left: " + acd.server().activeCalls());

            Baresip next = acd.caller(TestAudio.silence(Duration.ofSeconds(60)));
            next.dial(acd.uri(AcdUnderTest.DEMO_NUMBER));
            next.listenUntil(heard -> heard(heard, "menu.main"), LISTEN_EVERY, MENU, "the menu once a slot was free");
        }
    }

    @Test
    void pastTheLimitCallersAreRefusedWith503AndRetryAfter() {
        try (AcdUnderTest acd = AcdUnderTest.start(Map.of("overload.maxCalls", "1", "overload.treatment", "reject",
                "overload.retryAfter", "45s"))) {
            Baresip admitted = acd.caller(TestAudio.silence(Duration.ofSeconds(90)));
            admitted.dial(acd.uri(AcdUnderTest.DEMO_NUMBER));
            admitted.listenUntil(heard -> heard(heard, "menu.main"), LISTEN_EVERY, MENU, "the menu");

            SippResult refused = Sipp.scenario("uac-expect-503.xml").remote(Sipp.LOOPBACK, acd.sipPort())
                    .service(AcdUnderTest.DEMO_NUMBER).calls(3, 3, 3).timeout(Duration.ofSeconds(20)).run().assertPassed();

            assertEquals(3, refused.successfulCalls());
            assertEquals(3, refused.logLines().stream().filter(line -> line.equals("retry-after 45")).count(),
                    refused.logLines().toString());
            int mark = admitted.heardSoFar().samples().length;
            admitted.pressKey('0');
            admitted.listenUntil(heard -> AudioMatch.best(tail(heard, mark), HotlinePrompts.zhCn("transfer.connecting")).score()
                    >= AudioMatch.DEFAULT_MIN_SCORE, LISTEN_EVERY, MENU, "the admitted caller goes on to the queue");
            assertEquals(1, acd.server().activeCalls(), "the refused calls never became calls");
        }
    }

    private static boolean heard(AudioClip heard, String prompt) {
        return AudioMatch.best(heard, HotlinePrompts.zhCn(prompt)).score() >= AudioMatch.DEFAULT_MIN_SCORE;
    }

    private static AudioClip tail(AudioClip heard, int fromSample) {
        short[] samples = heard.samples();
        int from = Math.min(fromSample, samples.length);
        return new AudioClip(heard.name(), java.util.Arrays.copyOfRange(samples, from, samples.length));
    }
}
