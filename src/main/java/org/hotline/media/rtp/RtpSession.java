package org.hotline.media.rtp;

import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.Future;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.hotline.media.AudioClip;
import org.hotline.media.MediaSession;
import org.hotline.media.RemoteMedia;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's RTP endpoint on Netty: the RTP and RTCP channels of its port pair (pipelines in
 * {@link RtpChannelInitializer}) and what it sends ({@link OutboundMedia}): from the first
 * {@link #connect}, one G.711 frame every 20 ms of the playing clips, else silence, so the
 * timestamps stay continuous; or, while it relays another session ({@link #relayFrom}), that
 * session's inbound packets as they arrive. Clips played before {@code connect} start with the
 * stream's first packet. Packets go to the SDP address until symmetric RTP latches to the peer's
 * actual source ({@link SymmetricRtpHandler}).
 *
 * <p>Relaying, target T and source S: T records S as its source on T's loop, then asks S (on S's
 * loop) to add T to its {@link RelayFeed}; S's {@link RelayTapHandler} hands each packet to T,
 * which hops it onto T's loop ({@link #acceptRelayed}). Stopping undoes it in the same order;
 * packets still in flight from a former source are dropped by T. When S closes it tells its
 * targets, which go back to their own clock.
 *
 * <p>Threading: the public methods may be called from any thread and never block; they hand their
 * work to the session's event loop, which alone touches the session's state (peer, outbound
 * media, relay feed changes). Listeners and play futures are called on that loop and must not
 * block. Arrival and send times use {@code System.nanoTime()}, the clock of Netty's scheduler; the
 * timing logic itself ({@link MediaClock}, {@link JitterEstimator}, {@link RelayStamper}) takes
 * times as arguments.
 */
public final class RtpSession implements MediaSession {

    private static final Logger log = LoggerFactory.getLogger(RtpSession.class);

    private final String callId;
    private final EventLoop loop;
    private final BoundPortPair ports;
    private final NioDatagramChannel rtpChannel;
    private final NioDatagramChannel rtcpChannel;
    private final Consumer<RtpSession> onClosed;
    private final long ssrc;
    private final RtpCounters counters = new RtpCounters();
    private final ReceptionStatistics reception = new ReceptionStatistics();
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Consumer<Character> digitListener = digit -> { };
    private volatile Consumer<RtpPacket> audioListener = packet -> { };
    private final List<Consumer<RtpPacket>> audioTaps = new CopyOnWriteArrayList<>();

    // Confined to the event loop (the feed's target array is also read by tests).
    private final RemotePeer peer = new RemotePeer();
    private final RelayFeed relayFeed = new RelayFeed(this);
    private final OutboundMedia outbound;
    private boolean closed;

    RtpSession(String callId, EventLoop loop, BoundPortPair ports, OutboundStream stream,
            Consumer<RtpSession> onClosed) {
        this.callId = callId;
        this.loop = loop;
        this.ports = ports;
        this.onClosed = onClosed;
        this.rtpChannel = new NioDatagramChannel(ports.rtp());
        this.rtcpChannel = new NioDatagramChannel(ports.rtcp());
        RtpSessionContext context = new RtpSessionContext(callId, peer, counters, reception,
                this::deliverDigit, this::deliverAudio, relayFeed);
        this.outbound = new OutboundMedia(context, loop, rtpChannel, stream);
        this.ssrc = stream.ssrc();
        rtpChannel.pipeline().addLast(RtpChannelInitializer.forRtp(context));
        rtcpChannel.pipeline().addLast(RtpChannelInitializer.forRtcp(context));
        loop.register(rtpChannel).addListener(this::onRegistered);
        loop.register(rtcpChannel).addListener(this::onRegistered);
    }

    public String callId() {
        return callId;
    }

    @Override
    public int localPort() {
        return ports.rtpPort();
    }

    public int localRtcpPort() {
        return ports.rtpPort() + 1;
    }

    /** The loop that runs this session (the engine opens a bridged leg on the same one). */
    EventLoop eventLoop() {
        return loop;
    }

    /** The SSRC of the stream this session sends. */
    public long ssrc() {
        return ssrc;
    }

    @Override
    public void connect(RemoteMedia remote) {
        Objects.requireNonNull(remote, "remote");
        onLoop(() -> {
            peer.connect(remote);
            if (!closed) {
                outbound.start();
            }
        });
    }

    @Override
    public void setSending(boolean sending) {
        onLoop(() -> outbound.setSending(sending));
    }

    @Override
    public CompletableFuture<Void> play(List<AudioClip> clips, boolean loop) {
        List<AudioClip> copy = List.copyOf(clips);
        if (closing.get()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!onLoop(() -> {
            if (closed) {
                done.complete(null);
            } else {
                changeRelaySource(null);
                outbound.play(copy, loop, done);
            }
        })) {
            done.complete(null);
        }
        return done;
    }

    @Override
    public void stopPlayback() {
        onLoop(outbound::stopPlayback);
    }

    /** See {@link MediaSession#relayFrom}; {@code source} must be an {@code RtpSession}. */
    @Override
    public void relayFrom(MediaSession source) {
        RtpSession from = switch (source) {
            case null -> null;
            case RtpSession session -> session;
            default -> throw new IllegalArgumentException("cannot relay from " + source.getClass().getName());
        };
        onLoop(() -> {
            if (!closed) {
                changeRelaySource(from);
            }
        });
    }

    @Override
    public void setDigitListener(Consumer<Character> listener) {
        digitListener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Receives every inbound audio packet of the negotiated codec from the latched peer, on the
     * event loop (must not block): the hook for recording (relaying has its own, {@link #relayFrom}).
     */
    public void setAudioListener(Consumer<RtpPacket> listener) {
        audioListener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Adds a listener of every inbound audio packet beside the one of {@link #setAudioListener}
     * (a caller's message is recorded while the call's own recording may be running, issue 8), on
     * the event loop (must not block), until {@link #removeAudioTap}.
     */
    public void addAudioTap(Consumer<RtpPacket> tap) {
        audioTaps.add(Objects.requireNonNull(tap, "tap"));
    }

    public void removeAudioTap(Consumer<RtpPacket> tap) {
        audioTaps.remove(tap);
    }

    public RtpStatistics statistics() {
        return counters.snapshot(reception.packetsLost(), reception.jitterMillis());
    }

    /** Arrival-to-send delays of the packets this session relayed (from any thread). */
    public RelayDelay relayDelay() {
        return counters.relayDelay().snapshot();
    }

    /** Whether {@code target}'s relay from this session is set up on this side (tests). */
    boolean feedsRelayTo(RtpSession target) {
        return relayFeed.feeds(target);
    }

    /** Called on the source's loop for each packet it relays to this session: hop to ours. */
    void acceptRelayed(RelayedPacket packet) {
        if (loop.inEventLoop()) {
            sendRelayed(packet);
        } else {
            onLoop(() -> sendRelayed(packet));
        }
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (!onLoop(this::closeOnLoop)) {
            // The event loop is gone (engine shut down): its channels went with it.
            outbound.close();
            onClosed.accept(this);
        }
    }

    private void closeOnLoop() {
        closed = true;
        RtpSession source = outbound.relaySource();
        if (source != null) {
            source.removeRelayTarget(this);
        }
        for (RtpSession target : relayFeed.clear()) {
            target.relaySourceClosed(this);
        }
        outbound.close();
        closeChannel(rtcpChannel, () -> closeChannel(rtpChannel, this::returnPortsAfterNextSelect));
    }

    /**
     * Java NIO really closes a socket registered with a selector only at the selector's next select
     * after the key was cancelled, and Netty cancels it in a task after the close. The event loop
     * runs tasks scheduled from a batch only after its next select, so: wait (in scheduled tasks)
     * until both channels are deregistered, then once more; only then can the ports be bound again.
     * A loop that shuts down closes its selector and every socket with it; the engine then returns
     * what is left.
     */
    private void returnPortsAfterNextSelect() {
        if (rtpChannel.isRegistered() || rtcpChannel.isRegistered()) {
            loop.schedule(this::returnPortsAfterNextSelect, 0, TimeUnit.NANOSECONDS);
        } else {
            loop.schedule(() -> onClosed.accept(this), 0, TimeUnit.NANOSECONDS);
        }
    }

    /** A channel whose registration failed was already closed by Netty ({@code closeForcibly}). */
    private static void closeChannel(NioDatagramChannel channel, Runnable then) {
        if (channel.isRegistered()) {
            channel.close().addListener(closed -> then.run());
        } else {
            then.run();
        }
    }

    /** On the loop: relay {@code from} from now on ({@code null}: back to the own clock). */
    private void changeRelaySource(RtpSession from) {
        RtpSession previous = outbound.relaySource();
        if (from == previous) {
            return;
        }
        if (previous != null) {
            previous.removeRelayTarget(this);
            outbound.stopRelay(System.nanoTime());
        }
        if (from != null) {
            outbound.startRelay(from);
            from.addRelayTarget(this);
        }
        log.atDebug().addKeyValue("callId", callId).addKeyValue("relaySource", from == null ? null : from.callId())
                .log(from == null ? "relay stopped" : "relaying");
    }

    private void addRelayTarget(RtpSession target) {
        onLoop(() -> {
            if (closed) {
                target.relaySourceClosed(this);
            } else {
                relayFeed.add(target);
            }
        });
    }

    private void removeRelayTarget(RtpSession target) {
        onLoop(() -> relayFeed.remove(target));
    }

    private void relaySourceClosed(RtpSession source) {
        onLoop(() -> {
            if (!closed && outbound.relaySource() == source) {
                outbound.stopRelay(System.nanoTime());
                log.atInfo().addKeyValue("callId", callId).addKeyValue("relaySource", source.callId())
                        .log("relay source closed; sending the own stream again");
            }
        });
    }

    private void sendRelayed(RelayedPacket packet) {
        try {
            outbound.sendRelayed(packet, System.nanoTime());
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", callId).setCause(e).log("could not relay a packet");
        }
    }

    private void deliverDigit(char digit) {
        try {
            digitListener.accept(digit);
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", callId).setCause(e).log("digit listener failed");
        }
    }

    private void deliverAudio(RtpPacket packet) {
        try {
            audioListener.accept(packet);
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", callId).setCause(e).log("audio listener failed");
        }
        for (Consumer<RtpPacket> tap : audioTaps) {
            try {
                tap.accept(packet);
            } catch (RuntimeException e) {
                log.atError().addKeyValue("callId", callId).setCause(e).log("audio tap failed");
            }
        }
    }

    private void onRegistered(Future<? super Void> registration) {
        if (!registration.isSuccess()) {
            log.atError().addKeyValue("callId", callId).setCause(registration.cause())
                    .log("could not register the RTP channels; closing the session");
            close();
        }
    }

    /** Runs the task on the event loop; false if the loop no longer accepts tasks. */
    private boolean onLoop(Runnable task) {
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            log.atDebug().addKeyValue("callId", callId).log("RTP event loop shut down; request ignored");
            return false;
        }
    }
}
