package org.hotline.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Records the RTP to and from one loopback port (a peer's media port) with dumpcap, from tshark's
 * package; it needs the capture capability (root in CI). This is how a test hears what SIPp, which
 * cannot record, was sent, and sees the key presses it sent. Timestamps are the kernel's, on the
 * same clock as SIPp's traces. Started before the call, stopped after it. Not thread-safe: the test
 * thread owns it.
 */
public final class RtpCapture implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final ExternalProgram dumpcap;
    private final Path file;
    private final int port;

    private RtpCapture(ExternalProgram dumpcap, Path file, int port) {
        this.dumpcap = dumpcap;
        this.file = file;
        this.port = port;
    }

    /** The RTP packets the peer on the port received and sent, each in arrival order. */
    public record Captured(List<RtpPacket> received, List<RtpPacket> sent) {
    }

    /** Starts capturing datagrams to and from {@code udpPort} on lo; returns once dumpcap is capturing. */
    public static RtpCapture start(int udpPort, Path dir) {
        Path file = dir.resolve("rtp-" + udpPort + ".pcap");
        ExternalProgram dumpcap = ExternalProgram.start(
                List.of("dumpcap", "-i", "lo", "-f", "udp port " + udpPort, "-P", "-q", "-w", file.toString()),
                dir, "dumpcap-" + udpPort);
        RtpCapture capture = new RtpCapture(dumpcap, file, udpPort);
        capture.awaitCapturing();
        return capture;
    }

    /** Stops the capture (idempotent) and returns what it caught. */
    public Captured stop() {
        dumpcap.terminate();
        return snapshot();
    }

    /** What dumpcap has written so far, while it keeps capturing. */
    public Captured snapshot() {
        List<Pcap.UdpDatagram> datagrams = Pcap.readUdp(file);
        return new Captured(rtp(datagrams.stream().filter(d -> d.destinationPort() == port)),
                rtp(datagrams.stream().filter(d -> d.sourcePort() == port && d.destinationPort() != port)));
    }

    private static List<RtpPacket> rtp(Stream<Pcap.UdpDatagram> datagrams) {
        return datagrams.map(d -> RtpPacket.parse(d.at(), d.payload())).flatMap(Optional::stream).toList();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() {
        dumpcap.terminate();
    }

    private void awaitCapturing() {
        try {
            Await.until(() -> dumpcap.stderr().contains("Capturing on") || !dumpcap.isAlive(), START_TIMEOUT,
                    () -> "dumpcap to start capturing on port " + port);
        } catch (AssertionError e) {
            dumpcap.terminate();
            throw e;
        }
        if (!dumpcap.isAlive()) {
            throw new IllegalStateException("dumpcap on port " + port + " exited: " + dumpcap.stderr());
        }
    }
}
