package org.hotline.acd;

import java.util.Set;

/**
 * What the system says an agent is doing with calls (mod_callcenter's agent <em>state</em>),
 * independent of the {@link AgentStatus} the agent declares.
 *
 * <p>Transition table:
 * <pre>
 *   IDLE    -> OFFERED                    (the agent's phone rings)
 *   OFFERED -> ON_CALL, IDLE              (answered; or no answer, rejected, cancelled)
 *   ON_CALL -> ON_HOLD, WRAP_UP, IDLE     (hold; call ended: wrap-up, or IDLE when the queue has none)
 *   ON_HOLD -> ON_CALL, WRAP_UP, IDLE     (resume; call ended while on hold)
 *   WRAP_UP -> IDLE                       (after-call work time is over)
 * </pre>
 */
public enum AgentState {
    IDLE,
    /** An offer is ringing the agent's phone (rule R1 bounds how long). */
    OFFERED,
    ON_CALL,
    /** The agent put the caller on hold (rule R7 announcements run on the caller's side). */
    ON_HOLD,
    /** After-call work: the queue's wrap-up time after a call ends. */
    WRAP_UP;

    /** The states this one may move to. */
    public Set<AgentState> successors() {
        return switch (this) {
            case IDLE -> Set.of(OFFERED);
            case OFFERED -> Set.of(ON_CALL, IDLE);
            case ON_CALL -> Set.of(ON_HOLD, WRAP_UP, IDLE);
            case ON_HOLD -> Set.of(ON_CALL, WRAP_UP, IDLE);
            case WRAP_UP -> Set.of(IDLE);
        };
    }

    public boolean canMoveTo(AgentState next) {
        return successors().contains(next);
    }

    /** Returns {@code next} if the table allows it, else throws {@link IllegalTransitionException}. */
    public AgentState moveTo(AgentState next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException(this, next);
        }
        return next;
    }

    /** On a call with a caller, talking or holding. */
    public boolean isInCall() {
        return this == ON_CALL || this == ON_HOLD;
    }
}
