package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RelayDelayTest {

    private final RelayDelayHistogram histogram = new RelayDelayHistogram();

    @Test
    void keepsCountMeanMaxAndBuckets() {
        histogram.record(5_000);
        histogram.record(10_000);
        histogram.record(15_000);
        histogram.record(3_000_000);

        RelayDelay delay = histogram.snapshot();

        assertEquals(4, delay.count());
        assertEquals(3_000_000, delay.maxNanos());
        assertEquals(757_500, delay.meanNanos());
        assertEquals(2, delay.bucketCounts().get(0), "up to 10 µs, inclusive");
        assertEquals(1, delay.bucketCounts().get(1));
        assertEquals(1, delay.bucketCounts().get(RelayDelay.BUCKET_UPPER_BOUNDS_NANOS.indexOf(5_000_000L)));
        assertEquals(20_000, delay.quantileUpperBoundNanos(0.75));
        assertEquals(5_000_000, delay.quantileUpperBoundNanos(0.99));
    }

    @Test
    void stallsGetTheirOwnBucketsUpToTwoSecondsAndAnythingLongerTheLast() {
        histogram.record(30_000_000L);
        histogram.record(1_500_000_000L);
        histogram.record(3_000_000_000L);
        histogram.record(-1);

        RelayDelay delay = histogram.snapshot();

        assertEquals(1, delay.bucketCounts().get(RelayDelay.BUCKET_UPPER_BOUNDS_NANOS.indexOf(50_000_000L)));
        assertEquals(1, delay.bucketCounts().get(RelayDelay.BUCKET_UPPER_BOUNDS_NANOS.indexOf(2_000_000_000L)));
        assertEquals(1, delay.bucketCounts().getLast());
        assertEquals(Long.MAX_VALUE, delay.quantileUpperBoundNanos(1.0), "the open bucket has no bound");
        assertEquals(1, delay.bucketCounts().getFirst(), "a negative delay (clock skew) counts as zero");
    }

    @Test
    void anEmptyHistogramReportsZeros() {
        RelayDelay delay = histogram.snapshot();
        assertEquals(0, delay.meanNanos());
        assertEquals(0, delay.quantileUpperBoundNanos(0.99));
    }
}
