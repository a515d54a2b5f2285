package org.hotline.media.rtp;

import java.util.Optional;
import org.hotline.media.AudioClip;
import org.hotline.media.Codec;
import org.hotline.media.codec.G711;

/**
 * Rewrites a relayed packet into the target session's outbound stream, which stays one stream
 * from the peer's point of view (the B2BUA re-originates media rather than forwarding the other
 * leg's headers): the target's SSRC, its next sequence number, and the source's timestamp plus an
 * offset fixed at the source's first packet (and fixed again when the source's SSRC changes).
 * The offset maps that first packet onto the target stream's next timestamp, so the stream is
 * continuous with what it sent before, and the source's timestamp gaps (its lost packets) stay
 * gaps rather than shifts. Audio is transcoded when the two peers' G.711 laws differ; the first
 * relayed audio packet carries the marker bit. Telephone-events keep their marker and payload,
 * their timestamp (the event's start, RFC 4733 §2.5.1) maps through the same offset, and they take
 * the target's negotiated payload type; when the target negotiated none they are not sent.
 *
 * <p>It also keeps when the stream's next timestamp is due, so the media clock that takes over
 * after the relay ({@link #timestampAt}) continues from the relayed stream's end plus the time
 * since, never going backwards. Times are on the {@code System.nanoTime()} scale, passed in.
 *
 * <p>Threading: confined to the target session's event loop.
 */
final class RelayStamper {

    static final long NANOS_PER_SAMPLE = 1_000_000_000L / AudioClip.SAMPLE_RATE_HZ;

    private final OutboundStream stream;
    private boolean anchored;
    private long sourceSsrc;
    private long offset;
    private long nextDueNanos;

    RelayStamper(OutboundStream stream) {
        this.stream = stream;
    }

    /** A new relay (another source, or the same again): its first packet fixes a new offset. */
    void reset() {
        anchored = false;
    }

    /**
     * The packet to send for {@code relayed}, or empty when the target cannot take it (a
     * telephone-event without a negotiated payload type).
     *
     * @param target the target session's peer, connected (codec and telephone-event payload type)
     * @param anchorTimestamp where a first packet of a source goes: the timestamp due now
     */
    Optional<RtpPacket> stamp(RelayedPacket relayed, RemotePeer target, long anchorTimestamp, long nowNanos) {
        RtpPacket source = relayed.packet();
        int eventPayloadType = target.telephoneEventPayloadType();
        if (relayed.isTelephoneEvent() && eventPayloadType < 0) {
            return Optional.empty();
        }
        if (!anchored || source.ssrc() != sourceSsrc) {
            anchor(source, anchorTimestamp, nowNanos);
        }
        long timestamp = (source.timestamp() + offset) & OutboundStream.TIMESTAMP_MASK;
        if (relayed.isTelephoneEvent()) {
            return Optional.of(stream.packetAt(eventPayloadType, timestamp, source.marker(), source.payload()));
        }
        Codec codec = target.codec();
        byte[] payload = G711.transcode(relayed.codec(), codec, source.payload());
        boolean marker = stream.takeMarker() || source.marker();
        RtpPacket packet = stream.packetAt(codec.payloadType(), timestamp, marker, payload);
        // G.711: one byte per sample, whatever the packet duration the source chose
        if (stream.advanceTo((timestamp + payload.length) & OutboundStream.TIMESTAMP_MASK)) {
            nextDueNanos = nowNanos + payload.length * NANOS_PER_SAMPLE;
        }
        return Optional.of(packet);
    }

    /**
     * The timestamp of a sample sent at {@code nowNanos}: the stream's next timestamp, plus the
     * samples of the time elapsed since it was due.
     */
    long timestampAt(long nowNanos) {
        long lateNanos = nowNanos - nextDueNanos;
        if (lateNanos <= 0) {
            return stream.nextTimestamp();
        }
        return (stream.nextTimestamp() + lateNanos / NANOS_PER_SAMPLE) & OutboundStream.TIMESTAMP_MASK;
    }

    /** When the stream's next timestamp is due. */
    long nextDueNanos() {
        return nextDueNanos;
    }

    private void anchor(RtpPacket source, long anchorTimestamp, long nowNanos) {
        anchored = true;
        sourceSsrc = source.ssrc();
        offset = anchorTimestamp - source.timestamp();
        stream.advanceTo(anchorTimestamp);
        stream.interrupt();
        nextDueNanos = nowNanos;
    }
}
