package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class RtpPacketDecoderTest {

    /** Packet 100 of SIPp's g711a.pcap: PCMA, 240 samples (30 ms), no marker. */
    private static final String SIPP_PCMA = "8008e76000005dc0dee0ee8f"
            + "e1edede99595919795edede5fdc5d54a4a4a4a724a4a4a5a5ad5d5d5d5d5d55a5a5a5a4a727a7a7a7a66667a724a4a72"
            + "4a5a5a5a5a5ad5d55ad5c5c5c5f5c5f5fdfdfde1ededede9959597919397e9ede1e5f5d55a4a5a4a4a4a4a5ad5d55a5a"
            + "d5d5d5d5d55a5a5a5a4a4a4a72727a7a7a7a72727272724a4a4a5a5a5a5a5a5ad5d5c5d5d5c5f5f5fde5e1e1ede9e995"
            + "9197e9ede1e5fdc5d54a4a4a727a72724a5a5a4a5a5a5a5a5a4a4a4a4a727272727a7a7a7a7a7a7a72727a7a72727272"
            + "7272724a4a4a5a5a5ad5d5c5f5fdfde5e1ede99595e9ede1e5fdc5d54a727a7a6666667a7a724a4a4a4a4a4a4a4a7272";

    private static final InetSocketAddress PEER = new InetSocketAddress("192.0.2.10", 49176);
    private static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.1", 10000);

    @Test
    void parsesTheStartPacketOfASippKeyPress() throws Exception {
        RtpPacket packet = parse(SippDtmf.KEY_1.get(0));

        assertTrue(packet.marker());
        assertEquals(101, packet.payloadType());
        assertEquals(0x1f30, packet.sequenceNumber());
        assertEquals(0x33e0, packet.timestamp());
        assertEquals(0x0e05384eL, packet.ssrc());
        assertArrayEquals(SippDtmf.bytes("010a0000"), packet.payload());
    }

    @Test
    void parsesASippPcmaAudioPacket() throws Exception {
        RtpPacket packet = parse(SIPP_PCMA);

        assertFalse(packet.marker());
        assertEquals(8, packet.payloadType());
        assertEquals(0xe760, packet.sequenceNumber());
        assertEquals(0x5dc0, packet.timestamp());
        assertEquals(0xdee0ee8fL, packet.ssrc());
        assertEquals(240, packet.payload().length);
        assertEquals((byte) 0xe1, packet.payload()[0]);
    }

    @Test
    void readsUnsignedFieldsAtTheirMaximum() throws Exception {
        RtpPacket packet = parse("80ffffffffffffffffffffff");

        assertTrue(packet.marker());
        assertEquals(127, packet.payloadType());
        assertEquals(0xFFFF, packet.sequenceNumber());
        assertEquals(0xFFFF_FFFFL, packet.timestamp());
        assertEquals(0xFFFF_FFFFL, packet.ssrc());
        assertEquals(0, packet.payload().length);
    }

    @Test
    void skipsCsrcsAndTheHeaderExtension() throws Exception {
        // V=2 X=1 CC=2; two CSRCs; extension profile 0xBEDE with one 32-bit word; payload ff ff
        RtpPacket packet = parse("9200000100000002000000031111111122222222" + "bede0001aabbccdd" + "ffff");

        assertEquals(1, packet.sequenceNumber());
        assertEquals(2, packet.timestamp());
        assertEquals(3, packet.ssrc());
        assertArrayEquals(SippDtmf.bytes("ffff"), packet.payload());
    }

    @Test
    void stripsPadding() throws Exception {
        // V=2 P=1; payload 01 02 then three bytes of padding, the last holding the count
        RtpPacket packet = parse("a0000001000000020000000301020000" + "03");

        assertArrayEquals(SippDtmf.bytes("0102"), packet.payload());
    }

    @Test
    void rejectsMalformedPackets() {
        assertMalformed("80000001000000020000", "shorter than the header");
        assertMalformed("400000010000000200000003ffff", "version 1");
        assertMalformed("000000010000000200000003ffff", "version 0");
        assertMalformed("a000000100000002000000030100", "padding count 0");
        assertMalformed("a000000100000002000000030109", "padding longer than the packet");
        assertMalformed("8300000100000002000000031111111122222222", "CSRCs beyond the packet");
        assertMalformed("900000010000000200000003bede", "extension header cut short");
        assertMalformed("900000010000000200000003bede0004aabbccdd", "extension longer than the packet");
    }

    @Test
    void decoderPassesPacketsOnWithTheirSourceAndReleasesTheDatagram() {
        RtpCounters counters = new RtpCounters();
        EmbeddedChannel channel = new EmbeddedChannel(new RtpPacketDecoder("call-1", counters));
        ByteBuf content = Unpooled.wrappedBuffer(SippDtmf.bytes(SippDtmf.KEY_1.get(0)));

        channel.writeInbound(new DatagramPacket(content, LOCAL, PEER));

        ReceivedRtpPacket received = channel.readInbound();
        assertEquals(PEER, received.sender());
        assertEquals(SippDtmf.packet(SippDtmf.KEY_1.get(0)), received.packet());
        assertEquals(0, content.refCnt());
        assertFalse(channel.finish());
    }

    @Test
    void decoderCountsAndDropsMalformedDatagramsWithoutRaisingErrors() {
        RtpCounters counters = new RtpCounters();
        EmbeddedChannel channel = new EmbeddedChannel(new RtpPacketDecoder("call-1", counters));
        ByteBuf content = Unpooled.wrappedBuffer(SippDtmf.bytes("400000010000000200000003ffff"));

        channel.writeInbound(new DatagramPacket(content, LOCAL, PEER));

        assertNull(channel.readInbound());
        channel.checkException();
        assertEquals(0, content.refCnt());
        assertEquals(1, counters.snapshot(0, 0).malformedDropped());
        assertFalse(channel.finish());
    }

    private static RtpPacket parse(String hex) throws MalformedRtpPacketException {
        ByteBuf buf = Unpooled.wrappedBuffer(SippDtmf.bytes(hex));
        try {
            RtpPacket packet = RtpPacketDecoder.parse(buf);
            assertEquals(0, buf.readerIndex(), "parse must not consume the buffer");
            return packet;
        } finally {
            buf.release();
        }
    }

    private static void assertMalformed(String hex, String why) {
        ByteBuf buf = Unpooled.wrappedBuffer(SippDtmf.bytes(hex));
        try {
            assertThrows(MalformedRtpPacketException.class, () -> RtpPacketDecoder.parse(buf), why);
        } finally {
            buf.release();
        }
    }
}
