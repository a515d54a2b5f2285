package org.hotline.media.rtp;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One session's packet counters, kept for the metrics of a later issue, and the delay histogram
 * of the packets it relays. Incremented by the session's event loop (pipeline handlers, the media
 * clock, relayed packets); read from any thread through {@link RtpSession#statistics()} and
 * {@link RtpSession#relayDelay()}.
 */
final class RtpCounters {

    private final AtomicLong packetsReceived = new AtomicLong();
    private final AtomicLong packetsSent = new AtomicLong();
    private final AtomicLong malformedDropped = new AtomicLong();
    private final AtomicLong foreignSourceDropped = new AtomicLong();
    private final AtomicLong unexpectedPayloadTypeDropped = new AtomicLong();
    private final AtomicLong rtcpPacketsReceived = new AtomicLong();
    private final AtomicLong sendFailures = new AtomicLong();
    private final AtomicLong relayPacketsIn = new AtomicLong();
    private final AtomicLong relayPacketsOut = new AtomicLong();
    private final AtomicLongArray relayDropped = new AtomicLongArray(RelayDrops.Reason.values().length);
    private final RelayDelayHistogram relayDelay = new RelayDelayHistogram();

    void packetReceived() {
        packetsReceived.incrementAndGet();
    }

    void packetSent() {
        packetsSent.incrementAndGet();
    }

    void malformedDropped() {
        malformedDropped.incrementAndGet();
    }

    void foreignSourceDropped() {
        foreignSourceDropped.incrementAndGet();
    }

    void unexpectedPayloadTypeDropped() {
        unexpectedPayloadTypeDropped.incrementAndGet();
    }

    void rtcpPacketReceived() {
        rtcpPacketsReceived.incrementAndGet();
    }

    void sendFailed() {
        sendFailures.incrementAndGet();
    }

    void relayPacketIn() {
        relayPacketsIn.incrementAndGet();
    }

    void relayPacketOut() {
        relayPacketsOut.incrementAndGet();
    }

    void relayDropped(RelayDrops.Reason reason) {
        relayDropped.incrementAndGet(reason.ordinal());
    }

    RelayDelayHistogram relayDelay() {
        return relayDelay;
    }

    RtpStatistics snapshot(long packetsLost, double interarrivalJitterMs) {
        return new RtpStatistics(packetsReceived.get(), packetsSent.get(), packetsLost, interarrivalJitterMs,
                malformedDropped.get(), foreignSourceDropped.get(), unexpectedPayloadTypeDropped.get(),
                rtcpPacketsReceived.get(), sendFailures.get(), relayPacketsIn.get(), relayPacketsOut.get(),
                new RelayDrops(relayDropped.get(RelayDrops.Reason.TARGET_CLOSED.ordinal()),
                        relayDropped.get(RelayDrops.Reason.NOT_RELAYING.ordinal()),
                        relayDropped.get(RelayDrops.Reason.HELD.ordinal()),
                        relayDropped.get(RelayDrops.Reason.NO_PEER.ordinal()),
                        relayDropped.get(RelayDrops.Reason.EVENT_NOT_NEGOTIATED.ordinal())));
    }
}
