package org.hotline.sip;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.sip.sdp.NegotiatedMedia;
import org.hotline.sip.sdp.SdpRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signalling of our INVITE to one of an agent's contacts: the INVITE client transaction and
 * its dialog, from sending to BYE. Lifecycle in {@link AgentLegState}. If its 2xx wins the
 * {@link AgentOfferAttempt}, a {@link BridgedLeg} is made and handed to the ACD; the agent's hold,
 * transfer and hang-up reach it from here. Stack threads deliver the responses and the agent's
 * in-dialog requests ({@code on*}, never blocking); {@link #hangup} comes from the caller's virtual
 * thread, the ACD or the caller's end, and is idempotent. The state moves by atomic steps
 * ({@link AgentLegStates}); no I/O is done inside them.
 */
final class AgentCall implements DialogEndpoint {

    private static final Logger log = LoggerFactory.getLogger(AgentCall.class);

    private final SipCallContext ctx;
    private final AgentOfferAttempt offer;
    private final CallerSide caller;
    private final String callId;
    private final CallMedia media;
    private final ClientTransaction inviteTx;
    private final Dialog dialog;
    private final CallDialog signalling;
    private final AgentTransfer transfer;
    private final Runnable hangupOnCallerGone = this::callerGone;
    private final AgentLegStates state = new AgentLegStates();
    private final AtomicBoolean answerSeen = new AtomicBoolean();
    private volatile BridgedLeg bridged;

    private AgentCall(SipCallContext ctx, AgentOfferAttempt offer, CallerSide caller, CallMedia media,
            ClientTransaction inviteTx) {
        this.ctx = ctx;
        this.offer = offer;
        this.caller = caller;
        this.callId = SipCall.callIdOf(inviteTx.getRequest());
        this.media = media;
        this.inviteTx = inviteTx;
        this.dialog = inviteTx.getDialog();
        this.signalling = new CallDialog(ctx, this, null, dialog, null);
        this.transfer = new AgentTransfer(ctx.messaging(), signalling);
    }

    /** Builds the INVITE to {@code contactUri} and its client transaction; {@link #send} sends it. */
    static AgentCall prepare(SipCallContext ctx, AgentOfferAttempt offer, CallerSide caller, String contactUri,
            CallMedia media, String sdpOffer) throws ParseException, SipException {
        Request invite = AgentInvite.build(ctx.messaging(), new AgentInvite.Target(contactUri, offer.workNumber(),
                caller.number(), caller.display().orElse(null), sdpOffer));
        ClientTransaction ct = ctx.messaging().provider.getNewClientTransaction(invite);
        AgentCall call = new AgentCall(ctx, offer, caller, media, ct);
        ct.setApplicationData(call);
        call.dialog.setApplicationData(call);
        SipMessaging.tune(ct, ctx.tuning());
        if (!ctx.calls().register(call)) {
            call.discard();
            throw new SipException("Call-ID already in use: " + call.callId);
        }
        return call;
    }

    /** Sends the INVITE; a failure to send fails this contact. Runs on its own virtual thread. */
    void send() {
        try {
            inviteTx.sendRequest();
            ctx.messaging().traffic().requestSent(Request.INVITE);
            log.atInfo().addKeyValue("callId", callId).addKeyValue("callerCallId", caller.callId())
                    .addKeyValue("agent", offer.workNumber())
                    .addKeyValue("contact", inviteTx.getRequest().getRequestURI())
                    .log("INVITE sent to agent");
        } catch (SipException | RuntimeException e) {
            log.atWarn().addKeyValue("callId", callId).setCause(e).log("cannot send INVITE to agent");
            if (state.move(AgentLegState.ENDED, AgentLegState.CALLING, AgentLegState.CANCEL_PENDING)) {
                discard();
                offer.branchFailed(this, "cannot reach contact", false);
            }
        }
    }

    @Override
    public String callId() {
        return callId;
    }

    String workNumber() {
        return offer.workNumber();
    }

    Optional<String> transferTarget() {
        return transfer.target();
    }

    /** BYE (after the final NOTIFY of an accepted transfer), or CANCEL if not answered. Idempotent. */
    void hangup() {
        if (!state.move(AgentLegState.RELEASING, AgentLegState.CONFIRMED)) {
            cancel();
            return;
        }
        bridged.ended();
        log.atInfo().addKeyValue("callId", callId).addKeyValue("callerCallId", caller.callId())
                .log("hanging up the agent leg");
        if (!transfer.finish(this::byeUnlessEnded)) {
            bye();
        }
    }

    /** Stops this contact ringing: CANCEL now, or once a provisional response came (RFC 3261 §9.1). */
    void cancel() {
        AgentLegState now = state.either(AgentLegState.RINGING, AgentLegState.CANCELLING,
                AgentLegState.CALLING, AgentLegState.CANCEL_PENDING);
        if (now == AgentLegState.CANCELLING) {
            sendCancel();
        }
    }

    // ---- responses and timeouts, on stack threads

    @Override
    public void onResponse(ClientTransaction ct, Response response) {
        int status = response.getStatusCode();
        switch (ct.getRequest().getMethod()) {
            case Request.INVITE -> {
                if (status < 200) {
                    onProvisional();
                } else if (status < 300) {
                    onAnswer(response);
                } else {
                    onRefused(status + " " + response.getReasonPhrase(), status >= 600);
                }
            }
            case Request.BYE -> released();
            case Request.NOTIFY -> transfer.onNotifyDone(ct);
            default -> log.atDebug().addKeyValue("callId", callId).addKeyValue("status", status).log("response noted");
        }
    }

    @Override
    public void onClientTimeout(ClientTransaction ct) {
        switch (ct.getRequest().getMethod()) {
            case Request.INVITE -> onRefused("408 no response from the contact", false);
            case Request.BYE -> released();
            case Request.NOTIFY -> transfer.onNotifyDone(ct);
            default -> log.atDebug().addKeyValue("callId", callId).log("request timed out");
        }
    }

    private void onProvisional() {
        AgentLegState now = state.either(AgentLegState.CALLING, AgentLegState.RINGING,
                AgentLegState.CANCEL_PENDING, AgentLegState.CANCELLING);
        if (now == AgentLegState.CANCELLING) {
            sendCancel();
        }
    }

    /**
     * Every 2xx is ACKed (RFC 3261 §13.2.2.4); only the offer's first usable one is kept. The state
     * is settled before the ACK goes out, so an agent's BYE right after it finds the leg.
     */
    private void onAnswer(Response ok) {
        AgentLegState before = state.current();
        if (!before.unanswered() || !answerSeen.compareAndSet(false, true)) {
            return;
        }
        NegotiatedMedia answer = checkAnswer(ok);
        boolean ringing = before == AgentLegState.CALLING || before == AgentLegState.RINGING;
        if (ringing && answer != null && offer.claim(this)) {
            BridgedLeg leg = new BridgedLeg(this, caller, media.session(), ctx.prompts(), ctx.bridges());
            if (confirm(leg, ok)) {
                return;
            }
            leg.ended();
        }
        state.move(AgentLegState.RELEASING, AgentLegState.CALLING, AgentLegState.RINGING,
                AgentLegState.CANCEL_PENDING, AgentLegState.CANCELLING);
        log.atInfo().addKeyValue("callId", callId).addKeyValue("usable", answer != null)
                .log("2xx not wanted: ACK and BYE");
        AgentInvite.ack(ctx.messaging(), dialog, ok);
        bye();
        if (answer == null) {
            offer.branchFailed(this, "unusable SDP answer", false);
        }
    }

    /** The winner: its leg set before CONFIRMED (so the agent's BYE always finds it), then ACKed, media applied. */
    private boolean confirm(BridgedLeg leg, Response ok) {
        bridged = leg;
        if (!state.move(AgentLegState.CONFIRMED, AgentLegState.CALLING, AgentLegState.RINGING)) {
            bridged = null;
            return false;
        }
        AgentInvite.ack(ctx.messaging(), dialog, ok);
        try {
            media.acceptAnswer(CallDialog.body(ok));
        } catch (SdpRejectedException e) {
            throw new IllegalStateException("an answer checked a moment ago was refused", e);
        }
        ctx.bridges().bridged(caller.callId(), caller.mediaSession(), media.session());
        caller.endActions().add(hangupOnCallerGone);
        offer.answered(leg);
        return true;
    }

    private NegotiatedMedia checkAnswer(Response ok) {
        if (!CallDialog.hasSdp(ok)) {
            log.atWarn().addKeyValue("callId", callId).log("2xx without the SDP answer to our offer");
            return null;
        }
        try {
            return media.checkAnswer(CallDialog.body(ok));
        } catch (SdpRejectedException e) {
            log.atWarn().addKeyValue("callId", callId).setCause(e).log("unusable SDP answer from the agent");
            return null;
        }
    }

    private void onRefused(String reason, boolean global) {
        AgentLegState before = state.leave(AgentLegState.ENDED, AgentLegState.CALLING, AgentLegState.RINGING,
                AgentLegState.CANCEL_PENDING, AgentLegState.CANCELLING);
        if (before == null) {
            return;
        }
        finish();
        if (before == AgentLegState.CALLING || before == AgentLegState.RINGING) {
            offer.branchFailed(this, reason, global);
        }
    }

    private void released() {
        if (state.move(AgentLegState.ENDED, AgentLegState.RELEASING)) {
            finish();
        }
    }

    // ---- the agent's requests, on stack threads

    @Override
    public void onBye(ServerTransaction tx) {
        AgentLegState from = state.leave(AgentLegState.ENDED, AgentLegState.CONFIRMED, AgentLegState.RELEASING);
        if (from == null) {
            signalling.respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        if (from == AgentLegState.CONFIRMED) {
            log.atInfo().addKeyValue("callId", callId).addKeyValue("callerCallId", caller.callId())
                    .log("agent hung up");
            bridged.agentHungUp();
        }
        signalling.respond(tx, Response.OK);
        finish();
    }

    /** RFC 3264 §8.4: sendonly/inactive from the agent holds the caller; sendrecv resumes. */
    @Override
    public void onReInvite(ServerTransaction tx, Request reInvite) {
        AgentLegState now = state.current();
        if (now.unanswered()) {
            signalling.rejectReInviteForNow(tx);
        } else if (now != AgentLegState.CONFIRMED) {
            signalling.respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        } else if (media.awaitingAnswer()) {
            signalling.respond(tx, Response.REQUEST_PENDING);
        } else {
            signalling.answerReInvite(tx, reInvite, media);
            bridged.holdChanged(media.peerReceives());
        }
    }

    /** Carries the agent's answer when its re-INVITE had no offer (ours went in the 2xx). */
    @Override
    public void onAck(Request ack) {
        if (state.current() == AgentLegState.CONFIRMED && media.awaitingAnswerIn(CallDialog.cseq(ack))) {
            signalling.acceptAnswerFromAck(media, ack);
            bridged.holdChanged(media.peerReceives());
        }
    }

    /** RFC 3515: 202, NOTIFY 100, then TRANSFER_REQUESTED; the final NOTIFY goes when the leg is hung up. */
    @Override
    public void onRefer(ServerTransaction tx, Request refer) {
        if (state.current() != AgentLegState.CONFIRMED) {
            signalling.respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        if (transfer.accept(tx, refer)) {
            log.atInfo().addKeyValue("callId", callId).addKeyValue("callerCallId", caller.callId())
                    .addKeyValue("target", transfer.target().orElse("")).log("agent transfers the caller");
            bridged.transferRequested();
        }
    }

    /** DTMF by INFO from the agent is acknowledged, not passed on (RFC 4733 events are relayed). */
    @Override
    public void onInfo(ServerTransaction tx, Request info) {
        signalling.onInfo(tx, info, digit -> { });
    }

    @Override
    public void onNotify(ServerTransaction tx, Request notify) {
        signalling.respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }

    @Override
    public void onCancel(ServerTransaction tx) {
        signalling.respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
    }

    /** A confirmed dialog the stack dropped (e.g. its BYE was lost): the leg is over. */
    @Override
    public void onDialogTerminated() {
        AgentLegState from = state.leave(AgentLegState.ENDED, AgentLegState.CONFIRMED, AgentLegState.RELEASING);
        if (from == null) {
            return;
        }
        if (from == AgentLegState.CONFIRMED) {
            bridged.agentHungUp();
        }
        finish();
    }

    @Override
    public void onMediaFailure() {
        hangup();
    }

    // ---- internals

    private void callerGone() {
        BridgedLeg leg = bridged;
        if (leg != null) {
            leg.callerGone();
        } else {
            hangup();
        }
    }

    /** The dialog is over: forgotten by the front and by the caller's end. */
    private void finish() {
        AgentInvite.dropOrphanEarlyDialog(ctx.messaging().provider, dialog);
        // A provisional or final response racing our CANCEL can leave this leg's dialog (or an orphan
        // early one) in the stack after the leg ended; once every transaction of it has run out
        // (64*T1, RFC 3261 §17.1.1.2), nothing can still need it.
        ctx.timers().schedule(this::forgetDialog, ctx.tuning().ackWait().toMillis(), TimeUnit.MILLISECONDS);
        ctx.calls().remove(this);
        caller.endActions().remove(hangupOnCallerGone);
        BridgedLeg leg = bridged;
        if (leg != null) {
            leg.ended();
        }
    }

    /** On the timer thread, 64*T1 after the leg ended: drops what the stack still holds of its dialog. */
    private void forgetDialog() {
        try {
            AgentInvite.dropOrphanEarlyDialogs(ctx.messaging().provider, callId);
            if (dialog.getState() != DialogState.TERMINATED) {
                log.atDebug().addKeyValue("callId", callId).addKeyValue("state", dialog.getState())
                        .log("agent leg over; dialog the stack still held is deleted");
                dialog.delete();
            }
        } catch (RuntimeException e) {
            log.atWarn().addKeyValue("callId", callId).setCause(e).log("could not drop a finished agent dialog");
        }
    }

    /** Never sent (the offer was decided first), unsendable or abandoned: the stack forgets it too. */
    void discard() {
        state.move(AgentLegState.ENDED, AgentLegState.CALLING, AgentLegState.CANCEL_PENDING);
        AgentInvite.abandon(inviteTx);
        finish();
    }

    /** After the final NOTIFY: many phones hang up themselves on it, then our BYE is not needed. */
    private void byeUnlessEnded() {
        if (state.current() == AgentLegState.RELEASING) {
            bye();
        }
    }

    private void bye() {
        if (!signalling.sendInDialog(Request.BYE, List.of(), null, null)) {
            released();
        }
    }

    private void sendCancel() {
        AgentInvite.cancel(ctx, inviteTx, this);
        // RFC 3261 §9.1: without a final response 64*T1 after the CANCEL, the INVITE counts as cancelled
        ctx.timers().schedule(this::giveUpCancelled, ctx.tuning().ackWait().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void giveUpCancelled() {
        if (state.move(AgentLegState.ENDED, AgentLegState.CANCELLING)) {
            log.atWarn().addKeyValue("callId", callId).log("no final response to a cancelled INVITE: dropped");
            discard();
        }
    }
}
