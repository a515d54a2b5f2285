package org.hotline.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Finds loopback ports for the peers of a system test (SIPp, baresip, the server). A port found free
 * may be taken before the peer binds it, so the search stays below Linux's ephemeral range
 * (32768-60999, /proc/sys/net/ipv4/ip_local_port_range), where the kernel hands out ports to
 * sockets bound to port 0, and starts at a random port to keep parallel runs apart.
 * Stateless; any thread.
 */
public final class FreePorts {

    /** Where the searches run: below the kernel's ephemeral range, above the demo's RTP range 20000-20999. */
    private static final int SEARCH_MIN = 21_000;
    private static final int SEARCH_MAX = 32_000;
    private static final int ATTEMPTS = 200;

    private FreePorts() {
    }

    public static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    /** A port free on 127.0.0.1 for both UDP and TCP (SIP listens on both). */
    public static int sipPort() {
        return block(1, 1);
    }

    /** A free TCP port on 127.0.0.1 (baresip's ctrl_tcp). */
    public static int tcpPort() {
        return block(1, 1);
    }

    /**
     * The first of {@code count} consecutive ports, each free for UDP and TCP on 127.0.0.1, the first
     * one a multiple of {@code alignment} (2 for an RTP/RTCP pair, RFC 3550 §11).
     */
    public static int block(int count, int alignment) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int first = random.nextInt(SEARCH_MIN, SEARCH_MAX - count) / alignment * alignment;
            if (allFree(first, count)) {
                return first;
            }
        }
        throw new IllegalStateException("no block of " + count + " free loopback ports after " + ATTEMPTS + " attempts");
    }

    private static boolean allFree(int first, int count) {
        for (int port = first; port < first + count; port++) {
            if (!isFree(port)) {
                return false;
            }
        }
        return true;
    }

    /** True once some process has bound UDP {@code port} on 127.0.0.1 (a peer is ready to receive). */
    public static boolean isUdpBound(int port) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(loopback(), port))) {
            return !probe.isBound();
        } catch (SocketException e) {
            return true;
        }
    }

    /** True while nothing listens on TCP {@code port} on 127.0.0.1. */
    public static boolean isTcpFree(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(loopback(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean isFree(int port) {
        InetSocketAddress address = new InetSocketAddress(loopback(), port);
        try (DatagramSocket udp = new DatagramSocket(address); ServerSocket tcp = new ServerSocket()) {
            tcp.bind(address);
            return udp.isBound() && tcp.isBound();
        } catch (SocketException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("probing loopback port " + port, e);
        }
    }
}
