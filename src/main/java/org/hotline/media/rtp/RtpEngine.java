package org.hotline.media.rtp;

import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.hotline.config.RtpConfig;
import org.hotline.media.MediaEngine;
import org.hotline.media.MediaSession;
import org.hotline.media.PortsExhaustedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RTP side of the standalone front: one Netty NIO event loop group for every call's RTP and
 * RTCP channels, and the port pair allocator. {@link #open} binds a pair and starts an
 * {@link RtpSession}; the session returns its ports once its channels are closed.
 *
 * <p>NIO rather than native epoll: the sockets are bound by {@link RtpPortAllocator} in the
 * caller's thread and then handed to Netty, which only its NIO transport accepts; at 50 packets a
 * second per call the transport is not the bottleneck.
 *
 * <p>Threading: {@link #open} and {@link #sessionsInUse} from any thread; {@link #close} blocks
 * (bounded) and must not be called from an event loop.
 */
public final class RtpEngine implements MediaEngine {

    private static final Logger log = LoggerFactory.getLogger(RtpEngine.class);

    static final Duration SHUTDOWN_QUIET_PERIOD = Duration.ZERO;
    static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(2);
    static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(5);

    private final RtpPortAllocator ports;
    private final EventLoopGroup group;
    private final RandomGenerator random;
    private final Object randomLock = new Object();
    private final Set<RtpSession> sessions = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final RtpSessionListener listener;
    private final RtpTotalsAccumulator totals = new RtpTotalsAccumulator();

    /** Production engine: SSRCs, sequence numbers and timestamps from a {@link SecureRandom} (RFC 3550 §5.1). */
    public RtpEngine(RtpConfig config) {
        this(config, new SecureRandom());
    }

    /** A production engine that tells {@code listener} each session's statistics when it closes. */
    public RtpEngine(RtpConfig config, RtpSessionListener listener) {
        this(config, new SecureRandom(), listener);
    }

    /**
     * @param random source of each session's SSRC, initial sequence number and timestamp (seeded in
     *     tests); used under a lock, so it need not be thread-safe
     * @throws IllegalArgumentException if the bind address is not local or the port range is invalid
     */
    public RtpEngine(RtpConfig config, RandomGenerator random) {
        this(config, random, RtpSessionListener.NONE);
    }

    /**
     * @param random   as {@link #RtpEngine(RtpConfig, RandomGenerator)}
     * @param listener told each session's final statistics when it closes
     */
    public RtpEngine(RtpConfig config, RandomGenerator random, RtpSessionListener listener) {
        Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
        this.listener = Objects.requireNonNull(listener, "listener");
        if (config.portMin() < 1 || config.portMax() > 0xFFFF || config.portMin() > config.portMax()) {
            throw new IllegalArgumentException("invalid RTP port range " + config.portMin() + "-" + config.portMax());
        }
        if (config.eventLoopThreads() < 0) {
            throw new IllegalArgumentException("eventLoopThreads must be >= 0: " + config.eventLoopThreads());
        }
        this.ports = new RtpPortAllocator(localAddress(config.bindAddress()), config.portMin(), config.portMax());
        int threads = config.eventLoopThreads() == 0
                ? Runtime.getRuntime().availableProcessors() : config.eventLoopThreads();
        this.group = new NioEventLoopGroup(threads, new DefaultThreadFactory("hotline-rtp", true));
        log.atInfo().addKeyValue("bindAddress", config.bindAddress()).addKeyValue("portMin", config.portMin())
                .addKeyValue("portMax", config.portMax()).addKeyValue("eventLoopThreads", threads)
                .log("RTP engine started");
    }

    /**
     * Binds the next free port pair and starts its session (not yet sending: see
     * {@link RtpSession#connect}) on the group's next event loop, in turn.
     *
     * @throws PortsExhaustedException when no pair is free
     * @throws IllegalStateException after {@link #close}
     */
    @Override
    public RtpSession open(String callId) {
        return open(callId, group.next());
    }

    /**
     * Binds the next free port pair and starts its session on the event loop of {@code near}, if
     * that is an open session of this engine (else as {@link #open(String)}): relaying between the
     * two then runs in one pass of one thread. Loops stay balanced as far as the {@code near}
     * sessions were, each bridged pair counting twice on its loop.
     *
     * @throws PortsExhaustedException when no pair is free
     * @throws IllegalStateException after {@link #close}
     */
    @Override
    public RtpSession open(String callId, MediaSession near) {
        if (near instanceof RtpSession session && sessions.contains(session)) {
            return open(callId, session.eventLoop());
        }
        return open(callId);
    }

    private RtpSession open(String callId, EventLoop loop) {
        Objects.requireNonNull(callId, "callId");
        if (closed.get()) {
            throw new IllegalStateException("RTP engine is closed");
        }
        BoundPortPair pair = ports.allocate();
        OutboundStream stream;
        synchronized (randomLock) {
            stream = OutboundStream.random(random);
        }
        RtpSession session = new RtpSession(callId, loop, pair, stream, this::onSessionClosed);
        sessions.add(session);
        totals.opened();
        log.atDebug().addKeyValue("callId", callId).addKeyValue("rtpPort", pair.rtpPort()).log("RTP session opened");
        return session;
    }

    @Override
    public int sessionsInUse() {
        return ports.inUse();
    }

    /** The live statistics of every open session (the metrics' gauges); any thread. */
    public List<RtpStatistics> openSessionStatistics() {
        return sessions.stream().map(RtpSession::statistics).toList();
    }

    /** Whether sessions can be opened: not closed, event loops running (the health check's RTP component). */
    public boolean running() {
        return !closed.get() && !group.isShuttingDown();
    }

    /** Every session's counters since the engine started, closed sessions included (any thread). */
    public RtpTotals totals() {
        return totals.totals(sessions);
    }

    /** Closes every session, then stops the event loops, waiting at most {@link #SHUTDOWN_WAIT}. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        sessions.forEach(RtpSession::close);
        boolean terminated = group.shutdownGracefully(SHUTDOWN_QUIET_PERIOD.toMillis(), SHUTDOWN_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS).awaitUninterruptibly(SHUTDOWN_WAIT.toMillis());
        if (terminated) {
            // Sessions whose last step was cut by the shutdown: their sockets closed with the loops.
            sessions.forEach(this::onSessionClosed);
            log.info("RTP engine stopped");
        } else {
            log.atWarn().addKeyValue("waitedMs", SHUTDOWN_WAIT.toMillis()).log("RTP event loops did not stop in time");
        }
    }

    /** Returns the session's ports, once: a port pair may already serve the next call. */
    private void onSessionClosed(RtpSession session) {
        if (!totals.close(session, sessions)) {
            return;
        }
        ports.release(session.localPort());
        log.atDebug().addKeyValue("callId", session.callId()).addKeyValue("rtpPort", session.localPort())
                .log("RTP session closed, ports returned");
        try {
            listener.sessionClosed(session.statistics());
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", session.callId()).setCause(e).log("RTP session listener failed");
        }
    }

    private static InetAddress localAddress(String bindAddress) {
        try {
            InetAddress address = InetAddress.getByName(Objects.requireNonNull(bindAddress, "bindAddress"));
            if (!address.isAnyLocalAddress() && NetworkInterface.getByInetAddress(address) == null) {
                throw new IllegalArgumentException("RTP bind address " + bindAddress + " is not a local address");
            }
            return address;
        } catch (UnknownHostException | SocketException e) {
            throw new IllegalArgumentException("invalid RTP bind address " + bindAddress, e);
        }
    }
}
