package org.hotline.sip;

import java.util.Optional;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import org.hotline.sip.registrar.RegisterHandler;

/**
 * REGISTER from an agent's softphone (RFC 3261 §10.3, digest auth §22): answered by the
 * {@link RegisterHandler} through the request's server transaction, so the stack absorbs
 * retransmissions (a retransmitted answer reaching the authenticator would look like a replayed
 * nonce-count). Runs on a stack thread; everything it does is in memory.
 */
final class RegisterRequestHandler implements RequestHandler {

    private final SipMessaging messaging;
    private final RegisterHandler registrar;

    RegisterRequestHandler(SipMessaging messaging, RegisterHandler registrar) {
        this.messaging = messaging;
        this.registrar = registrar;
    }

    @Override
    public void handle(RequestEvent event) throws Exception {
        Optional<ServerTransaction> tx = messaging.transactionFor(event);
        if (tx.isPresent()) {
            messaging.send(tx.get(), registrar.handle(event.getRequest(), SipMessaging.source(event)));
        }
    }
}
