package org.hotline.sip;

/** BYE from a caller or an agent (RFC 3261 §15.1.2): 200, media closed, the call or leg ended. */
final class ByeHandler {

    private ByeHandler() {
    }

    static RequestHandler create(SipMessaging messaging, ActiveCalls calls) {
        return new InDialogHandler(messaging, calls, DialogEndpoint::onBye);
    }
}
