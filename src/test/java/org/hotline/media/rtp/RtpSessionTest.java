package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.hotline.media.AudioClip;
import org.hotline.media.Codec;
import org.hotline.media.RemoteMedia;
import org.hotline.media.codec.G711;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A real session on loopback UDP against plain sockets. */
class RtpSessionTest {

    private static final long SEED = 7;
    private static final int FRAMES_PER_SECOND = 50;
    private static final Duration QUIET = Duration.ofMillis(300);

    private final RtpEngine engine = new RtpEngine(TestPorts.freeRange(4), new SplittableRandom(SEED));
    private final List<Peer> peers = new ArrayList<>();

    @AfterEach
    void closeEverything() {
        engine.close();
        peers.forEach(Peer::close);
    }

    @ParameterizedTest
    @EnumSource(Codec.class)
    void streamsAOneSecondClipAtExactTwentyMillisecondPacing(Codec codec) throws Exception {
        Peer receiver = peer();
        RtpSession session = engine.open("call-play");
        AudioClip clip = sine(FRAMES_PER_SECOND * 160);

        CompletableFuture<Void> done = session.play(List.of(clip));
        session.connect(new RemoteMedia(receiver.address(), codec, 101));
        List<Peer.Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < FRAMES_PER_SECOND; i++) {
            arrivals.add(receiver.receive());
        }

        done.get(1, TimeUnit.SECONDS);
        RtpPacket expectedFirst = OutboundStream.random(new SplittableRandom(SEED))
                .next(codec.payloadType(), arrivals.get(0).packet().payload());
        assertEquals(expectedFirst, arrivals.get(0).packet(), "header from the injected random, marker set");
        for (int i = 1; i < arrivals.size(); i++) {
            RtpPacket previous = arrivals.get(i - 1).packet();
            RtpPacket packet = arrivals.get(i).packet();
            assertFalse(packet.marker(), "marker only on the first packet");
            assertEquals((previous.sequenceNumber() + 1) & 0xFFFF, packet.sequenceNumber());
            assertEquals((previous.timestamp() + 160) & 0xFFFF_FFFFL, packet.timestamp());
            assertEquals(session.ssrc(), packet.ssrc());
            assertEquals(codec.payloadType(), packet.payloadType());
        }
        assertClipCameBack(codec, clip, arrivals);
        assertEquals(20.0, meanIntervalMs(arrivals), 1.0, "mean inter-arrival time, intervals " + intervalsMs(arrivals));

