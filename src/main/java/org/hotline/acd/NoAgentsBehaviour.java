package org.hotline.acd;

/**
 * What a queue does with callers while nobody serving it is logged in (agents not ready or on
 * break count as logged in).
 */
public enum NoAgentsBehaviour {
    /** Callers wait (up to the maximum wait) for an agent to log in. */
    WAIT,
    /** Callers are not served at once (rule R9's failure path), on joining and when the last agent logs out. */
    FAIL
}
