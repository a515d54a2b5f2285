package org.hotline.system;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Records the UDP datagrams sent to one loopback port with dumpcap (from tshark's package; needs the
 * capture capability, as root in CI): how a test hears what SIPp, which cannot record, was sent.
 * Started before the call, stopped after it. Not thread-safe: the test thread owns it.
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

    /** Starts capturing datagrams to {@code udpPort} on lo; returns once dumpcap reports it is capturing. */
    public static RtpCapture start(int udpPort, Path dir) {
        Path file = dir.resolve("rtp-to-" + udpPort + ".pcap");
        ExternalProgram dumpcap = ExternalProgram.start(
                List.of("dumpcap", "-i", "lo", "-f", "udp dst port " + udpPort, "-P", "-q", "-w", file.toString()),
                dir, "dumpcap-" + udpPort);
        RtpCapture capture = new RtpCapture(dumpcap, file, udpPort);
        capture.awaitCapturing();
        return capture;
    }

    /** Stops the capture (idempotent) and returns the RTP packets, in arrival order. */
    public List<RtpPacket> stop() {
        dumpcap.terminate();
        return snapshot();
    }

    /** The RTP packets dumpcap has written so far, while it keeps capturing. */
    public List<RtpPacket> snapshot() {
        return Pcap.readUdp(file).stream()
                .map(d -> RtpPacket.parse(d.at(), d.payload()))
                .flatMap(Optional::stream)
                .toList();
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
