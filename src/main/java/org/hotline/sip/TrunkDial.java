package org.hotline.sip;

import java.text.ParseException;
import java.util.concurrent.locks.ReentrantLock;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.call.OutboundCall.DialResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The INVITE transactions of one {@link TrunkCall} (RFC 3261 §17.1.1): the current one (a 401 or
 * 407 answered with credentials starts another, §22.2, at most {@value #MAX_CHALLENGES} times),
 * and the CANCEL of a call given up while it rings, sent as soon as a provisional response allows
 * it (§9.1). Its owner keeps the call's state; this keeps only the transactions.
 *
 * <p>Threading: the call's thread sends and cancels, stack threads report responses; the fields
 * are guarded by {@code lock}, and no I/O is done while holding it.
 */
final class TrunkDial {

    static final int MAX_CHALLENGES = 2;

    private static final Logger log = LoggerFactory.getLogger(TrunkDial.class);

    private final SipCallContext ctx;
    private final TrunkRoute route;
    private final DialogEndpoint owner;
    private final String callId;
    private final ReentrantLock lock = new ReentrantLock();
    private ClientTransaction current;
    private int challengesAnswered;
    private boolean cancelOnProvisional;

    /** @param callId the call's id for logs */
    TrunkDial(SipCallContext ctx, TrunkRoute route, DialogEndpoint owner, String callId) {
        this.ctx = ctx;
        this.route = route;
        this.owner = owner;
        this.callId = callId;
    }

    /** Sends {@code invite} on a new client transaction whose answers go to the owner. */
    void send(Request invite) throws SipException {
        ClientTransaction ct = ctx.messaging().provider.getNewClientTransaction(invite);
        ct.setApplicationData(owner);
        SipMessaging.tune(ct, ctx.tuning());
        lock.lock();
        try {
            current = ct;
        } finally {
            lock.unlock();
        }
        ct.sendRequest();
    }

    /** Whether {@code ct} is the INVITE now in progress (not one a challenge replaced). */
    boolean isCurrent(ClientTransaction ct) {
        lock.lock();
        try {
            return ct == current;
        } finally {
            lock.unlock();
        }
    }

    /**
     * RFC 3261 §22.2: the challenged INVITE again with credentials. False when it cannot be
     * answered (not the current INVITE, too many challenges, no or unusable credentials): the
     * call fails.
     */
    boolean answerChallenge(ClientTransaction ct, Response challenge) {
        lock.lock();
        try {
            if (ct != current || challengesAnswered >= MAX_CHALLENGES) {
                return false;
            }
            challengesAnswered++;
        } finally {
            lock.unlock();
        }
        try {
            Request retry = TrunkRequests.retry(ctx.messaging(), route.config(), ct.getRequest());
            if (!route.digest().authorize(retry, challenge, ctx.messaging().headers)) {
                return false;
            }
            send(retry);
            log.atInfo().addKeyValue("callId", callId).log("INVITE sent again with credentials");
            return true;
        } catch (ParseException | SipException | RuntimeException e) {
            log.atWarn().addKeyValue("callId", callId).setCause(e).log("cannot answer the trunk's challenge");
            return false;
        }
    }

    /** Stops the ringing: CANCEL now if a provisional came ({@code provisionalSeen}), else at the first one. */
    void cancel(boolean provisionalSeen) {
        ClientTransaction ringing;
        lock.lock();
        try {
            ringing = provisionalSeen ? current : null;
            cancelOnProvisional = !provisionalSeen;
        } finally {
            lock.unlock();
        }
        if (ringing != null) {
            AgentInvite.cancel(ctx, ringing, owner);
        }
    }

    /** A provisional response to {@code ct}: a CANCEL waiting for it goes out now. */
    void provisional(ClientTransaction ct) {
        boolean cancelNow;
        lock.lock();
        try {
            cancelNow = cancelOnProvisional && ct == current;
            cancelOnProvisional = cancelOnProvisional && !cancelNow;
        } finally {
            lock.unlock();
        }
        if (cancelNow) {
            AgentInvite.cancel(ctx, ct, owner);
        }
    }

    /** How a final refusal of the INVITE reads (RFC 3261 §21.4-21.6). */
    static DialResult refusal(int status) {
        return switch (status) {
            case Response.BUSY_HERE, Response.BUSY_EVERYWHERE, Response.DECLINE -> DialResult.BUSY;
            case Response.REQUEST_TIMEOUT, Response.TEMPORARILY_UNAVAILABLE -> DialResult.NO_ANSWER;
            case Response.REQUEST_TERMINATED -> DialResult.CANCELLED;
            default -> DialResult.FAILED;
        };
    }

    /** ACKs a 2xx in its dialog (RFC 3261 §13.2.2.4); a failure is logged. */
    void ack(Dialog dialog, Response ok) {
        try {
            dialog.sendAck(dialog.createAck(CallDialog.cseq(ok)));
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            log.atWarn().addKeyValue("callId", callId).setCause(e).log("could not ACK the trunk's 2xx");
        }
    }
}
