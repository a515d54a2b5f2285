package org.hotline.recording;

import java.time.Duration;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * How a recording's writer paces itself, and the clock arrival times are read on.
 *
 * @param nanoTime     the monotonic clock of arrivals and of the timeline ({@code System::nanoTime} in
 *                     production: the scale of Netty's event loops)
 * @param tick         how often the writer wakes to place queued packets and write what is due
 * @param latency      how far behind real time the timeline is committed: packets later than this
 *                     (beyond their timestamp's place) lose the late part; also at most what a crash loses
 * @param sizesEvery   how often the WAV header's sizes are brought up to date
 * @param ringSamples  each leg's room for positions not yet committed (8 kHz samples)
 * @param queueFrames  packets the event loops may queue ahead of the writer before dropping
 */
record RecordingTiming(LongSupplier nanoTime, Duration tick, Duration latency, Duration sizesEvery, int ringSamples,
        int queueFrames) {

    /**
     * 100 ms ticks, 300 ms behind real time, sizes every second, 2 s rings, 10 s of both legs queued.
     * The tick sets the wake-ups and writes per recording (10 a second: with 50 ms, 300 recordings
     * cost the scheduler 6,000 wake-ups a second, issue 7's run A); a crash loses up to latency + tick.
     */
    static final RecordingTiming DEFAULTS = new RecordingTiming(System::nanoTime, Duration.ofMillis(100),
            Duration.ofMillis(300), Duration.ofSeconds(1), 2 * WavFormat.SAMPLE_RATE_HZ, 1000);

    RecordingTiming {
        Objects.requireNonNull(nanoTime, "nanoTime");
        if (!tick.isPositive() || latency.isNegative() || !sizesEvery.isPositive()) {
            throw new IllegalArgumentException("tick and sizesEvery must be positive, latency not negative");
        }
        if (ringSamples < WavFormat.frames(latency.plus(tick).toNanos()) * 2) {
            throw new IllegalArgumentException("ringSamples must cover twice latency + tick");
        }
    }
}
