package org.hotline.sip;

import java.text.ParseException;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.call.AgentOffer;
import org.hotline.call.AgentOfferListener;
import org.hotline.call.Announcement;
import org.hotline.call.CallHungUpException;
import org.hotline.call.CallInfo;
import org.hotline.call.EndReason;
import org.hotline.call.OutboundCall;
import org.hotline.call.Playback;
import org.hotline.call.PlaybackResult;
import org.hotline.call.QueueOutcome;
import org.hotline.call.QueueRequest;
import org.hotline.call.TransferOutcome;
import org.hotline.media.MediaSession;
import org.hotline.sip.sdp.SdpRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call Hotline places through the trunk (rules R12, R19): our INVITE with the hotline's caller ID
 * ({@link TrunkRequests}), its answer to a 401/407 ({@link DigestClient}, at most twice), ringing up
 * to the trunk's ring timeout, then CANCEL (RFC 3261 §9.1); once answered, the same
 * {@link org.hotline.call.CallControl} a caller's call is (prompts, digits, queue, agent legs) and
 * a {@link CallerSide} an agent leg can be bridged with, even before dialling. Lifecycle in
 * {@link TrunkCallState}. Emits no call events: its owner (a callback, a forwarding) reports it.
 *
 * <p>Threading: one virtual thread drives the {@code OutboundCall} methods; stack threads deliver
 * responses and in-dialog requests ({@code on*}, never blocking); any thread may hang up. The
 * state is guarded by {@code lock}; no I/O is done while holding it.
 */
public final class TrunkCall implements OutboundCall, DialogEndpoint {

    private static final Logger log = LoggerFactory.getLogger(TrunkCall.class);

    private final SipCallContext ctx;
    private final TrunkRoute route;
    private final CallInfo info;
    private final CallMedia media;
    private final CallerAudio audio;
    private final EndActions endActions;
    private final CallerSide side;
    private final CompletableFuture<EndReason> ended = new CompletableFuture<>();
    private final CompletableFuture<Void> answered = new CompletableFuture<>();
    private final CompletableFuture<Void> byeDone = new CompletableFuture<>();
    private final ReentrantLock lock = new ReentrantLock();
    private TrunkCallState state = TrunkCallState.PREPARED;
    private DialResult result;
    private final TrunkDial invites;
    private volatile String sipCallId = "";
    private volatile CallDialog signalling;

    TrunkCall(SipCallContext ctx, TrunkRoute route, CallInfo info, MediaSession session) {
        this.ctx = ctx;
        this.route = route;
        this.info = info;
        this.media = new CallMedia(session, ctx.negotiator(), ctx.messaging().advertisedAddress(),
                ctx.clock().millis(), null);
        this.endActions = new EndActions(info.callId());
        this.audio = new CallerAudio(info.callId(), session, ctx.prompts(), ended);
        this.side = new CallerSide(info.callId(), info.caller(), Optional.empty(), session, ended, endActions);
        this.invites = new TrunkDial(ctx, route, this, info.callId());
        session.setDigitListener(audio::onDigit);
    }

    /** The SIP Call-ID of the INVITE (empty before dialling): how the front routes the dialog's requests. */
    @Override
    public String callId() {
        return sipCallId;
    }

    @Override
    public CallInfo info() {
        return info;
    }

    // ---- OutboundCall, on the driving virtual thread

    @Override
    public DialResult dial() {
        if (!transition(EnumSet.of(TrunkCallState.PREPARED), TrunkCallState.CALLING)) {
            if (state() == TrunkCallState.ENDED) {
                return result(); // hung up before dialling (e.g. the callback's agent left): CANCELLED
            }
            throw new IllegalStateException("call " + info.callId() + " was already dialled");
        }
        try {
            Request invite = TrunkRequests.invite(ctx.messaging(), route.config(), info.dialledNumber(),
                    media.initialOffer());
            sipCallId = SipCall.callIdOf(invite);
            if (!ctx.calls().register(this)) {
                throw new SipException("Call-ID already in use: " + sipCallId);
            }
            invites.send(invite);
        } catch (ParseException | SipException | RuntimeException e) {
            log.atWarn().addKeyValue("callId", info.callId()).setCause(e).log("cannot send the INVITE to the trunk");
            endUnanswered(DialResult.FAILED);
            return result();
        }
        log.atInfo().addKeyValue("callId", info.callId()).addKeyValue("sipCallId", sipCallId)
                .addKeyValue("number", info.dialledNumber()).log("INVITE sent to the trunk");
        boolean decided = await(CompletableFuture.anyOf(answered, ended), route.config().ringTimeout());
        if (!decided) {
            log.atInfo().addKeyValue("callId", info.callId()).log("no answer within the trunk's ring timeout");
            cancelRinging(DialResult.NO_ANSWER);
        }
        return answered.isDone() ? DialResult.ANSWERED : result();
    }

