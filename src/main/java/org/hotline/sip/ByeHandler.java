package org.hotline.sip;

/** BYE from the caller (RFC 3261 §15.1.2): 200, media closed, Ended(CALLER_HANGUP). */
final class ByeHandler {

    private ByeHandler() {
    }

    static RequestHandler create(SipMessaging messaging, ActiveCalls calls) {
        return new InDialogHandler(messaging, calls, SipCall::onBye);
    }
}
