package org.hotline.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class TelephoneEventDetectorTest {

    private final TelephoneEventDetector detector = new TelephoneEventDetector();

    @Test
    void parsesTheSippEventPayloads() {
        TelephoneEvent start = event(SippDtmf.KEY_1.get(0));
        TelephoneEvent end = event(SippDtmf.KEY_1.get(9));

        assertEquals(new TelephoneEvent(1, false, 10, 0), start);
        assertEquals(new TelephoneEvent(1, true, 10, 2240), end);
        assertEquals(Optional.of('1'), start.digit());
        assertEquals(Optional.of('#'), event(SippDtmf.KEY_POUND.get(0)).digit());
        assertEquals(Optional.of('*'), event(SippDtmf.KEY_STAR.get(0)).digit());
    }

    @Test
    void mapsEventCodesToKeys() {
        StringBuilder keys = new StringBuilder();
        for (int code = 0; code < 16; code++) {
            keys.append(new TelephoneEvent(code, false, 10, 0).digit().orElseThrow());
        }
        assertEquals("0123456789*#ABCD", keys.toString());
        assertTrue(new TelephoneEvent(16, false, 10, 0).digit().isEmpty(), "flash is not a key");
    }

    @Test
    void ignoresPayloadsShorterThanOneEvent() {
        assertFalse(TelephoneEvent.parse(new byte[] {1, 10, 0}).isPresent());
    }

    @Test
    void writesTheWireFormItParses() {
        TelephoneEvent end = new TelephoneEvent(11, true, 10, 2240);
        assertEquals(end, TelephoneEvent.parse(end.toPayload()).orElseThrow());
    }

    @Test
    void reportsAPressOnceAtItsFirstPacketDespiteTheRepeatedEndPackets() {
        List<Integer> reportedAt = new ArrayList<>();
        List<Character> keys = new ArrayList<>();
        for (int i = 0; i < SippDtmf.KEY_1.size(); i++) {
            int index = i;
            feed(SippDtmf.KEY_1.get(i)).ifPresent(key -> {
                keys.add(key);
                reportedAt.add(index);
            });
        }
        assertEquals(List.of('1'), keys);
        assertEquals(List.of(0), reportedAt, "reported at the start packet, for barge-in");
    }

    @Test
    void reportsAPressWhoseStartAndUpdatesWereLostAtItsEndPacket() {
        assertEquals(List.of('#'), feedAll(SippDtmf.KEY_POUND.subList(7, 10)));
    }

    @Test
    void reportsAPressWhoseOnlySurvivingPacketIsOneEndPacket() {
        assertEquals(List.of('*'), feedAll(SippDtmf.KEY_STAR.subList(9, 10)));
    }

    @Test
    void ignoresDuplicatedPackets() {
        List<String> duplicated = SippDtmf.KEY_1.stream().flatMap(hex -> Stream.of(hex, hex)).toList();
        assertEquals(List.of('1'), feedAll(duplicated));
    }

    @Test
    void reportsTwoPressesOfTheSameKeyInARow() {
        // the second press starts 200 ms (1600 samples) after the first one's timestamp
        List<String> twice = Stream.concat(SippDtmf.KEY_1.stream(),
                SippDtmf.shifted(SippDtmf.KEY_1, 1600, 10).stream()).toList();
        assertEquals(List.of('1', '1'), feedAll(twice));
    }

    @Test
    void reportsEachKeyOfASequence() {
        List<String> sequence = Stream.of(SippDtmf.KEY_STAR, SippDtmf.KEY_1, SippDtmf.KEY_POUND)
                .flatMap(List::stream).toList();
        assertEquals(List.of('*', '1', '#'), feedAll(sequence));
    }

    @Test
    void ignoresALateEndPacketOfThePreviousPress() {
        List<String> reordered = new ArrayList<>(SippDtmf.KEY_1.subList(0, 8));
        reordered.addAll(SippDtmf.KEY_POUND.subList(0, 2));
        reordered.add(SippDtmf.KEY_1.get(9));
        reordered.addAll(SippDtmf.KEY_POUND.subList(2, 10));
        assertEquals(List.of('1', '#'), feedAll(reordered));
    }

    @Test
    void treatsTheNextSegmentOfAKeyHeldPastTheMaximumDurationAsTheSamePress() {
        long start = 1000;
        assertEquals(Optional.of('5'), detector.onPacket(start, new TelephoneEvent(5, false, 10, 0)));
        assertEquals(Optional.empty(), detector.onPacket(start, new TelephoneEvent(5, false, 10, 0xFFFF)));
        long nextSegment = start + 0xFFFF;
        assertEquals(Optional.empty(), detector.onPacket(nextSegment, new TelephoneEvent(5, false, 10, 160)));
        assertEquals(Optional.empty(), detector.onPacket(nextSegment, new TelephoneEvent(5, true, 10, 800)));
        assertEquals(Optional.of('5'), detector.onPacket(nextSegment + 2000, new TelephoneEvent(5, false, 10, 0)));
    }

    @Test
    void doesNotReportEventsThatAreNotKeys() {
        assertEquals(Optional.empty(), detector.onPacket(160, new TelephoneEvent(16, false, 10, 0)));
    }

    private List<Character> feedAll(List<String> packets) {
        List<Character> keys = new ArrayList<>();
        packets.forEach(hex -> feed(hex).ifPresent(keys::add));
        return keys;
    }

    private Optional<Character> feed(String hex) {
        RtpPacket packet = SippDtmf.packet(hex);
        return detector.onPacket(packet.timestamp(), TelephoneEvent.parse(packet.payload()).orElseThrow());
    }

    private static TelephoneEvent event(String hex) {
        return TelephoneEvent.parse(SippDtmf.packet(hex).payload()).orElseThrow();
    }
}