    @Override
    public void answer() {
        ensureLive();
        if (state() != TrunkCallState.CONNECTED) {
            throw new IllegalStateException("an outbound call is answered by dial(), not answer()");
        }
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

    /** A customer we called is not transferred out of the hotline. */
    @Override
    public TransferOutcome transfer(String targetUri) {
        log.atWarn().addKeyValue("callId", info.callId()).addKeyValue("target", targetUri)
                .log("transfer of an outbound call refused");
        return TransferOutcome.FAILED;
    }

    @Override
    public Playback startPlayback(Announcement announcement, boolean loop) {
        return audio.startPlayback(announcement, loop);
    }

    @Override
    public void whenHungUp(Runnable action) {
        endActions.add(action);
    }

    @Override
    public AgentOffer offerAgent(String workNumber, AgentOfferListener listener) {
        return AgentOfferAttempt.start(ctx, side, workNumber, listener);
    }

    /** BYE once connected, CANCEL while ringing, and before dialling just the media released. Idempotent. */
    @Override
    public void hangup(EndReason reason) {
        switch (state()) {
            case PREPARED -> endUnanswered(DialResult.CANCELLED);
            case CALLING, RINGING -> cancelRinging(DialResult.CANCELLED);
            case CONNECTED -> {
                if (end(EnumSet.of(TrunkCallState.CONNECTED), reason)) {
                    signalling.sendBye(byeDone);
                }
            }
            case ENDED -> { }
        }
    }

    // ---- responses, on stack threads

    @Override
    public void onResponse(ClientTransaction ct, Response response) {
        int status = response.getStatusCode();
        String method = ct.getRequest().getMethod();
        if (Request.BYE.equals(method)) {
            byeDone.complete(null);
        } else if (Request.INVITE.equals(method) && status < 200) {
            onProvisional(ct, status);
        } else if (Request.INVITE.equals(method) && status < 300) {
            onAnswer(ct, response);
        } else if (Request.INVITE.equals(method)
                && (status == Response.UNAUTHORIZED || status == Response.PROXY_AUTHENTICATION_REQUIRED)) {
            onChallenge(ct, response);
        } else if (Request.INVITE.equals(method)) {
            log.atInfo().addKeyValue("callId", info.callId()).addKeyValue("status", status).log("trunk refused the call");
            endUnanswered(TrunkDial.refusal(status));
        }
    }

    @Override
    public void onClientTimeout(ClientTransaction ct) {
        if (Request.INVITE.equals(ct.getRequest().getMethod())) {
            endUnanswered(DialResult.FAILED);
        } else {
            byeDone.complete(null);
        }
    }

    private void onProvisional(ClientTransaction ct, int status) {
        if (status > Response.TRYING) {
            transition(EnumSet.of(TrunkCallState.CALLING), TrunkCallState.RINGING);
        }
        if (state() == TrunkCallState.ENDED) {
            invites.provisional(ct); // a CANCEL that waited for it (RFC 3261 §9.1)
        }
    }

    /** Every 2xx is ACKed (RFC 3261 §13.2.2.4); one that comes after we gave up is BYEd at once. */
    private void onAnswer(ClientTransaction ct, Response ok) {
        Dialog dialog = ct.getDialog();
        CallDialog confirmed = new CallDialog(ctx, this, null, dialog, null);
        if (!state().ringing()) {
            invites.ack(dialog, ok);
            confirmed.sendInDialog(Request.BYE, List.of(), null, null);
            return;
        }
        try {
            media.checkAnswer(CallDialog.body(ok));
        } catch (SdpRejectedException | RuntimeException e) {
            log.atWarn().addKeyValue("callId", info.callId()).setCause(e).log("unusable SDP answer from the trunk");
            invites.ack(dialog, ok);
            confirmed.sendInDialog(Request.BYE, List.of(), null, null);
            endUnanswered(DialResult.FAILED);
            return;
        }
        signalling = confirmed;
        dialog.setApplicationData(this);
        if (!transition(EnumSet.of(TrunkCallState.CALLING, TrunkCallState.RINGING), TrunkCallState.CONNECTED)) {
            invites.ack(dialog, ok);
            confirmed.sendInDialog(Request.BYE, List.of(), null, null);
            return;
        }
        invites.ack(dialog, ok);
        try {
            media.acceptAnswer(CallDialog.body(ok));
        } catch (SdpRejectedException e) {
            throw new IllegalStateException("an answer checked a moment ago was refused", e);
        }
        log.atInfo().addKeyValue("callId", info.callId()).log("the trunk's callee answered");
        answered.complete(null);
    }

    /** RFC 3261 §22.2: the INVITE again with credentials, or the call fails. */
    private void onChallenge(ClientTransaction ct, Response challenge) {
        if (!invites.isCurrent(ct) || !state().ringing()) {
            return;
        }
        if (!invites.answerChallenge(ct, challenge)) {
            log.atWarn().addKeyValue("callId", info.callId()).addKeyValue("status", challenge.getStatusCode())
                    .log("trunk challenge cannot be answered (no, wrong or rejected credentials)");
            endUnanswered(DialResult.FAILED);
        }
    }

    // ---- the callee's requests, on stack threads

    @Override
    public void onBye(ServerTransaction tx) {
        end(EnumSet.of(TrunkCallState.CONNECTED), EndReason.CALLER_HANGUP);
        respond(tx, Response.OK);
        byeDone.complete(null);
    }

    @Override
    public void onReInvite(ServerTransaction tx, Request reInvite) {
        if (state() != TrunkCallState.CONNECTED) {
            respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        } else if (media.awaitingAnswer()) {
            respond(tx, Response.REQUEST_PENDING);
        } else {
            signalling.answerReInvite(tx, reInvite, media);
        }
    }

    @Override
    public void onAck(Request ack) {
        if (signalling != null && media.awaitingAnswerIn(CallDialog.cseq(ack))) {
            signalling.acceptAnswerFromAck(media, ack);
        }
    }

    @Override
    public void onInfo(ServerTransaction tx, Request infoRequest) {
        CallDialog dialog = signalling;
        if (dialog == null) {
            respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        } else {
            dialog.onInfo(tx, infoRequest, audio::onDigit);
        }
    }

    @Override
    public void onNotify(ServerTransaction tx, Request notify) {
        respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }

    @Override
    public void onRefer(ServerTransaction tx, Request refer) {
        respond(tx, Response.FORBIDDEN);
    }

    @Override
    public void onCancel(ServerTransaction tx) {
        respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }

    /** The confirmed dialog was dropped by the stack (e.g. our BYE went unanswered): the call is over. */
    @Override
    public void onDialogTerminated() {
        end(EnumSet.of(TrunkCallState.CONNECTED), EndReason.FAILURE);
        byeDone.complete(null);
    }

    @Override
    public void onMediaFailure() {
        hangup(EndReason.FAILURE);
    }

    // ---- for the route and the agent legs

    CallerSide side() {
        return side;
    }

    TrunkCallState state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    // ---- internals

    /** Stops the ringing (RFC 3261 §9.1, see {@link TrunkDial#cancel}) and ends the call unanswered. */
    private void cancelRinging(DialResult why) {
        TrunkCallState now = state();
        if (now.ringing()) {
            invites.cancel(now == TrunkCallState.RINGING);
        }
        endUnanswered(why);
    }

    private void endUnanswered(DialResult why) {
        lock.lock();
        try {
            if (!state.ringing() && state != TrunkCallState.PREPARED) {
                return;
            }
            state = state.to(TrunkCallState.ENDED);
            result = why;
        } finally {
            lock.unlock();
        }
        log.atInfo().addKeyValue("callId", info.callId()).addKeyValue("result", why).log("outbound call not answered");
        released(why == DialResult.CANCELLED ? EndReason.CANCELLED : EndReason.NOT_SERVED);
        byeDone.complete(null);
    }

    private boolean end(Set<TrunkCallState> from, EndReason reason) {
        if (!transition(from, TrunkCallState.ENDED)) {
            return false;
        }
        log.atInfo().addKeyValue("callId", info.callId()).addKeyValue("reason", reason).log("outbound call ended");
        released(reason);
        return true;
    }

    private void released(EndReason reason) {
        ended.complete(reason);
        endActions.runAll();
        media.session().close();
        audio.close();
        ctx.calls().remove(this);
    }

    private DialResult result() {
        lock.lock();
        try {
            return result == null ? DialResult.FAILED : result;
        } finally {
            lock.unlock();
        }
    }

    private boolean transition(Set<TrunkCallState> from, TrunkCallState to) {
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

    private void respond(ServerTransaction tx, int status) {
        try {
            ctx.messaging().send(tx, ctx.messaging().response(tx.getRequest(), status));
        } catch (ParseException e) {
            log.atWarn().addKeyValue("callId", info.callId()).setCause(e).log("could not build a response");
        }
    }

    private void ensureLive() {
        if (ended.isDone()) {
            throw new CallHungUpException(info.callId());
        }
    }

    private boolean await(CompletableFuture<?> future, Duration timeout) {
        try {
            return Waits.await(future, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dialling " + info.callId(), e);
        }
    }
}
