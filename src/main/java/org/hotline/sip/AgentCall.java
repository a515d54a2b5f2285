package org.hotline.sip;

import java.text.ParseException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.ObjectInUseException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.call.AgentLeg;
import org.hotline.call.Announcement;
import org.hotline.call.CallHungUpException;
import org.hotline.media.MediaSession;
import org.hotline.sip.sdp.NegotiatedMedia;
import org.hotline.sip.sdp.SdpRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our INVITE to one of an agent's contacts and, if it wins its {@link AgentOfferAttempt}, the
 * answered agent leg of the B2BUA. Lifecycle in {@link AgentLegState}. Stack threads deliver the
 * responses and the agent's in-dialog requests ({@code on*}, never blocking); the caller's virtual
 * thread drives the {@link AgentLeg} methods ({@link #whisper} and {@link #awaitEvent} block). State
 * is guarded by {@code lock}; no I/O while holding it. The agent's hold (re-INVITE sendonly or
 * inactive), transfer (REFER, {@link AgentTransfer}) and hang-up reach the caller's thread as
 * {@link LegEvent}s. The caller's end hangs the leg up (an {@link EndActions} entry), and so may the
 * ACD: {@link #hangup} is idempotent.
 */
final class AgentCall implements AgentLeg, DialogEndpoint {

    private static final Logger log = LoggerFactory.getLogger(AgentCall.class);
    private static final Duration UNTIL_DONE = Duration.ofDays(1);

    private final SipCallContext ctx;
    private final AgentOfferAttempt offer;
    private final SipCall caller;
    private final String callId;
    private final CallMedia media;
    private final ClientTransaction inviteTx;
    private final Dialog dialog;
    private final CallDialog signalling;
    private final AgentTransfer transfer;
    private final LegEvents events;
    private final CompletableFuture<Void> over = new CompletableFuture<>();
    private final Runnable hangupOnCallerGone = this::callerGone;
    private final ReentrantLock lock = new ReentrantLock();
    private AgentLegState state = AgentLegState.CALLING;
    private boolean answerSeen;
    private boolean relaying;
    private boolean held;

    private AgentCall(SipCallContext ctx, AgentOfferAttempt offer, SipCall caller, CallMedia media,
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
        this.events = new LegEvents(caller.callId());
    }

    /** Builds the INVITE to {@code contactUri} and its client transaction; {@link #send} sends it. */
    static AgentCall prepare(SipCallContext ctx, AgentOfferAttempt offer, SipCall caller, String contactUri,
            CallMedia media, String sdpOffer) throws ParseException, SipException {
        Request invite = AgentInvite.build(ctx.messaging(), new AgentInvite.Target(contactUri, offer.workNumber(),
                caller.info().caller(), caller.callerDisplay().orElse(null), sdpOffer));
        ClientTransaction ct = ctx.messaging().provider.getNewClientTransaction(invite);
        AgentCall leg = new AgentCall(ctx, offer, caller, media, ct);
        ct.setApplicationData(leg);
        leg.dialog.setApplicationData(leg);
        SipMessaging.tune(ct, ctx.tuning());
        if (!ctx.calls().register(leg)) {
            leg.discard();
            throw new SipException("Call-ID already in use: " + leg.callId);
        }
        return leg;
    }

    /** Sends the INVITE; a failure to send fails this contact. Runs on its own virtual thread. */
    void send() {
        try {
            inviteTx.sendRequest();
            log.atInfo().addKeyValue("callId", callId).addKeyValue("callerCallId", caller.callId())
                    .addKeyValue("agent", offer.workNumber()).addKeyValue("contact", inviteTx.getRequest().getRequestURI())
                    .log("INVITE sent to agent");
        } catch (SipException | RuntimeException e) {
            log.atWarn().addKeyValue("callId", callId).setCause(e).log("cannot send INVITE to agent");
            if (transition(AgentLegState.ENDED, AgentLegState.CALLING, AgentLegState.CANCEL_PENDING)) {
                discard();
                offer.branchFailed(this, "cannot reach contact", false);
            }
        }
    }

    @Override
    public String callId() {
        return callId;
    }

    MediaSession mediaSession() {
        return media.session();
    }

    // ---- AgentLeg, on the caller's virtual thread

    @Override
    public String workNumber() {
        return offer.workNumber();
    }

    /** Both ways; while the agent holds, agent-to-caller stays off until RESUMED (issue 3 item 6). */
    @Override
    public void relay(boolean on) {
        boolean isHeld;
        lock.lock();
        try {
            if (state != AgentLegState.CONFIRMED) {
                return;
            }
            relaying = on;
            isHeld = held;
        } finally {
            lock.unlock();
        }
        MediaSession agentSide = media.session();
        MediaSession callerSide = caller.mediaSession();
        agentSide.relayFrom(on ? callerSide : null);
        callerSide.relayFrom(on && !isHeld ? agentSide : null);
    }

    @Override
    public void whisper(Announcement announcement) {
        ensureCallerLive();
        if (state() != AgentLegState.CONFIRMED) {
            return;
        }
        CompletableFuture<Void> played = media.session().play(announcement.promptNames().stream()
                .map(name -> ctx.prompts().clip(name, announcement.language())).toList());
        try {
            Waits.await(CompletableFuture.anyOf(played, over, caller.ended()), UNTIL_DONE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while whispering to agent leg " + callId, e);
        }
        if (caller.isEnded()) {
            media.session().stopPlayback();
        }
        ensureCallerLive();
    }

    @Override
    public LegEvent awaitEvent(Duration timeout) {
        return events.await(timeout);
    }

    @Override
    public Optional<String> transferTarget() {
        return transfer.target();
    }

    /** BYE (after the final NOTIFY of an accepted transfer), or CANCEL if not answered. Idempotent. */
    @Override
    public void hangup() {
        AgentLegState from;
        lock.lock();
        try {
            from = state;
            if (from == AgentLegState.CONFIRMED) {
                state = state.to(AgentLegState.RELEASING);
            }
        } finally {
            lock.unlock();
        }
        if (from.unanswered()) {
            cancel();
        } else if (from == AgentLegState.CONFIRMED) {
            leaveConfirmed();
            log.atInfo().addKeyValue("callId", callId).addKeyValue("callerCallId", caller.callId())
                    .log("hanging up the agent leg");
            if (!transfer.finish(this::bye)) {
                bye();
            }
        }
    }

    // ---- from the offer

    /** Stops this contact ringing: CANCEL now, or once a provisional response came (RFC 3261 §9.1). */
    void cancel() {
        boolean sendNow;
        lock.lock();
        try {
            if (state == AgentLegState.CALLING) {
                state = state.to(AgentLegState.CANCEL_PENDING);
            } else if (state == AgentLegState.RINGING) {
                state = state.to(AgentLegState.CANCELLING);
            } else {
                return;
            }
            sendNow = state == AgentLegState.CANCELLING;
        } finally {
            lock.unlock();
        }
        if (sendNow) {
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
        boolean sendCancel = false;
        lock.lock();
        try {
            if (state == AgentLegState.CALLING) {
                state = state.to(AgentLegState.RINGING);
            } else if (state == AgentLegState.CANCEL_PENDING) {
                state = state.to(AgentLegState.CANCELLING);
                sendCancel = true;
            }
        } finally {
            lock.unlock();
        }
        if (sendCancel) {
            sendCancel();
        }
    }

    /** Every 2xx is ACKed (RFC 3261 §13.2.2.4); only the offer's first usable one is kept. */
    private void onAnswer(Response ok) {
        AgentLegState before;
        lock.lock();
        try {
            if (answerSeen || !state.unanswered()) {
                return;
            }
            answerSeen = true;
            before = state;
        } finally {
            lock.unlock();
        }
        ack(ok);
        NegotiatedMedia answer = checkAnswer(ok);
        boolean ringing = before == AgentLegState.CALLING || before == AgentLegState.RINGING;
        if (ringing && answer != null && offer.claim(this)
                && transition(AgentLegState.CONFIRMED, AgentLegState.CALLING, AgentLegState.RINGING)) {
            confirm(ok);
            return;
        }
        transition(AgentLegState.RELEASING, AgentLegState.CALLING, AgentLegState.RINGING,
                AgentLegState.CANCEL_PENDING, AgentLegState.CANCELLING);
        log.atInfo().addKeyValue("callId", callId).addKeyValue("usable", answer != null)
                .log("2xx not wanted: ACK and BYE");
        bye();
        if (answer == null) {
            offer.branchFailed(this, "unusable SDP answer", false);
        }
    }

    private void confirm(Response ok) {
        try {
            media.acceptAnswer(CallDialog.body(ok));
        } catch (SdpRejectedException e) {
            throw new IllegalStateException("an answer checked a moment ago was refused", e);
        }
        caller.endActions().add(hangupOnCallerGone);
        offer.answered(this);
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
        AgentLegState before;
        lock.lock();
        try {
            if (!state.unanswered()) {
                return;
            }
            before = state;
            state = state.to(AgentLegState.ENDED);
        } finally {
            lock.unlock();
        }
        finish();
        if (before == AgentLegState.CALLING || before == AgentLegState.RINGING) {
            offer.branchFailed(this, reason, global);
        }
    }

    private void released() {
        if (transition(AgentLegState.ENDED, AgentLegState.RELEASING)) {
            finish();
        }
    }

    // ---- the agent's requests, on stack threads

    @Override
    public void onBye(ServerTransaction tx) {
        AgentLegState from = state();
        if (!transition(AgentLegState.ENDED, AgentLegState.CONFIRMED, AgentLegState.RELEASING)) {
            signalling.respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        if (from == AgentLegState.CONFIRMED) {
            log.atInfo().addKeyValue("callId", callId).addKeyValue("callerCallId", caller.callId())
                    .log("agent hung up");
            events.add(LegEvent.HUNG_UP);
            leaveConfirmed();
        }
        signalling.respond(tx, Response.OK);
        finish();
    }

    /** RFC 3264 §8.4: sendonly/inactive from the agent holds the caller; sendrecv resumes. */
    @Override
    public void onReInvite(ServerTransaction tx, Request reInvite) {
        AgentLegState now = state();
        if (now.unanswered()) {
            signalling.rejectReInviteForNow(tx);
        } else if (now != AgentLegState.CONFIRMED) {
            signalling.respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        } else if (media.awaitingAnswer()) {
            signalling.respond(tx, Response.REQUEST_PENDING);
        } else {
            boolean before = media.peerReceives();
            signalling.answerReInvite(tx, reInvite, media);
            holdChanged(before, media.peerReceives());
        }
    }

    @Override
    public void onAck(Request ack) {
        if (state() == AgentLegState.CONFIRMED && media.awaitingAnswerIn(CallDialog.cseq(ack))) {
            boolean before = media.peerReceives();
            signalling.acceptAnswerFromAck(media, ack);
            holdChanged(before, media.peerReceives());
        }
    }

    /** RFC 3515: 202, NOTIFY 100, then TRANSFER_REQUESTED; the final NOTIFY goes when the leg is hung up. */
    @Override
    public void onRefer(ServerTransaction tx, Request refer) {
        if (state() != AgentLegState.CONFIRMED) {
            signalling.respond(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        if (transfer.accept(tx, refer)) {
            log.atInfo().addKeyValue("callId", callId).addKeyValue("callerCallId", caller.callId())
                    .addKeyValue("target", transfer.target().orElse("")).log("agent transfers the caller");
            events.add(LegEvent.TRANSFER_REQUESTED);
        }
    }

    /** DTMF by INFO from the agent is acknowledged and not passed on (RFC 4733 events are relayed). */
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
        AgentLegState from = state();
        if (!transition(AgentLegState.ENDED, AgentLegState.CONFIRMED, AgentLegState.RELEASING)) {
            return;
        }
        if (from == AgentLegState.CONFIRMED) {
            events.add(LegEvent.HUNG_UP);
            leaveConfirmed();
        }
        finish();
    }

    @Override
    public void onMediaFailure() {
        hangup();
    }

    // ---- internals

    private void holdChanged(boolean peerReceivedBefore, boolean peerReceivesNow) {
        if (peerReceivedBefore == peerReceivesNow) {
            return;
        }
        boolean relayOn;
        lock.lock();
        try {
            held = !peerReceivesNow;
            relayOn = relaying;
        } finally {
            lock.unlock();
        }
        if (relayOn) {
            caller.mediaSession().relayFrom(peerReceivesNow ? media.session() : null);
        }
        log.atInfo().addKeyValue("callId", callId).addKeyValue("callerCallId", caller.callId())
                .addKeyValue("held", !peerReceivesNow).log("agent hold changed");
        events.add(peerReceivesNow ? LegEvent.RESUMED : LegEvent.HELD);
    }

    private void callerGone() {
        events.callerGone();
        hangup();
    }

    /** The answered leg is over for the caller: relays stopped, agent media closed, waiters woken. */
    private void leaveConfirmed() {
        boolean relayed;
        lock.lock();
        try {
            relayed = relaying;
            relaying = false;
        } finally {
            lock.unlock();
        }
        if (relayed) {
            caller.mediaSession().relayFrom(null);
        }
        media.session().relayFrom(null);
        media.session().close();
        events.legEnded();
        over.complete(null);
    }

    /** The dialog is over: forgotten by the front and by the caller's end. */
    private void finish() {
        ctx.calls().remove(this);
        caller.endActions().remove(hangupOnCallerGone);
        events.legEnded();
        over.complete(null);
    }

    /** Never sent (the offer was decided first) or unsendable: the stack forgets it too. */
    void discard() {
        transition(AgentLegState.ENDED, AgentLegState.CALLING, AgentLegState.CANCEL_PENDING);
        try {
            inviteTx.terminate();
        } catch (ObjectInUseException e) {
            log.atWarn().addKeyValue("callId", callId).setCause(e).log("stack kept the INVITE transaction");
        }
        if (dialog.getState() != DialogState.TERMINATED) {
            dialog.delete();
        }
        finish();
    }

    private void ack(Response ok) {
        try {
            dialog.sendAck(dialog.createAck(CallDialog.cseq(ok)));
        } catch (SipException | javax.sip.InvalidArgumentException | RuntimeException e) {
            log.atWarn().addKeyValue("callId", callId).setCause(e).log("could not ACK the agent's 2xx");
        }
    }

    private void bye() {
        if (!signalling.sendInDialog(Request.BYE, List.of(), null, null)) {
            released();
        }
    }

    private void sendCancel() {
        try {
            ClientTransaction ct = ctx.messaging().provider.getNewClientTransaction(inviteTx.createCancel());
            ct.setApplicationData(this);
            SipMessaging.tune(ct, ctx.tuning());
            ct.sendRequest();
            log.atInfo().addKeyValue("callId", callId).log("CANCEL sent to agent");
        } catch (SipException | RuntimeException e) {
            log.atWarn().addKeyValue("callId", callId).setCause(e).log("could not CANCEL the agent's INVITE");
        }
        // RFC 3261 §9.1: without a final response 64*T1 after the CANCEL, the INVITE counts as cancelled
        ctx.timers().schedule(this::giveUpCancelled, ctx.tuning().ackWait().toMillis(), TimeUnit.MILLISECONDS);
    }

    private void giveUpCancelled() {
        if (transition(AgentLegState.ENDED, AgentLegState.CANCELLING)) {
            log.atWarn().addKeyValue("callId", callId).log("no final response to a cancelled INVITE: dropped");
            discard();
        }
    }

    private void ensureCallerLive() {
        if (caller.isEnded()) {
            throw new CallHungUpException(caller.callId());
        }
    }

    private AgentLegState state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    /** Moves to {@code to} if in one of {@code from}; false otherwise. */
    private boolean transition(AgentLegState to, AgentLegState... from) {
        lock.lock();
        try {
            for (AgentLegState candidate : from) {
                if (state == candidate) {
                    state = state.to(to);
                    return true;
                }
            }
            return false;
        } finally {
            lock.unlock();
        }
    }
}
