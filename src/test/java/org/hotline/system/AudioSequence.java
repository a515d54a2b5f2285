package org.hotline.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.hotline.media.AudioClip;

/**
 * Finds prompts heard back to back, as one announcement of several files (rule R3's 工号 + digits +
 * 为您服务): the first anywhere after a point, each next one only just after the one before. Matching
 * short clips (a digit) in that narrow window is what tells 1001 from 1002; the whole recording
 * would hold a "1" somewhere anyway. Stateless.
 */
public final class AudioSequence {

    /** How far a prompt may start before the previous one's matched end (frame rounding, trimmed padding). */
    private static final Duration OVERLAP = Duration.ofMillis(100);

    private AudioSequence() {
    }

    /**
     * Asserts that {@code clips} are heard in order from {@code from} on, each starting at most
     * {@code maxGap} after the previous one ended; returns the matches on the recording's timeline.
     */
    public static List<AudioMatch.Match> assertInOrder(AudioClip recording, List<AudioClip> clips, Duration from, Duration maxGap) {
        List<AudioMatch.Match> found = new ArrayList<>();
        Duration windowStart = from;
        Duration windowEnd = recording.duration();
        for (AudioClip clip : clips) {
            AudioMatch.Match match = bestIn(recording, clip, windowStart, windowEnd);
            if (match.score() < AudioMatch.DEFAULT_MIN_SCORE) {
                throw new AssertionError(String.format(Locale.ROOT, "expected %s next, between %.3f s and %.3f s, after %s; best %s in %s",
                        clip.name(), seconds(windowStart), seconds(windowEnd), found, match, recording.name()));
            }
            found.add(match);
            windowStart = match.end().minus(OVERLAP);
            windowEnd = match.end().plus(maxGap);
        }
        return List.copyOf(found);
    }

    /** The best match of {@code clip} starting within [{@code from}, {@code to}), on the recording's timeline. */
    public static AudioMatch.Match bestIn(AudioClip recording, AudioClip clip, Duration from, Duration to) {
        Duration start = from.isNegative() ? Duration.ZERO : from;
        AudioClip window = TestAudio.slice(recording, start, to.plus(clip.duration()));
        AudioMatch.Match inWindow = AudioMatch.best(window, clip);
        int offset = inWindow.offsetSamples() + TestAudio.sampleCount(start);
        return new AudioMatch.Match(clip.name(), offset, inWindow.lengthSamples(), inWindow.score());
    }

    /**
     * The earliest match of {@code clip} scoring at least {@code minScore} and starting within
     * [{@code from}, {@code to}) (a looped sound matches at every loop, and the best may be any of
     * them); a zero-score match at {@code from} if there is none.
     */
    public static AudioMatch.Match firstIn(AudioClip recording, AudioClip clip, Duration from, Duration to, double minScore) {
        Duration start = from.isNegative() ? Duration.ZERO : from;
        AudioClip window = TestAudio.slice(recording, start, to.plus(clip.duration()));
        int base = TestAudio.sampleCount(start);
        return AudioMatch.all(window, clip, minScore).stream().findFirst()
                .map(m -> new AudioMatch.Match(clip.name(), m.offsetSamples() + base, m.lengthSamples(), m.score()))
                .orElse(new AudioMatch.Match(clip.name(), base, clip.samples().length, 0));
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }
}
