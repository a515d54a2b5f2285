package org.hotline.acd;

/** Why a caller leaves the ACD without an agent (the front then runs rule R9's failure path). */
public enum NotServedReason {
    /** The queue's maximum wait passed and the queue does not overflow. */
    MAX_WAIT_REACHED,
    /** Nobody serving the queue is logged in and the queue fails at once in that case. */
    NO_AGENT_LOGGED_IN
}
