package org.hotline.system;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hotline.media.AudioClip;

/**
 * Turns captured RTP into what a listener heard, and audio into RTP for SIPp to replay. Captured
 * G.711 packets are placed by RTP timestamp on a timeline anchored at the first packet's arrival, so
 * gaps stay gaps; a new SSRC or a timestamp jump that disagrees with the arrival times re-anchors on
 * arrival. RFC 4733 events are read per (SSRC, timestamp), i.e. once per key press. Stateless.
 */
public final class RtpAudio {

    public static final int PCMU = 0;
    public static final int PCMA = 8;

    private static final int SAMPLES_PER_PACKET = 160;
    private static final Duration REANCHOR_TOLERANCE = Duration.ofMillis(200);
    private static final String DTMF_KEYS = "0123456789*#ABCD";

    private RtpAudio() {
    }

    /** What a listener heard, and the wall-clock instant of its first sample. */
    public record Heard(AudioClip audio, Instant start) {

        /** The wall-clock instant of a position in {@link #audio}. */
        public Instant instantOf(Duration offset) {
            return start.plus(offset);
        }
    }

    /** One RFC 4733 key press: the first packet seen of it and whether its end packet arrived. */
    public record KeyPress(char key, Instant at, long ssrc, long timestamp, boolean ended) {
    }

    /** Decodes the packets of {@code payloadType} ({@link #PCMU} or {@link #PCMA}); other types are ignored. */
    public static Heard decode(String name, List<RtpPacket> packets, int payloadType) {
        List<RtpPacket> audio = packets.stream().filter(p -> p.payloadType() == payloadType).toList();
        if (audio.isEmpty()) {
            return new Heard(new AudioClip(name, new short[0]), Instant.EPOCH);
        }
        Instant start = audio.getFirst().at();
        long[] positions = new long[audio.size()];
        long anchorPosition = 0;
        RtpPacket anchor = audio.getFirst();
        long end = 0;
        for (int i = 0; i < audio.size(); i++) {
            RtpPacket p = audio.get(i);
            long byArrival = Duration.between(start, p.at()).toNanos() * AudioClip.SAMPLE_RATE_HZ / 1_000_000_000L;
            long byTimestamp = anchorPosition + (int) (p.timestamp() - anchor.timestamp());
            if (p.ssrc() != anchor.ssrc()
                    || Math.abs(byTimestamp - byArrival) > REANCHOR_TOLERANCE.toMillis() * AudioClip.SAMPLE_RATE_HZ / 1000) {
                anchor = p;
                anchorPosition = Math.max(byArrival, 0);
                byTimestamp = anchorPosition;
            }
            positions[i] = Math.max(byTimestamp, 0);
            end = Math.max(end, positions[i] + p.payload().length);
        }
        short[] samples = new short[Math.toIntExact(end)];
        for (int i = 0; i < audio.size(); i++) {
            byte[] payload = audio.get(i).payload();
            for (int s = 0; s < payload.length; s++) {
                samples[(int) positions[i] + s] = payloadType == PCMA ? G711.alawToLinear(payload[s]) : G711.ulawToLinear(payload[s]);
            }
        }
        return new Heard(new AudioClip(name, samples), start);
    }

    /** The key presses carried as RFC 4733 events with {@code eventPayloadType}, in arrival order. */
    public static List<KeyPress> keyPresses(List<RtpPacket> packets, int eventPayloadType) {
        Map<String, KeyPress> byEvent = new LinkedHashMap<>();
        for (RtpPacket p : packets) {
            if (p.payloadType() != eventPayloadType || p.payload().length < 4) {
                continue;
            }
            int event = p.payload()[0] & 0xff;
            boolean ended = (p.payload()[1] & 0x80) != 0;
            if (event >= DTMF_KEYS.length()) {
                continue;
            }
            String id = p.ssrc() + "/" + p.timestamp();
            KeyPress first = byEvent.get(id);
            if (first == null) {
                byEvent.put(id, new KeyPress(DTMF_KEYS.charAt(event), p.at(), p.ssrc(), p.timestamp(), ended));
            } else if (ended && !first.ended()) {
                byEvent.put(id, new KeyPress(first.key(), first.at(), first.ssrc(), first.timestamp(), true));
            }
        }
        return List.copyOf(byEvent.values());
    }

    /** Where a generated stream starts: its SSRC and first sequence number and timestamp. */
    public record StreamStart(long ssrc, int sequenceNumber, long timestamp) {

        /**
         * A stream that ends just before SIPp's dtmf_2833_1.pcap begins (SSRC 0x0e05384e, sequence
         * 7984, timestamp 13280), so caller audio followed by that key press looks like one source.
         */
        public static StreamStart beforeSippDigitOne(AudioClip clip) {
            int packets = (clip.samples().length + SAMPLES_PER_PACKET - 1) / SAMPLES_PER_PACKET;
            return new StreamStart(0x0e05384eL, 7984 - packets, 13280L - (long) packets * SAMPLES_PER_PACKET);
        }
    }

    /** Writes {@code clip} as 20 ms PCMU packets to a pcap SIPp can replay with {@code play_pcap_audio}. */
    public static void writePcmuPcap(AudioClip clip, Path file, StreamStart stream) {
        short[] samples = clip.samples();
        List<Instant> times = new ArrayList<>();
        List<byte[]> payloads = new ArrayList<>();
        Instant start = Instant.ofEpochSecond(1_700_000_000L);
        for (int packet = 0; packet * SAMPLES_PER_PACKET < samples.length; packet++) {
            byte[] payload = new byte[SAMPLES_PER_PACKET];
            for (int s = 0; s < SAMPLES_PER_PACKET; s++) {
                int index = packet * SAMPLES_PER_PACKET + s;
                payload[s] = G711.linearToUlaw(index < samples.length ? samples[index] : 0);
            }
            RtpPacket rtp = new RtpPacket(start, PCMU, packet == 0, (stream.sequenceNumber() + packet) & 0xffff,
                    (stream.timestamp() + (long) packet * SAMPLES_PER_PACKET) & 0xffffffffL, stream.ssrc(), payload);
            times.add(start.plusMillis(20L * packet));
            payloads.add(rtp.toBytes());
        }
        Pcap.writeUdp(file, times, payloads, 6000, 6000);
    }
}
