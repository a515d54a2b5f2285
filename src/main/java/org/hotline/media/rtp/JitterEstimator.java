package org.hotline.media.rtp;

/**
 * Interarrival jitter of one 8 kHz stream per RFC 3550 §A.8, in timestamp units. Arrival times
 * come in as nanoseconds and are converted to the RTP clock; the 32-bit wrap-around of both clocks
 * cancels out in the int arithmetic, as in the RFC's C code.
 *
 * <p>Threading: confined to the session's event loop.
 */
final class JitterEstimator {

    private static final long NANOS_PER_SAMPLE = 1_000_000_000L / 8000;

    private boolean primed;
    private int transit;
    private double jitterSamples;

    void update(long rtpTimestamp, long arrivalNanos) {
        int arrival = (int) (arrivalNanos / NANOS_PER_SAMPLE);
        int newTransit = arrival - (int) rtpTimestamp;
        if (primed) {
            int d = Math.abs(newTransit - transit);
            jitterSamples += (d - jitterSamples) / 16.0;
        }
        transit = newTransit;
        primed = true;
    }

    /** Forgets the transit time, e.g. when the source's SSRC changes, but keeps the estimate. */
    void resync() {
        primed = false;
    }

    double jitterMillis() {
        return jitterSamples / 8.0;
    }
}
