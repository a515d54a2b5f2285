package org.hotline.sip;

import gov.nist.javax.sip.stack.SIPTransactionStack;
import java.text.ParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogState;
import javax.sip.InvalidArgumentException;
import javax.sip.ObjectInUseException;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The INVITE the B2BUA sends to one of an agent's registered contacts (RFC 3261 §8.1.1): its own
 * Call-ID, From the caller's number and display name (so the agent's phone shows who calls), To
 * the agent's work number, our SDP offer; and what is done to it afterwards (ACK, CANCEL,
 * abandon). Stateless; any thread.
 */
final class AgentInvite {

    private static final Logger log = LoggerFactory.getLogger(AgentInvite.class);

    private static final int MAX_FORWARDS = 70;

    /** Who is called where, on whose behalf, with which offer. */
    record Target(String contactUri, String workNumber, String callerNumber, String callerDisplay, String sdpOffer) {
    }

    private AgentInvite() {
    }

    /**
     * @throws ParseException if the contact is not a sip: URI over a transport we listen on
     */
    static Request build(SipMessaging m, Target target) throws ParseException {
        URI uri = m.addresses.createURI(target.contactUri());
        if (!(uri instanceof SipURI contact) || contact.isSecure()) {
            throw new ParseException("not a sip: contact: " + target.contactUri(), 0);
        }
        String transport = contact.getTransportParam() == null ? "udp"
                : contact.getTransportParam().toLowerCase(Locale.ROOT);
        if (m.provider.getListeningPoint(transport) == null) {
            throw new ParseException("contact needs transport " + transport + ", not listened on", 0);
        }
        try {
            CallIdHeader callId = m.provider.getNewCallId();
            ViaHeader via = m.headers.createViaHeader(m.advertisedAddress(), m.port(), transport, null);
            via.setRPort();
            Request invite = m.messages.createRequest(contact, Request.INVITE, callId,
                    m.headers.createCSeqHeader(1L, Request.INVITE),
                    m.headers.createFromHeader(from(m, target), newTag()),
                    m.headers.createToHeader(m.addresses.createAddress(
                            m.addresses.createSipURI(target.workNumber(), contact.getHost())), null),
                    List.of(via), m.headers.createMaxForwardsHeader(MAX_FORWARDS));
            invite.addHeader(m.contact(invite));
            invite.addHeader(m.headers.createAllowHeader(SipMessaging.ALLOWED_METHODS));
            invite.setContent(target.sdpOffer(), m.headers.createContentTypeHeader("application", "sdp"));
            return invite;
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("constant CSeq, port or Max-Forwards rejected", e);
        }
    }

    /** ACKs a 2xx of the INVITE in its dialog (RFC 3261 §13.2.2.4); a failure is logged. */
    static void ack(SipMessaging messaging, Dialog dialog, Response ok) {
        try {
            dialog.sendAck(dialog.createAck(CallDialog.cseq(ok)));
            messaging.traffic().requestSent(Request.ACK);
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            log.atWarn().addKeyValue("callId", SipCall.callIdOf(ok)).setCause(e).log("could not ACK the agent's 2xx");
        }
    }

    /** CANCELs the INVITE on its own client transaction, whose answers go to {@code owner} (RFC 3261 §9.1). */
    static void cancel(SipCallContext ctx, ClientTransaction inviteTx, DialogEndpoint owner) {
        try {
            ClientTransaction ct = ctx.messaging().provider.getNewClientTransaction(inviteTx.createCancel());
            ct.setApplicationData(owner);
            SipMessaging.tune(ct, ctx.tuning());
            ct.sendRequest();
            ctx.messaging().traffic().requestSent(Request.CANCEL);
            log.atInfo().addKeyValue("callId", owner.callId()).log("CANCEL sent to agent");
        } catch (SipException | RuntimeException e) {
            log.atWarn().addKeyValue("callId", owner.callId()).setCause(e).log("could not CANCEL the agent's INVITE");
        }
    }

    /** Makes the stack forget an INVITE transaction and its early dialog that will get no more answers. */
    static void abandon(ClientTransaction inviteTx) {
        try {
            inviteTx.terminate();
        } catch (ObjectInUseException e) {
            log.atWarn().addKeyValue("callId", SipCall.callIdOf(inviteTx.getRequest())).setCause(e)
                    .log("stack kept the INVITE transaction");
        }
        Dialog dialog = inviteTx.getDialog();
        if (dialog != null && dialog.getState() != DialogState.TERMINATED) {
            dialog.delete();
        }
    }

    /**
     * A provisional response the stack processes while the 2xx of the same INVITE confirms the
     * dialog (two stack threads) makes the RI open a second, early dialog with the same tags, as if
     * the response had forked (RFC 3261 §12.1.2), and the response itself is dropped; nothing would
     * end that dialog before the stack's early-dialog timeout. Drops it once our dialog is over.
     */
    static void dropOrphanEarlyDialog(SipProvider provider, Dialog dialog) {
        if (!(provider.getSipStack() instanceof SIPTransactionStack stack)) {
            return;
        }
        String callId = dialog.getCallId().getCallId();
        for (Dialog early : stack.getDialogs(DialogState.EARLY)) {
            if (early != dialog && early.getApplicationData() == null && callId.equals(early.getCallId().getCallId())) {
                log.atDebug().addKeyValue("callId", callId)
                        .log("orphan early dialog of a late provisional response dropped");
                early.delete();
            }
        }
    }

    /**
     * Deletes every early dialog of this Call-ID that no leg owns: provisional responses with a
     * to-tag of their own (a late one, or one per forked branch of the agent's side) make the stack
     * create dialogs that no final response ever ends once our leg is over.
     */
    static void dropOrphanEarlyDialogs(SipProvider provider, String callId) {
        if (provider.getSipStack() instanceof SIPTransactionStack stack) {
            for (javax.sip.Dialog orphan : List.copyOf(stack.getDialogs())) {
                if (orphan.getApplicationData() == null && orphan.getState() != javax.sip.DialogState.TERMINATED
                        && callId.equals(orphan.getCallId().getCallId())) {
                    log.atDebug().addKeyValue("callId", callId).log("orphan early dialog dropped");
                    orphan.delete();
                }
            }
        }
    }

    /** The caller as the agent's phone shows them; a number that is not a plain user part shows as anonymous. */
    private static Address from(SipMessaging m, Target target) throws ParseException {
        String number = target.callerNumber();
        boolean plain = !number.isEmpty()
                && number.chars().allMatch(c -> Character.isLetterOrDigit(c) || "+-_.".indexOf(c) >= 0);
        Address from = m.addresses.createAddress(m.addresses.createSipURI(plain ? number : "anonymous",
                m.advertisedAddress()));
        if (target.callerDisplay() != null && !target.callerDisplay().isBlank()) {
            from.setDisplayName(target.callerDisplay());
        }
        return from;
    }

    /** RFC 3261 §19.3: a tag with at least 32 bits of randomness. */
    private static String newTag() {
        return Long.toHexString(UUID.randomUUID().getLeastSignificantBits());
    }
}
