package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.SplittableRandom;
import org.hotline.media.Codec;
import org.hotline.media.RemoteMedia;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When relayed packets are sent or dropped, on an {@link EmbeddedChannel}: its loop runs nothing
 * by itself, so the media clock only sends its first frame and the test sees each packet written.
 * Two sessions of a real engine serve as the relay sources (only their identity matters).
 */
class OutboundMediaTest {

    private static final InetSocketAddress PHONE = new InetSocketAddress("192.0.2.10", 4000);

    private final RtpEngine engine = new RtpEngine(TestPorts.freeRange(2), new SplittableRandom(1));
    private final RtpSession caller = engine.open("caller");
    private final RtpSession other = engine.open("other");
    private final RemotePeer peer = new RemotePeer();
    private final RtpCounters counters = new RtpCounters();
    private final EmbeddedChannel channel = new EmbeddedChannel(new RtpPacketEncoder());
    private final OutboundMedia outbound = new OutboundMedia(
            new RtpSessionContext("agent", peer, counters, new ReceptionStatistics(), d -> { }, p -> { }, null),
            channel.eventLoop(), channel, new OutboundStream(0xBEEF, 100, 8000));

    @AfterEach
    void close() {
        outbound.close();
        channel.finishAndReleaseAll();
        engine.close();
    }

    @Test
    void dropsRelayedPacketsUntilThePeerIsKnown() {
        outbound.startRelay(caller);

        outbound.sendRelayed(audio(caller, 1), System.nanoTime());

        assertNull(channel.readOutbound());
        assertEquals(List.of(1L, 0L, 1L), relayCounts());
        assertEquals(new RelayDrops(0, 0, 0, 1, 0), drops());
    }

    @Test
    void dropsPacketsOfAFormerSourceAndWhileThePeerHolds() {
        connect();
        assertTrue(Tone.isSilence(sent()), "the clock's first frame");
        outbound.startRelay(caller);
        outbound.sendRelayed(audio(caller, 1), System.nanoTime());
        RtpPacket fromCaller = sent();

        outbound.stopRelay(System.nanoTime());
        outbound.startRelay(other);
        outbound.sendRelayed(audio(caller, 2), System.nanoTime());
        outbound.setSending(false);
        outbound.sendRelayed(audio(other, 3), System.nanoTime());
        outbound.setSending(true);
        outbound.sendRelayed(audio(other, 4), System.nanoTime());
        RtpPacket fromOther = sent();

        assertNull(channel.readOutbound(), "nothing else was sent");
        assertEquals(List.of(4L, 2L, 2L), relayCounts());
        assertEquals(new RelayDrops(0, 1, 1, 0, 0), drops(), "one of the former source, one on hold");
        assertEquals((fromCaller.sequenceNumber() + 1) & 0xFFFF, fromOther.sequenceNumber());
        assertTrue(fromOther.marker(), "a new source, and after the hold");
        assertEquals(0xBEEF, fromOther.ssrc());
    }

    @Test
    void notRelayingDropsEverything() {
        connect();
        sent();

        outbound.sendRelayed(audio(caller, 1), System.nanoTime());

        assertNull(channel.readOutbound());
        assertEquals(List.of(1L, 0L, 1L), relayCounts());
        assertEquals(new RelayDrops(0, 1, 0, 0, 0), drops());
        assertFalse(counters.relayDelay().snapshot().count() > 0);
    }

    @Test
    void countsPacketsInFlightAtCloseAsDroppedForTheClosedTarget() {
        connect();
        sent();
        outbound.startRelay(caller);
        outbound.close();

        outbound.sendRelayed(audio(caller, 1), System.nanoTime());

        assertNull(channel.readOutbound());
        assertEquals(new RelayDrops(1, 0, 0, 0, 0), drops());
        assertEquals(List.of(1L, 0L, 1L), relayCounts());
    }

    private void connect() {
        peer.connect(new RemoteMedia(PHONE, Codec.PCMU, 101));
        outbound.start();
    }

    private RtpPacket sent() {
        DatagramPacket datagram = channel.readOutbound();
        try {
            assertEquals(PHONE, datagram.recipient());
            return RtpPacketDecoder.parse(datagram.content());
        } catch (MalformedRtpPacketException e) {
            throw new AssertionError(e);
        } finally {
            datagram.release();
        }
    }

    private RelayDrops drops() {
        return counters.snapshot(0, 0).relayDrops();
    }

    private List<Long> relayCounts() {
        RtpStatistics s = counters.snapshot(0, 0);
        return List.of(s.relayPacketsIn(), s.relayPacketsOut(), s.relayDropped());
    }

    private static RelayedPacket audio(RtpSession source, int seq) {
        return new RelayedPacket(source, new Tone(Codec.PCMU, 440, 0xA, 0, 0).packet(seq), Codec.PCMU, System.nanoTime());
    }
}
