package org.hotline.media;

import java.time.Duration;
import java.util.Objects;

/**
 * Telephone audio as 8 kHz mono signed 16-bit linear samples. Immutable by convention: the
 * array is never modified after construction, so clips are shared between calls.
 */
public record AudioClip(String name, short[] samples) {

    public static final int SAMPLE_RATE_HZ = 8000;

    public AudioClip {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(samples, "samples");
    }

    public Duration duration() {
        return Duration.ofNanos(samples.length * 1_000_000_000L / SAMPLE_RATE_HZ);
    }
}
