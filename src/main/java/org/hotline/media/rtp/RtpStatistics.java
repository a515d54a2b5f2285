package org.hotline.media.rtp;

/**
 * A snapshot of one session's RTP counters, for metrics and tests.
 *
 * @param packetsReceived valid RTP packets from the latched peer (audio and telephone-events)
 * @param packetsSent RTP packets written to the peer, own frames and relayed ones
 * @param packetsLost cumulative loss per RFC 3550 §A.3 (expected minus received, never negative),
 *     summed over the peer's SSRCs
 * @param interarrivalJitterMs interarrival jitter of the audio stream per RFC 3550 §A.8
 * @param malformedDropped datagrams that were not valid RTP
 * @param foreignSourceDropped packets from another source than the latched one (RFC 4961)
 * @param unexpectedPayloadTypeDropped packets neither of the negotiated codec nor telephone-events
 * @param rtcpPacketsReceived datagrams read (and discarded) on the RTCP port
 * @param sendFailures writes the transport reported as failed
 * @param relayPacketsIn packets of a relay source handed to this session to send (audio and
 *     telephone-events); each is either sent or dropped: in = out + dropped, once settled
 * @param relayPacketsOut relayed packets this session sent (also counted in packetsSent)
 * @param relayDrops relayed packets not sent, by reason ({@link RelayDrops})
 */
public record RtpStatistics(
        long packetsReceived,
        long packetsSent,
        long packetsLost,
        double interarrivalJitterMs,
        long malformedDropped,
        long foreignSourceDropped,
        long unexpectedPayloadTypeDropped,
        long rtcpPacketsReceived,
        long sendFailures,
        long relayPacketsIn,
        long relayPacketsOut,
        RelayDrops relayDrops) {

    /** Relayed packets not sent, all reasons. */
    public long relayDropped() {
        return relayDrops.total();
    }
}
