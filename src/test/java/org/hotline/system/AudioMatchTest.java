package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;

/** Normalised cross-correlation on synthetic signals whose answers are known exactly. */
class AudioMatchTest {

    private static final AudioClip CHIRP = chirp(Duration.ofMillis(800));

    @Test
    void fftCorrelationEqualsTheDirectSum() {
        short[] signal = TestAudio.noise(Duration.ofMillis(300), 0.5, 1).samples();
        short[] template = TestAudio.noise(Duration.ofMillis(40), 0.5, 2).samples();

        double[] fast = CrossCorrelation.raw(signal, template);

        double[] direct = new double[signal.length - template.length + 1];
        for (int k = 0; k < direct.length; k++) {
            for (int i = 0; i < template.length; i++) {
                direct[k] += (double) signal[k + i] * template[i];
            }
        }
        assertArrayEquals(direct, fast, 1.0, "sums are of order 1e10; FFT rounding stays far below 1");
    }

    @Test
    void findsAClipAtItsSampleOffsetWithScoreOne() {
        AudioClip recording = TestAudio.mixAt(TestAudio.silence(Duration.ofSeconds(5)), CHIRP, Duration.ofMillis(1234));

        AudioMatch.Match match = AudioMatch.best(recording, CHIRP);

        assertEquals(TestAudio.sampleCount(Duration.ofMillis(1234)), match.offsetSamples());
        assertEquals(1.0, match.score(), 1e-9);
        assertEquals(Duration.ofMillis(1234), match.offset());
        assertEquals(Duration.ofMillis(2034), match.end());
    }

    @Test
    void scoresTheShapeNotTheLoudness() {
        AudioClip quiet = scale(CHIRP, 0.05);
        AudioClip recording = TestAudio.mixAt(TestAudio.noise(Duration.ofSeconds(3), 0.001, 3), quiet, Duration.ofMillis(500));

        assertTrue(AudioMatch.best(recording, CHIRP).score() > 0.95);
    }

    @Test
    void digitalSilenceMatchesNothing() {
        AudioMatch.Match match = AudioMatch.best(TestAudio.silence(Duration.ofSeconds(2)), CHIRP);

        assertEquals(0.0, match.score());
    }

    @Test
    void aClipLongerThanTheRecordingCannotMatch() {
        assertEquals(0.0, AudioMatch.best(TestAudio.silence(Duration.ofMillis(100)), CHIRP).score());
    }

    @Test
    void findsEachOccurrenceOnceInTimeOrder() {
        AudioClip recording = TestAudio.silence(Duration.ofSeconds(6));
        recording = TestAudio.mixAt(recording, CHIRP, Duration.ofMillis(4000));
        recording = TestAudio.mixAt(recording, CHIRP, Duration.ofMillis(500));

        List<AudioMatch.Match> found = AudioMatch.all(recording, CHIRP, 0.8);

        assertEquals(List.of(Duration.ofMillis(500), Duration.ofMillis(4000)), found.stream().map(AudioMatch.Match::offset).toList());
    }

    @Test
    void assertContainsExplainsAMiss() {
        AudioClip recording = TestAudio.noise(Duration.ofSeconds(2), 0.3, 4);

        AssertionError miss = assertThrows(AssertionError.class, () -> AudioMatch.assertContains(recording, CHIRP, 0.8));

        assertTrue(miss.getMessage().contains("does not contain chirp"), miss.getMessage());
        assertTrue(miss.getMessage().contains("needed 0.800"), miss.getMessage());
    }

    @Test
    void assertContainsSaysWhenTheRecordingIsSilent() {
        AssertionError miss = assertThrows(AssertionError.class,
                () -> AudioMatch.assertContains(TestAudio.silence(Duration.ofSeconds(2)), CHIRP, 0.8));

        assertTrue(miss.getMessage().contains("digital silence"), miss.getMessage());
    }

    /** A rising sweep: correlates with itself only at zero lag, unlike a pure tone. */
    private static AudioClip chirp(Duration length) {
        short[] samples = new short[TestAudio.sampleCount(length)];
        Random random = new Random(5);
        for (int i = 0; i < samples.length; i++) {
            double t = i / (double) AudioClip.SAMPLE_RATE_HZ;
            samples[i] = (short) (8000 * Math.sin(2 * Math.PI * (300 * t + 1500 * t * t)) + 200 * random.nextGaussian());
        }
        return new AudioClip("chirp", samples);
    }

    private static AudioClip scale(AudioClip clip, double factor) {
        short[] samples = clip.samples().clone();
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(samples[i] * factor);
        }
        return new AudioClip(clip.name(), samples);
    }
}
