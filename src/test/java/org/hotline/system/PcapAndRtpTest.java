package org.hotline.system;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hotline.media.AudioClip;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pcap writing and reading, RTP parsing, the listener's timeline and RFC 4733 key presses. */
class PcapAndRtpTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @TempDir
    Path dir;

    @Test
    void aWrittenPcmuPcapReadsBackAsTheSameAudio() {
        AudioClip clip = TestAudio.tone("tone", 440, Duration.ofMillis(500), 0.2);
        Path file = dir.resolve("tone.pcap");

        RtpAudio.writePcmuPcap(clip, file, RtpAudio.StreamStart.beforeSippDigitOne(clip));
        List<Pcap.UdpDatagram> datagrams = Pcap.readUdp(file);
        List<RtpPacket> packets = datagrams.stream().map(d -> RtpPacket.parse(d.at(), d.payload()).orElseThrow()).toList();

        assertEquals(25, packets.size());
        assertEquals(6000, datagrams.getFirst().destinationPort());
        assertEquals(7984 - 25, packets.getFirst().sequenceNumber());
        assertEquals(13280 - 25 * 160, packets.getFirst().timestamp());
        assertEquals(0x0e05384eL, packets.getLast().ssrc());
        assertEquals(Duration.ofMillis(480), Duration.between(packets.getFirst().at(), packets.getLast().at()));
        AudioClip heard = RtpAudio.decode("heard", packets, RtpAudio.PCMU).audio();
        assertEquals(clip.samples().length, heard.samples().length);
        assertEquals(1.0, AudioMatch.best(heard, clip).score(), 0.001);
    }

    @Test
    void aCaptureCutInTheMiddleOfARecordYieldsTheCompleteOnes() throws IOException {
        AudioClip clip = TestAudio.tone("tone", 440, Duration.ofMillis(100), 0.2);
        Path file = dir.resolve("cut.pcap");
        RtpAudio.writePcmuPcap(clip, file, new RtpAudio.StreamStart(1, 0, 0));
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 30));

        assertEquals(4, Pcap.readUdp(file).size());
    }

    @Test
    void gapsInTheStreamStayGapsOnTheTimeline() {
        List<RtpPacket> packets = new ArrayList<>();
        packets.add(pcmu(0, 0, 0, (byte) 0x80));
        packets.add(pcmu(20, 1, 160, (byte) 0x80));
        packets.add(pcmu(1020, 2, 8160, (byte) 0x80));

        RtpAudio.Heard heard = RtpAudio.decode("gappy", packets, RtpAudio.PCMU);

        assertEquals(8320, heard.audio().samples().length);
        assertEquals(32124, heard.audio().samples()[8160]);
        assertEquals(0, heard.audio().samples()[4000]);
        assertEquals(T0.plusMillis(1020), heard.instantOf(Duration.ofMillis(1020)));
    }

    @Test
    void aNewSsrcIsPlacedByItsArrival() {
        List<RtpPacket> packets = List.of(
                pcmu(0, 0, 0, (byte) 0x80),
                new RtpPacket(T0.plusMillis(500), 0, false, 900, 123_456, 99, filled((byte) 0x80)));

        assertEquals(4160, RtpAudio.decode("two-sources", packets, RtpAudio.PCMU).audio().samples().length);
    }

    @Test
    void countsEachKeyPressOnceFromItsRepeatedEventPackets() {
        List<RtpPacket> packets = List.of(
                event(0, 7, 1000, 1, false), event(20, 8, 1000, 1, false), event(40, 9, 1000, 1, true), event(40, 10, 1000, 1, true),
                event(500, 11, 5000, 11, false), event(520, 12, 5000, 11, true));

        List<RtpAudio.KeyPress> keys = RtpAudio.keyPresses(packets, 101);

        assertEquals(List.of('1', '#'), keys.stream().map(RtpAudio.KeyPress::key).toList());
        assertEquals(T0, keys.getFirst().at());
        assertEquals(List.of(true, true), keys.stream().map(RtpAudio.KeyPress::ended).toList());
    }

    @Test
    void parsesTheHeaderFieldsAndSkipsCsrcsAndPadding() {
        byte[] wire = {(byte) 0xa1, (byte) 0x80, 0x01, 0x02, 0, 0, 0x01, 0x00, 0, 0, 0, 0x2a, 9, 9, 9, 9, 0x55, 0x66, 0, 2};

        RtpPacket packet = RtpPacket.parse(T0, wire).orElseThrow();

        assertEquals(0, packet.payloadType());
        assertEquals(true, packet.marker());
        assertEquals(258, packet.sequenceNumber());
        assertEquals(256, packet.timestamp());
        assertEquals(42, packet.ssrc());
        assertArrayEquals(new byte[] {0x55, 0x66}, packet.payload());
    }

    private static RtpPacket pcmu(long atMillis, int sequence, long timestamp, byte fill) {
        return new RtpPacket(T0.plusMillis(atMillis), RtpAudio.PCMU, false, sequence, timestamp, 7, filled(fill));
    }

    private static byte[] filled(byte value) {
        byte[] payload = new byte[160];
        java.util.Arrays.fill(payload, value);
        return payload;
    }

    private static RtpPacket event(long atMillis, int sequence, long timestamp, int code, boolean end) {
        byte[] payload = {(byte) code, (byte) (end ? 0x8a : 0x0a), 0, (byte) 160};
        return new RtpPacket(T0.plusMillis(atMillis), 101, false, sequence, timestamp, 0x0e05384eL, payload);
    }
}
