package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Proves that both callers of the issue-2 silent-line test can measure rule R5 to well within its
 * ±0.5 s: a SIPp answerer plays a scripted silent line (greeting and menu, 5 s, menu, 5 s, goodbye)
 * and hangs up 5 s after the goodbye; the baresip recording with its CALL_CLOSED instant, and SIPp's
 * received RTP with its BYE timestamp, must each show the three 5 s pauses within 0.2 s.
 */
class SilentLineTimelineSystemTest {

    private static final Duration FIVE = Duration.ofSeconds(5);
    private static final Duration LEAD = Duration.ofMillis(100);
    private static final Duration TRAIL = Duration.ofMillis(150);
    private static final Duration PRECISION = Duration.ofMillis(200);
    private static final Duration RUN_LIMIT = Duration.ofSeconds(50);

    private static AudioClip menu;
    private static AudioClip goodbye;
    private static AudioClip line;
    private static Path streamFile;

    @BeforeAll
    static void scriptTheSilentLine() {
        Path dir = RunDirectory.create("silent-line-script");
        AudioClip greeting = prompt("Welcome to the demo hotline.", dir);
        menu = prompt("Please choose a service.", dir);
        AudioClip options = prompt("For billing press one. For an agent press zero.", dir);
        goodbye = prompt("Sorry, we cannot hear you. Goodbye!", dir);
        line = TestAudio.concat("scripted-silent-line", List.of(greeting, menu, options, TestAudio.silence(FIVE),
                menu, options, TestAudio.silence(FIVE), goodbye, TestAudio.silence(FIVE)));
        streamFile = TestAudio.writeUlawRaw(line, dir.resolve("prompt.ulaw"));
    }

    @Test
    void baresipRecordingShowsTheFiveSecondPausesPrecisely() {
        try (Sipp.Running answerer = hangingUpAtTheEnd().start();
             Baresip caller = Baresip.start(Baresip.Options.caller())) {
            caller.dial("sip:4008001234@" + Sipp.LOOPBACK + ":" + answerer.sipPort());
            Baresip.CallRecording heard = caller.recording(line.duration().plus(Duration.ofSeconds(10)));
            answerer.await().assertPassed();
            assertTrue(heard.closedByPeer(), "the answerer hung up: " + heard.closeReason());

            SilentLineTimeline timeline = SilentLineTimeline.measure(heard.audio(), menu, goodbye,
                    heard.offsetOf(heard.closed()), TRAIL);

            timeline.assertRuleR5(FIVE, FIVE, PRECISION);
        }
    }

    @Test
    void sippSilentCallerWithACaptureShowsTheFiveSecondPausesPrecisely() {
        int callerMedia = FreePorts.block(4, 2);
        try (Sipp.Running answerer = hangingUpAtTheEnd().start();
             RtpCapture atCaller = RtpCapture.start(callerMedia, RunDirectory.create("silent-line-capture"))) {
            SippResult caller = Sipp.scenario("uac-silent.xml").remote(Sipp.LOOPBACK, answerer.sipPort())
                    .mediaPort(callerMedia).service("4008001234").timeout(RUN_LIMIT).run();
            answerer.await().assertPassed();
            caller.assertPassed();

            RtpAudio.Heard heard = RtpAudio.decode("sipp-heard", atCaller.stop().received(), RtpAudio.PCMU);
            Duration bye = Duration.between(heard.start(), caller.firstReceivedRequest("BYE").at());
            SilentLineTimeline timeline = SilentLineTimeline.measure(heard.audio(), menu, goodbye, bye, TRAIL);

            timeline.assertRuleR5(FIVE, FIVE, PRECISION);
        }
    }

    private static Sipp hangingUpAtTheEnd() {
        return Sipp.scenario("uas-play-then-bye.xml").defaultPause(line.duration())
                .file("prompt.ulaw", streamFile).timeout(RUN_LIMIT);
    }

    private static AudioClip prompt(String text, Path dir) {
        return TestAudio.pad(TestAudio.speech(text, "en-us", dir), LEAD, TRAIL);
    }
}
