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
import org.hotline.call.CallAdmission;
import org.hotline.call.CallInfo;
import org.hotline.call.IncomingCallHandler;
import org.hotline.event.CallEvent;
import org.hotline.media.MediaSession;
import org.hotline.media.PortsExhaustedException;
import org.hotline.sip.sdp.NegotiatedMedia;
import org.hotline.sip.sdp.SdpRejectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * INVITE, on a stack thread. A re-INVITE goes to its caller's call or agent leg. A new INVITE gets
 * 100 Trying, then 404 (number not ours), 415/488 (no usable SDP), 503 (no RTP ports) or a
 * {@link SipCall} that rings (180) and is handed to the {@link IncomingCallHandler}, which returns
 * at once. An agent's feature code ({@code *1}) is first authenticated by {@link FeatureCodeCalls}.
 */
final class InviteHandler implements RequestHandler {

    private static final Logger log = LoggerFactory.getLogger(InviteHandler.class);
    private static final int PORTS_RETRY_AFTER_SECONDS = 5;

    private final SipCallContext ctx;
    private final Set<String> numbers;
    private final IncomingCallHandler incoming;
    private final FeatureCodeCalls featureCodes;
    private final SipFront.Continuity continuity;

    InviteHandler(SipCallContext ctx, Set<String> numbers, IncomingCallHandler incoming,
            FeatureCodeCalls featureCodes) {
        this(ctx, numbers, incoming, featureCodes, SipFront.Continuity.NONE);
    }

    /** @param continuity rule R20's overload admission and where the calls past it go */
    InviteHandler(SipCallContext ctx, Set<String> numbers, IncomingCallHandler incoming,
            FeatureCodeCalls featureCodes, SipFront.Continuity continuity) {
        this.ctx = ctx;
        this.numbers = Set.copyOf(numbers);
        this.incoming = incoming;
        this.featureCodes = featureCodes;
        this.continuity = continuity;
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
            ctx.calls().endpoint(callId).ifPresentOrElse(endpoint -> endpoint.onReInvite(tx, invite),
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
        if (FeatureCodeCalls.isFeatureCode(dialled)) {
            featureCodes.admit(tx, invite, SipMessaging.source(event), toTag).ifPresent(workNumber ->
                    accept(new Arrival(ctx.unannounced(), tx, invite, dialled, toTag,
                            featureCodes.runner(workNumber, dialled), false)));
            return;
        }
        if (!numbers.contains(dialled)) {
            log.atInfo().addKeyValue("callId", callId).addKeyValue("dialled", dialled).log("unknown number: 404");
            reject(tx, Response.NOT_FOUND, toTag);
            return;
        }
        accept(new Arrival(ctx, tx, invite, dialled, toTag, incoming, true));
    }

    /**
     * A new INVITE we take: the context its call lives in, who runs the call once it rings, and
     * whether it counts against rule R20's overload limit (callers do, agents' feature codes not).
     */
    private record Arrival(SipCallContext ctx, ServerTransaction tx, Request invite, String dialled, String toTag,
            IncomingCallHandler handler, boolean caller) {
    }

    private void accept(Arrival arrival) {
        ServerTransaction tx = arrival.tx();
        String callId = SipCall.callIdOf(arrival.invite());
        String offer = null;
        if (CallDialog.body(arrival.invite()) != null) {
            if (!CallDialog.hasSdp(arrival.invite())) {
                reject(tx, Response.UNSUPPORTED_MEDIA_TYPE, arrival.toTag());
                return;
            }
            offer = CallDialog.body(arrival.invite());
            try {
                ctx.negotiator().check(offer);
            } catch (SdpRejectedException e) {
                rejectSdp(ctx.messaging(), tx, e, arrival.toTag());
                return;
            }
        }
        MediaSession session;
        try {
            session = ctx.mediaEngine().open(callId);
        } catch (PortsExhaustedException e) {
            log.atWarn().addKeyValue("callId", callId).setCause(e).log("no RTP ports: 503");
            rejectBusy(tx, arrival.toTag());
            return;
        }
        startCall(arrival, offer, session);
    }

    private void startCall(Arrival arrival, String offer, MediaSession session) {
        Request invite = arrival.invite();
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
            rejectSdp(ctx.messaging(), arrival.tx(), e, arrival.toTag());
            return;
        }
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        IncomingCallHandler handler = arrival.handler();
        if (arrival.caller()) {
            switch (continuity.admission().admit(callId)) {
                case ADMIT -> { }
                case BUSY_MESSAGE -> handler = continuity.overloaded(); // rule R20
                case REJECT -> {
                    session.close();
                    rejectOverloaded(arrival, caller(from));
                    return;
                }
            }
        }
        CallMedia media = new CallMedia(session, ctx.negotiator(), ctx.messaging().advertisedAddress(), sdpSessionId,
                negotiated);
        CallInfo info = new CallInfo(callId, caller(from), arrival.dialled(), CallInfo.Front.SIP,
                ctx.clock().instant());
        SipCall call = new SipCall(arrival.ctx(), info, from.getAddress().getDisplayName(), arrival.tx(),
                arrival.toTag(), media);
        call.offer();
        if (!ctx.calls().register(call)) {
            call.hangup(EndReason.FAILURE);
            return;
        }
        if (call.ring()) {
            handler.onIncomingCall(call);
        }
    }

    /** Rule R20: past overload.maxCalls, 503 with the configured Retry-After (RFC 3261 §21.5.4). */
    private void rejectOverloaded(Arrival arrival, String caller) {
        String callId = SipCall.callIdOf(arrival.invite());
        log.atWarn().addKeyValue("callId", callId).addKeyValue("admitted", continuity.admission().admittedCalls())
                .log("overload: 503 with Retry-After");
        ctx.events().onEvent(new CallEvent.CallRefused(callId, ctx.clock().instant(), caller,
                CallAdmission.Decision.REJECT.name()));
        try {
            Response response = ctx.messaging().inviteResponse(arrival.invite(), Response.SERVICE_UNAVAILABLE,
                    arrival.toTag());
            response.addHeader(ctx.messaging().headers.createRetryAfterHeader(
                    (int) continuity.admission().retryAfter().toSeconds()));
            ctx.messaging().send(arrival.tx(), response);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("503 with Retry-After rejected", e);
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

    private void rejectBusy(ServerTransaction tx, String toTag) {
        try {
            Response response = ctx.messaging().inviteResponse(tx.getRequest(), Response.SERVICE_UNAVAILABLE, toTag);
            response.addHeader(ctx.messaging().headers.createRetryAfterHeader(PORTS_RETRY_AFTER_SECONDS));
            ctx.messaging().send(tx, response);
        } catch (ParseException | InvalidArgumentException e) {
            throw new IllegalStateException("constant 503 with Retry-After rejected", e);
        }
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

    private static String caller(FromHeader from) {
        String user = user(from.getAddress().getURI());
        return user.isEmpty() ? from.getAddress().getURI().toString() : user;
    }

    /** RFC 3261 §19.3: a tag with at least 32 bits of randomness. */
    private static String newTag() {
        return Long.toHexString(UUID.randomUUID().getLeastSignificantBits());
    }
}
