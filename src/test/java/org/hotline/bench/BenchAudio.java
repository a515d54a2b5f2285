package org.hotline.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.hotline.media.AudioClip;
import org.hotline.system.HotlinePrompts;
import org.hotline.system.Pcap;
import org.hotline.system.RtpAudio;
import org.hotline.system.Sipp;

/**
 * The callers' audio for SIPp's {@code play_pcap_audio}: Mandarin speech (the greeting prompt,
 * looped) as 20 ms PCMU packets, one stream per call around the key press. SIPp's RFC 4733
 * captures ({@code dtmf_2833_<key>.pcap}) carry a fixed SSRC, sequence numbers and timestamp, so
 * the audio before the key ends just before the capture's first packet and the audio after it
 * continues after its last: to the server it is one stream from one source (RFC 3550 §5.1).
 * Debian's {@code g711a.pcap} would not do: A-law in 30 ms packets, 7 s long. Stateless.
 */
public final class BenchAudio {

    private static final int SAMPLES_PER_PACKET = 160;
    private static final String SPEECH = "greeting.welcome";

    private BenchAudio() {
    }

    /** Writes {@code before-key-<key>.pcap}, {@code dtmf_2833_<key>.pcap} and {@code talk-<key>.pcap} into {@code dir}. */
    public static void writeAroundKey(Path dir, char key, Duration beforeKey, Duration afterKey) {
        Path capture = Path.of(System.getProperty("sipp.dtmfCaptures", Sipp.DTMF_CAPTURES), "dtmf_2833_" + key + ".pcap");
        copy(capture, dir.resolve(capture.getFileName()));
        List<Pcap.UdpDatagram> event = Pcap.readUdp(capture);
        ByteBuffer first = ByteBuffer.wrap(event.getFirst().payload());
        ByteBuffer last = ByteBuffer.wrap(event.getLast().payload());
        long ssrc = Integer.toUnsignedLong(first.getInt(8));
        int firstSequence = Short.toUnsignedInt(first.getShort(2));
        long eventTimestamp = Integer.toUnsignedLong(first.getInt(4));
        int lastSequence = Short.toUnsignedInt(last.getShort(2));
        int eventDuration = Short.toUnsignedInt(last.getShort(12 + 2));

        AudioClip before = speech(beforeKey);
        int packetsBefore = packets(before);
        RtpAudio.writePcmuPcap(before, dir.resolve("before-key-" + key + ".pcap"), new RtpAudio.StreamStart(ssrc,
                (firstSequence - packetsBefore) & 0xFFFF, (eventTimestamp - (long) packetsBefore * SAMPLES_PER_PACKET) & 0xFFFF_FFFFL));
        long afterEvent = eventTimestamp + (eventDuration + SAMPLES_PER_PACKET - 1) / SAMPLES_PER_PACKET * SAMPLES_PER_PACKET
                + SAMPLES_PER_PACKET;
        RtpAudio.writePcmuPcap(speech(afterKey), dir.resolve("talk-" + key + ".pcap"),
                new RtpAudio.StreamStart(ssrc, (lastSequence + 1) & 0xFFFF, afterEvent & 0xFFFF_FFFFL));
    }

    /** Writes {@code talk-ivr.pcap}: speech for callers who press nothing. */
    public static void writeIvrTalk(Path dir, Duration length) {
        RtpAudio.writePcmuPcap(speech(length), dir.resolve("talk-ivr.pcap"), new RtpAudio.StreamStart(0x5EB0_0001L, 1000, 160_000));
    }

    private static AudioClip speech(Duration length) {
        short[] source = HotlinePrompts.zhCn(SPEECH).samples();
        short[] samples = new short[(int) (length.toMillis() * AudioClip.SAMPLE_RATE_HZ / 1000)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = source[i % source.length];
        }
        return new AudioClip("bench-speech", samples);
    }

    private static int packets(AudioClip clip) {
        return (clip.samples().length + SAMPLES_PER_PACKET - 1) / SAMPLES_PER_PACKET;
    }

    private static void copy(Path source, Path target) {
        try {
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + source + " (Debian's sip-tester installs SIPp's DTMF captures)", e);
        }
    }
}
