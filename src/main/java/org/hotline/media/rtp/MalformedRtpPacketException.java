package org.hotline.media.rtp;

/**
 * A datagram on an RTP port that is not a valid RTP packet (RFC 3550 §5.1, §A.1 validity checks).
 * Thrown only by {@link RtpPacketDecoder#parse} and caught by the decoder, which counts and drops
 * the datagram. No stack trace: a flood of junk must stay cheap.
 */
public final class MalformedRtpPacketException extends Exception {

    MalformedRtpPacketException(String reason) {
        super(reason, null, false, false);
    }
}
