package org.hotline.media.rtp;

import java.util.random.RandomGenerator;

/**
 * The header state of the RTP stream Hotline sends on one call (RFC 3550 §5.1): random SSRC,
 * random initial sequence number and timestamp; +1 and +160 per 20 ms frame. A frame that is not
 * sent (on hold, or skipped after a stall) still advances the timestamp but not the sequence
 * number, and the next packet sent carries the marker bit, as the first packet of a talkspurt
 * does (RFC 3551 §4.1); the very first packet of the stream has it too.
 *
 * <p>Threading: confined to the session's event loop.
 */
final class OutboundStream {

    static final int SAMPLES_PER_FRAME = 160;

    private final long ssrc;
    private int sequenceNumber;
    private long timestamp;
    private boolean markerPending = true;

    OutboundStream(long ssrc, int firstSequenceNumber, long firstTimestamp) {
        this.ssrc = ssrc;
        this.sequenceNumber = firstSequenceNumber;
        this.timestamp = firstTimestamp;
    }

    /** A stream with random SSRC, sequence number and timestamp (RFC 3550 §5.1, §8.1). */
    static OutboundStream random(RandomGenerator random) {
        return new OutboundStream(random.nextLong(1L << 32), random.nextInt(1 << 16), random.nextLong(1L << 32));
    }

    RtpPacket next(int payloadType, byte[] payload) {
        RtpPacket packet = new RtpPacket(markerPending, payloadType, sequenceNumber, timestamp, ssrc, payload);
        markerPending = false;
        sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        advanceTimestamp();
        return packet;
    }

    void skipFrame() {
        markerPending = true;
        advanceTimestamp();
    }

    long ssrc() {
        return ssrc;
    }

    private void advanceTimestamp() {
        timestamp = (timestamp + SAMPLES_PER_FRAME) & 0xFFFF_FFFFL;
    }
}
