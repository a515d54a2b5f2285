package org.hotline.media.rtp;

import java.util.HashMap;
import java.util.Map;

/**
 * Reception quality of one call's inbound RTP: loss per SSRC (RFC 3550 §A.1, §A.3; some peers
 * send telephone-events under their own SSRC) and audio jitter (§A.8; telephone-events repeat
 * their timestamp and would distort it). The results are published through volatile fields.
 *
 * <p>Threading: {@link #onPacket} on the session's event loop only; getters from any thread.
 */
final class ReceptionStatistics {

    /** More sources than this on one call is abuse; their packets are not tracked. */
    private static final int MAX_SOURCES = 8;

    private final Map<Long, SequenceTracker> sources = new HashMap<>();
    private final JitterEstimator jitter = new JitterEstimator();
    private long audioSsrc = -1;
    private volatile long packetsLost;
    private volatile double jitterMillis;

    void onPacket(RtpPacket packet, long arrivalNanos, boolean audio) {
        SequenceTracker tracker = sources.get(packet.ssrc());
        if (tracker != null) {
            long lostBefore = tracker.lost();
            tracker.update(packet.sequenceNumber());
            long change = tracker.lost() - lostBefore;
            if (change != 0) {
                packetsLost += change; // written by the session's loop only: the sum over the sources, kept as it changes
            }
        } else if (sources.size() < MAX_SOURCES) {
            sources.put(packet.ssrc(), new SequenceTracker(packet.sequenceNumber()));
        }
        if (audio) {
            if (packet.ssrc() != audioSsrc) {
                jitter.resync();
                audioSsrc = packet.ssrc();
            }
            jitter.update(packet.timestamp(), arrivalNanos);
            jitterMillis = jitter.jitterMillis();
        }
    }

    long packetsLost() {
        return packetsLost;
    }

    double jitterMillis() {
        return jitterMillis;
    }
}
