package org.hotline.sip;

import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Response;

/** OPTIONS (RFC 3261 §11.2): 200 with what we allow and accept; used by peers as a keep-alive. */
final class OptionsHandler implements RequestHandler {

    private final SipMessaging messaging;

    OptionsHandler(SipMessaging messaging) {
        this.messaging = messaging;
    }

    @Override
    public void handle(RequestEvent event) throws Exception {
        Optional<ServerTransaction> tx = messaging.transactionFor(event);
        if (tx.isEmpty()) {
            return;
        }
        Response ok = messaging.response(event.getRequest(), Response.OK);
        ok.addHeader(messaging.headers.createAllowHeader(SipMessaging.ALLOWED_METHODS));
        ok.addHeader(messaging.headers.createAcceptHeader("application", "sdp"));
        messaging.send(tx.get(), ok);
    }
}
