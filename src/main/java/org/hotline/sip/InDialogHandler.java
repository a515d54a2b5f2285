package org.hotline.sip;

import java.util.Optional;
import java.util.function.BiConsumer;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Response;

/**
 * A request that only makes sense inside one of our dialogs (BYE, CANCEL, INFO, NOTIFY, REFER):
 * finds the caller's call or agent leg by Call-ID and hands it the request's transaction; 481
 * when there is no such dialog
 * (RFC 3261 §12.2.2, §9.2).
 */
final class InDialogHandler implements RequestHandler {

    private final SipMessaging messaging;
    private final ActiveCalls calls;
    private final BiConsumer<DialogEndpoint, ServerTransaction> action;

    InDialogHandler(SipMessaging messaging, ActiveCalls calls, BiConsumer<DialogEndpoint, ServerTransaction> action) {
        this.messaging = messaging;
        this.calls = calls;
        this.action = action;
    }

    @Override
    public void handle(RequestEvent event) throws Exception {
        Optional<DialogEndpoint> call = calls.endpoint(SipCall.callIdOf(event.getRequest()));
        if (call.isEmpty()) {
            messaging.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        Optional<ServerTransaction> tx = messaging.transactionFor(event);
        tx.ifPresent(st -> action.accept(call.get(), st));
    }
}
