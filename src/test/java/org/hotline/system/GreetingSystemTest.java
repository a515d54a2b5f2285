package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.hotline.config.SipConfig;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/**
 * Issue 2 with a real caller: baresip dials the demo number and must hear the standard greeting
 * (rule R2) soon after being answered within three rings (rule R1). "Heard" means its recording
 * contains prompts/zh-CN/greeting.welcome.wav by cross-correlation, not that packets arrived.
 */
class GreetingSystemTest {

    private static final String DEMO_NUMBER = "4008001234";
    private static final Duration SETUP_MARGIN = Duration.ofSeconds(3);
    private static final Duration LISTEN_EVERY = Duration.ofMillis(500);

    @Test
    void callerHearsTheWelcomeAfterRingingAndAnswer() {
        AudioClip welcome = HotlinePrompts.zhCn("greeting.welcome");
        Duration greetingEnds = HotlinePrompts.longestZhCn(HotlinePrompts.SALUTATIONS).plus(welcome.duration());

        try (HotlineUnderTest hotline = InProcessHotline.start();
             Baresip caller = Baresip.start(Baresip.Options.caller())) {
            caller.dial(hotline.uri(DEMO_NUMBER));
            BaresipEvent ringing = caller.awaitEvent("CALL_RINGING", SETUP_MARGIN);
            BaresipEvent answered = caller.awaitEvent("CALL_ESTABLISHED", SipConfig.THREE_RING_LIMIT.plus(SETUP_MARGIN));
            AudioClip soFar = caller.listenUntil(heard -> AudioMatch.best(heard, welcome).score() >= AudioMatch.DEFAULT_MIN_SCORE,
                    LISTEN_EVERY, greetingEnds.plus(SETUP_MARGIN), "greeting.welcome in what the caller heard");
            caller.hangup();
            Baresip.CallRecording call = caller.recording(SETUP_MARGIN);

            Duration ringTime = Duration.between(ringing.receivedAt(), answered.receivedAt());
            assertTrue(ringTime.compareTo(SipConfig.THREE_RING_LIMIT) <= 0, "rule R1: answered " + ringTime + " after ringing");
            AudioMatch.Match match = AudioMatch.assertContains(call.audio(), welcome, AudioMatch.DEFAULT_MIN_SCORE);
            Duration salutationAtMost = HotlinePrompts.longestZhCn(HotlinePrompts.SALUTATIONS).plus(Duration.ofSeconds(1));
            assertTrue(match.offset().compareTo(salutationAtMost) <= 0,
                    "rule R2: the welcome opens the call after at most a salutation, heard at " + match + "; heard so far " + soFar.duration());
        }
    }

    @Test
    void morningCallerHearsGoodMorningThenTheWelcome() {
        AudioClip morning = HotlinePrompts.zhCn("greeting.morning");
        AudioClip welcome = HotlinePrompts.zhCn("greeting.welcome");
        Clock nineInShanghai = clockShiftedTo(ZonedDateTime.of(2026, 3, 10, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));

        try (HotlineUnderTest hotline = InProcessHotline.start(Map.of(), nineInShanghai);
             Baresip caller = Baresip.start(Baresip.Options.caller())) {
            caller.dial(hotline.uri(DEMO_NUMBER));
            caller.listenUntil(heard -> AudioMatch.best(heard, welcome).score() >= AudioMatch.DEFAULT_MIN_SCORE, LISTEN_EVERY,
                    SipConfig.THREE_RING_LIMIT.plus(morning.duration()).plus(welcome.duration()).plus(SETUP_MARGIN),
                    "greeting.welcome in what the morning caller heard");
            caller.hangup();
            AudioClip heard = caller.recording(SETUP_MARGIN).audio();

            AudioMatch.Match salutation = AudioMatch.assertContains(heard, morning, AudioMatch.DEFAULT_MIN_SCORE);
            AudioMatch.Match greeting = AudioMatch.assertContains(heard, welcome, AudioMatch.DEFAULT_MIN_SCORE);
            assertTrue(salutation.end().compareTo(greeting.offset()) <= 0,
                    "rule R2: 早上好 before the welcome, heard " + List.of(salutation, greeting));
        }
    }

    /** The real clock moved to {@code target} (a Tuesday, no holiday): timers still run in real time. */
    private static Clock clockShiftedTo(ZonedDateTime target) {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), target.toInstant()));
    }
}
