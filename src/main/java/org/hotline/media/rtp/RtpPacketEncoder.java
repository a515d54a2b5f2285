package org.hotline.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.AddressedEnvelope;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.DatagramPacket;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Outbound step of a call's RTP pipeline: an {@link RtpPacket} addressed to the peer becomes a
 * {@link DatagramPacket}. The encoder allocates the buffer and hands it to the transport, which
 * releases it once written. Writes version 2, no padding, no extension, no CSRCs (RFC 3550 §5.1).
 *
 * <p>Threading: runs on the channel's event loop only.
 */
public final class RtpPacketEncoder extends MessageToMessageEncoder<AddressedEnvelope<RtpPacket, InetSocketAddress>> {

    @Override
    public boolean acceptOutboundMessage(Object msg) throws Exception {
        return super.acceptOutboundMessage(msg)
                && ((AddressedEnvelope<?, ?>) msg).content() instanceof RtpPacket;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, AddressedEnvelope<RtpPacket, InetSocketAddress> envelope,
            List<Object> out) {
        RtpPacket packet = envelope.content();
        ByteBuf buf = ctx.alloc().buffer(RtpPacket.HEADER_BYTES + packet.payload().length);
        write(packet, buf);
        out.add(new DatagramPacket(buf, envelope.recipient(), envelope.sender()));
    }

    /** Appends the packet's wire form to {@code out}. */
    public static void write(RtpPacket packet, ByteBuf out) {
        out.writeByte(RtpPacket.VERSION << 6);
        out.writeByte((packet.marker() ? 0x80 : 0) | packet.payloadType());
        out.writeShort(packet.sequenceNumber());
        out.writeInt((int) packet.timestamp());
        out.writeInt((int) packet.ssrc());
        out.writeBytes(packet.payload());
    }
}
