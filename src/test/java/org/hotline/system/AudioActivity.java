package org.hotline.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hotline.media.AudioClip;

/**
 * Where a recording is audible: 20 ms frames above a level, merged across short pauses. Cross-
 * correlation says which prompt was heard; this says where an announcement of several prompts
 * ended, so the silence after it (rule R5's 5 s) can be measured. Stateless.
 */
public final class AudioActivity {

    /** Espeak pauses inside and between back-to-back prompts stay well under this. */
    public static final Duration DEFAULT_BRIDGE = Duration.ofMillis(1500);

    /** G.711 silence decodes to a few units; speech frames sit 20-40 dB above this. */
    public static final double DEFAULT_THRESHOLD_DBFS = -45;

    private static final int FRAME_SAMPLES = AudioClip.SAMPLE_RATE_HZ / 50;

    private AudioActivity() {
    }

    /** An audible stretch [start, end) of a recording. */
    public record Segment(Duration start, Duration end) {

        public Duration length() {
            return end.minus(start);
        }
    }

    public static List<Segment> segments(AudioClip recording) {
        return segments(recording, DEFAULT_THRESHOLD_DBFS, DEFAULT_BRIDGE);
    }

    /** Audible stretches: frames louder than {@code thresholdDbfs} (RMS), pauses shorter than {@code bridge} merged. */
    public static List<Segment> segments(AudioClip recording, double thresholdDbfs, Duration bridge) {
        short[] samples = recording.samples();
        double thresholdRms = 32768 * Math.pow(10, thresholdDbfs / 20);
        long bridgeFrames = bridge.toMillis() / 20;
        List<int[]> frameRuns = new ArrayList<>();
        int frames = samples.length / FRAME_SAMPLES;
        for (int f = 0; f < frames; f++) {
            if (rms(samples, f * FRAME_SAMPLES) <= thresholdRms) {
                continue;
            }
            int[] last = frameRuns.isEmpty() ? null : frameRuns.getLast();
            if (last != null && f - last[1] <= bridgeFrames) {
                last[1] = f + 1;
            } else {
                frameRuns.add(new int[] {f, f + 1});
            }
        }
        return frameRuns.stream()
                .map(run -> new Segment(AudioMatch.samplesToDuration((long) run[0] * FRAME_SAMPLES),
                        AudioMatch.samplesToDuration((long) run[1] * FRAME_SAMPLES)))
                .toList();
    }

    /** The audible segment overlapping [{@code from}, {@code to}), e.g. the span of a matched prompt. */
    public static Segment segmentOverlapping(List<Segment> segments, Duration from, Duration to) {
        return segments.stream()
                .filter(s -> s.start().compareTo(to) < 0 && s.end().compareTo(from) > 0)
                .findFirst()
                .orElseThrow(() -> new AssertionError("nothing audible between " + from + " and " + to + " in " + segments));
    }

    private static double rms(short[] samples, int from) {
        double sum = 0;
        for (int i = from; i < from + FRAME_SAMPLES; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / FRAME_SAMPLES);
    }
}
