package org.hotline.metrics;

import java.util.Locale;

/**
 * How a caller's stay in one queue ended: the {@code outcome} tag of the queue meters. Exactly one
 * outcome per stay; an overflow ends the stay in the first queue and starts one in the next. The
 * offered calls of the answer rate and the service level (docs/metrics.md) are the outcomes that
 * {@link #offered()}: short abandons and overflows are not.
 */
public enum QueueOutcome {
    /** An agent answered (the caller was connected). */
    ANSWERED(true),
    /** The caller hung up while waiting or ringing, after the short-abandon threshold. */
    ABANDONED(true),
    /** The caller hung up sooner than {@code metrics.shortAbandonThreshold} after joining. */
    SHORT_ABANDONED(false),
    /** The queue's maximum wait passed and the queue fails then (rule R9's failure path). */
    TIMED_OUT(true),
    /** Nobody serving a {@code whenNoAgents: fail} queue was logged in (rule R9's failure path). */
    NO_AGENTS(true),
    /** The queue's maximum wait passed and the caller moved on to the overflow queue. */
    OVERFLOWED(false),
    /**
     * Rule R12: the caller asked to be called back and left, keeping their place as a callback; not
     * an abandon. Not offered: the callback's own outcome (answered when an agent takes it) counts.
     */
    CALLBACK(false);

    private final boolean offered;

    QueueOutcome(boolean offered) {
        this.offered = offered;
    }

    /** Whether the stay counts as a call offered to the queue (the denominator of both ratios). */
    public boolean offered() {
        return offered;
    }

    /** The tag value: the name in lower case, e.g. {@code short_abandoned}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