        RtpPacket afterClip = receiver.receive().packet();
        assertEquals((arrivals.get(49).packet().timestamp() + 160) & 0xFFFF_FFFFL, afterClip.timestamp());
        assertFalse(afterClip.marker());
        for (byte b : afterClip.payload()) {
            assertEquals(G711.silence(codec), b, "silence between plays");
        }
    }

    @Test
    void sendsSilenceFromConnectSoTimestampsStayContinuous() throws Exception {
        Peer receiver = peer();
        RtpSession session = engine.open("call-silence");
        session.connect(new RemoteMedia(receiver.address(), Codec.PCMA, 101));

        RtpPacket first = receiver.receive().packet();
        RtpPacket second = receiver.receive().packet();

        assertTrue(first.marker());
        assertEquals(G711.SAMPLES_PER_FRAME, first.payload().length);
        assertEquals((byte) 0xD5, first.payload()[0]);
        assertEquals((first.timestamp() + 160) & 0xFFFF_FFFFL, second.timestamp());
    }

    @Test
    void reportsEachKeyPressOnceFromTheNetwork() throws Exception {
        Peer phone = peer();
        RtpSession session = engine.open("call-dtmf");
        LinkedBlockingQueue<Character> digits = new LinkedBlockingQueue<>();
        session.setDigitListener(digits::add);
        session.connect(new RemoteMedia(phone.address(), Codec.PCMU, SippDtmf.PAYLOAD_TYPE));
        phone.receive(); // connect is done: before it, telephone-events are not yet known and dropped

        SippDtmf.KEY_1.forEach(hex -> phone.send(hex, session.localPort()));
        SippDtmf.KEY_POUND.forEach(hex -> phone.send(hex, session.localPort()));
        SippDtmf.shifted(SippDtmf.KEY_POUND, 1600, 10).forEach(hex -> phone.send(hex, session.localPort()));
        SippDtmf.KEY_1.subList(7, 10).forEach(hex -> phone.send(hex, session.localPort())); // again: ignored
        SippDtmf.KEY_STAR.subList(8, 10).forEach(hex -> phone.send(hex, session.localPort())); // start lost

        List<Character> received = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            received.add(Await.next(digits, "digit " + (i + 1)));
        }
        assertEquals(List.of('1', '#', '#', '*'), received);
        assertTrue(digits.isEmpty(), "nothing after the last press: each reported once");
        Await.until("all packets counted", () -> session.statistics().packetsReceived() == 35);
    }

    @Test
    void latchesToTheSourceOfTheFirstInboundPacket() throws Exception {
        Peer sdpAddress = peer();
        Peer natSource = peer();
        Peer stranger = peer();
        RtpSession session = engine.open("call-latch");
        LinkedBlockingQueue<Character> digits = new LinkedBlockingQueue<>();
        session.setDigitListener(digits::add);
        session.connect(new RemoteMedia(sdpAddress.address(), Codec.PCMU, SippDtmf.PAYLOAD_TYPE));
        sdpAddress.receive();

        natSource.send(silentPacket(1), session.localPort());
        int firstLatched = natSource.receive().packet().sequenceNumber();

        Optional<Peer.Arrival> late;
        while ((late = sdpAddress.receiveWithin(QUIET)).isPresent()) {
            int seq = late.get().packet().sequenceNumber();
            assertTrue(((firstLatched - seq) & 0xFFFF) < 0x8000, "nothing goes to the SDP address after latching");
        }
        SippDtmf.KEY_1.forEach(hex -> stranger.send(hex, session.localPort()));
        SippDtmf.KEY_POUND.forEach(hex -> natSource.send(hex, session.localPort()));
        assertEquals('#', Await.next(digits, "the latched peer's digit"));
        assertTrue(digits.isEmpty(), "the stranger's key press was ignored");
        assertEquals(10, session.statistics().foreignSourceDropped());
    }

    @Test
    void onHoldSendsNothingButTheTimestampKeepsRunning() throws Exception {
        Peer receiver = peer();
        RtpSession session = engine.open("call-hold");
        session.connect(new RemoteMedia(receiver.address(), Codec.PCMU, 101));
        RtpPacket lastBeforeHold = receiver.receive().packet();

        session.setSending(false);
        Optional<Peer.Arrival> late;
        while ((late = receiver.receiveWithin(QUIET)).isPresent()) {
            lastBeforeHold = late.get().packet();
        }
        long resumedAt = System.nanoTime();
        session.setSending(true);
        Peer.Arrival resumed = receiver.receive();

        RtpPacket packet = resumed.packet();
        assertEquals((lastBeforeHold.sequenceNumber() + 1) & 0xFFFF, packet.sequenceNumber());
        assertTrue(packet.marker(), "first packet after the hold starts a talkspurt");
        long timestampGap = (packet.timestamp() - lastBeforeHold.timestamp()) & 0xFFFF_FFFFL;
        assertEquals(0, timestampGap % 160);
        // the hold lasted at least QUIET; a tick running late may send the frame due just before resuming
        assertTrue(timestampGap >= 160 * (QUIET.toMillis() / 20 - 2), "timestamp advanced during the hold: " + timestampGap);
        assertTrue(resumed.arrivalNanos() - resumedAt < Duration.ofMillis(100).toNanos());
    }

    @Test
    void stopPlaybackAndCloseCompleteThePlayFuture() throws Exception {
        Peer receiver = peer();
        RtpSession session = engine.open("call-stop");
        session.connect(new RemoteMedia(receiver.address(), Codec.PCMU, 101));
        CompletableFuture<Void> first = session.play(List.of(sine(8000 * 10)));
        receiver.receive();

        session.stopPlayback();
        first.get(1, TimeUnit.SECONDS);

        CompletableFuture<Void> second = session.play(List.of(sine(8000 * 10)));
        session.close();
        second.get(1, TimeUnit.SECONDS);
        assertTrue(session.play(List.of(sine(160))).isDone(), "play after close completes at once");
    }

    @Test
    void aLoopingPlayWrapsAroundTheClipWithContinuousTimestampsUntilStopped() throws Exception {
        Peer receiver = peer();
        RtpSession session = engine.open("call-hold-music");
        AudioClip clip = sine(400); // two and a half frames: the loop wraps inside a frame
        CompletableFuture<Void> music = session.play(List.of(clip), true);
        session.connect(new RemoteMedia(receiver.address(), Codec.PCMU, 101));

        List<Peer.Arrival> arrivals = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            arrivals.add(receiver.receive());
        }

        // Frame n of the stream is frame n of the endless loop; checked by timestamp, as a frame
        // the clock skips after an event loop stall is skipped in the playout too.
        long firstTimestamp = arrivals.get(0).packet().timestamp();
        for (int i = 0; i < arrivals.size(); i++) {
            RtpPacket packet = arrivals.get(i).packet();
            long offset = (packet.timestamp() - firstTimestamp) & 0xFFFF_FFFFL;
            assertEquals(0, offset % 160, "whole frames");
            short[] expected = new short[160];
            for (int s = 0; s < expected.length; s++) {
                expected[s] = clip.samples()[(int) ((offset + s) % clip.samples().length)];
            }
            assertClipCameBack(Codec.PCMU, new AudioClip("loop at " + offset, expected), arrivals.subList(i, i + 1));
            if (i > 0) {
                assertEquals((arrivals.get(i - 1).packet().sequenceNumber() + 1) & 0xFFFF, packet.sequenceNumber());
                assertTrue(OutboundStream.isAfter(packet.timestamp(), arrivals.get(i - 1).packet().timestamp()));
            }
        }
        assertFalse(music.isDone(), "music on hold plays until stopped");
        session.stopPlayback();
        music.get(1, TimeUnit.SECONDS);
    }

    @Test
    void countsRtcpDatagramsAndReleasesThem() throws Exception {
        Peer phone = peer();
        RtpSession session = engine.open("call-rtcp");
        assertEquals(session.localPort() + 1, session.localRtcpPort());

        // a receiver report header as a peer would send it (RFC 3550 §6.4.2)
        phone.send("80c90001" + "0e05384e", session.localRtcpPort());

        Await.until("the RTCP datagram is counted", () -> session.statistics().rtcpPacketsReceived() == 1);
    }

    private Peer peer() throws Exception {
        Peer peer = new Peer();
        peers.add(peer);
        return peer;
    }

    private static String silentPacket(int seq) {
        byte[] payload = G711.silenceFrame(Codec.PCMU);
        var buf = io.netty.buffer.Unpooled.buffer();
        RtpPacketEncoder.write(new RtpPacket(false, 0, seq, 160L * seq, 0xCAFE, payload), buf);
        String hex = io.netty.buffer.ByteBufUtil.hexDump(buf);
        buf.release();
        return hex;
    }

    /** A 440 Hz tone at about a third of full scale. */
    private static AudioClip sine(int samples) {
        short[] s = new short[samples];
        for (int i = 0; i < samples; i++) {
            s[i] = (short) Math.round(10000 * Math.sin(2 * Math.PI * 440 * i / AudioClip.SAMPLE_RATE_HZ));
        }
        return new AudioClip("tone", s);
    }

    /**
     * The mean packet interval as the least-squares slope of arrival time over packet index: like
     * (last - first) / 49, but one packet delayed by a scheduling hiccup of the test machine (at
     * either end) shifts it by a fraction of a millisecond, not by the whole delay over 49.
     */
    private static double meanIntervalMs(List<Peer.Arrival> arrivals) {
        int n = arrivals.size();
        double meanIndex = (n - 1) / 2.0;
        double meanTime = arrivals.stream().mapToLong(Peer.Arrival::arrivalNanos).average().orElseThrow();
        double covariance = 0;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            covariance += (i - meanIndex) * (arrivals.get(i).arrivalNanos() - meanTime);
            variance += (i - meanIndex) * (i - meanIndex);
        }
        return covariance / variance / 1e6;
    }

    private static List<Long> intervalsMs(List<Peer.Arrival> arrivals) {
        List<Long> intervals = new ArrayList<>();
        for (int i = 1; i < arrivals.size(); i++) {
            intervals.add(Math.round((arrivals.get(i).arrivalNanos() - arrivals.get(i - 1).arrivalNanos()) / 1e6));
        }
        return intervals;
    }

    private static void assertClipCameBack(Codec codec, AudioClip clip, List<Peer.Arrival> arrivals) {
        for (int frame = 0; frame < arrivals.size(); frame++) {
            short[] decoded = G711.decode(codec, arrivals.get(frame).packet().payload());
            assertEquals(G711.SAMPLES_PER_FRAME, decoded.length);
            for (int i = 0; i < decoded.length; i++) {
                int original = clip.samples()[frame * G711.SAMPLES_PER_FRAME + i];
                int tolerance = Math.abs(original) / 16 + 8; // G.711 quantisation step, see G711Test
                assertTrue(Math.abs(decoded[i] - original) <= tolerance,
                        "frame " + frame + " sample " + i + ": " + decoded[i] + " vs " + original);
            }
        }
    }
}
