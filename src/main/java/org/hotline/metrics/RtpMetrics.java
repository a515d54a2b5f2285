package org.hotline.metrics;

import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import org.hotline.media.rtp.RtpSessionListener;
import org.hotline.metrics.MetricsCatalog.Meter;
import org.hotline.media.rtp.RelayDrops;
import org.hotline.media.rtp.RtpStatistics;

/**
 * RTP's metrics: each session's final {@link RtpStatistics} added to the packet counters and its
 * jitter and loss ratio to the quality histograms when it closes (a session that received nothing
 * has no quality to report), plus live gauges over the open sessions.
 *
 * <p>Threading: {@link #sessionClosed} on the session's event loop (lock-free meters, never blocks);
 * the gauges on the scraping thread, reading the sessions' atomic counters.
 */
public final class RtpMetrics implements RtpSessionListener {

    private final MetricsCatalog catalog;

    public RtpMetrics(MetricsCatalog catalog) {
        this.catalog = catalog;
        catalog.rtpSessionClosed(0, 0, 0, drops(new RtpStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, RelayDrops.NONE)));
    }

    /** Registers the live gauges over the engine's open sessions. */
    public void watch(IntSupplier sessionsInUse, Supplier<List<RtpStatistics>> openSessions) {
        catalog.gauge(Meter.RTP_SESSIONS_ACTIVE, Tags.empty(), sessionsInUse::getAsInt);
        catalog.gauge(Meter.RTP_OPEN_JITTER_MAX, Tags.empty(), () -> openSessions.get().stream()
                .mapToDouble(RtpStatistics::interarrivalJitterMs).max().orElse(0) / 1000.0);
        catalog.gauge(Meter.RTP_OPEN_PACKETS_LOST, Tags.empty(), () -> openSessions.get().stream()
                .mapToLong(RtpStatistics::packetsLost).sum());
    }

    @Override
    public void sessionClosed(RtpStatistics statistics) {
        catalog.rtpSessionClosed(statistics.packetsReceived(), statistics.packetsSent(), statistics.packetsLost(),
                drops(statistics));
        long expected = statistics.packetsReceived() + statistics.packetsLost();
        if (statistics.packetsReceived() > 0) {
            catalog.rtpSessionQuality(Duration.ofNanos(Math.round(statistics.interarrivalJitterMs() * 1e6)),
                    1000.0 * statistics.packetsLost() / expected);
        }
    }

    private static Map<String, Long> drops(RtpStatistics statistics) {
        Map<String, Long> drops = new LinkedHashMap<>();
        drops.put("malformed", statistics.malformedDropped());
        drops.put("foreign_source", statistics.foreignSourceDropped());
        drops.put("unexpected_payload_type", statistics.unexpectedPayloadTypeDropped());
        drops.put("relay_not_sent", statistics.relayDropped());
        drops.put("send_failed", statistics.sendFailures());
        return drops;
    }
}
