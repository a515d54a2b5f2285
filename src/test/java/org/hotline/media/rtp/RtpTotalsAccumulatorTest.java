package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RtpTotalsAccumulatorTest {

    @Test
    void addsCountersFieldByFieldAndKeepsTheLargestJitter() {
        RtpStatistics one = new RtpStatistics(1, 2, 3, 4.5, 5, 6, 7, 8, 9, 10, 11, new RelayDrops(1, 2, 3, 4, 5));
        RtpStatistics two = new RtpStatistics(10, 20, 30, 1.5, 50, 60, 70, 80, 90, 100, 110, new RelayDrops(10, 20, 30, 40, 50));

        assertEquals(new RtpStatistics(11, 22, 33, 4.5, 55, 66, 77, 88, 99, 110, 121, new RelayDrops(11, 22, 33, 44, 55)),
                RtpTotalsAccumulator.sum(List.of(one, two)));
    }

    @Test
    void mergesRelayDelayHistogramsBucketByBucket() {
        RelayDelay one = delay(2, 30_000, 20_000, 0);
        RelayDelay two = delay(1, 5_000_000, 5_000_000, 8);

        RelayDelay merged = RtpTotalsAccumulator.merge(List.of(one, two));

        assertEquals(3, merged.count());
        assertEquals(5_030_000, merged.totalNanos());
        assertEquals(5_000_000, merged.maxNanos());
        assertEquals(2L, merged.bucketCounts().get(0));
        assertEquals(1L, merged.bucketCounts().get(8));
        assertEquals(5_000_000L, merged.quantileUpperBoundNanos(0.99));
    }

    private static RelayDelay delay(long count, long total, long max, int bucket) {
        Long[] buckets = new Long[RelayDelay.BUCKET_UPPER_BOUNDS_NANOS.size()];
        Arrays.fill(buckets, 0L);
        buckets[bucket] = count;
        return new RelayDelay(count, total, max, List.of(buckets));
    }
}
