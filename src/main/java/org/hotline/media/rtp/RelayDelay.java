package org.hotline.media.rtp;

import java.util.List;

/**
 * A snapshot of how long relayed packets took from arrival at the source session (datagram
 * decoded) to being handed to the target session's socket, for the load bench and metrics.
 *
 * @param count relayed packets measured
 * @param totalNanos sum of their delays
 * @param maxNanos the longest delay
 * @param bucketCounts packets per bucket: index i counts delays up to
 *     {@link #BUCKET_UPPER_BOUNDS_NANOS}{@code [i]} (and above the previous bound)
 */
public record RelayDelay(long count, long totalNanos, long maxNanos, List<Long> bucketCounts) {

    /**
     * Inclusive upper bounds: 10 µs up to 20 ms (a frame), on to 2 s (stalls: a collector pause,
     * a blocked loop), then everything longer.
     */
    public static final List<Long> BUCKET_UPPER_BOUNDS_NANOS = List.of(
            10_000L, 20_000L, 50_000L, 100_000L, 200_000L, 500_000L,
            1_000_000L, 2_000_000L, 5_000_000L, 10_000_000L, 20_000_000L,
            50_000_000L, 100_000_000L, 200_000_000L, 500_000_000L, 1_000_000_000L, 2_000_000_000L, Long.MAX_VALUE);

    public RelayDelay {
        bucketCounts = List.copyOf(bucketCounts);
    }

    public long meanNanos() {
        return count == 0 ? 0 : totalNanos / count;
    }

    /**
     * The upper bound of the bucket holding the {@code quantile} (0-1) of the delays, e.g. 0.99:
     * at least that share of packets took no longer. Zero when nothing was measured.
     */
    public long quantileUpperBoundNanos(double quantile) {
        long needed = (long) Math.ceil(quantile * count);
        long seen = 0;
        for (int i = 0; i < bucketCounts.size(); i++) {
            seen += bucketCounts.get(i);
            if (seen >= needed && seen > 0) {
                return BUCKET_UPPER_BOUNDS_NANOS.get(i);
            }
        }
        return 0;
    }
}
