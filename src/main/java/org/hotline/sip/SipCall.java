package org.hotline.sip;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.call.AgentOffer;
import org.hotline.call.AgentOfferListener;
import org.hotline.call.AudioTap;
import org.hotline.call.Announcement;
import org.hotline.call.CallControl;
import org.hotline.call.CallHungUpException;
import org.hotline.call.CallInfo;
import org.hotline.call.EndReason;
import org.hotline.call.Playback;
import org.hotline.call.PlaybackResult;
import org.hotline.call.QueueOutcome;
import org.hotline.call.QueueRequest;
import org.hotline.call.TransferOutcome;
import org.hotline.event.CallEvent;
import java.util.function.Consumer;
import org.hotline.media.MediaSession;
import org.hotline.media.rtp.RtpPacket;
import org.hotline.media.rtp.RtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One caller's INVITE dialog on the standalone front, seen by the call flow as a
 * {@link CallControl}. Lifecycle in {@link CallState}. Stack threads deliver the dialog's requests
 * and responses ({@code on*} methods, which never block); the call's virtual thread runs the
 * blocking {@link CallControl} methods, the ACD's executor the non-blocking ones (background
 * playback, hang-up notice, agent offers). State is guarded by {@code lock}; no I/O is done while
 * holding it. Exactly one {@link CallEvent.Ended} is emitted, by whichever side ends the call
 * first; the same end runs the {@link EndActions} (agent offers cancelled, agent legs hung up,
 * hang-up notices).
 */
public final class SipCall implements CallControl, DialogEndpoint {

    private static final Logger log = LoggerFactory.getLogger(SipCall.class);

    private final SipCallContext ctx;
    private final CallInfo info;
    private final String callerDisplay;
    private final CallMedia media;
    private final CallerAudio audio;
    private final CompletableFuture<EndReason> ended = new CompletableFuture<>();
    private final CompletableFuture<Void> acked = new CompletableFuture<>();
    private final CompletableFuture<Void> byeDone = new CompletableFuture<>();
    private final CallDialog signalling;
    private final ReentrantLock lock = new ReentrantLock();
    private final EndActions endActions;
    private final CallerSide side;
    private CallState state = CallState.RINGING;
    private volatile Instant ringingStartedAt;
    private volatile ReferTransfer transfer;

    /** {@code callerDisplay} is the From display name, or null (shown to the agent on offers). */
    SipCall(SipCallContext ctx, CallInfo info, String callerDisplay, ServerTransaction inviteTx, String toTag,
            CallMedia media) {
        this.ctx = ctx;
        this.info = info;
        this.callerDisplay = callerDisplay;
        this.media = media;
        this.endActions = new EndActions(info.callId());
        this.audio = new CallerAudio(info.callId(), media.session(), ctx.prompts(), ended);
        this.side = new CallerSide(info.callId(), info.caller(), Optional.ofNullable(callerDisplay), media.session(),
                ended, endActions);
        Dialog dialog = inviteTx.getDialog();
        this.signalling = new CallDialog(ctx, this, inviteTx, dialog, toTag);
        media.session().setDigitListener(this::onDigit);
        if (dialog != null) {
            dialog.setApplicationData(this);
        }
    }

