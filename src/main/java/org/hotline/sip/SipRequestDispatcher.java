package org.hotline.sip;

import java.util.Set;
import java.util.Map;
import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.hotline.call.IncomingCallHandler;
import org.hotline.sip.registrar.RegisterHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one {@link SipListener} of the front: every request goes to its method's handler, every
 * response and timeout to the caller's call or agent leg that sent the request. The whole SIP pipeline is assembled in
 * {@link #assemble}. Called on the stack's pool threads, several at once (re-entrant listener);
 * handlers never block, and an exception never escapes into the stack.
 */
final class SipRequestDispatcher implements SipListener {

    private static final Logger log = LoggerFactory.getLogger(SipRequestDispatcher.class);

    private final SipMessaging messaging;
    private final Map<String, RequestHandler> handlers;

    private SipRequestDispatcher(SipMessaging messaging, Map<String, RequestHandler> handlers) {
        this.messaging = messaging;
        this.handlers = Map.copyOf(handlers);
    }

    /** The agents' way in: REGISTER and feature-code INVITEs (issue 3). */
    record AgentDoor(RegisterHandler register, FeatureCodeCalls featureCodes) {
    }

    static SipRequestDispatcher assemble(SipCallContext ctx, Set<String> numbers, IncomingCallHandler incoming,
            AgentDoor agents) {
        return assemble(ctx, numbers, incoming, agents, SipFront.Continuity.NONE);
    }

    /** With rule R20's overload admission on new INVITEs (issue 8). */
    static SipRequestDispatcher assemble(SipCallContext ctx, Set<String> numbers, IncomingCallHandler incoming,
            AgentDoor agents, SipFront.Continuity continuity) {
        SipMessaging messaging = ctx.messaging();
        ActiveCalls calls = ctx.calls();
        return new SipRequestDispatcher(messaging, Map.of(
                Request.INVITE, new InviteHandler(ctx, numbers, incoming, agents.featureCodes(), continuity),
                Request.ACK, new AckHandler(calls),
                Request.BYE, ByeHandler.create(messaging, calls),
                Request.CANCEL, CancelHandler.create(messaging, calls),
                Request.OPTIONS, new OptionsHandler(messaging),
                Request.INFO, InfoHandler.create(messaging, calls),
                Request.NOTIFY, NotifyHandler.create(messaging, calls),
                Request.REFER, ReferHandler.create(messaging, calls),
                Request.REGISTER, new RegisterRequestHandler(messaging, agents.register())));
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        messaging.traffic().requestReceived(request.getMethod());
        RequestHandler handler = handlers.get(request.getMethod());
        try {
            if (handler == null) {
                notAllowed(event);
            } else {
                handler.handle(event);
            }
        } catch (Exception e) {
            log.atError().addKeyValue("callId", SipCall.callIdOf(request)).addKeyValue("method", request.getMethod())
                    .setCause(e).log("request handling failed");
            if (!Request.ACK.equals(request.getMethod())) {
                messaging.respond(event, Response.SERVER_INTERNAL_ERROR);
            }
        }
    }

    private void notAllowed(RequestEvent event) throws Exception {
        if (Request.ACK.equals(event.getRequest().getMethod())) {
            return;
        }
        var tx = messaging.transactionFor(event);
        if (tx.isPresent()) {
            Response response = messaging.response(event.getRequest(), Response.METHOD_NOT_ALLOWED);
            response.addHeader(messaging.headers.createAllowHeader(SipMessaging.ALLOWED_METHODS));
            messaging.send(tx.get(), response);
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        Response response = event.getResponse();
        messaging.traffic().responseReceived(cseqMethod(response), response.getStatusCode());
        if (ct == null || !(ct.getApplicationData() instanceof ClientRequestOwner endpoint)) {
            // e.g. a 2xx retransmitted after its transaction ended: the stack re-sends our ACK
            log.atDebug().addKeyValue("callId", SipCall.callIdOf(response)).addKeyValue("status",
                    response.getStatusCode()).log("stray response dropped");
            return;
        }
        String method = ct.getRequest().getMethod();
        log.atInfo().addKeyValue("callId", endpoint.callId()).addKeyValue("method", method)
                .addKeyValue("status", response.getStatusCode()).log("response");
        try {
            endpoint.onResponse(ct, response);
        } catch (RuntimeException e) {
            log.atError().addKeyValue("callId", endpoint.callId()).addKeyValue("method", method).setCause(e)
                    .log("response handling failed");
        }
    }

    private static String cseqMethod(Response response) {
        return response.getHeader(CSeqHeader.NAME) instanceof CSeqHeader cseq ? cseq.getMethod() : "";
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (event.isServerTransaction()) {
            log.atDebug().addKeyValue("callId", SipCall.callIdOf(event.getServerTransaction().getRequest()))
                    .log("server transaction timed out");
            return;
        }
        ClientTransaction ct = event.getClientTransaction();
        if (ct.getApplicationData() instanceof ClientRequestOwner endpoint) {
            log.atWarn().addKeyValue("callId", endpoint.callId()).addKeyValue("method", ct.getRequest().getMethod())
                    .log("no response to our request");
            try {
                endpoint.onClientTimeout(ct);
            } catch (RuntimeException e) {
                log.atError().addKeyValue("callId", endpoint.callId()).setCause(e).log("timeout handling failed");
            }
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.atWarn().addKeyValue("peer", event.getHost() + ":" + event.getPort())
                .addKeyValue("transport", event.getTransport()).log("SIP I/O error");
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // the stack forgets the transaction; calls keep their own state
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        if (event.getDialog().getApplicationData() instanceof DialogEndpoint endpoint) {
            try {
                endpoint.onDialogTerminated();
            } catch (RuntimeException e) {
                log.atError().addKeyValue("callId", endpoint.callId()).setCause(e).log("dialog end handling failed");
            }
        }
    }
}
