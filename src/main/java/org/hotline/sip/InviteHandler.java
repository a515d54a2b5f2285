package org.hotline.sip;

import org.hotline.call.EndReason;
import java.text.ParseException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.address.TelURL;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.call.CallInfo;
import org.hotline.call.IncomingCallHandler;
import org.hotline.media.MediaEngine;
import org.hotline.media.MediaSession;
import org.hotline.media.PortsExhaustedException;
import org.hotline.sip.sdp.NegotiatedMedia;
import org.hotline.sip.sdp.SdpRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INVITE, on a stack thread. A re-INVITE goes to its call. A new INVITE gets 100 Trying, then
 * 404 (number not ours), 415/488 (no usable SDP), 503 (no RTP ports) or a {@link SipCall} that
 * rings (180) and is handed to the {@link IncomingCallHandler}, which returns at once.
 */
final class InviteHandler implements RequestHandler {

    private static final Logger log = LoggerFactory.getLogger(InviteHandler.class);
    private static final int PORTS_RETRY_AFTER_SECONDS = 5;

    private final SipCallContext ctx;
    private final Set<String> numbers;
    private final MediaEngine mediaEngine;
    private final IncomingCallHandler incoming;

    InviteHandler(SipCallContext ctx, Set<String> numbers, MediaEngine mediaEngine, IncomingCallHandler incoming) {
        this.ctx = ctx;
        this.numbers = Set.copyOf(numbers);
        this.mediaEngine = mediaEngine;
        this.incoming = incoming;
    }

    @Override
    public void handle(RequestEvent event) throws Exception {
        Request invite = event.getRequest();
        String callId = SipCall.callIdOf(invite);
        boolean inDialog = ((ToHeader) invite.getHeader(ToHeader.NAME)).getTag() != null;
        if (invite.getHeader(ContactHeader.NAME) == null) {
            log.atInfo().addKeyValue("callId", callId).log("INVITE without Contact: 400");
            ctx.messaging().respondStateless(invite, Response.BAD_REQUEST, "Missing Contact header");
            return;
        }
        Optional<ServerTransaction> maybeTx = ctx.messaging().transactionFor(event);
        if (maybeTx.isEmpty()) {
            return;
        }
        ServerTransaction tx = maybeTx.get();
        if (inDialog) {
            ctx.calls().get(callId).ifPresentOrElse(call -> call.onReInvite(tx, invite),
                    () -> reject(tx, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null));
            return;
        }
        ctx.messaging().send(tx, ctx.messaging().response(invite, Response.TRYING));
        String toTag = newTag();
        if (ctx.calls().contains(callId)) {
            reject(tx, Response.LOOP_DETECTED, toTag);
            return;
        }
        String dialled = user(invite.getRequestURI());
        if (!numbers.contains(dialled)) {
            log.atInfo().addKeyValue("callId", callId).addKeyValue("dialled", dialled).log("unknown number: 404");
            reject(tx, Response.NOT_FOUND, toTag);
            return;
        }
        accept(tx, invite, dialled, toTag);
    }

    private void accept(ServerTransaction tx, Request invite, String dialled, String toTag) throws ParseException {
        String callId = SipCall.callIdOf(invite);
        String offer = null;
        if (CallDialog.body(invite) != null) {
            if (!CallDialog.hasSdp(invite)) {
                reject(tx, Response.UNSUPPORTED_MEDIA_TYPE, toTag);
                return;
            }
            offer = CallDialog.body(invite);
            try {
                ctx.negotiator().check(offer);
            } catch (SdpRejectedException e) {
                rejectSdp(ctx.messaging(), tx, e, toTag);
                return;
            }
        }
        MediaSession session;
        try {
            session = mediaEngine.open(callId);
        } catch (PortsExhaustedException e) {
            log.atWarn().addKeyValue("callId", callId).setCause(e).log("no RTP ports: 503");
            rejectBusy(tx, toTag);
            return;
        }
        startCall(tx, invite, dialled, toTag, offer, session);
    }

    private void startCall(ServerTransaction tx, Request invite, String dialled, String toTag, String offer,
            MediaSession session) {
        String callId = SipCall.callIdOf(invite);
        long sdpSessionId = ctx.clock().millis();
        NegotiatedMedia negotiated = null;
        try {
            if (offer != null) {
                negotiated = ctx.negotiator().answer(offer,
                        CallMedia.firstLocal(session, ctx.messaging().advertisedAddress(), sdpSessionId));
            }
        } catch (SdpRejectedException e) {
            session.close();
            rejectSdp(ctx.messaging(), tx, e, toTag);
            return;
        }
        CallMedia media = new CallMedia(session, ctx.negotiator(), ctx.messaging().advertisedAddress(), sdpSessionId,
                negotiated);
        CallInfo info = new CallInfo(callId, caller(invite), dialled, CallInfo.Front.SIP, ctx.clock().instant());
        SipCall call = new SipCall(ctx, info, tx, toTag, media);
        call.offer();
        if (!ctx.calls().register(call)) {
            call.hangup(EndReason.FAILURE);
            return;
        }
        if (call.ring()) {
            incoming.onIncomingCall(call);
        }
    }

    static void rejectSdp(SipMessaging messaging, ServerTransaction tx, SdpRejectedException e, String toTag) {
        Request request = tx.getRequest();
        log.atInfo().addKeyValue("callId", SipCall.callIdOf(request)).addKeyValue("warning", e.warningCode())
                .addKeyValue("reason", e.getMessage()).log("SDP offer not acceptable: 488");
        try {
            Response response = messaging.inviteResponse(request, Response.NOT_ACCEPTABLE_HERE, toTag);
            response.addHeader(messaging.headers.createWarningHeader(messaging.advertisedAddress(), e.warningCode(),
                    e.getMessage()));
            messaging.send(tx, response);
        } catch (ParseException | InvalidArgumentException ex) {
            log.atWarn().addKeyValue("callId", SipCall.callIdOf(request)).setCause(ex).log("could not send 488");
        }
    }

    private void rejectBusy(ServerTransaction tx, String toTag) throws ParseException {
        Response response = ctx.messaging().inviteResponse(tx.getRequest(), Response.SERVICE_UNAVAILABLE, toTag);
        try {
            response.addHeader(ctx.messaging().headers.createRetryAfterHeader(PORTS_RETRY_AFTER_SECONDS));
        } catch (InvalidArgumentException e) {
            throw new IllegalStateException("constant Retry-After rejected", e);
        }
        ctx.messaging().send(tx, response);
    }

    private void reject(ServerTransaction tx, int status, String toTag) {
        try {
            ctx.messaging().send(tx, ctx.messaging().inviteResponse(tx.getRequest(), status, toTag));
        } catch (ParseException e) {
            log.atWarn().addKeyValue("callId", SipCall.callIdOf(tx.getRequest())).setCause(e)
                    .log("could not reject INVITE");
        }
    }

    static String user(URI uri) {
        if (uri instanceof SipURI sip) {
            return sip.getUser() == null ? "" : sip.getUser();
        }
        if (uri instanceof TelURL tel) {
            return tel.getPhoneNumber();
        }
        return "";
    }

    private static String caller(Request invite) {
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        String user = user(from.getAddress().getURI());
        return user.isEmpty() ? from.getAddress().getURI().toString() : user;
    }

    /** RFC 3261 §19.3: a tag with at least 32 bits of randomness. */
    private static String newTag() {
        return Long.toHexString(UUID.randomUUID().getLeastSignificantBits());
    }
}
