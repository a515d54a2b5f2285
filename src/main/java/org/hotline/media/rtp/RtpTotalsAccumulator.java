package org.hotline.media.rtp;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Adds up the final counters of closed sessions, so the engine's {@link RtpTotals} survive the
 * sessions. A session is added once, when its ports are returned (its event loop no longer counts
 * for it). Thread-safe: closes arrive from every event loop, at most a few hundred a second, so one
 * lock is plenty.
 */
final class RtpTotalsAccumulator {

    private long sessionsOpened;
    private long sessionsClosed;
    private RtpStatistics closed = sum(List.of());
    private RelayDelay closedDelay = merge(List.of());

    synchronized void opened() {
        sessionsOpened++;
    }

    /**
     * Moves {@code session} from {@code open} to the closed totals, atomically with respect to
     * {@link #totals}, so a reader never misses or double-counts it; false if it was not open.
     */
    synchronized boolean close(RtpSession session, Collection<RtpSession> open) {
        if (!open.remove(session)) {
            return false;
        }
        sessionsClosed++;
        closed = sum(List.of(closed, session.statistics()));
        closedDelay = merge(List.of(closedDelay, session.relayDelay()));
        return true;
    }

    /** The closed sessions' totals plus the live counters of {@code open}. */
    synchronized RtpTotals totals(Collection<RtpSession> open) {
        List<RtpStatistics> statistics = new ArrayList<>();
        List<RelayDelay> delays = new ArrayList<>();
        for (RtpSession session : open) {
            statistics.add(session.statistics());
            delays.add(session.relayDelay());
        }
        statistics.add(closed);
        delays.add(closedDelay);
        return new RtpTotals(sessionsOpened, sessionsClosed, sum(statistics), merge(delays));
    }

    static RtpStatistics sum(List<RtpStatistics> all) {
        long[] fields = new long[10];
        RelayDrops drops = RelayDrops.NONE;
        double jitter = 0;
        for (RtpStatistics s : all) {
            long[] values = {s.packetsReceived(), s.packetsSent(), s.packetsLost(), s.malformedDropped(),
                s.foreignSourceDropped(), s.unexpectedPayloadTypeDropped(), s.rtcpPacketsReceived(), s.sendFailures(),
                s.relayPacketsIn(), s.relayPacketsOut()};
            for (int i = 0; i < fields.length; i++) {
                fields[i] += values[i];
            }
            drops = drops.plus(s.relayDrops());
            jitter = Math.max(jitter, s.interarrivalJitterMs());
        }
        return new RtpStatistics(fields[0], fields[1], fields[2], jitter, fields[3], fields[4], fields[5], fields[6],
                fields[7], fields[8], fields[9], drops);
    }

    static RelayDelay merge(List<RelayDelay> all) {
        long[] buckets = new long[RelayDelay.BUCKET_UPPER_BOUNDS_NANOS.size()];
        long count = 0;
        long total = 0;
        long max = 0;
        for (RelayDelay d : all) {
            count += d.count();
            total += d.totalNanos();
            max = Math.max(max, d.maxNanos());
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] += d.bucketCounts().get(i);
            }
        }
        List<Long> counts = new ArrayList<>(buckets.length);
        for (long bucket : buckets) {
            counts.add(bucket);
        }
        return new RelayDelay(count, total, max, counts);
    }
}
