package org.hotline.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.hotline.media.rtp.RelayDrops;
import org.hotline.media.rtp.RtpStatistics;
import org.junit.jupiter.api.Test;

/** RTP sessions add their totals and quality when they close; the open ones show in live gauges. */
class RtpMetricsTest {

    private final HotlineMetrics metrics = Fixtures.metrics(Clock.systemUTC());

    @Test
    void closedSessionsAddTheirTotalsJitterAndLossOpenOnesShowLive() {
        RtpStatistics open = stats(500, 2, 12.0);
        metrics.endpoint(new HotlineMetrics.Components(() -> true, () -> 1, () -> true, () -> 3, () -> List.of(open),
                () -> CompletableFuture.completedFuture(AcdSnapshot.EMPTY), List.of()));
        metrics.rtpSessions().sessionClosed(stats(990, 10, 4.0));
        metrics.rtpSessions().sessionClosed(stats(0, 0, 0)); // never received anything: no quality to report

        Exposition scrape = Fixtures.scrape(metrics);
        assertEquals(990, scrape.value("hotline_rtp_packets_received_total"));
        assertEquals(1000, scrape.value("hotline_rtp_packets_sent_total"));
        assertEquals(10, scrape.value("hotline_rtp_packets_lost_total"));
        assertEquals(6, scrape.value("hotline_rtp_packets_dropped_total", "reason", "malformed"));
        assertEquals(0, scrape.value("hotline_rtp_packets_dropped_total", "reason", "send_failed"));
        assertEquals(1, scrape.value("hotline_rtp_session_jitter_seconds_count"));
        assertEquals(0, scrape.value("hotline_rtp_session_jitter_seconds_bucket", "le", "0.001"));
        assertEquals(1, scrape.value("hotline_rtp_session_jitter_seconds_bucket", "le", "0.005"));
        assertEquals(10, scrape.value("hotline_rtp_session_loss_permille_sum"), 1e-9, "10 lost of 1000 expected");
        assertEquals(0, scrape.value("hotline_rtp_session_loss_permille_bucket", "le", "5.0"));
        assertEquals(1, scrape.value("hotline_rtp_session_loss_permille_bucket", "le", "10.0"));
        assertEquals(3, scrape.value("hotline_rtp_sessions_active"));
        assertEquals(2, scrape.value("hotline_rtp_open_sessions_packets_lost"));
        assertEquals(0.012, scrape.value("hotline_rtp_open_sessions_jitter_max_seconds"), 1e-12);
        assertEquals(1, scrape.value("hotline_calls_active"));
    }

    /** A session with {@code received} packets in, 1000 out if it received any, {@code lost} lost, 6 malformed datagrams. */
    private static RtpStatistics stats(long received, long lost, double jitterMs) {
        return new RtpStatistics(received, received == 0 ? 0 : 1000, lost, jitterMs, received == 0 ? 0 : 6, 0, 0, 0, 0,
                0, 0, RelayDrops.NONE);
    }
}
