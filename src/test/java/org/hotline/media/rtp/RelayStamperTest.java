package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.List;
import org.hotline.media.Codec;
import org.hotline.media.RemoteMedia;
import org.hotline.media.codec.G711;
import org.junit.jupiter.api.Test;

/** Restamping relayed packets, on fake times: no sockets, no waiting. */
class RelayStamperTest {

    private static final long MS = 1_000_000L;
    private static final long NOW = 5_000 * MS;
    private static final long TARGET_SSRC = 0xBEEF;
    private static final long SOURCE_SSRC = 0xCAFE;
    private static final InetSocketAddress PHONE = new InetSocketAddress("192.0.2.10", 4000);

    private final OutboundStream stream = new OutboundStream(TARGET_SSRC, 500, 90_000);
    private final RelayStamper stamper = new RelayStamper(stream);
    private final RemotePeer pcmuWithEvents = peer(Codec.PCMU, 96);

    @Test
    void mapsTheFirstPacketOntoTheNextTimestampAndKeepsTheSourcesSteps() {
        stream.next(0, new byte[160]);

        RtpPacket first = stamp(audio(false, 40, 1_000_000), pcmuWithEvents, NOW);
        RtpPacket second = stamp(audio(false, 41, 1_000_160), pcmuWithEvents, NOW + 20 * MS);

        assertEquals(new RtpPacket(true, 0, 501, 90_160, TARGET_SSRC, first.payload()), first);
        assertEquals(new RtpPacket(false, 0, 502, 90_320, TARGET_SSRC, second.payload()), second);
        assertEquals(90_480, stream.nextTimestamp());
    }

    @Test
    void aGapInTheSourceStaysAGapAndTheSequenceStaysContinuous() {
        stamp(audio(false, 40, 1_000_000), pcmuWithEvents, NOW);

        RtpPacket afterLoss = stamp(audio(false, 46, 1_000_960), pcmuWithEvents, NOW + 120 * MS);

        assertEquals(501, afterLoss.sequenceNumber());
        assertEquals(90_000 + 960, afterLoss.timestamp());
    }

    @Test
    void passesTheSourcesMarkerButSetsItOnlyOnceItself() {
        stamp(audio(false, 1, 0), pcmuWithEvents, NOW);

        assertFalse(stamp(audio(false, 2, 160), pcmuWithEvents, NOW).marker());
        assertTrue(stamp(audio(true, 3, 320), pcmuWithEvents, NOW).marker(), "the source's talkspurt");
    }

    @Test
    void transcodesWhenTheLawsDiffer() {
        RelayedPacket ulaw = audio(false, 1, 0);

        RtpPacket alaw = stamp(ulaw, peer(Codec.PCMA, 101), NOW);

        assertEquals(Codec.PCMA.payloadType(), alaw.payloadType());
        assertArrayEquals(G711.transcode(Codec.PCMU, Codec.PCMA, ulaw.packet().payload()), alaw.payload());
    }

    @Test
    void telephoneEventsTakeTheTargetsPayloadTypeAndKeepTheirMarkerAndTimestamp() {
        stamp(audio(false, 10, 8000), pcmuWithEvents, NOW);
        RtpPacket start = SippDtmf.packet(SippDtmf.KEY_1.get(0));
        RtpPacket update = SippDtmf.packet(SippDtmf.KEY_1.get(1));

        RtpPacket relayedStart = stamp(event(start, 8000 - 320), pcmuWithEvents, NOW);
        RtpPacket relayedUpdate = stamp(event(update, 8000 - 320), pcmuWithEvents, NOW);
        RtpPacket nextAudio = stamp(audio(false, 11, 8160), pcmuWithEvents, NOW);

        assertEquals(96, relayedStart.payloadType());
        assertTrue(relayedStart.marker());
        assertFalse(relayedUpdate.marker());
        assertEquals(90_000 - 320, relayedStart.timestamp(), "the event began two frames before the audio");
        assertEquals(relayedStart.timestamp(), relayedUpdate.timestamp());
        assertArrayEquals(start.payload(), relayedStart.payload());
        assertEquals(List.of(501, 502, 503), List.of(relayedStart.sequenceNumber(),
                relayedUpdate.sequenceNumber(), nextAudio.sequenceNumber()));
        assertEquals(90_320, stream.nextTimestamp(), "events do not move the audio timeline");
    }

