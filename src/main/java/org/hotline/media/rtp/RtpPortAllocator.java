package org.hotline.media.rtp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ProtocolFamily;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.BitSet;
import org.hotline.media.PortsExhaustedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out RTP/RTCP port pairs from [portMin, portMax]: an even RTP port and the odd port above
 * it (RFC 3550 §11), both bound before the pair is handed out. Pairs are taken round-robin, so a
 * port just returned is reused last and stray packets of the previous call rarely reach the next.
 * A pair that fails to bind (another program holds a port) is skipped for this request and tried
 * again on later turns. The sockets are bound synchronously in the caller's thread (one system
 * call each, no waiting on an event loop).
 *
 * <p>Threading: safe from any thread; bookkeeping is under this object's lock, binding is not.
 */
final class RtpPortAllocator {

    private static final Logger log = LoggerFactory.getLogger(RtpPortAllocator.class);

    private final InetAddress bindAddress;
    private final int portMin;
    private final int portMax;
    private final int firstRtpPort;
    private final int pairCount;
    private final BitSet inUse;
    private int nextPair;

    RtpPortAllocator(InetAddress bindAddress, int portMin, int portMax) {
        this.bindAddress = bindAddress;
        this.portMin = portMin;
        this.portMax = portMax;
        this.firstRtpPort = portMin + (portMin & 1);
        this.pairCount = Math.max(0, (portMax - firstRtpPort + 1) / 2);
        if (pairCount == 0) {
            throw new IllegalArgumentException("RTP port range " + portMin + "-" + portMax
                    + " holds no even/odd port pair");
        }
        this.inUse = new BitSet(pairCount);
    }

    /**
     * @throws PortsExhaustedException when every pair is in use or failed to bind
     * @throws UncheckedIOException when a socket cannot be opened at all
     */
    BoundPortPair allocate() {
        for (int attempt = 0; attempt < pairCount; attempt++) {
            int rtpPort = reserve();
            if (rtpPort < 0) {
                break;
            }
            try {
                return bind(rtpPort);
            } catch (BindException e) {
                release(rtpPort);
                log.atWarn().addKeyValue("rtpPort", rtpPort).addKeyValue("reason", e.getMessage())
                        .log("RTP port pair in use elsewhere; skipped");
            } catch (IOException e) {
                release(rtpPort);
                throw new UncheckedIOException("cannot open RTP sockets on " + bindAddress, e);
            }
        }
        throw new PortsExhaustedException(portMin, portMax);
    }

    synchronized void release(int rtpPort) {
        inUse.clear((rtpPort - firstRtpPort) / 2);
    }

    synchronized int inUse() {
        return inUse.cardinality();
    }

    private synchronized int reserve() {
        for (int i = 0; i < pairCount; i++) {
            int pair = (nextPair + i) % pairCount;
            if (!inUse.get(pair)) {
                inUse.set(pair);
                nextPair = (pair + 1) % pairCount;
                return firstRtpPort + 2 * pair;
            }
        }
        return -1;
    }

    private BoundPortPair bind(int rtpPort) throws IOException {
        DatagramChannel rtp = bindOne(rtpPort, null);
        DatagramChannel rtcp = bindOne(rtpPort + 1, rtp);
        return new BoundPortPair(rtpPort, rtp, rtcp);
    }

    /** Binds a socket; on failure closes it and {@code alsoClose}, keeping close errors as suppressed. */
    private DatagramChannel bindOne(int port, DatagramChannel alsoClose) throws IOException {
        ProtocolFamily family = bindAddress instanceof Inet6Address ? StandardProtocolFamily.INET6
                : StandardProtocolFamily.INET;
        DatagramChannel channel = DatagramChannel.open(family);
        try {
            return channel.bind(new InetSocketAddress(bindAddress, port));
        } catch (IOException e) {
            closeAfterFailure(channel, e);
            if (alsoClose != null) {
                closeAfterFailure(alsoClose, e);
            }
            throw e;
        }
    }

    private static void closeAfterFailure(DatagramChannel channel, IOException failure) {
        try {
            channel.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
