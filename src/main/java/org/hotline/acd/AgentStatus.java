package org.hotline.acd;

import java.util.Set;

/**
 * What an agent declares about themself (mod_callcenter's agent <em>status</em>), as opposed to the
 * {@link AgentState} the system sets. Only an {@link #AVAILABLE} agent receives offers.
 *
 * <p>Transition table (a status never moves to itself; a change of not-ready reason is not a
 * transition, so the rule R16 period cannot be restarted by re-declaring it):
 * <pre>
 *   LOGGED_OUT -> AVAILABLE                          (log in)
 *   AVAILABLE  -> NOT_READY, ON_BREAK, LOGGED_OUT
 *   NOT_READY  -> AVAILABLE, ON_BREAK, LOGGED_OUT
 *   ON_BREAK   -> AVAILABLE, NOT_READY, LOGGED_OUT
 * </pre>
 */
public enum AgentStatus {
    LOGGED_OUT,
    AVAILABLE,
    /** Logged in but not taking calls, with a reason (rule R16 limits how long). */
    NOT_READY,
    /** A break: requested (rule R17 limits) or imposed after long service (rule R18). */
    ON_BREAK;

    /** The statuses this one may move to. */
    public Set<AgentStatus> successors() {
        return switch (this) {
            case LOGGED_OUT -> Set.of(AVAILABLE);
            case AVAILABLE -> Set.of(NOT_READY, ON_BREAK, LOGGED_OUT);
            case NOT_READY -> Set.of(AVAILABLE, ON_BREAK, LOGGED_OUT);
            case ON_BREAK -> Set.of(AVAILABLE, NOT_READY, LOGGED_OUT);
        };
    }

    public boolean canMoveTo(AgentStatus next) {
        return successors().contains(next);
    }

    /** Returns {@code next} if the table allows it, else throws {@link IllegalTransitionException}. */
    public AgentStatus moveTo(AgentStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalTransitionException(this, next);
        }
        return next;
    }

    public boolean isLoggedIn() {
        return this != LOGGED_OUT;
    }
}
