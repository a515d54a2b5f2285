package org.hotline.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First inbound step of a call's RTP pipeline: datagram to {@link ReceivedRtpPacket}. The payload
 * is copied out, so the datagram's only owner stays this decoder, which releases it
 * ({@link MessageToMessageDecoder} does after {@code decode}). Datagrams that are not valid RTP are
 * counted in the session counters and dropped; nothing is thrown into the pipeline.
 *
 * <p>Threading: runs on the channel's event loop only.
 */
public final class RtpPacketDecoder extends MessageToMessageDecoder<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(RtpPacketDecoder.class);

    private final String callId;
    private final RtpCounters counters;

    RtpPacketDecoder(String callId, RtpCounters counters) {
        this.callId = callId;
        this.counters = counters;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, DatagramPacket datagram, List<Object> out) {
        try {
            out.add(new ReceivedRtpPacket(parse(datagram.content()), datagram.sender(), System.nanoTime()));
        } catch (MalformedRtpPacketException e) {
            counters.malformedDropped();
            log.atDebug().addKeyValue("callId", callId).addKeyValue("sender", datagram.sender())
                    .addKeyValue("reason", e.getMessage()).log("dropped malformed RTP packet");
        }
    }

    /**
     * Parses the readable bytes of {@code buf} (not consumed, not released) per RFC 3550 §5.1:
     * skips CSRCs (§5.1 CC), the header extension (§5.3.1) and padding (§5.1 P).
     *
     * @throws MalformedRtpPacketException when too short, version is not 2, or padding is bad
     */
    public static RtpPacket parse(ByteBuf buf) throws MalformedRtpPacketException {
        int start = buf.readerIndex();
        int length = buf.readableBytes();
        if (length < RtpPacket.HEADER_BYTES) {
            throw new MalformedRtpPacketException("shorter than the RTP header: " + length + " bytes");
        }
        int first = buf.getUnsignedByte(start);
        int version = first >> 6;
        if (version != RtpPacket.VERSION) {
            throw new MalformedRtpPacketException("version " + version);
        }
        int payloadStart = RtpPacket.HEADER_BYTES + 4 * (first & 0x0F);
        if ((first & 0x10) != 0) {
            payloadStart += extensionBytes(buf, start, payloadStart, length);
        }
        int payloadEnd = length - ((first & 0x20) != 0 ? paddingBytes(buf, start, payloadStart, length) : 0);
        if (payloadStart > payloadEnd) {
            throw new MalformedRtpPacketException("header longer than the packet: " + payloadStart + " > " + length);
        }
        int second = buf.getUnsignedByte(start + 1);
        byte[] payload = new byte[payloadEnd - payloadStart];
        buf.getBytes(start + payloadStart, payload);
        return new RtpPacket((second & 0x80) != 0, second & 0x7F, buf.getUnsignedShort(start + 2),
                buf.getUnsignedInt(start + 4), buf.getUnsignedInt(start + 8), payload);
    }

    private static int extensionBytes(ByteBuf buf, int start, int offset, int length)
            throws MalformedRtpPacketException {
        if (offset + 4 > length) {
            throw new MalformedRtpPacketException("header extension beyond the packet");
        }
        return 4 + 4 * buf.getUnsignedShort(start + offset + 2);
    }

    private static int paddingBytes(ByteBuf buf, int start, int payloadStart, int length)
            throws MalformedRtpPacketException {
        int padding = buf.getUnsignedByte(start + length - 1);
        if (padding == 0 || payloadStart + padding > length) {
            throw new MalformedRtpPacketException("bad padding count " + padding);
        }
        return padding;
    }
}
