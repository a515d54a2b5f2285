package org.hotline.sip;

/** INFO carrying DTMF (application/dtmf-relay, application/dtmf): 200 and the digit to the call. */
final class InfoHandler {

    private InfoHandler() {
    }

    static RequestHandler create(SipMessaging messaging, ActiveCalls calls) {
        return new InDialogHandler(messaging, calls, (endpoint, tx) -> endpoint.onInfo(tx, tx.getRequest()));
    }
}
