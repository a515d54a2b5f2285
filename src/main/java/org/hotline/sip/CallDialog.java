package org.hotline.sip;

import javax.sip.header.Header;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.sip.sdp.NegotiatedMedia;
import org.hotline.sip.sdp.SdpRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP messages one dialog sends: responses to its INVITE and in-dialog requests, BYE, REFER and
 * NOTIFY. Used by a caller's {@link SipCall} (with the INVITE's server transaction) and by an
 * agent leg (no server transaction: we sent the INVITE). Failures to send are logged with the
 * Call-ID. Holds no mutable state; safe from any thread.
 */
final class CallDialog {

    private static final Logger log = LoggerFactory.getLogger(CallDialog.class);
    private static final int RETRY_AFTER_SECONDS = 1;

    private final SipCallContext ctx;
    private final DialogEndpoint owner;
    private final ServerTransaction inviteTx;
    private final Dialog dialog;
    private final String toTag;

    /** {@code inviteTx} and {@code toTag} are null for a dialog we created as UAC. */
    CallDialog(SipCallContext ctx, DialogEndpoint owner, ServerTransaction inviteTx, Dialog dialog, String toTag) {
        this.ctx = ctx;
        this.owner = owner;
        this.inviteTx = inviteTx;
        this.dialog = dialog;
        this.toTag = toTag;
    }

    static String body(Message message) {
        byte[] raw = message.getRawContent();
        return raw == null || raw.length == 0 ? null : new String(raw, StandardCharsets.UTF_8);
    }

    static long cseq(Message message) {
        CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
        return cseq == null ? -1 : cseq.getSeqNumber();
    }

    long inviteCseq() {
        return cseq(inviteTx.getRequest());
    }

    static boolean hasSdp(Message message) {
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        return body(message) != null && type != null
                && "application".equalsIgnoreCase(type.getContentType())
                && "sdp".equalsIgnoreCase(type.getContentSubType());
    }

    /** A response to the initial INVITE, with an SDP body when {@code sdp} is not null. */
    void sendInviteResponse(int status, String sdp) {
        try {
            Response response = messaging().inviteResponse(inviteTx.getRequest(), status, toTag);
            if (sdp != null) {
                response.setContent(sdp, messaging().headers.createContentTypeHeader("application", "sdp"));
            }
            messaging().send(inviteTx, response);
        } catch (ParseException e) {
            logFailure("could not build INVITE response " + status, e);
        }
    }

    void respond(ServerTransaction tx, int status) {
        try {
            messaging().send(tx, messaging().response(tx.getRequest(), status));
        } catch (ParseException e) {
            logFailure("could not build response " + status, e);
        }
    }

    /** RFC 3261 §14.2: a re-INVITE before our 2xx was ACKed gets 500 with Retry-After. */
    void rejectReInviteForNow(ServerTransaction tx) {
        try {
            Response response = messaging().response(tx.getRequest(), Response.SERVER_INTERNAL_ERROR);
            response.addHeader(messaging().headers.createRetryAfterHeader(RETRY_AFTER_SECONDS));
            messaging().send(tx, response);
        } catch (ParseException | InvalidArgumentException e) {
            logFailure("could not reject re-INVITE", e);
        }
    }

    /** Answers a re-INVITE: hold/resume or a new address/codec; 488 keeps the old session (RFC 3261 §14.2). */
    void answerReInvite(ServerTransaction tx, Request reInvite, CallMedia media) {
        try {
            String sdp;
            if (hasSdp(reInvite)) {
                NegotiatedMedia n = media.answerReOffer(body(reInvite));
                sdp = n.answerSdp();
                log.atInfo().addKeyValue("callId", owner.callId())
                        .addKeyValue("direction", n.offeredDirection()).addKeyValue("held", !n.peerReceives())
                        .log("re-INVITE answered");
            } else {
                sdp = media.offerForReInvite(cseq(reInvite));
            }
            Response ok = messaging().inviteResponse(reInvite, Response.OK, null);
            ok.setContent(sdp, messaging().headers.createContentTypeHeader("application", "sdp"));
            messaging().send(tx, ok);
        } catch (SdpRejectedException e) {
            InviteHandler.rejectSdp(messaging(), tx, e, null);
        } catch (ParseException e) {
            logFailure("could not answer re-INVITE", e);
        }
    }

