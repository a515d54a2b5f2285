package org.hotline.sip;

import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.header.EventHeader;
import javax.sip.header.ReferToHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A blind transfer the agent asks for with REFER (RFC 3515; issue 3 item 7), seen from the
 * transferee's side of the agent leg: 202 Accepted and a NOTIFY "100 Trying" at once (§2.4.4), and
 * the final NOTIFY "200 OK" once we let go of the agent (the ACD hangs the leg up after handing the
 * caller to the target), then our BYE. One transfer per leg; a second REFER gets 403. Thread-safe
 * (synchronized); sends happen outside the monitor.
 */
final class AgentTransfer {

    private static final int SUBSCRIPTION_SECONDS = 60;

    private final SipMessaging messaging;
    private final CallDialog signalling;
    private String target;
    private boolean finished;
    private ClientTransaction finalNotify;
    private Runnable afterFinalNotify;

    AgentTransfer(SipMessaging messaging, CallDialog signalling) {
        this.messaging = messaging;
        this.signalling = signalling;
    }

    synchronized Optional<String> target() {
        return Optional.ofNullable(target);
    }

    /** Answers the REFER; true if the transfer was accepted (the caller's side must then hear of it). */
    boolean accept(ServerTransaction tx, Request refer) {
        ReferToHeader referTo = (ReferToHeader) refer.getHeader(ReferToHeader.NAME);
        String user = referTo == null ? "" : InviteHandler.user(referTo.getAddress().getURI());
        int refusal;
        synchronized (this) {
            refusal = user.isEmpty() ? Response.BAD_REQUEST : target != null ? Response.FORBIDDEN : 0;
            if (refusal == 0) {
                target = user;
            }
        }
        if (refusal != 0) {
            signalling.respond(tx, refusal);
            return false;
        }
        signalling.respond(tx, Response.ACCEPTED);
        notifySipfrag("SIP/2.0 100 Trying", false);
        return true;
    }

    /**
     * Sends the final NOTIFY if a transfer is pending and runs {@code then} once it is answered or
     * timed out. False if there is nothing to notify (or it cannot be sent): run {@code then} yourself.
     */
    boolean finish(Runnable then) {
        synchronized (this) {
            if (target == null || finished) {
                return false;
            }
            finished = true;
            afterFinalNotify = then;
        }
        Optional<ClientTransaction> sent = notifySipfrag("SIP/2.0 200 OK", true);
        synchronized (this) {
            if (sent.isEmpty()) {
                afterFinalNotify = null;
                return false;
            }
            finalNotify = sent.get();
            return true;
        }
    }

    /** A NOTIFY was answered or timed out; after the final one, runs what {@link #finish} was given. */
    void onNotifyDone(ClientTransaction ct) {
        Runnable then;
        synchronized (this) {
            if (ct != finalNotify || afterFinalNotify == null) {
                return;
            }
            then = afterFinalNotify;
            afterFinalNotify = null;
        }
        then.run();
    }

    private Optional<ClientTransaction> notifySipfrag(String statusLine, boolean terminated) {
        try {
            EventHeader event = messaging.headers.createEventHeader("refer");
            SubscriptionStateHeader subscription = messaging.headers.createSubscriptionStateHeader(
                    terminated ? SubscriptionStateHeader.TERMINATED : SubscriptionStateHeader.ACTIVE);
            if (terminated) {
                subscription.setReasonCode(SubscriptionStateHeader.NO_RESOURCE);
            } else {
                subscription.setExpires(SUBSCRIPTION_SECONDS);
            }
            return signalling.sendRequest(Request.NOTIFY, List.of(event, subscription), "message/sipfrag",
                    statusLine + "\r\n");
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("constant NOTIFY headers rejected", e);
        }
    }
}
