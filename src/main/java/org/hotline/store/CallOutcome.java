package org.hotline.store;

/** How a call turned out, as its record says. */
public enum CallOutcome {
    /** The call is still going on. */
    IN_PROGRESS,
    /** An agent took the call. */
    SERVED,
    /** The caller hung up while waiting for an agent. */
    ABANDONED,
    /** No agent could take the call (rule R9's failure path). */
    NOT_SERVED,
    /** The call ended in the IVR without asking for an agent. */
    IVR,
    /** Transferred to the after-hours or on-call line (rule R19). */
    TRANSFERRED,
    /** The server stopped during the call (crash or kill); a later run closed the record. */
    INTERRUPTED,
    /** Rule R12: the caller asked to be called back and left the queue keeping their place; not an abandon. */
    CALLBACK,
    /**
     * Rule R12, the callback's own record ({@code callback-<Call-ID>}): the customer answered and talked
     * with the agent (a callback is never SERVED nor ABANDONED: it has its own outcomes).
     */
    CALLBACK_SERVED,
    /**
     * Rule R12, the callback's own record: every attempt failed (busy, no answer, trunk failure, the
     * agent left first), or it could not be placed at all; not an abandon.
     */
    CALLBACK_GAVE_UP
}
