package org.hotline.sip;

/** CANCEL while ringing (RFC 3261 §9.2): 200 to the CANCEL, 487 to the INVITE, Ended(CANCELLED). */
final class CancelHandler {

    private CancelHandler() {
    }

    static RequestHandler create(SipMessaging messaging, ActiveCalls calls) {
        return new InDialogHandler(messaging, calls, DialogEndpoint::onCancel);
    }
}
