package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calibrates {@link AudioMatch} on what the hotline actually plays: espeak-ng Mandarin prompts
 * (voice cmn-latn-pinyin, as prompts/generate.sh makes them) through sox's G.711 µ-law, inside a
 * longer recording with noise and other speech. The same phrase must be found at its exact offset well above
 * {@link AudioMatch#DEFAULT_MIN_SCORE}; a different phrase must stay well below it.
 */
class AudioMatchSystemTest {

    private static final String WELCOME = "欢迎致电示范客户服务热线,请问有什么可以帮您?";
    private static final String MENU = "请选择您需要的服务。";
    private static final String GOODBYE = "对不起,您的电话没有声音,请您换一部电话再次打来,好吗?再见!";
    private static final Duration WELCOME_AT = Duration.ofMillis(7250);

    private static AudioClip welcome;
    private static AudioClip menu;
    private static AudioClip goodbye;
    private static AudioClip recording;

    @BeforeAll
    static void speakAndRecord() {
        Path dir = RunDirectory.create("audio-match");
        welcome = TestAudio.speech(WELCOME, "cmn-latn-pinyin", dir);
        menu = TestAudio.speech(MENU, "cmn-latn-pinyin", dir);
        goodbye = TestAudio.speech(GOODBYE, "cmn-latn-pinyin", dir);
        AudioClip line = TestAudio.noise(Duration.ofSeconds(20), 0.01, 42);
        line = TestAudio.mixAt(line, menu, Duration.ofMillis(1500));
        line = TestAudio.mixAt(line, welcome, WELCOME_AT);
        recording = TestAudio.throughSoxUlaw(line, dir);
    }

    @Test
    void findsG711SpeechAtItsExactOffsetInANoisyRecording() {
        AudioMatch.Match match = AudioMatch.assertContains(recording, welcome, AudioMatch.DEFAULT_MIN_SCORE);

        assertEquals(TestAudio.sampleCount(WELCOME_AT), match.offsetSamples(), "offset of " + match);
        assertTrue(match.score() > 0.95, "G.711 and -40 dBFS noise leave the score near 1: " + match);
        assertEquals(WELCOME_AT.plus(welcome.duration()), match.end());
    }

    @Test
    void findsEveryOccurrenceOfARepeatedPrompt() {
        AudioClip twice = TestAudio.mixAt(recording, menu, Duration.ofMillis(16_000));

        List<AudioMatch.Match> found = AudioMatch.all(twice, menu, AudioMatch.DEFAULT_MIN_SCORE);

        assertEquals(List.of(TestAudio.sampleCount(Duration.ofMillis(1500)), TestAudio.sampleCount(Duration.ofMillis(16_000))),
                found.stream().map(AudioMatch.Match::offsetSamples).toList(), "occurrences " + found);
    }

    @Test
    void aDifferentPhraseStaysFarBelowTheThreshold() {
        AudioMatch.Match best = AudioMatch.best(recording, goodbye);

        assertTrue(best.score() < AudioMatch.DEFAULT_MIN_SCORE / 2, "unrelated speech scored " + best);
        AssertionError failure = assertThrows(AssertionError.class,
                () -> AudioMatch.assertContains(recording, goodbye, AudioMatch.DEFAULT_MIN_SCORE));
        assertTrue(failure.getMessage().contains("does not contain"), failure.getMessage());
        AudioMatch.assertAbsent(recording, goodbye, AudioMatch.DEFAULT_MIN_SCORE);
    }
}
