package org.hotline.call;

/** How a caller left a queue; decides what the call flow says next. */
public enum QueueOutcome {
    /** An agent took the call and the conversation is over; the flow runs the survey and closing. */
    SERVED,
    /** No agent could take the call (none staffed, maximum wait reached): rule R9's failure path. */
    NOT_SERVED,
    /** The caller hung up while waiting. */
    ABANDONED,
    /**
     * Rule R12: the caller asked to be called back and keeps their place in line as a callback; the
     * flow says the closing and hangs up. Not an abandon.
     */
    CALLBACK
}
