package org.hotline.media.rtp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Collects the arrival-to-send delays of the packets one session relays (see {@link RelayDelay}
 * for the buckets). Written only by the session's event loop, so the maximum needs no
 * compare-and-set; read from any thread through {@link #snapshot()}, whose fields may be a
 * packet apart from each other.
 */
final class RelayDelayHistogram {

    private final AtomicLongArray buckets = new AtomicLongArray(RelayDelay.BUCKET_UPPER_BOUNDS_NANOS.size());
    private final AtomicLong count = new AtomicLong();
    private final AtomicLong totalNanos = new AtomicLong();
    private final AtomicLong maxNanos = new AtomicLong();

    void record(long delayNanos) {
        long delay = Math.max(0, delayNanos);
        int bucket = 0;
        while (delay > RelayDelay.BUCKET_UPPER_BOUNDS_NANOS.get(bucket)) {
            bucket++;
        }
        buckets.incrementAndGet(bucket);
        totalNanos.addAndGet(delay);
        if (delay > maxNanos.get()) {
            maxNanos.set(delay);
        }
        count.incrementAndGet();
    }

    RelayDelay snapshot() {
        List<Long> counts = new ArrayList<>(buckets.length());
        for (int i = 0; i < buckets.length(); i++) {
            counts.add(buckets.get(i));
        }
        return new RelayDelay(count.get(), totalNanos.get(), maxNanos.get(), counts);
    }
}
