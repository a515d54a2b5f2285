package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.LinkedBlockingQueue;
import org.hotline.config.RtpConfig;
import org.hotline.media.Codec;
import org.hotline.media.RemoteMedia;
import org.hotline.media.codec.G711;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The B2BUA's media bridge on loopback: phone A talks to session 1 (the caller's leg), session 2
 * (the agent's leg) relays it to phone B, and the other way round. The phones are plain sockets;
 * each test sends a packet and waits for its relayed copy, so nothing sleeps and nothing
 * overflows a socket buffer. With two event loop threads the two sessions sit on different
 * loops (the engine hands loops out in turn), with one on the same loop.
 */
class RtpRelayTest {

    private static final Duration QUIET = Duration.ofMillis(300);
    private static final Tone A_TONE = new Tone(Codec.PCMU, 440, 0xA11CE, 1000, 50_000);
    private static final Tone B_TONE = new Tone(Codec.PCMA, 1000, 0xB0B, 60_000, 0xFFFF_F000L);

    private final List<Peer> peers = new ArrayList<>();
    private RtpEngine engine;

    @AfterEach
    void closeEverything() {
        if (engine != null) {
            engine.close();
        }
        peers.forEach(Peer::close);
    }

    @ParameterizedTest(name = "event loop threads: {0}")
    @ValueSource(ints = {1, 2})
    void relaysAHundredPacketsInOrderIntoTheTargetsOwnStream(int threads) throws Exception {
        Peer a = peer();
        Peer b = peer();
        RtpSession caller = open(threads, "caller", a, Codec.PCMU, 101);
        RtpSession agent = open("agent", b, Codec.PCMU, 101);
        LinkedBlockingQueue<Character> digits = new LinkedBlockingQueue<>();
        caller.setDigitListener(digits::add);

        relay(caller, agent);
        Relayed relayed = sendAndReceive(a, A_TONE, 0, 100, caller, b);

        RtpPacket first = relayed.packets().get(0);
        assertEquals((relayed.lastOwn().sequenceNumber() + 1) & 0xFFFF, first.sequenceNumber());
        assertEquals((relayed.lastOwn().timestamp() + 160) & 0xFFFF_FFFFL, first.timestamp(), "continuous with the silence before");
        assertTrue(first.marker());
        for (int i = 0; i < 100; i++) {
            RtpPacket packet = relayed.packets().get(i);
            assertEquals(agent.ssrc(), packet.ssrc());
            assertEquals(Codec.PCMU.payloadType(), packet.payloadType());
            assertEquals((first.sequenceNumber() + i) & 0xFFFF, packet.sequenceNumber());
            assertEquals((first.timestamp() + 160L * i) & 0xFFFF_FFFFL, packet.timestamp());
            assertEquals(i == 0, packet.marker());
            assertArrayEquals(A_TONE.packet(i).payload(), packet.payload(), "payload of packet " + i);
        }
        assertTrue(b.receiveWithin(QUIET).isEmpty(), "exactly 100: the agent's own clock is suspended");
        RtpStatistics statistics = agent.statistics();
        assertEquals(List.of(100L, 100L, 0L),
                List.of(statistics.relayPacketsIn(), statistics.relayPacketsOut(), statistics.relayDropped()));
        RelayDelay delay = agent.relayDelay();
        assertEquals(100, delay.count());
        assertTrue(delay.meanNanos() < Duration.ofMillis(20).toNanos(), "no buffering: mean " + delay.meanNanos() + " ns");
        assertTrue(digits.isEmpty());
    }

    @Test
    void engineTotalsKeepTheRelayCountsOfSessionsThatHaveClosed() throws Exception {
        Peer a = peer();
        Peer b = peer();
        RtpSession caller = open(1, "caller", a, Codec.PCMU, 101);
        RtpSession agent = open("agent", b, Codec.PCMU, 101);
        relay(caller, agent);
        sendAndReceive(a, A_TONE, 0, 20, caller, b);

        agent.close();
        caller.close();
        Await.until("both sessions are closed", () -> engine.sessionsInUse() == 0);

        RtpTotals totals = engine.totals();
        assertEquals(List.of(2L, 2L), List.of(totals.sessionsOpened(), totals.sessionsClosed()));
        assertEquals(List.of(20L, 20L, 0L), List.of(totals.packets().relayPacketsIn(), totals.packets().relayPacketsOut(),
                totals.relayLost()));
        assertEquals(20, totals.packets().packetsReceived(), "the caller's 20 packets, as received by its session");
        assertEquals(20, totals.relayDelay().count());
    }

    @Test
    void transcodesPcmuToPcmaWithinTheG711QuantisationStep() throws Exception {
        Peer a = peer();
        Peer b = peer();
        RtpSession caller = open(1, "caller", a, Codec.PCMU, 101);
        RtpSession agent = open("agent", b, Codec.PCMA, 101);

        relay(caller, agent);
        Relayed relayed = sendAndReceive(a, A_TONE, 0, 50, caller, b);

        for (int i = 0; i < 50; i++) {
            RtpPacket packet = relayed.packets().get(i);
            assertEquals(Codec.PCMA.payloadType(), packet.payloadType());
            short[] sent = G711.decode(Codec.PCMU, A_TONE.packet(i).payload());
            short[] heard = G711.decode(Codec.PCMA, packet.payload());
            for (int s = 0; s < sent.length; s++) {
                int tolerance = Math.abs(sent[s]) / 16 + 8; // the A-law step at that level, see G711Test
                assertTrue(Math.abs(heard[s] - sent[s]) <= tolerance,
                        "packet " + i + " sample " + s + ": " + heard[s] + " vs " + sent[s]);
            }
        }
    }

    @ParameterizedTest(name = "event loop threads: {0}")
    @ValueSource(ints = {1, 2})
    void relaysBothWaysAtOnce(int threads) throws Exception {
        Peer a = peer();
        Peer b = peer();
        RtpSession caller = open(threads, "caller", a, Codec.PCMU, 101);
        RtpSession agent = open("agent", b, Codec.PCMA, 101);

        relay(caller, agent);
        relay(agent, caller);
        List<RtpPacket> atB = new ArrayList<>();
        List<RtpPacket> atA = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            a.send(A_TONE.datagram(i), caller.localPort());
            b.send(B_TONE.datagram(i), agent.localPort());
            atB.add(nextRelayed(b, atB.isEmpty()));
            atA.add(nextRelayed(a, atA.isEmpty()));
        }

        for (int i = 0; i < 100; i++) {
            assertArrayEquals(G711.transcode(Codec.PCMU, Codec.PCMA, A_TONE.packet(i).payload()), atB.get(i).payload());
            assertArrayEquals(G711.transcode(Codec.PCMA, Codec.PCMU, B_TONE.packet(i).payload()), atA.get(i).payload());
            assertEquals(agent.ssrc(), atB.get(i).ssrc());
            assertEquals(caller.ssrc(), atA.get(i).ssrc());
            assertEquals((atA.get(0).sequenceNumber() + i) & 0xFFFF, atA.get(i).sequenceNumber());
            assertEquals((atA.get(0).timestamp() + 160L * i) & 0xFFFF_FFFFL, atA.get(i).timestamp());
        }
        assertEquals(100, caller.statistics().relayPacketsOut());
        assertEquals(100, agent.statistics().relayPacketsOut());
    }

    @Test
    void passesTelephoneEventsWithEachTargetsPayloadTypeAndTheSourceStillHearsTheDigit() throws Exception {
        Peer a = peer();
        Peer b = peer();
        Peer c = peer();
        RtpSession caller = open(2, "caller", a, Codec.PCMU, SippDtmf.PAYLOAD_TYPE);
        RtpSession agent = open("agent", b, Codec.PCMU, 96);
        RtpSession noEvents = open("supervisor", c, Codec.PCMU, -1);
        LinkedBlockingQueue<Character> digits = new LinkedBlockingQueue<>();
        caller.setDigitListener(digits::add);

        relay(caller, agent);
        relay(caller, noEvents);
        List<RtpPacket> events = new ArrayList<>();
        for (String hex : SippDtmf.KEY_1) {
            a.send(hex, caller.localPort());
            events.add(nextRelayed(b, events.isEmpty()));
        }

        assertEquals('1', Await.next(digits, "the caller's key press"));
        for (int i = 0; i < events.size(); i++) {
            RtpPacket sent = SippDtmf.packet(SippDtmf.KEY_1.get(i));
            RtpPacket packet = events.get(i);
            assertEquals(96, packet.payloadType());
            assertArrayEquals(sent.payload(), packet.payload());
            assertEquals(sent.marker(), packet.marker());
            assertEquals(events.get(0).timestamp(), packet.timestamp(), "one event, one timestamp (RFC 4733 §2.5.1)");
            assertEquals((events.get(0).sequenceNumber() + i) & 0xFFFF, packet.sequenceNumber());
            assertEquals(agent.ssrc(), packet.ssrc());
        }
        Await.until("the events counted as dropped where not negotiated",
                () -> noEvents.statistics().relayDrops().eventNotNegotiated() == 10);
        assertEquals(10, noEvents.statistics().relayDropped(), "no other reason");
        assertEquals(0, noEvents.statistics().relayPacketsOut());
        assertTrue(Tone.isSilence(c.receive().packet()), "the target without events keeps its own clock");
        assertTrue(digits.isEmpty(), "one digit");
    }

    @Test
    void lostPacketsOnTheSourceLegLeaveATimestampGapNotAShift() throws Exception {
        Peer a = peer();
        Peer b = peer();
        RtpSession caller = open(2, "caller", a, Codec.PCMU, 101);
        RtpSession agent = open("agent", b, Codec.PCMU, 101);

        relay(caller, agent);
        List<RtpPacket> before = sendAndReceive(a, A_TONE, 0, 10, caller, b).packets();
        List<RtpPacket> after = new ArrayList<>();
        for (int i = 15; i < 20; i++) {
            a.send(A_TONE.datagram(i), caller.localPort());
            after.add(nextRelayed(b, false));
        }

        RtpPacket lastBefore = before.get(9);
        RtpPacket firstAfter = after.get(0);
        assertEquals((lastBefore.sequenceNumber() + 1) & 0xFFFF, firstAfter.sequenceNumber(), "no sequence gap: we lost nothing");
        assertEquals((lastBefore.timestamp() + 6 * 160) & 0xFFFF_FFFFL, firstAfter.timestamp(), "5 frames missing");
        assertArrayEquals(A_TONE.packet(15).payload(), firstAfter.payload());
        Await.until("the caller's leg counts the loss", () -> caller.statistics().packetsLost() == 5);
    }

    /** The target relays the source from now on, once the source has taken it on. */
    static void relay(RtpSession source, RtpSession target) {
        target.relayFrom(source);
        Await.until("the relay is set up", () -> source.feedsRelayTo(target));
    }

    /** Sends frames [from, to) of the tone to the source and collects their relayed copies. */
    static Relayed sendAndReceive(Peer phone, Tone tone, int from, int to, RtpSession source, Peer listener)
            throws IOException {
        RtpPacket lastOwn = null;
        List<RtpPacket> packets = new ArrayList<>();
        for (int i = from; i < to; i++) {
            phone.send(tone.datagram(i), source.localPort());
            RtpPacket packet = listener.receive().packet();
            while (packets.isEmpty() && Tone.isSilence(packet)) {
                lastOwn = packet;
                packet = listener.receive().packet();
            }
            packets.add(packet);
        }
        return new Relayed(lastOwn, packets);
    }

    /** The next relayed packet; before the first one, the target's own silence is skipped. */
    static RtpPacket nextRelayed(Peer listener, boolean first) throws IOException {
        RtpPacket packet = listener.receive().packet();
        while (first && Tone.isSilence(packet)) {
            packet = listener.receive().packet();
        }
        assertFalse(Tone.isSilence(packet), "no own silence while relaying: " + packet);
        return packet;
    }

    /** What a phone heard: the target's last own packet before the relay, then the relayed ones. */
    record Relayed(RtpPacket lastOwn, List<RtpPacket> packets) {
    }

    private RtpSession open(int threads, String callId, Peer phone, Codec codec, int eventPayloadType) {
        RtpConfig free = TestPorts.freeRange(4);
        engine = new RtpEngine(new RtpConfig(free.bindAddress(), free.portMin(), free.portMax(), threads),
                new SplittableRandom(3));
        return open(callId, phone, codec, eventPayloadType);
    }

    private RtpSession open(String callId, Peer phone, Codec codec, int eventPayloadType) {
        RtpSession session = engine.open(callId);
        session.connect(new RemoteMedia(phone.address(), codec, eventPayloadType));
        return session;
    }

    private Peer peer() throws IOException {
        Peer peer = new Peer();
        peers.add(peer);
        return peer;
    }
}
