package org.hotline.acd;

/** A caller was sent to a queue the ACD was not set up with: a configuration or front error. */
public final class UnknownQueueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public UnknownQueueException(String queue) {
        super("unknown queue: " + queue);
    }
}
