package org.hotline.media.rtp;

import static org.hotline.media.rtp.RtpRelayTest.nextRelayed;
import static org.hotline.media.rtp.RtpRelayTest.relay;
import static org.hotline.media.rtp.RtpRelayTest.sendAndReceive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.hotline.config.RtpConfig;
import org.hotline.media.AudioClip;
import org.hotline.media.Codec;
import org.hotline.media.MediaSession;
import org.hotline.media.RemoteMedia;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How a relay starts and ends: stop, play, the source closing, another source; on loopback. */
class RtpRelayLifecycleTest {

    private static final Tone A_TONE = new Tone(Codec.PCMU, 440, 0xA11CE, 1000, 50_000);
    private static final Tone C_TONE = new Tone(Codec.PCMU, 700, 0xC0C0, 7, 123_456);

    private final RtpEngine engine;
    private final List<Peer> peers = new ArrayList<>();

    RtpRelayLifecycleTest() {
        RtpConfig free = TestPorts.freeRange(4);
        engine = new RtpEngine(new RtpConfig(free.bindAddress(), free.portMin(), free.portMax(), 2),
                new SplittableRandom(5));
    }

    @AfterEach
    void closeEverything() {
        engine.close();
        peers.forEach(Peer::close);
    }

    @Test
    void stoppingTheRelayResumesSilenceWithContinuousTimestamps() throws Exception {
        Peer a = peer();
        Peer b = peer();
        RtpSession caller = open("caller", a);
        RtpSession agent = open("agent", b);
        relay(caller, agent);
        RtpPacket lastRelayed = sendAndReceive(a, A_TONE, 0, 10, caller, b).packets().get(9);
        long lastRelayedAt = System.nanoTime();

        agent.relayFrom(null);
        Peer.Arrival resumed = b.receive();
        RtpPacket next = b.receive().packet();

        assertResumedAfter(lastRelayed, resumed.packet(), resumed.arrivalNanos() - lastRelayedAt);
        assertEquals((resumed.packet().sequenceNumber() + 1) & 0xFFFF, next.sequenceNumber());
        assertNextFrame(resumed.packet(), next);
        Await.until("the caller no longer feeds the agent", () -> !caller.feedsRelayTo(agent));
    }

    @Test
    void whenTheSourceClosesTheTargetGoesBackToItsOwnClock() throws Exception {
        Peer a = peer();
        Peer b = peer();
        RtpSession caller = open("caller", a);
        RtpSession agent = open("agent", b);
        relay(caller, agent);
        RtpPacket lastRelayed = sendAndReceive(a, A_TONE, 0, 10, caller, b).packets().get(9);
        long lastRelayedAt = System.nanoTime();

        caller.close();
        Peer.Arrival resumed = b.receive();

        assertResumedAfter(lastRelayed, resumed.packet(), resumed.arrivalNanos() - lastRelayedAt);
    }

    @Test
    void aPlayWhileRelayingEndsTheRelay() throws Exception {
        Peer a = peer();
        Peer b = peer();
        RtpSession caller = open("caller", a);
        RtpSession agent = open("agent", b);
        relay(caller, agent);
        RtpPacket lastRelayed = sendAndReceive(a, A_TONE, 0, 5, caller, b).packets().get(4);

        CompletableFuture<Void> played = agent.play(List.of(new AudioClip("beep", C_TONE.samples(3))));
        List<RtpPacket> heard = List.of(b.receive().packet(), b.receive().packet(), b.receive().packet());

        assertTrue(heard.get(0).marker());
        assertEquals((lastRelayed.sequenceNumber() + 1) & 0xFFFF, heard.get(0).sequenceNumber());
        assertTrue(OutboundStream.isAfter(heard.get(0).timestamp(), lastRelayed.timestamp()));
        assertArrayEquals(C_TONE.packet(2).payload(), heard.get(2).payload(), "the clip, not the caller");
        played.get(1, TimeUnit.SECONDS);
        Await.until("the caller no longer feeds the agent", () -> !caller.feedsRelayTo(agent));
    }

    @Test
    void startingARelayEndsThePlayAndSilenceFlowsUntilTheSourcesFirstPacket() throws Exception {
        Peer a = peer();
        Peer b = peer();
        RtpSession caller = open("caller", a);
        RtpSession agent = open("agent", b);
        CompletableFuture<Void> whisper = agent.play(List.of(new AudioClip("long", C_TONE.samples(500))));
        b.receive();

        relay(caller, agent);
        whisper.get(1, TimeUnit.SECONDS);
        RtpPacket waiting = b.receive().packet();
        while (!Tone.isSilence(waiting)) {
            waiting = b.receive().packet();
        }
        RtpPacket next = b.receive().packet();

        assertTrue(Tone.isSilence(next), "silence until the caller speaks");
        assertNextFrame(waiting, next);
        assertEquals(0, agent.statistics().relayPacketsIn());
    }

