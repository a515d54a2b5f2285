package org.hotline.acd;

/** A call joined the ACD while it was already waiting or talking to an agent: a front error. */
public final class DuplicateCallException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public DuplicateCallException(String callId) {
        super("call already in the ACD: " + callId);
    }
}
