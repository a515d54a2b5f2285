package org.hotline.media.rtp;

import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.DefaultAddressedEnvelope;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.hotline.media.AudioClip;
import org.hotline.media.Codec;
import org.hotline.media.MediaSession;
import org.hotline.media.RemoteMedia;
import org.hotline.media.codec.G711;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call's RTP endpoint on Netty: the RTP and RTCP channels of its port pair (pipelines in
 * {@link RtpChannelInitializer}) and the outbound media clock, which from the first
 * {@link #connect} sends one G.711 frame every 20 ms (RFC 3551 §4.5.14): the playing clips, else
 * silence, so the timestamps stay continuous. Clips played before {@code connect} start with the
 * stream's first packet. Packets go to the SDP address until symmetric RTP latches to the peer's
 * actual source ({@link SymmetricRtpHandler}).
 *
 * <p>Threading: the public methods may be called from any thread and never block; they hand their
 * work to the session's event loop, which alone touches the session's state (peer, stream,
 * playout, clock). Listeners and play futures are called on that loop and must not block.
 * Arrival and send times use {@code System.nanoTime()}, the clock of Netty's scheduler; the
 * timing logic itself ({@link MediaClock}, {@link JitterEstimator}) takes times as arguments.
 */
public final class RtpSession implements MediaSession {

    private static final Logger log = LoggerFactory.getLogger(RtpSession.class);

    private final String callId;
    private final EventLoop loop;
    private final BoundPortPair ports;
    private final NioDatagramChannel rtpChannel;
    private final NioDatagramChannel rtcpChannel;
    private final Consumer<RtpSession> onClosed;
    private final RtpCounters counters = new RtpCounters();
    private final ReceptionStatistics reception = new ReceptionStatistics();
    private final AtomicBoolean closing = new AtomicBoolean();
    private final ChannelFutureListener sendFailureListener = this::onSendComplete;
    private volatile Consumer<Character> digitListener = digit -> { };
    private volatile Consumer<RtpPacket> audioListener = packet -> { };

    // Confined to the event loop.
    private final RemotePeer peer = new RemotePeer();
    private final OutboundStream stream;
    private final Playout playout = new Playout();
    private final short[] frame = new short[OutboundStream.SAMPLES_PER_FRAME];
    private boolean started;
    private MediaClock clock;
    private ScheduledFuture<?> nextTick;
    private boolean sending = true;
    private boolean closed;
    private boolean sendFailureLogged;

    RtpSession(String callId, EventLoop loop, BoundPortPair ports, OutboundStream stream,
            Consumer<RtpSession> onClosed) {
        this.callId = callId;
        this.loop = loop;
        this.ports = ports;
        this.stream = stream;
        this.onClosed = onClosed;
        this.rtpChannel = new NioDatagramChannel(ports.rtp());
        this.rtcpChannel = new NioDatagramChannel(ports.rtcp());
        RtpSessionContext context = new RtpSessionContext(callId, peer, counters, reception,
                this::deliverDigit, this::deliverAudio);
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

    /** The SSRC of the stream this session sends. */
    public long ssrc() {
        return stream.ssrc();
    }

    @Override
    public void connect(RemoteMedia remote) {
        Objects.requireNonNull(remote, "remote");
        onLoop(() -> {
            peer.connect(remote);
            if (!started) {
                started = true;
                onTick();
            }
        });
    }

    @Override
    public void setSending(boolean sending) {
        onLoop(() -> this.sending = sending);
    }

    @Override
    public CompletableFuture<Void> play(List<AudioClip> clips) {
        List<AudioClip> copy = List.copyOf(clips);
        if (closing.get()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (!onLoop(() -> {
            if (closed) {
                done.complete(null);
            } else {
                playout.play(copy, done);
            }
        })) {
            done.complete(null);
        }
        return done;
    }

    @Override
    public void stopPlayback() {
        onLoop(playout::stop);
    }

    @Override
    public void setDigitListener(Consumer<Character> listener) {
        digitListener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Receives every inbound audio packet of the negotiated codec from the latched peer, on the
     * event loop (must not block): the hook for relay and recording.
     */
    public void setAudioListener(Consumer<RtpPacket> listener) {
        audioListener = Objects.requireNonNull(listener, "listener");
    }

    public RtpStatistics statistics() {
        return counters.snapshot(reception.packetsLost(), reception.jitterMillis());
    }

    @Override
    public void close() {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        if (!onLoop(this::closeOnLoop)) {
            // The event loop is gone (engine shut down): its channels went with it.
            playout.stop();
            onClosed.accept(this);
        }
    }

    private void closeOnLoop() {
        closed = true;
        if (nextTick != null) {
            nextTick.cancel(false);
        }
        playout.stop();
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

    private void scheduleTick() {
        long delay = clock.nanosUntilNextFrame(System.nanoTime());
        nextTick = loop.schedule(this::onTick, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }

    private void onTick() {
        if (closed) {
            return;
        }
        if (clock == null) {
            emitFrame(true);
            clock = MediaClock.afterFirstFrame(System.nanoTime());
            scheduleTick();
            return;
        }
        MediaClock.Due due = clock.advance(System.nanoTime());
        for (int i = 0; i < due.skipped(); i++) {
            emitFrame(false);
        }
        for (int i = 0; i < due.toSend(); i++) {
            emitFrame(true);
        }
        if (due.skipped() > 0) {
            log.atWarn().addKeyValue("callId", callId).addKeyValue("skippedFrames", due.skipped())
                    .log("RTP event loop stalled; skipped frames instead of bursting");
        }
        scheduleTick();
    }

    private void emitFrame(boolean onTime) {
        boolean audio = playout.nextFrame(frame);
        InetSocketAddress target = peer.target().orElse(null);
        if (onTime && sending && target != null) {
            Codec codec = peer.codec();
            byte[] payload = audio ? G711.encode(codec, frame, 0, frame.length) : G711.silenceFrame(codec);
            RtpPacket packet = stream.next(codec.payloadType(), payload);
            rtpChannel.writeAndFlush(new DefaultAddressedEnvelope<>(packet, target)).addListener(sendFailureListener);
            counters.packetSent();
        } else {
            stream.skipFrame();
        }
        playout.frameSent();
    }

    private void onSendComplete(ChannelFuture future) {
        if (!future.isSuccess()) {
            counters.sendFailed();
            // The first failure of a call is a warning; a dead peer would repeat it every 20 ms.
            (sendFailureLogged ? log.atDebug() : log.atWarn()).addKeyValue("callId", callId)
                    .setCause(future.cause()).log("RTP send failed");
            sendFailureLogged = true;
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