    static String callIdOf(Message message) {
        CallIdHeader h = message == null ? null : (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        return h == null ? "unknown" : h.getCallId();
    }

    @Override
    public CallInfo info() {
        return info;
    }

    @Override
    public String callId() {
        return info.callId();
    }

    // ---- set-up, on the stack thread that received the INVITE

    /** Ringing starts (rule R1 measures from here): emits Offered. Call before registering. */
    void offer() {
        ringingStartedAt = ctx.clock().instant();
        emit(new CallEvent.Offered(info.callId(), ringingStartedAt, info.caller(), info.dialledNumber(),
                info.front().name()));
        log.atInfo().addKeyValue("callId", info.callId()).addKeyValue("caller", info.caller())
                .addKeyValue("dialled", info.dialledNumber()).log("call offered, ringing");
    }

    /** Sends 180 Ringing; false if the call already ended (CANCEL raced us). */
    boolean ring() {
        if (state() != CallState.RINGING) {
            return false;
        }
        signalling.sendInviteResponse(Response.RINGING, null);
        return state() == CallState.RINGING;
    }

    // ---- CallControl, on the call's virtual thread

    @Override
    public void answer() {
        ensureLive();
        if (state() != CallState.RINGING) {
            return;
        }
        Duration wait = Duration.between(ctx.clock().instant(), ringingStartedAt.plus(ctx.ringDelay()));
        if (awaitQuietly(ended, wait)) {
            throw hungUp();
        }
        if (!transition(EnumSet.of(CallState.RINGING), CallState.ANSWERING)) {
            ensureLive();
            return;
        }
        signalling.sendInviteResponse(Response.OK, media.sdpForAnswer(signalling.inviteCseq()));
        media.startIfNegotiated();
        Instant at = ctx.clock().instant();
        emit(new CallEvent.Answered(info.callId(), at));
        log.atInfo().addKeyValue("callId", info.callId())
                .addKeyValue("ringMs", Duration.between(ringingStartedAt, at).toMillis()).log("call answered");
    }

    @Override
    public PlaybackResult play(Announcement announcement) {
        ensureLive();
        return audio.play(announcement);
    }

    @Override
    public Optional<Character> awaitDigit(Duration timeout) {
        ensureLive();
        return audio.awaitDigit(timeout);
    }

    @Override
    public void clearDigits() {
        audio.clearDigits();
    }

    @Override
    public QueueOutcome handToQueue(QueueRequest request) {
        ensureLive();
        return ctx.queues().enqueue(this, request);
    }

    @Override
    public TransferOutcome transfer(String targetUri) {
        ensureLive();
        awaitAckIfAnswering();
        if (state() != CallState.CONNECTED) {
            log.atWarn().addKeyValue("callId", info.callId()).log("transfer refused: call not connected");
            return TransferOutcome.FAILED;
        }
        ReferTransfer attempt = new ReferTransfer(targetUri);
        transfer = attempt;
        if (!signalling.sendRefer(targetUri)) {
            attempt.fail();
        }
        boolean decided = awaitQuietly(CompletableFuture.anyOf(attempt.outcome(), ended),
                ctx.tuning().transferTimeout());
        if (attempt.outcome().getNow(false)) {
            return TransferOutcome.TRANSFERRED;
        }
        attempt.fail();
        ensureLive();
        emit(new CallEvent.TransferAttempted(info.callId(), ctx.clock().instant(), targetUri, false));
        log.atWarn().addKeyValue("callId", info.callId()).addKeyValue("target", targetUri)
                .addKeyValue("timedOut", !decided).log("transfer failed, caller still connected");
        return TransferOutcome.FAILED;
    }

    @Override
    public Playback startPlayback(Announcement announcement, boolean loop) {
        return audio.startPlayback(announcement, loop);
    }

    /** Runs {@code action} once when the call ends, whichever side ends it (at once if it has). */
    @Override
    public void whenHungUp(Runnable action) {
        endActions.add(action);
    }

    @Override
    public AgentOffer offerAgent(String workNumber, AgentOfferListener listener) {
        return AgentOfferAttempt.start(ctx, side(), workNumber, listener);
    }

    /** Rules R9, R19, R20: the caller's audio for a message, beside any other listener of it. */
    @Override
    public AudioTap tapCallerAudio(Consumer<RtpPacket> tap) {
        ensureLive();
        if (!(media.session() instanceof RtpSession rtp)) {
            throw new UnsupportedOperationException("media session " + media.session() + " cannot be tapped");
        }
        rtp.addAudioTap(tap);
        return () -> rtp.removeAudioTap(tap);
    }

    @Override
    public void hangup(EndReason reason) {
        CallState now = state();
        if (now == CallState.RINGING && end(EnumSet.of(CallState.RINGING), reason)) {
            signalling.sendInviteResponse(Response.TEMPORARILY_UNAVAILABLE, null);
            byeDone.complete(null);
            return;
        }
        if (now == CallState.ANSWERING) {
            awaitAckIfAnswering();
        }
        if (end(EnumSet.of(CallState.ANSWERING, CallState.CONNECTED), reason)) {
            signalling.sendBye(byeDone);
        }
    }

    /** RFC 3261 §15: no BYE (nor other request) before the ACK of our 2xx, or until its retransmissions stop. */
    private void awaitAckIfAnswering() {
        if (state() == CallState.ANSWERING) {
            awaitQuietly(CompletableFuture.anyOf(acked, ended), ctx.tuning().ackWait());
        }
    }

    // ---- in-dialog events, on stack threads (never block)

    @Override
    public void onCancel(ServerTransaction cancelTx) {
        signalling.respond(cancelTx, Response.OK);
        if (end(EnumSet.of(CallState.RINGING), EndReason.CANCELLED)) {
            signalling.sendInviteResponse(Response.REQUEST_TERMINATED, null);
            byeDone.complete(null);
        }
    }

    @Override
    public void onAck(Request ack) {
        transition(EnumSet.of(CallState.ANSWERING), CallState.CONNECTED);
        if (media.awaitingAnswerIn(CallDialog.cseq(ack))) {
            signalling.acceptAnswerFromAck(media, ack);
        }
        acked.complete(null);
    }

    @Override
    public void onBye(ServerTransaction byeTx) {
        // end before the 200: the 200 terminates the dialog, whose event must find the call ended
        end(EnumSet.of(CallState.ANSWERING, CallState.CONNECTED), EndReason.CALLER_HANGUP);
        signalling.respond(byeTx, Response.OK);
        byeDone.complete(null);
    }

    /**
     * RFC 3261 §14.2: while our 2xx is not yet sent a re-INVITE gets 500 with Retry-After; while an
     * offer of ours awaits its answer, 491. After our 2xx (even before its ACK, which may be
     * overtaken on a re-entrant listener) the offer is answered.
     */
    @Override
    public void onReInvite(ServerTransaction tx, Request reInvite) {
        CallState now = state();
        if (now == CallState.RINGING || now == CallState.ENDED) {
            signalling.rejectReInviteForNow(tx);
        } else if (media.awaitingAnswer()) {
            signalling.respond(tx, Response.REQUEST_PENDING);
        } else {
            signalling.answerReInvite(tx, reInvite, media);
        }
    }

    @Override
    public void onInfo(ServerTransaction tx, Request infoRequest) {
        signalling.onInfo(tx, infoRequest, this::onDigit);
    }

    @Override
    public void onNotify(ServerTransaction tx, Request notify) {
        signalling.respond(tx, Response.OK);
        ReferTransfer attempt = transfer;
        int status = ReferTransfer.sipfragStatus(CallDialog.body(notify));
        if (attempt == null || !attempt.onSipfrag(status)) {
            return;
        }
        boolean succeeded = attempt.outcome().join();
        if (succeeded) {
            emit(new CallEvent.TransferAttempted(info.callId(), ctx.clock().instant(), attempt.target(), true));
            log.atInfo().addKeyValue("callId", info.callId()).addKeyValue("target", attempt.target())
                    .log("transfer accepted, leaving the call");
            if (end(EnumSet.of(CallState.CONNECTED), EndReason.TRANSFERRED)) {
                signalling.sendBye(byeDone);
            }
        }
    }

    /** Callers may not transfer us anywhere. */
    @Override
    public void onRefer(ServerTransaction tx, Request refer) {
        signalling.respond(tx, Response.FORBIDDEN);
    }

    @Override
    public void onResponse(ClientTransaction ct, Response response) {
        String method = ct.getRequest().getMethod();
        if (Request.REFER.equals(method)) {
            onReferResponse(response.getStatusCode());
        } else if (Request.BYE.equals(method) && response.getStatusCode() >= 200) {
            byeDone.complete(null);
        }
    }

    @Override
    public void onMediaFailure() {
        hangup(EndReason.FAILURE);
    }

    private void onReferResponse(int status) {
        ReferTransfer attempt = transfer;
        if (attempt != null) {
            attempt.onReferResponse(status);
        }
    }

    @Override
    public void onClientTimeout(ClientTransaction ct) {
        if (Request.REFER.equals(ct.getRequest().getMethod())) {
            onReferResponse(Response.REQUEST_TIMEOUT);
        } else {
            byeDone.complete(null);
        }
    }

    /**
     * The stack gave up on the dialog before it was confirmed (e.g. our 2xx was never ACKed,
     * RFC 3261 §13.3.1.4). A confirmed dialog ends by BYE, which the BYE paths handle.
     */
    @Override
    public void onDialogTerminated() {
        end(EnumSet.of(CallState.RINGING, CallState.ANSWERING), EndReason.FAILURE);
        byeDone.complete(null);
    }

    void onDigit(char digit) {
        audio.onDigit(digit);
    }

    // ---- for SipFront and the agent legs of this call

    boolean isEnded() {
        return ended.isDone();
    }

    CompletableFuture<EndReason> ended() {
        return ended;
    }

    EndActions endActions() {
        return endActions;
    }

    MediaSession mediaSession() {
        return media.session();
    }

    /** This caller as the agent legs bridged with it see it. */
    CallerSide side() {
        return side;
    }

    /** The caller's From display name, if any. */
    Optional<String> callerDisplay() {
        return Optional.ofNullable(callerDisplay);
    }

    CompletableFuture<Void> byeDone() {
        return byeDone;
    }

    // ---- state

    CallState state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    private boolean transition(Set<CallState> from, CallState to) {
        lock.lock();
        try {
            if (!from.contains(state)) {
                return false;
            }
            state = state.to(to);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Ends the call if it is in one of {@code from}: releases media, emits the one Ended. */
    private boolean end(Set<CallState> from, EndReason reason) {
        if (!transition(from, CallState.ENDED)) {
            return false;
        }
        ended.complete(reason);
        endActions.runAll();
        media.session().close();
        audio.close();
        ctx.calls().remove(this);
        emit(new CallEvent.Ended(info.callId(), ctx.clock().instant(), reason));
        log.atInfo().addKeyValue("callId", info.callId()).addKeyValue("reason", reason).log("call ended");
        return true;
    }

    private void ensureLive() {
        if (ended.isDone()) {
            throw hungUp();
        }
    }

    private CallHungUpException hungUp() {
        return new CallHungUpException(info.callId());
    }

    private void emit(CallEvent event) {
        ctx.events().onEvent(event);
    }

    /** Waits for {@code future} up to {@code timeout}; true if it completed. */
    private boolean awaitQuietly(CompletableFuture<?> future, Duration timeout) {
        try {
            return Waits.await(future, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting on call " + info.callId(), e);
        }
    }

}
