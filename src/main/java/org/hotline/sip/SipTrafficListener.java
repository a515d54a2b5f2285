package org.hotline.sip;

/**
 * The SIP front's one counting hook: each request and response Hotline receives or sends itself, by
 * method (the CSeq method for responses) and status code. Metrics implement it outside this package;
 * retransmissions the stack sends or absorbs on its own are not seen.
 *
 * <p>Called on SIP stack threads and call virtual threads, several at once: implementations must be
 * thread-safe, fast, must not block and must not throw.
 */
public interface SipTrafficListener {

    void requestReceived(String method);

    void requestSent(String method);

    void responseReceived(String method, int statusCode);

    void responseSent(String method, int statusCode);

    /** Counts nothing. */
    SipTrafficListener NONE = new SipTrafficListener() {
        @Override
        public void requestReceived(String method) {
        }

        @Override
        public void requestSent(String method) {
        }

        @Override
        public void responseReceived(String method, int statusCode) {
        }

        @Override
        public void responseSent(String method, int statusCode) {
        }
    };
}
