package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.DefaultAddressedEnvelope;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.hotline.media.Codec;
import org.hotline.media.RemoteMedia;
import org.junit.jupiter.api.Test;

/** The pipeline {@link RtpChannelInitializer} assembles, driven on an EmbeddedChannel. */
class RtpPipelineTest {

    private static final InetSocketAddress LOCAL = new InetSocketAddress("192.0.2.1", 10000);
    private static final InetSocketAddress SDP_ADDRESS = new InetSocketAddress("192.0.2.10", 4000);
    private static final InetSocketAddress NAT_SOURCE = new InetSocketAddress("198.51.100.7", 61000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("203.0.113.9", 5004);

    private final RemotePeer peer = new RemotePeer();
    private final RtpCounters counters = new RtpCounters();
    private final ReceptionStatistics reception = new ReceptionStatistics();
    private final List<Character> digits = new ArrayList<>();
    private final List<RtpPacket> audio = new ArrayList<>();
    private final EmbeddedChannel channel = new EmbeddedChannel(RtpChannelInitializer.forRtp(
            new RtpSessionContext("call-1", peer, counters, reception, digits::add, audio::add,
                    new RelayFeed(null))));

    RtpPipelineTest() {
        peer.connect(new RemoteMedia(SDP_ADDRESS, Codec.PCMU, SippDtmf.PAYLOAD_TYPE));
    }

    @Test
    void reportsEachSippKeyPressOnce() {
        List<String> presses = new ArrayList<>(SippDtmf.KEY_1);
        presses.addAll(SippDtmf.KEY_POUND);
        presses.addAll(SippDtmf.shifted(SippDtmf.KEY_POUND, 3200, 20));
        presses.forEach(hex -> receive(hex, NAT_SOURCE));

        assertEquals(List.of('1', '#', '#'), digits);
        assertTrue(audio.isEmpty());
        assertEquals(30, statistics().packetsReceived());
        assertFalse(channel.finish());
    }

    @Test
    void latchesToTheFirstSourceAndDropsOthers() {
        receive(audioPacket(1), NAT_SOURCE);
        receive(audioPacket(2), STRANGER);
        SippDtmf.KEY_1.forEach(hex -> receive(hex, STRANGER));

        assertEquals(NAT_SOURCE, peer.target().orElseThrow());
        assertEquals(1, audio.size());
        assertTrue(digits.isEmpty());
        assertEquals(11, statistics().foreignSourceDropped());
        assertFalse(channel.finish());
    }

    @Test
    void aReInviteToAnotherAddressLatchesAgain() {
        receive(audioPacket(1), NAT_SOURCE);
        peer.connect(new RemoteMedia(new InetSocketAddress("192.0.2.20", 4000), Codec.PCMU, SippDtmf.PAYLOAD_TYPE));
        receive(audioPacket(2), STRANGER);

        assertEquals(STRANGER, peer.target().orElseThrow());
        assertEquals(2, audio.size());
    }

    @Test
    void passesAudioOfTheNegotiatedCodecAndCountsOtherPayloadTypes() {
        receive(audioPacket(1), NAT_SOURCE);
        receive(ByteBufUtil.hexDump(encode(new RtpPacket(false, 13, 2, 160, 0xA, new byte[1]))), NAT_SOURCE);
        receive(audioPacket(4), NAT_SOURCE);

        assertEquals(List.of(1, 4), audio.stream().map(RtpPacket::sequenceNumber).toList());
        RtpStatistics statistics = statistics();
        assertEquals(1, statistics.unexpectedPayloadTypeDropped());
        assertEquals(1, statistics.packetsLost());
        assertEquals(3, statistics.packetsReceived());
    }

    @Test
    void countsMalformedDatagramsWithoutErrors() {
        receive("40000001000000020000000300", NAT_SOURCE);
        assertFalse(peer.isLatched(), "junk does not latch");
        receive("8065000100000002000000030102", NAT_SOURCE); // telephone-event payload too short

        channel.checkException();
        assertEquals(2, statistics().malformedDropped());
        assertTrue(digits.isEmpty());
        assertFalse(channel.finish());
    }

    @Test
    void encodesOutgoingPackets() {
        RtpPacket packet = SippDtmf.packet(SippDtmf.KEY_1.get(3));
        channel.writeOutbound(new DefaultAddressedEnvelope<>(packet, SDP_ADDRESS));

        DatagramPacket datagram = channel.readOutbound();
        try {
            assertEquals(SippDtmf.KEY_1.get(3), ByteBufUtil.hexDump(datagram.content()));
            assertEquals(SDP_ADDRESS, datagram.recipient());
        } finally {
            datagram.release();
        }
    }

    private RtpStatistics statistics() {
        return counters.snapshot(reception.packetsLost(), reception.jitterMillis());
    }

    private void receive(String hex, InetSocketAddress sender) {
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(SippDtmf.bytes(hex)), LOCAL, sender));
    }

    private static String audioPacket(int seq) {
        return ByteBufUtil.hexDump(encode(new RtpPacket(false, 0, seq, 160L * seq, 0xA, new byte[160])));
    }

    private static byte[] encode(RtpPacket packet) {
        var buf = Unpooled.buffer();
        RtpPacketEncoder.write(packet, buf);
        byte[] bytes = ByteBufUtil.getBytes(buf);
        buf.release();
        return bytes;
    }
}