    /** The peer's answer to our offer arrives in the ACK (RFC 3264 delayed offer); unusable ends the call. */
    void acceptAnswerFromAck(CallMedia media, Request ack) {
        if (!hasSdp(ack)) {
            log.atWarn().addKeyValue("callId", owner.callId()).log("ACK without the SDP answer to our offer");
            owner.onMediaFailure();
            return;
        }
        try {
            media.acceptAnswer(body(ack));
        } catch (SdpRejectedException e) {
            log.atWarn().addKeyValue("callId", owner.callId()).setCause(e).log("unusable SDP answer in ACK");
            owner.onMediaFailure();
        }
    }

    /**
     * Hands the key an INFO carries to {@code digits}, then answers 200 (so the digit is buffered
     * before the sender learns it arrived); 415 for a body that is not DTMF (RFC 6086 §4.2.2).
     */
    void onInfo(ServerTransaction tx, Request info, Consumer<Character> digits) {
        ContentTypeHeader type = (ContentTypeHeader) info.getHeader(ContentTypeHeader.NAME);
        String body = body(info);
        String mime = type == null ? "" : type.getContentType() + "/" + type.getContentSubType();
        if (body != null && !DtmfInfo.supports(mime)) {
            respond(tx, Response.UNSUPPORTED_MEDIA_TYPE);
            return;
        }
        Optional<Character> digit = DtmfInfo.parse(mime, body);
        log.atDebug().addKeyValue("callId", owner.callId()).addKeyValue("digit", digit.orElse('?'))
                .log("INFO received");
        digit.ifPresent(digits);
        respond(tx, Response.OK);
    }

    void sendBye(CompletableFuture<Void> done) {
        if (!sendInDialog(Request.BYE, null)) {
            done.complete(null);
        }
    }

    boolean sendRefer(String targetUri) {
        try {
            ReferToHeader referTo = messaging().headers.createReferToHeader(messaging().addresses.createAddress(targetUri));
            return sendInDialog(Request.REFER, referTo);
        } catch (ParseException e) {
            logFailure("bad transfer target " + targetUri, e);
            return false;
        }
    }

    private boolean sendInDialog(String method, Header extra) {
        return sendInDialog(method, extra == null ? List.of() : List.of(extra), null, null);
    }

    /**
     * Sends a request in the dialog on a new client transaction whose responses go to the owner.
     * {@code contentType} is "type/subtype", or null for no body.
     */
    boolean sendInDialog(String method, List<Header> extra, String contentType, String body) {
        return sendRequest(method, extra, contentType, body).isPresent();
    }

    /** As {@link #sendInDialog}, giving the client transaction the request went out on. */
    Optional<ClientTransaction> sendRequest(String method, List<Header> extra, String contentType, String body) {
        try {
            Request request = dialog.createRequest(method);
            for (Header header : extra) {
                request.addHeader(header);
            }
            if (contentType != null) {
                String[] type = contentType.split("/", 2);
                request.setContent(body, messaging().headers.createContentTypeHeader(type[0], type[1]));
            }
            ClientTransaction ct = messaging().provider.getNewClientTransaction(request);
            ct.setApplicationData(owner);
            SipMessaging.tune(ct, ctx.tuning());
            dialog.sendRequest(ct);
            messaging().traffic().requestSent(method);
            log.atInfo().addKeyValue("callId", owner.callId()).addKeyValue("method", method).log("sent");
            return Optional.of(ct);
        } catch (SipException | ParseException | RuntimeException e) {
            logFailure("could not send " + method, e);
            return Optional.empty();
        }
    }

    private SipMessaging messaging() {
        return ctx.messaging();
    }

    private void logFailure(String what, Exception e) {
        log.atWarn().addKeyValue("callId", owner.callId()).setCause(e).log(what);
    }
}
