package org.hotline.sip;

/** REFER inside a dialog (RFC 3515): an agent's blind transfer; callers are refused. */
final class ReferHandler {

    private ReferHandler() {
    }

    static RequestHandler create(SipMessaging messaging, ActiveCalls calls) {
        return new InDialogHandler(messaging, calls, (endpoint, tx) -> endpoint.onRefer(tx, tx.getRequest()));
    }
}
