package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/** Rule R5 measured on synthetic silent calls whose pauses are known to the sample. */
class SilentLineTimelineTest {

    private static final Duration LEAD = Duration.ofMillis(100);
    private static final Duration TRAIL = Duration.ofMillis(150);
    private static final Duration FIVE = Duration.ofSeconds(5);
    private static final Duration TOLERANCE = Duration.ofMillis(500);
    private static final AudioClip MENU = TestAudio.pad(sweep("menu.main", 300, 1800, Duration.ofMillis(1500), 1), LEAD, TRAIL);
    private static final AudioClip OPTIONS = TestAudio.pad(sweep("menu.options", 900, 400, Duration.ofMillis(2200), 2), LEAD, TRAIL);
    private static final AudioClip GOODBYE = TestAudio.pad(sweep("silent.goodbye", 2500, 500, Duration.ofMillis(2500), 3), LEAD, TRAIL);

    @Test
    void measuresTheThreeFiveSecondPausesOfASilentCall() {
        Call call = silentCall(FIVE, FIVE, FIVE);

        SilentLineTimeline timeline = SilentLineTimeline.measure(call.audio(), MENU, GOODBYE, call.hangup(), TRAIL);

        assertNear(FIVE, timeline.silenceBeforeRepeat());
        assertNear(FIVE, timeline.silenceBeforeGoodbye());
        assertEquals(FIVE, timeline.goodbyeToHangup());
        timeline.assertRuleR5(FIVE, FIVE, TOLERANCE);
    }

    @Test
    void flagsARepeatThatComesASecondLate() {
        Call call = silentCall(Duration.ofSeconds(6), FIVE, FIVE);

        SilentLineTimeline timeline = SilentLineTimeline.measure(call.audio(), MENU, GOODBYE, call.hangup(), TRAIL);

        AssertionError late = assertThrows(AssertionError.class, () -> timeline.assertRuleR5(FIVE, FIVE, TOLERANCE));
        assertTrue(late.getMessage().contains("silence before the repeat was 6.0"), late.getMessage());
    }

    @Test
    void flagsAHangUpWithoutTheFiveSecondsAfterTheGoodbye() {
        Call call = silentCall(FIVE, FIVE, Duration.ofMillis(300));

        SilentLineTimeline timeline = SilentLineTimeline.measure(call.audio(), MENU, GOODBYE, call.hangup(), TRAIL);

        AssertionError early = assertThrows(AssertionError.class, () -> timeline.assertRuleR5(FIVE, FIVE, TOLERANCE));
        assertTrue(early.getMessage().contains("goodbye to hang-up was 0.300 s"), early.getMessage());
    }

    @Test
    void refusesACallThatNeverRepeatedTheMenu() {
        AudioClip once = TestAudio.concat("once", List.of(MENU, OPTIONS, TestAudio.silence(FIVE), GOODBYE));

        AssertionError missing = assertThrows(AssertionError.class,
                () -> SilentLineTimeline.measure(once, MENU, GOODBYE, once.duration(), TRAIL));
        assertTrue(missing.getMessage().contains("hears the menu twice"), missing.getMessage());
    }

    private record Call(AudioClip audio, Duration hangup) {
    }

    /** Greeting-like noise, menu + options, pause, menu + options, pause, goodbye, silence until the hang-up. */
    private static Call silentCall(Duration firstPause, Duration secondPause, Duration afterGoodbye) {
        AudioClip greeting = TestAudio.pad(TestAudio.noise(Duration.ofMillis(1200), 0.2, 9), LEAD, TRAIL);
        AudioClip audio = TestAudio.concat("silent-call", List.of(
                TestAudio.silence(Duration.ofMillis(300)), greeting, MENU, OPTIONS, TestAudio.silence(firstPause),
                MENU, OPTIONS, TestAudio.silence(secondPause), GOODBYE, TestAudio.silence(afterGoodbye)));
        return new Call(audio, audio.duration());
    }

    private static AudioClip sweep(String name, double fromHz, double toHz, Duration length, long seed) {
        short[] samples = new short[TestAudio.sampleCount(length)];
        double seconds = length.toNanos() / 1e9;
        Random random = new Random(seed);
        for (int i = 0; i < samples.length; i++) {
            double t = i / (double) AudioClip.SAMPLE_RATE_HZ;
            double phase = 2 * Math.PI * (fromHz * t + (toHz - fromHz) * t * t / (2 * seconds));
            samples[i] = (short) (9000 * Math.sin(phase) + 300 * random.nextGaussian());
        }
        return new AudioClip(name, samples);
    }

    private static void assertNear(Duration expected, Duration actual) {
        assertTrue(actual.minus(expected).abs().compareTo(Duration.ofMillis(40)) <= 0, "expected " + expected + ", measured " + actual);
    }
}
