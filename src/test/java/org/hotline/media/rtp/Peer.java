package org.hotline.media.rtp;

import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/** A plain-socket RTP peer on loopback for network tests: sends hex fixtures, receives packets. */
final class Peer implements AutoCloseable {

    /** A packet as received, with its arrival time on the {@code System.nanoTime()} scale. */
    record Arrival(RtpPacket packet, long arrivalNanos) {
    }

    private final DatagramSocket socket;

    Peer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(TestPorts.LOOPBACK), 0));
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void send(String hex, int port) {
        send(SippDtmf.bytes(hex), port);
    }

    void send(byte[] bytes, int port) {
        try {
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getByName(TestPorts.LOOPBACK), port));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next packet, failing the test if none comes within {@link Await#DEFAULT}. */
    Arrival receive() throws IOException {
        return receiveWithin(Await.DEFAULT).orElseThrow(() -> new AssertionError("no RTP packet within " + Await.DEFAULT));
    }

    /** The next packet, or empty if none arrives within {@code timeout}. */
    Optional<Arrival> receiveWithin(Duration timeout) throws IOException {
        byte[] buffer = new byte[2048];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        socket.setSoTimeout((int) timeout.toMillis());
        try {
            socket.receive(datagram);
        } catch (SocketTimeoutException e) {
            return Optional.empty();
        }
        long arrival = System.nanoTime();
        byte[] bytes = Arrays.copyOf(buffer, datagram.getLength());
        try {
            return Optional.of(new Arrival(RtpPacketDecoder.parse(Unpooled.wrappedBuffer(bytes)), arrival));
        } catch (MalformedRtpPacketException e) {
            throw new AssertionError("the session sent a malformed packet", e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
