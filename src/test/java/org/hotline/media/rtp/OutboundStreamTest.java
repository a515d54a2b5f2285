package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OutboundStreamTest {

    private static final byte[] FRAME = new byte[160];

    @Test
    void marksOnlyTheFirstPacketAndStepsBySequenceOneAndTimestamp160() {
        OutboundStream stream = new OutboundStream(0x1234, 100, 5000);

        RtpPacket first = stream.next(0, FRAME);
        RtpPacket second = stream.next(0, FRAME);

        assertTrue(first.marker());
        assertFalse(second.marker());
        assertEquals(100, first.sequenceNumber());
        assertEquals(101, second.sequenceNumber());
        assertEquals(5000, first.timestamp());
        assertEquals(5160, second.timestamp());
        assertEquals(0x1234, second.ssrc());
    }

    @Test
    void wrapsSequenceNumberAndTimestamp() {
        OutboundStream stream = new OutboundStream(1, 0xFFFF, 0xFFFF_FFFFL - 100);
        stream.next(8, FRAME);
        RtpPacket wrapped = stream.next(8, FRAME);
        assertEquals(0, wrapped.sequenceNumber());
        assertEquals(59, wrapped.timestamp());
    }

    @Test
    void unsentFramesAdvanceTheTimestampOnlyAndMarkTheNextPacket() {
        OutboundStream stream = new OutboundStream(1, 10, 0);
        stream.next(0, FRAME);
        stream.skipFrame();
        stream.skipFrame();

        RtpPacket resumed = stream.next(0, FRAME);

        assertEquals(11, resumed.sequenceNumber());
        assertEquals(480, resumed.timestamp());
        assertTrue(resumed.marker());
    }

    @Test
    void drawsRandomStartValuesFromTheInjectedGenerator() {
        OutboundStream a = OutboundStream.random(new SplittableRandom(42));
        OutboundStream b = OutboundStream.random(new SplittableRandom(42));
        OutboundStream c = OutboundStream.random(new SplittableRandom(43));
        assertEquals(a.next(0, FRAME), b.next(0, FRAME));
        assertNotEquals(a.ssrc(), c.ssrc());
    }

    @Test
    void relayedPacketsTakeTheNextSequenceNumberAndTheGivenTimestampAndMarker() {
        OutboundStream stream = new OutboundStream(7, 0xFFFF, 1000);
        stream.next(0, FRAME);

        RtpPacket relayed = stream.packetAt(8, 5000, true, FRAME);
        RtpPacket event = stream.packetAt(101, 4000, false, new byte[4]);

        assertEquals(0, relayed.sequenceNumber());
        assertEquals(5000, relayed.timestamp());
        assertTrue(relayed.marker());
        assertEquals(1, event.sequenceNumber());
        assertEquals(1160, stream.nextTimestamp(), "packetAt leaves the next timestamp alone");
    }

    @Test
    void theNextTimestampOnlyMovesForwardAcrossTheWrap() {
        OutboundStream stream = new OutboundStream(7, 0, 0xFFFF_FF00L);

        assertTrue(stream.advanceTo(0x10));
        assertFalse(stream.advanceTo(0xFFFF_FFF0L), "before the wrap is earlier");
        assertFalse(stream.advanceTo(0x10), "not later than itself");
        assertEquals(0x10, stream.nextTimestamp());
    }

    @Test
    void resumingStartsATalkspurtAtTheLaterTimestamp() {
        OutboundStream stream = new OutboundStream(7, 0, 1000);
        stream.next(0, FRAME);

        stream.resumeAt(900);
        RtpPacket resumed = stream.next(0, FRAME);

        assertEquals(1160, resumed.timestamp(), "never backwards");
        assertTrue(resumed.marker());
        assertFalse(stream.takeMarker());
    }
}
