package org.hotline.sip;

/** NOTIFY reporting a transfer's progress (RFC 3515 §2.4.4): 200, sipfrag status to the call. */
final class NotifyHandler {

    private NotifyHandler() {
    }

    static RequestHandler create(SipMessaging messaging, ActiveCalls calls) {
        return new InDialogHandler(messaging, calls, (endpoint, tx) -> endpoint.onNotify(tx, tx.getRequest()));
    }
}
