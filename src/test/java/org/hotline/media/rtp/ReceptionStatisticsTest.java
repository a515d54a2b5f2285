package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReceptionStatisticsTest {

    private static final long FRAME_NANOS = 20_000_000L;

    @Test
    void countsGapsInTheSequenceAsLost() {
        SequenceTracker tracker = new SequenceTracker(100);
        for (int seq : new int[] {101, 102, 105, 106}) {
            tracker.update(seq);
        }
        assertEquals(7, tracker.expected());
        assertEquals(2, tracker.lost());
    }

    @Test
    void followsTheSequenceAcrossItsWrapAround() {
        SequenceTracker tracker = new SequenceTracker(65534);
        tracker.update(65535);
        tracker.update(1);
        assertEquals(4, tracker.expected());
        assertEquals(1, tracker.lost());
    }

    @Test
    void reorderedAndDuplicatedPacketsDoNotCountAsLoss() {
        SequenceTracker tracker = new SequenceTracker(10);
        tracker.update(12);
        tracker.update(11);
        tracker.update(12);
        assertEquals(0, tracker.lost());
    }

    @Test
    void restartsAfterTwoSequentialPacketsFarAway() {
        SequenceTracker tracker = new SequenceTracker(10);
        tracker.update(40000);
        tracker.update(40001);
        tracker.update(40002);
        assertEquals(2, tracker.expected());
        assertEquals(0, tracker.lost());
    }

    @Test
    void jitterIsZeroForPerfectPacing() {
        JitterEstimator jitter = new JitterEstimator();
        for (int n = 0; n < 50; n++) {
            jitter.update(1000 + 160L * n, 5_000_000_000L + n * FRAME_NANOS);
        }
        assertEquals(0.0, jitter.jitterMillis(), 1e-9);
    }

    @Test
    void jitterFollowsRfc3550Smoothing() {
        JitterEstimator jitter = new JitterEstimator();
        jitter.update(0, 0);
        // arrives 4 ms (32 samples) late: J = 32 / 16 = 2 samples = 0.25 ms
        jitter.update(160, FRAME_NANOS + 4_000_000L);
        assertEquals(0.25, jitter.jitterMillis(), 1e-9);
        // back on time: D = 32 again, J = 2 + (32 - 2) / 16 = 3.875 samples
        jitter.update(320, 2 * FRAME_NANOS);
        assertEquals(3.875 / 8, jitter.jitterMillis(), 1e-9);
    }

    @Test
    void tracksLossPerSourceAndJitterOnAudioOnly() {
        ReceptionStatistics statistics = new ReceptionStatistics();
        byte[] frame = new byte[160];
        statistics.onPacket(new RtpPacket(true, 0, 1, 0, 0xA, frame), 0, true);
        statistics.onPacket(new RtpPacket(false, 0, 3, 320, 0xA, frame), 2 * FRAME_NANOS, true);
        // telephone-events under another SSRC, repeating one timestamp: no jitter, no loss
        statistics.onPacket(new RtpPacket(true, 101, 500, 999, 0xB, frame), 3 * FRAME_NANOS, false);
        statistics.onPacket(new RtpPacket(false, 101, 501, 999, 0xB, frame), 4 * FRAME_NANOS, false);

        assertEquals(1, statistics.packetsLost());
        assertEquals(0.0, statistics.jitterMillis(), 1e-9);
    }
}
