package org.hotline.call;

/** Thrown by a blocking {@link CallControl} method once the remote party has hung up. */
public final class CallHungUpException extends RuntimeException {

    public CallHungUpException(String callId) {
        super("caller hung up: " + callId, null, false, false);
    }
}