    @Test
    void anotherSourceTakesOverWithContinuousSequenceAndAMarker() throws Exception {
        Peer a = peer();
        Peer b = peer();
        Peer c = peer();
        RtpSession caller = open("caller", a);
        RtpSession agent = open("agent", b);
        RtpSession other = open("other", c);
        relay(caller, agent);
        RtpPacket lastFromA = sendAndReceive(a, A_TONE, 0, 5, caller, b).packets().get(4);

        relay(other, agent);
        Await.until("the caller no longer feeds the agent", () -> !caller.feedsRelayTo(agent));
        a.send(A_TONE.datagram(5), caller.localPort());
        c.send(C_TONE.datagram(0), other.localPort());
        RtpPacket fromC = nextRelayed(b, true);

        assertArrayEquals(C_TONE.packet(0).payload(), fromC.payload(), "the caller no longer reaches the agent");
        assertTrue(fromC.marker());
        assertTrue(OutboundStream.isAfter(fromC.timestamp(), lastFromA.timestamp()));
        assertTrue(((fromC.sequenceNumber() - lastFromA.sequenceNumber()) & 0xFFFF) < 100,
                "the agent's stream went on with its own sequence");
        assertEquals(agent.ssrc(), fromC.ssrc());
    }

    @Test
    void aSessionRelayingItselfEchoesItsPeer() throws Exception {
        Peer a = peer();
        RtpSession caller = open("caller", a);

        relay(caller, caller);
        List<RtpPacket> echo = sendAndReceive(a, A_TONE, 0, 3, caller, a).packets();

        assertArrayEquals(A_TONE.packet(2).payload(), echo.get(2).payload());
        assertEquals(caller.ssrc(), echo.get(2).ssrc());
    }

    @Test
    void refusesToRelayFromAnotherMediaImplementation() {
        RtpSession agent = engine.open("agent");
        MediaSession foreign = new MediaSession() {
            @Override
            public int localPort() {
                return 0;
            }

            @Override
            public void connect(RemoteMedia remote) {
            }

            @Override
            public void setSending(boolean sending) {
            }

            @Override
            public CompletableFuture<Void> play(List<AudioClip> clips, boolean loop) {
                return CompletableFuture.completedFuture(null);
            }

            @Override
            public void stopPlayback() {
            }

            @Override
            public void relayFrom(MediaSession source) {
            }

            @Override
            public void setDigitListener(Consumer<Character> listener) {
            }

            @Override
            public void close() {
            }
        };

        assertThrows(IllegalArgumentException.class, () -> agent.relayFrom(foreign));
    }

    /** The media clock's next frame: 160 later (or whole frames more, should the loop stall). */
    private static void assertNextFrame(RtpPacket previous, RtpPacket next) {
        long step = (next.timestamp() - previous.timestamp()) & 0xFFFF_FFFFL;
        assertTrue(step > 0 && step % 160 == 0 && step < 0x8000_0000L, "timestamp step " + step);
        assertEquals(step == 160, !next.marker(), "a marker only after frames the clock skipped");
    }

    /** The clock took over after the relayed stream: next sequence number, marker, no jump back. */
    private static void assertResumedAfter(RtpPacket lastRelayed, RtpPacket resumed, long elapsedNanos) {
        assertTrue(Tone.isSilence(resumed), "own silence again: " + resumed);
        assertTrue(resumed.marker());
        assertEquals((lastRelayed.sequenceNumber() + 1) & 0xFFFF, resumed.sequenceNumber());
        long step = (resumed.timestamp() - lastRelayed.timestamp()) & 0xFFFF_FFFFL;
        // at least right after the last relayed frame; at most that plus the time that passed since
        assertTrue(step >= 160 && step <= 160 + elapsedNanos / RelayStamper.NANOS_PER_SAMPLE,
                "timestamp step " + step + " after " + elapsedNanos / 1_000_000 + " ms");
    }

    private RtpSession open(String callId, Peer phone) {
        RtpSession session = engine.open(callId);
        session.connect(new RemoteMedia(phone.address(), Codec.PCMU, 101));
        return session;
    }

    private Peer peer() throws IOException {
        Peer peer = new Peer();
        peers.add(peer);
        return peer;
    }
}