    @Test
    void dropsTelephoneEventsTheTargetDidNotNegotiate() {
        RelayedPacket event = event(SippDtmf.packet(SippDtmf.KEY_1.get(0)), 0);

        assertTrue(stamper.stamp(event, peer(Codec.PCMU, -1), stream.nextTimestamp(), NOW).isEmpty());
        RtpPacket firstAudio = stamp(audio(false, 1, 0), peer(Codec.PCMU, -1), NOW);
        assertEquals(500, firstAudio.sequenceNumber(), "the dropped event took no sequence number");
        assertTrue(firstAudio.marker());
    }

    @Test
    void anotherSourceSsrcIsAnchoredAgainAtTheTimeElapsed() {
        stamp(audio(false, 1, 0), pcmuWithEvents, NOW);

        RelayedPacket restarted = new RelayedPacket(null,
                new RtpPacket(false, 0, 9000, 777_777, 0xD00D, new byte[160]), Codec.PCMU, NOW);
        long later = NOW + 100 * MS;
        RtpPacket packet = stamp(restarted, pcmuWithEvents, stamper.timestampAt(later), later);

        assertEquals(90_000 + 800, packet.timestamp(), "100 ms after the first packet, at 8 kHz");
        assertTrue(packet.marker());
    }

    @Test
    void theClockResumesAfterTheRelayedStreamPlusTheTimeSince() {
        stamp(audio(false, 1, 0), pcmuWithEvents, NOW);
        assertEquals(90_160, stamper.timestampAt(NOW + 5 * MS), "not yet due: right after the last packet");
        assertEquals(NOW + 20 * MS, stamper.nextDueNanos());

        assertEquals(90_160 + 8 * 30, stamper.timestampAt(NOW + 50 * MS));
    }

    @Test
    void aResetAnchorsTheNextPacketAgain() {
        stamp(audio(false, 1, 0), pcmuWithEvents, NOW);
        stamper.reset();

        RtpPacket again = stamp(audio(false, 2, 160), pcmuWithEvents, stamper.timestampAt(NOW + 1000 * MS),
                NOW + 1000 * MS);

        assertEquals(90_160 + 8 * 980, again.timestamp());
        assertTrue(again.marker());
    }

    private RtpPacket stamp(RelayedPacket relayed, RemotePeer target, long now) {
        return stamp(relayed, target, stream.nextTimestamp(), now);
    }

    private RtpPacket stamp(RelayedPacket relayed, RemotePeer target, long anchor, long now) {
        return stamper.stamp(relayed, target, anchor, now).orElseThrow();
    }

    private static RelayedPacket audio(boolean marker, int seq, long timestamp) {
        byte[] payload = new byte[160];
        Arrays.fill(payload, (byte) (seq * 7));
        return new RelayedPacket(null, new RtpPacket(marker, 0, seq, timestamp, SOURCE_SSRC, payload), Codec.PCMU, NOW);
    }

    private static RelayedPacket event(RtpPacket sipp, long timestamp) {
        RtpPacket packet = new RtpPacket(sipp.marker(), sipp.payloadType(), sipp.sequenceNumber(), timestamp,
                SOURCE_SSRC, sipp.payload());
        return new RelayedPacket(null, packet, null, NOW);
    }

    private static RemotePeer peer(Codec codec, int eventPayloadType) {
        RemotePeer peer = new RemotePeer();
        peer.connect(new RemoteMedia(PHONE, codec, eventPayloadType));
        return peer;
    }
}
