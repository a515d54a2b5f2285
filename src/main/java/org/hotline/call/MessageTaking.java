package org.hotline.call;

/**
 * Where the call flow turns when a caller cannot be served and may leave a message instead (rules
 * R9, R19, R20): offers it, and records it if the caller accepts. Blocks the call's virtual
 * thread; implementations are shared by all calls and thread-safe.
 */
@FunctionalInterface
public interface MessageTaking {

    /** Why a message is offered; recorded with it. */
    enum Reason {
        /** Rule R9: the queue could not serve the caller. */
        NOT_SERVED,
        /** Rule R19: the hotline is closed. */
        AFTER_HOURS,
        /** Rule R20: the ACD could not take the call at all. */
        ACD_UNAVAILABLE
    }

    /**
     * Offers to leave a message and takes it if the caller accepts.
     *
     * @param queue the queue the caller was heading for, or null
     * @return true if a message was left (the caller heard it confirmed)
     * @throws CallHungUpException if the caller hung up (a message being recorded is kept first)
     */
    boolean offer(CallControl call, String language, Reason reason, String queue);

    /** No messages: nothing is offered. */
    MessageTaking NONE = (call, language, reason, queue) -> false;
}
