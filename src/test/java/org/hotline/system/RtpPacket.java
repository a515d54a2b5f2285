package org.hotline.system;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * One received or generated RTP packet (RFC 3550 §5.1), with its arrival time. Immutable.
 *
 * @param payload the payload after the fixed header, CSRCs and extension
 */
public record RtpPacket(Instant at, int payloadType, boolean marker, int sequenceNumber, long timestamp, long ssrc, byte[] payload) {

    private static final int VERSION = 2;
    private static final int FIXED_HEADER_BYTES = 12;

    /** Parses a UDP payload; empty if it is not RTP version 2 (e.g. RTCP or a stray datagram). */
    public static Optional<RtpPacket> parse(Instant at, byte[] datagram) {
        if (datagram.length < FIXED_HEADER_BYTES || (datagram[0] & 0xc0) >> 6 != VERSION) {
            return Optional.empty();
        }
        int payloadType = datagram[1] & 0x7f;
        if (payloadType >= 72 && payloadType <= 76) {
            return Optional.empty(); // RTCP packet types 200-204 with the marker bit (RFC 5761 §4)
        }
        int csrcCount = datagram[0] & 0x0f;
        int offset = FIXED_HEADER_BYTES + 4 * csrcCount;
        if ((datagram[0] & 0x10) != 0 && datagram.length >= offset + 4) {
            int extensionWords = ((datagram[offset + 2] & 0xff) << 8) | (datagram[offset + 3] & 0xff);
            offset += 4 + 4 * extensionWords;
        }
        int end = datagram.length;
        if ((datagram[0] & 0x20) != 0) {
            end -= datagram[datagram.length - 1] & 0xff;
        }
        if (offset > end) {
            return Optional.empty();
        }
        return Optional.of(new RtpPacket(at, payloadType, (datagram[1] & 0x80) != 0,
                ((datagram[2] & 0xff) << 8) | (datagram[3] & 0xff),
                readUnsigned32(datagram, 4), readUnsigned32(datagram, 8),
                Arrays.copyOfRange(datagram, offset, end)));
    }

    /** The header and payload as sent on the wire. */
    public byte[] toBytes() {
        byte[] bytes = new byte[FIXED_HEADER_BYTES + payload.length];
        bytes[0] = (byte) (VERSION << 6);
        bytes[1] = (byte) ((marker ? 0x80 : 0) | payloadType);
        bytes[2] = (byte) (sequenceNumber >> 8);
        bytes[3] = (byte) sequenceNumber;
        writeUnsigned32(bytes, 4, timestamp);
        writeUnsigned32(bytes, 8, ssrc);
        System.arraycopy(payload, 0, bytes, FIXED_HEADER_BYTES, payload.length);
        return bytes;
    }

    private static long readUnsigned32(byte[] b, int at) {
        return ((long) (b[at] & 0xff) << 24) | ((b[at + 1] & 0xff) << 16) | ((b[at + 2] & 0xff) << 8) | (b[at + 3] & 0xff);
    }

    private static void writeUnsigned32(byte[] b, int at, long value) {
        b[at] = (byte) (value >> 24);
        b[at + 1] = (byte) (value >> 16);
        b[at + 2] = (byte) (value >> 8);
        b[at + 3] = (byte) value;
    }
}
