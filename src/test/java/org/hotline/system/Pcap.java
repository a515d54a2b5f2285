package org.hotline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Classic libpcap files holding IPv4/UDP datagrams: read what dumpcap captured on the loopback
 * (Ethernet or Linux cooked link types), and write the Ethernet/IPv4/UDP frames SIPp's
 * {@code play_pcap_audio} replays. pcapng is not read: captures are started with {@code -P}. Stateless.
 */
public final class Pcap {

    private static final int MAGIC_MICROS = 0xa1b2c3d4;
    private static final int MAGIC_NANOS = 0xa1b23c4d;
    private static final int LINKTYPE_NULL = 0;
    private static final int LINKTYPE_ETHERNET = 1;
    private static final int LINKTYPE_LINUX_SLL = 113;
    private static final int LINKTYPE_LINUX_SLL2 = 276;
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int IP_PROTOCOL_UDP = 17;

    private Pcap() {
    }

    /** One captured UDP datagram. */
    public record UdpDatagram(Instant at, byte[] sourceAddress, int sourcePort, byte[] destinationAddress,
                              int destinationPort, byte[] payload) {
    }

    /**
     * The IPv4/UDP datagrams of a classic pcap file, in file order; other frames are skipped, and so is
     * a last record cut short (the file of a running capture).
     */
    public static List<UdpDatagram> readUdp(Path file) {
        ByteBuffer buffer = ByteBuffer.wrap(readAll(file));
        if (buffer.remaining() < 24) {
            return List.of(); // a capture that has not written its header yet
        }
        buffer.order(ByteOrder.LITTLE_ENDIAN);
        int magic = buffer.getInt(0);
        if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
            buffer.order(ByteOrder.BIG_ENDIAN);
            magic = buffer.getInt(0);
        }
        if (magic != MAGIC_MICROS && magic != MAGIC_NANOS) {
            throw new IllegalArgumentException(file + " is not a classic pcap file (pcapng? capture with -P)");
        }
        long fractionNanos = magic == MAGIC_NANOS ? 1 : 1000;
        int linkType = buffer.getInt(20);
        List<UdpDatagram> datagrams = new ArrayList<>();
        buffer.position(24);
        while (buffer.remaining() >= 16) {
            long seconds = Integer.toUnsignedLong(buffer.getInt());
            long fraction = Integer.toUnsignedLong(buffer.getInt());
            int capturedLength = buffer.getInt();
            buffer.getInt();
            if (capturedLength > buffer.remaining()) {
                break; // a record still being written by a running capture
            }
            byte[] frame = new byte[capturedLength];
            buffer.get(frame);
            Instant at = Instant.ofEpochSecond(seconds, fraction * fractionNanos);
            parseFrame(frame, linkType, at, datagrams);
        }
        return datagrams;
    }

    private static void parseFrame(byte[] frame, int linkType, Instant at, List<UdpDatagram> out) {
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.BIG_ENDIAN);
        int ipOffset;
        int etherType;
        switch (linkType) {
            case LINKTYPE_ETHERNET -> { etherType = b.getShort(12) & 0xffff; ipOffset = 14; }
            case LINKTYPE_LINUX_SLL -> { etherType = b.getShort(14) & 0xffff; ipOffset = 16; }
            case LINKTYPE_LINUX_SLL2 -> { etherType = b.getShort(0) & 0xffff; ipOffset = 20; }
            case LINKTYPE_NULL -> { etherType = ETHERTYPE_IPV4; ipOffset = 4; }
            default -> throw new IllegalArgumentException("unsupported pcap link type " + linkType);
        }
        if (etherType != ETHERTYPE_IPV4 || frame.length < ipOffset + 28) {
            return;
        }
        int headerLength = (b.get(ipOffset) & 0x0f) * 4;
        if (b.get(ipOffset + 9) != IP_PROTOCOL_UDP) {
            return;
        }
        int udp = ipOffset + headerLength;
        int udpLength = b.getShort(udp + 4) & 0xffff;
        byte[] payload = new byte[Math.min(udpLength - 8, frame.length - udp - 8)];
        System.arraycopy(frame, udp + 8, payload, 0, payload.length);
        byte[] source = new byte[4];
        byte[] destination = new byte[4];
        System.arraycopy(frame, ipOffset + 12, source, 0, 4);
        System.arraycopy(frame, ipOffset + 16, destination, 0, 4);
        out.add(new UdpDatagram(at, source, b.getShort(udp) & 0xffff, destination, b.getShort(udp + 2) & 0xffff, payload));
    }

    /**
     * Writes UDP payloads as Ethernet/IPv4/UDP frames between two fixed endpoints (SIPp rewrites the
     * addresses and ports when it replays them; the gaps between the timestamps are what it keeps).
     */
    public static void writeUdp(Path file, List<Instant> times, List<byte[]> payloads, int sourcePort, int destinationPort) {
        int size = 24 + payloads.stream().mapToInt(p -> 16 + 42 + p.length).sum();
        ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(MAGIC_MICROS).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(65535).putInt(LINKTYPE_ETHERNET);
        for (int i = 0; i < payloads.size(); i++) {
            byte[] payload = payloads.get(i);
            Instant at = times.get(i);
            out.order(ByteOrder.LITTLE_ENDIAN)
                    .putInt((int) at.getEpochSecond()).putInt(at.getNano() / 1000)
                    .putInt(42 + payload.length).putInt(42 + payload.length);
            out.order(ByteOrder.BIG_ENDIAN);
            out.put(new byte[] {0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 1}).putShort((short) ETHERTYPE_IPV4);
            int ipStart = out.position();
            out.put((byte) 0x45).put((byte) 0).putShort((short) (28 + payload.length)).putShort((short) i).putShort((short) 0)
                    .put((byte) 64).put((byte) IP_PROTOCOL_UDP).putShort((short) 0)
                    .put(new byte[] {127, 0, 0, 1}).put(new byte[] {127, 0, 0, 1});
            out.putShort(ipStart + 10, ipChecksum(out.array(), ipStart));
            out.putShort((short) sourcePort).putShort((short) destinationPort).putShort((short) (8 + payload.length)).putShort((short) 0);
            out.put(payload);
        }
        try {
            Files.write(file, out.array());
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    private static short ipChecksum(byte[] bytes, int start) {
        int sum = 0;
        for (int i = start; i < start + 20; i += 2) {
            sum += ((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff);
        }
        while ((sum >> 16) != 0) {
            sum = (sum & 0xffff) + (sum >> 16);
        }
        return (short) ~sum;
    }

    private static byte[] readAll(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }
}
