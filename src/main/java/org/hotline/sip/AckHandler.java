package org.hotline.sip;

import javax.sip.RequestEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ACK for our 2xx (RFC 3261 §13.3.1.4; ACKs for non-2xx stay inside the stack's transaction):
 * confirms a caller's call and, after a delayed offer (also in an agent's re-INVITE), carries the
 * SDP answer.
 */
final class AckHandler implements RequestHandler {

    private static final Logger log = LoggerFactory.getLogger(AckHandler.class);

    private final ActiveCalls calls;

    AckHandler(ActiveCalls calls) {
        this.calls = calls;
    }

    @Override
    public void handle(RequestEvent event) {
        String callId = SipCall.callIdOf(event.getRequest());
        calls.endpoint(callId).ifPresentOrElse(
                call -> call.onAck(event.getRequest()),
                () -> log.atDebug().addKeyValue("callId", callId).log("ACK for a call no longer active"));
    }
}
