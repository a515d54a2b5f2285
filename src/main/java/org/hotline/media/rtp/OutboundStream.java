package org.hotline.media.rtp;

import java.util.random.RandomGenerator;

/**
 * The header state of the RTP stream Hotline sends on one call (RFC 3550 §5.1): random SSRC,
 * random initial sequence number and timestamp; +1 and +160 per 20 ms frame. A frame that is not
 * sent (on hold, or skipped after a stall) still advances the timestamp but not the sequence
 * number, and the next packet sent carries the marker bit, as the first packet of a talkspurt
 * does (RFC 3551 §4.1); the very first packet of the stream has it too.
 *
 * <p>Relayed packets ({@link RelayStamper}) take the next sequence number and a timestamp the
 * stamper chose; the stream's next timestamp only moves forward (serial number arithmetic,
 * RFC 1982), so the media clock resumes after the relayed stream, never before its end.
 *
 * <p>Threading: confined to the session's event loop.
 */
final class OutboundStream {

    static final int SAMPLES_PER_FRAME = 160;
    static final long TIMESTAMP_MASK = 0xFFFF_FFFFL;
    private static final long HALF_TIMESTAMP_RANGE = 1L << 31;

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

    /** The next 20 ms frame of the media clock, at the next timestamp. */
    RtpPacket next(int payloadType, byte[] payload) {
        RtpPacket packet = packetAt(payloadType, timestamp, takeMarker(), payload);
        advanceTimestamp();
        return packet;
    }

    void skipFrame() {
        markerPending = true;
        advanceTimestamp();
    }

    /** A packet with the next sequence number and the given timestamp and marker; the next timestamp is left alone. */
    RtpPacket packetAt(int payloadType, long packetTimestamp, boolean marker, byte[] payload) {
        RtpPacket packet = new RtpPacket(marker, payloadType, sequenceNumber, packetTimestamp, ssrc, payload);
        sequenceNumber = (sequenceNumber + 1) & 0xFFFF;
        return packet;
    }

    /** Whether the next audio packet starts a talkspurt; clears the flag. */
    boolean takeMarker() {
        boolean marker = markerPending;
        markerPending = false;
        return marker;
    }

    /** The next audio packet starts a talkspurt (relayed packets dropped, a new relayed source). */
    void interrupt() {
        markerPending = true;
    }

    /** Moves the next timestamp to {@code newTimestamp} if that is later; true if it moved. */
    boolean advanceTo(long newTimestamp) {
        if (!isAfter(newTimestamp, timestamp)) {
            return false;
        }
        timestamp = newTimestamp;
        return true;
    }

    /** The media clock takes over again at {@code newTimestamp} (if later), starting a talkspurt. */
    void resumeAt(long newTimestamp) {
        advanceTo(newTimestamp);
        interrupt();
    }

    /** The timestamp of the next sample the stream has not yet covered. */
    long nextTimestamp() {
        return timestamp;
    }

    long ssrc() {
        return ssrc;
    }

    /** RFC 1982 serial number order on 32-bit timestamps: {@code a} is later than {@code b}. */
    static boolean isAfter(long a, long b) {
        long distance = (a - b) & TIMESTAMP_MASK;
        return distance != 0 && distance < HALF_TIMESTAMP_RANGE;
    }

    private void advanceTimestamp() {
        timestamp = (timestamp + SAMPLES_PER_FRAME) & TIMESTAMP_MASK;
    }
}
