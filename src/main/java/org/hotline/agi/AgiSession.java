package org.hotline.agi;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.command.AgiCommand;
import org.asteriskjava.fastagi.reply.AgiReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FastAGI connection: the request Asterisk opened it with and the command pipeline. AGI is
 * strictly one command at a time (res_agi.c {@code run_agi} reads a line, runs it, writes its
 * reply), so {@link #send} queues: the next command is written when the previous reply arrives.
 * A command still queued can be withdrawn ({@link #withdraw}); one written cannot. The session is
 * hung up on a {@code HANGUP} notice, a 511 reply or the socket's end; a closed socket fails every
 * pending command with {@link AgiSessionClosedException}. There is deliberately no read timeout:
 * a call may last hours with no AGI traffic while bridged.
 *
 * <p>Threading: {@link #send}, {@link #withdraw} and {@link #close} from any thread (the call's
 * virtual thread, the ACD's); the {@code on*} methods on the channel's event loop. State is guarded
 * by {@code lock}; writes happen outside it, futures complete outside it.
 */
public final class AgiSession {

    private static final Logger log = LoggerFactory.getLogger(AgiSession.class);

    private final Channel channel;
    private final AgiRequest request;
    private final String id;
    private final ReentrantLock lock = new ReentrantLock();
    private final Deque<Pending> queued = new ArrayDeque<>();
    private final CompletableFuture<HangupCause> hungUp = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private Pending inFlight;
    private boolean ended;

    private record Pending(AgiCommand command, CompletableFuture<AgiReply> reply) {}

    /** How the session learnt that its channel is gone. */
    public enum HangupCause {
        /** Asterisk's {@code HANGUP} line. */
        NOTICE,
        /** A 511 reply: the channel was dead when the command arrived. */
        DEAD_CHANNEL,
        /** The connection ended (Asterisk closed it, or it was reset) without a notice. */
        CONNECTION_CLOSED
    }

    AgiSession(Channel channel, AgiRequest request) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.request = Objects.requireNonNull(request, "request");
        this.id = request.getUniqueId() == null ? "unknown" : request.getUniqueId();
    }

    public AgiRequest request() {
        return request;
    }

    /** Asterisk's channel unique id ({@code agi_uniqueid}): the call id of an AGI call. */
    public String id() {
        return id;
    }

    /** Queues {@code command}; the future completes with its reply, or fails with {@link AgiSessionClosedException}. */
    public CompletableFuture<AgiReply> send(AgiCommand command) {
        Pending pending = new Pending(command, new CompletableFuture<>());
        boolean writeNow;
        lock.lock();
        try {
            if (ended) {
                pending.reply().completeExceptionally(new AgiSessionClosedException(id));
                return pending.reply();
            }
            writeNow = inFlight == null;
            if (writeNow) {
                inFlight = pending;
            } else {
                queued.addLast(pending);
            }
        } finally {
            lock.unlock();
        }
        if (writeNow) {
            write(pending);
        }
        return pending.reply();
    }

    /** Takes back a command not yet written (its future is cancelled); false once written (its reply will come). */
    public boolean withdraw(CompletableFuture<AgiReply> reply) {
        lock.lock();
        try {
            if (!queued.removeIf(p -> p.reply() == reply)) {
                return false;
            }
        } finally {
            lock.unlock();
        }
        reply.cancel(false);
        return true;
    }

    /** Completes once the channel hung up (HANGUP notice, 511, or the connection's end), with the first cause seen. */
    public CompletableFuture<HangupCause> hungUp() {
        return hungUp;
    }

    /** Completes once the connection is closed. */
    public CompletableFuture<Void> closed() {
        return closed;
    }

    public boolean isHungUp() {
        return hungUp.isDone();
    }

    /** Ends the script: closes the socket, and Asterisk continues the dialplan after {@code AGI()}. */
    public void close() {
        channel.close();
    }

    // --- from the channel's event loop ---

    void onReply(AgiReply reply) {
        Pending answered;
        Pending next;
        lock.lock();
        try {
            answered = inFlight;
            next = queued.pollFirst();
            inFlight = next;
        } finally {
            lock.unlock();
        }
        if (reply.getStatus() == AgiReply.SC_DEAD_CHANNEL) {
            hungUp.complete(HangupCause.DEAD_CHANNEL);
        }
        if (answered == null) {
            log.atWarn().addKeyValue("callId", id).addKeyValue("reply", reply.getFirstLine())
                    .log("AGI reply without a command in flight; ignored");
        } else {
            answered.reply().complete(reply);
        }
        if (next != null) {
            write(next);
        }
    }

    void onHangupNotice() {
        hungUp.complete(HangupCause.NOTICE);
    }

    void onClosed() {
        Deque<Pending> failed = new ArrayDeque<>();
        lock.lock();
        try {
            ended = true;
            if (inFlight != null) {
                failed.add(inFlight);
                inFlight = null;
            }
            failed.addAll(queued);
            queued.clear();
        } finally {
            lock.unlock();
        }
        hungUp.complete(HangupCause.CONNECTION_CLOSED);
        failed.forEach(p -> p.reply().completeExceptionally(new AgiSessionClosedException(id)));
        closed.complete(null);
    }

    private void write(Pending pending) {
        log.atDebug().addKeyValue("callId", id).log("AGI >> {}", pending.command().buildCommand());
        channel.writeAndFlush(pending.command()).addListener((ChannelFutureListener) future -> {
            if (!future.isSuccess()) {
                log.atWarn().addKeyValue("callId", id).setCause(future.cause()).log("AGI write failed; closing the session");
                future.channel().close();
            }
        });
    }

    @Override
    public String toString() {
        return "AgiSession[" + id + ", " + request.getScript() + "]";
    }
}
