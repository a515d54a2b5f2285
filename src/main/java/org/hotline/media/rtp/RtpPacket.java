package org.hotline.media.rtp;

import java.util.Arrays;
import java.util.Objects;

/**
 * One RTP packet (RFC 3550 §5.1) as Hotline sees it: version 2, no CSRCs, no header extension and
 * no padding left (the decoder skips them, the encoder never writes them). Unsigned 16- and 32-bit
 * header fields are held in {@code int} and {@code long}.
 *
 * <p>Immutable by convention, like {@link org.hotline.media.AudioClip}: the payload array is owned
 * by the packet and never modified after construction, so packets can be handed to any thread.
 * It holds no {@code ByteBuf}: the decoder copies the payload out of the datagram and releases it.
 */
public record RtpPacket(boolean marker, int payloadType, int sequenceNumber, long timestamp, long ssrc,
        byte[] payload) {

    public static final int VERSION = 2;
    public static final int HEADER_BYTES = 12;

    public RtpPacket {
        checkRange("payloadType", payloadType, 0x7F);
        checkRange("sequenceNumber", sequenceNumber, 0xFFFF);
        checkRange("timestamp", timestamp, 0xFFFF_FFFFL);
        checkRange("ssrc", ssrc, 0xFFFF_FFFFL);
        Objects.requireNonNull(payload, "payload");
    }

    private static void checkRange(String field, long value, long max) {
        if (value < 0 || value > max) {
            throw new IllegalArgumentException(field + " out of range: " + value);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RtpPacket p
                && marker == p.marker
                && payloadType == p.payloadType
                && sequenceNumber == p.sequenceNumber
                && timestamp == p.timestamp
                && ssrc == p.ssrc
                && Arrays.equals(payload, p.payload);
    }

    @Override
    public int hashCode() {
        return Objects.hash(marker, payloadType, sequenceNumber, timestamp, ssrc) * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "RtpPacket[pt=" + payloadType + (marker ? ", M" : "") + ", seq=" + sequenceNumber
                + ", ts=" + timestamp + ", ssrc=0x" + Long.toHexString(ssrc) + ", " + payload.length + " bytes]";
    }
}
