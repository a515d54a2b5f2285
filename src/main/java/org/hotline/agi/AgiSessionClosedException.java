package org.hotline.agi;

/** The FastAGI connection closed (Asterisk ended the script, or the socket was reset) before a reply came. */
public final class AgiSessionClosedException extends RuntimeException {

    public AgiSessionClosedException(String sessionId) {
        super("AGI session closed: " + sessionId, null, false, false);
    }
}
