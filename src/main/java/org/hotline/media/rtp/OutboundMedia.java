package org.hotline.media.rtp;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.DefaultAddressedEnvelope;
import io.netty.channel.EventLoop;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.hotline.media.AudioClip;
import org.hotline.media.Codec;
import org.hotline.media.codec.G711;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one session sends. From the first connect the media clock sends a G.711 frame every 20 ms
 * (RFC 3551 §4.5.14): the playout, else silence. While the session relays another one, the clock
 * runs on until the source's first packet arrives, then is suspended: each relayed packet is sent
 * as it arrives, restamped by {@link RelayStamper}, with no buffering. When the relay ends the
 * clock takes over again at the timestamp the relayed stream reached plus the time since, its
 * first frame due when the relayed stream's next one would have been, with the marker bit.
 *
 * <p>Threading: confined to the session's event loop. Send times use {@code System.nanoTime()},
 * the clock of Netty's scheduler.
 */
final class OutboundMedia {

    private static final Logger log = LoggerFactory.getLogger(OutboundMedia.class);

    private final RtpSessionContext session;
    private final EventLoop loop;
    private final Channel channel;
    private final OutboundStream stream;
    private final RelayStamper stamper;
    private final Playout playout = new Playout();
    private final short[] frame = new short[OutboundStream.SAMPLES_PER_FRAME];
    private final ChannelFutureListener sendFailureListener = this::onSendComplete;
    private MediaClock clock;
    private ScheduledFuture<?> nextTick;
    private boolean started;
    private boolean sending = true;
    private boolean closed;
    private boolean sendFailureLogged;
    private RtpSession relaySource;
    private boolean clockSuspended;

    OutboundMedia(RtpSessionContext session, EventLoop loop, Channel channel, OutboundStream stream) {
        this.session = session;
        this.loop = loop;
        this.channel = channel;
        this.stream = stream;
        this.stamper = new RelayStamper(stream);
    }

    /** The peer is known (first connect): the clock starts with the stream's first packet. */
    void start() {
        if (!started) {
            started = true;
            onTick();
        }
    }

    void setSending(boolean sending) {
        this.sending = sending;
    }

    void play(List<AudioClip> clips, boolean loop, CompletableFuture<Void> done) {
        playout.play(clips, loop, done);
    }

    void stopPlayback() {
        playout.stop();
    }

    /** The session whose packets this one sends, or {@code null}. */
    RtpSession relaySource() {
        return relaySource;
    }

    /** Sends {@code source}'s packets from its next one on; the playout ends now. */
    void startRelay(RtpSession source) {
        relaySource = source;
        stamper.reset();
        playout.stop();
    }

    /** Back to the media clock, continuing the relayed stream's timestamps. */
    void stopRelay(long nowNanos) {
        relaySource = null;
        if (clockSuspended) {
            clockSuspended = false;
            stream.resumeAt(stamper.timestampAt(nowNanos));
            clock = new MediaClock(Math.max(nowNanos, stamper.nextDueNanos()));
            scheduleTick();
        }
    }

    /** Sends a packet of the relay source at once, or drops it (counted). */
    void sendRelayed(RelayedPacket relayed, long nowNanos) {
        RtpCounters counters = session.counters();
        counters.relayPacketIn();
        RemotePeer peer = session.peer();
        InetSocketAddress target = peer.target().orElse(null);
        RelayDrops.Reason refusal = refusal(relayed, peer, target);
        if (refusal != null) {
            counters.relayDropped(refusal);
            if (clockSuspended) {
                stream.interrupt();
            }
            return;
        }
        long anchorTimestamp = clockSuspended ? stamper.timestampAt(nowNanos) : stream.nextTimestamp();
        Optional<RtpPacket> packet = stamper.stamp(relayed, peer, anchorTimestamp, nowNanos);
        if (packet.isEmpty()) {
            counters.relayDropped(RelayDrops.Reason.EVENT_NOT_NEGOTIATED);
            return;
        }
        if (!clockSuspended) {
            suspendClock();
        }
        // Counted before the write: once the packet is on the wire, the statistics already show it.
        counters.relayPacketOut();
        write(packet.get(), target);
        counters.relayDelay().record(System.nanoTime() - relayed.arrivalNanos());
    }

    /** Why {@code relayed} cannot be sent now, or {@code null} when it can. */
    private RelayDrops.Reason refusal(RelayedPacket relayed, RemotePeer peer, InetSocketAddress target) {
        if (closed) {
            return RelayDrops.Reason.TARGET_CLOSED;
        }
        if (relaySource == null || relayed.source() != relaySource) {
            return RelayDrops.Reason.NOT_RELAYING;
        }
        if (!peer.isConnected() || target == null) {
            return RelayDrops.Reason.NO_PEER;
        }
        return sending ? null : RelayDrops.Reason.HELD;
    }

    void close() {
        closed = true;
        relaySource = null;
        if (nextTick != null) {
            nextTick.cancel(false);
        }
        playout.stop();
    }

    private void suspendClock() {
        clockSuspended = true;
        clock = null;
        if (nextTick != null) {
            nextTick.cancel(false);
            nextTick = null;
        }
    }

    private void scheduleTick() {
        long delay = clock.nanosUntilNextFrame(System.nanoTime());
        nextTick = loop.schedule(this::onTick, Math.max(0, delay), TimeUnit.NANOSECONDS);
    }

    private void onTick() {
        if (closed || clockSuspended) {
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
            log.atWarn().addKeyValue("callId", session.callId()).addKeyValue("skippedFrames", due.skipped())
                    .log("RTP event loop stalled; skipped frames instead of bursting");
        }
        scheduleTick();
    }

    private void emitFrame(boolean onTime) {
        boolean audio = playout.nextFrame(frame);
        InetSocketAddress target = session.peer().target().orElse(null);
        if (onTime && sending && target != null) {
            Codec codec = session.peer().codec();
            byte[] payload = audio ? G711.encode(codec, frame, 0, frame.length) : G711.silenceFrame(codec);
            write(stream.next(codec.payloadType(), payload), target);
        } else {
            stream.skipFrame();
        }
        playout.frameSent();
    }

    private void write(RtpPacket packet, InetSocketAddress target) {
        channel.writeAndFlush(new DefaultAddressedEnvelope<>(packet, target)).addListener(sendFailureListener);
        session.counters().packetSent();
    }

    private void onSendComplete(ChannelFuture future) {
        if (!future.isSuccess()) {
            session.counters().sendFailed();
            // The first failure of a call is a warning; a dead peer would repeat it every 20 ms.
            (sendFailureLogged ? log.atDebug() : log.atWarn()).addKeyValue("callId", session.callId())
                    .setCause(future.cause()).log("RTP send failed");
            sendFailureLogged = true;
        }
    }
}
