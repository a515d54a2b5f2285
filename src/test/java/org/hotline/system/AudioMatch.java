package org.hotline.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.hotline.media.AudioClip;

/**
 * Finds an expected clip (a prompt WAV) inside what a caller recorded, by normalised
 * cross-correlation (see {@link CrossCorrelation}): this is how a system test proves the caller heard
 * the greeting rather than merely received packets. Measured on the espeak-ng prompts: the same
 * phrase after G.711 and -40 dBFS noise scores 0.99+; another phrase scores under 0.1, and short
 * clips (digit.1, menu.press, greeting.hello) under 0.4 against unrelated speech
 * (AudioMatchSystemTest). Identical texts are identical audio: menu.billing and menu.option.billing
 * cannot be told apart. Stateless.
 */
public final class AudioMatch {

    /** A score that G.711 speech passes comfortably and unrelated speech never reaches. */
    public static final double DEFAULT_MIN_SCORE = 0.8;

    private AudioMatch() {
    }

    /** Where a clip was found: sample offset into the recording and the score there. */
    public record Match(String clip, int offsetSamples, int lengthSamples, double score) {

        public Duration offset() {
            return samplesToDuration(offsetSamples);
        }

        /** Where the clip ends in the recording. */
        public Duration end() {
            return samplesToDuration(offsetSamples + lengthSamples);
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s at %.3f s (score %.3f)", clip, offsetSamples / (double) AudioClip.SAMPLE_RATE_HZ, score);
        }
    }

    /** The best offset of {@code expected} in {@code recording}; score 0 at offset 0 if it cannot fit. */
    public static Match best(AudioClip recording, AudioClip expected) {
        double[] scores = CrossCorrelation.normalised(recording.samples(), expected.samples());
        int bestOffset = 0;
        for (int k = 1; k < scores.length; k++) {
            if (scores[k] > scores[bestOffset]) {
                bestOffset = k;
            }
        }
        double score = scores.length == 0 ? 0 : scores[bestOffset];
        return new Match(expected.name(), bestOffset, expected.samples().length, score);
    }

    /**
     * Every occurrence scoring at least {@code minScore}, in time order. Occurrences are local maxima
     * at least one clip length apart (a repeated prompt is found twice, not as a ridge of offsets).
     */
    public static List<Match> all(AudioClip recording, AudioClip expected, double minScore) {
        double[] scores = CrossCorrelation.normalised(recording.samples(), expected.samples());
        int length = expected.samples().length;
        List<Integer> candidates = new ArrayList<>();
        for (int k = 0; k < scores.length; k++) {
            if (scores[k] >= minScore) {
                candidates.add(k);
            }
        }
        candidates.sort(Comparator.comparingDouble((Integer k) -> scores[k]).reversed());
        List<Match> kept = new ArrayList<>();
        for (int k : candidates) {
            boolean overlaps = kept.stream().anyMatch(m -> Math.abs(m.offsetSamples() - k) < length);
            if (!overlaps) {
                kept.add(new Match(expected.name(), k, length, scores[k]));
            }
        }
        kept.sort(Comparator.comparingInt(Match::offsetSamples));
        return List.copyOf(kept);
    }

    /** Asserts that {@code recording} contains {@code expected} with at least {@code minScore}; returns the match. */
    public static Match assertContains(AudioClip recording, AudioClip expected, double minScore) {
        Match best = best(recording, expected);
        if (best.score() < minScore) {
            throw new AssertionError(String.format(Locale.ROOT,
                    "the recording %s (%s) does not contain %s (%s): best score %.3f at %.3f s, needed %.3f;%s",
                    recording.name(), seconds(recording.duration()), expected.name(), seconds(expected.duration()),
                    best.score(), best.offsetSamples() / (double) AudioClip.SAMPLE_RATE_HZ, minScore,
                    describeLevel(recording)));
        }
        return best;
    }

    /** The WAV-file form of {@link #assertContains(AudioClip, AudioClip, double)}. */
    public static Match assertContains(Path recording, Path expected, double minScore) {
        return assertContains(Wav.read(recording), Wav.read(expected), minScore);
    }

    /** Asserts that {@code expected} does not occur (e.g. a submenu prompt before its key was pressed). */
    public static void assertAbsent(AudioClip recording, AudioClip expected, double minScore) {
        Match best = best(recording, expected);
        if (best.score() >= minScore) {
            throw new AssertionError("the recording " + recording.name() + " unexpectedly contains " + best
                    + " (threshold " + minScore + ")");
        }
    }

    private static String describeLevel(AudioClip recording) {
        double peak = 0;
        for (short s : recording.samples()) {
            peak = Math.max(peak, Math.abs((int) s));
        }
        return peak == 0 ? " the recording is digital silence" : String.format(Locale.ROOT, " recording peak %.1f dBFS", 20 * Math.log10(peak / 32768.0));
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.3f s", duration.toNanos() / 1e9);
    }

    static Duration samplesToDuration(long samples) {
        return Duration.ofNanos(samples * 1_000_000_000L / AudioClip.SAMPLE_RATE_HZ);
    }
}
