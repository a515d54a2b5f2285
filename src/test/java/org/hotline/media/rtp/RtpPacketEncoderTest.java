package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultAddressedEnvelope;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class RtpPacketEncoderTest {

    private static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.10", 49176);

    @Test
    void writesTheSameBytesSippCaptured() {
        for (String hex : SippDtmf.KEY_POUND) {
            ByteBuf out = Unpooled.buffer();
            RtpPacketEncoder.write(SippDtmf.packet(hex), out);
            assertEquals(hex, ByteBufUtil.hexDump(out));
            out.release();
        }
    }

    @Test
    void encoderTurnsAnAddressedPacketIntoADatagram() {
        EmbeddedChannel channel = new EmbeddedChannel(new RtpPacketEncoder());
        RtpPacket packet = SippDtmf.packet(SippDtmf.KEY_STAR.get(0));

        channel.writeOutbound(new DefaultAddressedEnvelope<>(packet, PEER));

        DatagramPacket datagram = channel.readOutbound();
        try {
            assertEquals(PEER, datagram.recipient());
            assertEquals(SippDtmf.KEY_STAR.get(0), ByteBufUtil.hexDump(datagram.content()));
        } finally {
            datagram.release();
        }
        assertFalse(channel.finish());
    }

    @Test
    void encoderLeavesPlainDatagramsAlone() {
        EmbeddedChannel channel = new EmbeddedChannel(new RtpPacketEncoder());
        DatagramPacket raw = new DatagramPacket(Unpooled.wrappedBuffer(new byte[] {1, 2}), PEER);

        channel.writeOutbound(raw);

        DatagramPacket out = channel.readOutbound();
        assertEquals(raw, out);
        out.release();
        assertFalse(channel.finish());
    }

    @Test
    void rejectsHeaderFieldsOutOfRange() {
        byte[] none = new byte[0];
        assertThrows(IllegalArgumentException.class, () -> new RtpPacket(false, 128, 0, 0, 0, none));
        assertThrows(IllegalArgumentException.class, () -> new RtpPacket(false, 0, 0x10000, 0, 0, none));
        assertThrows(IllegalArgumentException.class, () -> new RtpPacket(false, 0, 0, 1L << 32, 0, none));
        assertThrows(IllegalArgumentException.class, () -> new RtpPacket(false, 0, 0, 0, -1, none));
    }
}
